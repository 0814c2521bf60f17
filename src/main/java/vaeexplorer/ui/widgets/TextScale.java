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
    private java.util.function.DoubleConsumer chosen = s -> {};
    private final DoubleBinding fontSize = Bindings.createDoubleBinding(() -> BASE_FONT_PX * scale.get(), scale);

    public DoubleProperty scale() { return scale; }
    /** The root font size in pixels. */
    public DoubleBinding fontSize() { return fontSize; }

    /**
     * Tells who keeps the setting (the prefs file) each time the user chooses a size: {@link #larger}, {@link #smaller},
     * {@link #normal} (View menu, Ctrl+Plus / Minus / 0). Setting {@link #scale()} itself (presentation mode) is not
     * a choice.
     */
    public void onChosen(java.util.function.DoubleConsumer c) {
        chosen = c;
    }

    public void larger() {
        for (double s : STEPS)
            if (s > scale.get() + 1e-9) {
                choose(s);
                return;
            }
    }

    public void smaller() {
        for (int i = STEPS.length - 1; i >= 0; i--)
            if (STEPS[i] < scale.get() - 1e-9) {
                choose(STEPS[i]);
                return;
            }
    }

    public void normal() {
        choose(1.0);
    }

    private void choose(double s) {
        scale.set(s);
        chosen.accept(s);
    }

    /** The smallest and the largest step of {@link #larger} / {@link #smaller}. */
    public static double smallest() { return STEPS[0]; }
    public static double largest() { return STEPS[STEPS.length - 1]; }

    /**
     * A scale read from somewhere (the prefs file) as one of the menu's steps: the nearest step, or 1 for anything
     * that is not a number.
     */
    public static double step(double s) {
        if (!Double.isFinite(s)) return 1.0;
        double best = 1.0;
        for (double t : STEPS) if (Math.abs(t - s) < Math.abs(best - s)) best = t;
        return best;
    }
}
