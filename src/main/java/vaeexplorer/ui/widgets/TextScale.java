package vaeexplorer.ui.widgets;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/** The text size of the whole window (View › Larger text), for projectors. Canvases and the chart follow it too. */
public final class TextScale {
    /** The text scale of presentation mode on a 720-line screen (taller screens get proportionally more). */
    public static final double PRESENTATION_AT_720 = 1.3;
    public static final double BASE_FONT_PX = 13;
    private static final double[] STEPS = {0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0};

    private final DoubleProperty scale = new SimpleDoubleProperty(1.0);
    private final DoubleBinding fontSize = Bindings.createDoubleBinding(() -> BASE_FONT_PX * scale.get(), scale);

    public DoubleProperty scale() { return scale; }
    /** The root font size in pixels. */
    public DoubleBinding fontSize() { return fontSize; }

    public void larger() {
        for (double s : STEPS)
            if (s > scale.get() + 1e-9) {
                scale.set(s);
                return;
            }
    }

    public void smaller() {
        for (int i = STEPS.length - 1; i >= 0; i--)
            if (STEPS[i] < scale.get() - 1e-9) {
                scale.set(STEPS[i]);
                return;
            }
    }

    public void normal() {
        scale.set(1.0);
    }
}
