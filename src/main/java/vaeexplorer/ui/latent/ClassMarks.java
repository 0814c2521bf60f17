package vaeexplorer.ui.latent;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;

/**
 * How every view marks a point's class, chosen once for the whole app (View › Markers): the scatter, the compare
 * view's plots, the legends and the exported figures (PNG, SVG, GIF) all follow {@link #style()}. A class is told by its
 * colour ({@link Palette}) and by a second channel that needs no colour: its shape ({@link MarkerShape}) or its number
 * ({@link #tag}). Shapes are the default, because no ten colours stay apart under every colour-vision deficiency.
 */
public final class ClassMarks {
    private static final String KEY = ClassMarks.class.getName();
    private static final ObjectProperty<MarkerStyle> STYLE = new SimpleObjectProperty<>(MarkerStyle.DEFAULT);

    private ClassMarks() {}

    /** The marker style of the whole app (FX thread). */
    public static ObjectProperty<MarkerStyle> style() {
        return STYLE;
    }

    /** The text a class is marked with in the labels style: its number (for MNIST the digit itself), "?" unlabelled. */
    public static String tag(int label) {
        return label < 0 ? "?" : Integer.toString(label);
    }

    /** The outline a class is marked with in style s: its own shape, or (dots, numbers) the circle. */
    public static MarkerShape shape(MarkerStyle s, int label) {
        return s == MarkerStyle.SHAPES ? MarkerShape.of(label) : MarkerShape.CIRCLE;
    }

    /**
     * How much larger than a colour-only dot a mark of this style is drawn, so that shapes and numbers can be told
     * apart at a glance (a shape needs about 12 pixels across for its corners to show, a digit about as much).
     */
    public static double sizeFactor(MarkerStyle s) {
        return switch (s) {
            case DOTS -> 1.0;
            case SHAPES -> 2.0;
            case LABELS -> 2.2;
        };
    }

    /** Runs action on the FX thread each time the style changes, for as long as owner lives (held weakly). */
    public static void onChange(Node owner, Runnable action) {
        InvalidationListener l = o -> action.run();
        @SuppressWarnings("unchecked")
        List<InvalidationListener> held = (List<InvalidationListener>) owner.getProperties().computeIfAbsent(KEY,
                k -> new ArrayList<InvalidationListener>());
        held.add(l);
        STYLE.addListener(new WeakInvalidationListener(l));
    }
}
