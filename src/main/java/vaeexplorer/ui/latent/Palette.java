package vaeexplorer.ui.latent;

import javafx.scene.paint.Color;

/**
 * Ten class colours chosen for colour-vision deficiencies: the eight of Okabe and Ito's palette ("Color Universal
 * Design", 2002, https://jfly.uni-koeln.de/color/), in an order that keeps the first classes furthest apart, and, for
 * classes 8 and 9, "indigo" and "wine" from Paul Tol's "muted" qualitative scheme (Tol, "Colour Schemes", SRON
 * technical note, 2021, https://personal.sron.nl/~pault/), the two that stay furthest from the eight under simulated
 * protanopia, deuteranopia and tritanopia.
 *
 * <p>No ten colours stay 20 delta E apart under every deficiency (here the closest pair is about 16 apart under
 * tritanopia), so colour is never the only channel: each class also has its own marker shape or label (see
 * {@link ClassMarks}), shapes by default.
 */
public final class Palette {
    private static final Color[] CLASSES = {
        Color.web("#0072B2"), // Okabe-Ito blue
        Color.web("#E69F00"), // Okabe-Ito orange
        Color.web("#009E73"), // Okabe-Ito bluish green
        Color.web("#D55E00"), // Okabe-Ito vermillion
        Color.web("#CC79A7"), // Okabe-Ito reddish purple
        Color.web("#56B4E9"), // Okabe-Ito sky blue
        Color.web("#F0E442"), // Okabe-Ito yellow (drawn with a darker rim so it shows on white)
        Color.web("#000000"), // Okabe-Ito black
        Color.web("#332288"), // Tol muted indigo
        Color.web("#882255"), // Tol muted wine
    };
    private static final Color UNLABELLED = Color.web("#9e9e9e");

    private Palette() {}

    public static int size() {
        return CLASSES.length;
    }

    /** The colour of a class label (cycling after ten), grey for unlabelled points (label < 0). */
    public static Color of(int label) {
        return label < 0 ? UNLABELLED : CLASSES[label % CLASSES.length];
    }

    /**
     * The rim drawn around a mark of this colour, so that light colours (yellow, sky blue) show on white: the colour at
     * 55 % of its brightness.
     */
    public static Color rim(Color c) {
        return Color.color(0.55 * c.getRed(), 0.55 * c.getGreen(), 0.55 * c.getBlue(), c.getOpacity());
    }

    /**
     * The outline of a class's number (View › Markers › numbers): the colour darkened, its hue kept, until it has
     * WCAG's 4.5:1 against white, so that the yellow and sky-blue digits read as text does (the colour itself stays
     * the fill). Dark colours are their own outline.
     */
    public static Color outline(Color c) {
        Color o = c;
        for (double k = 1; contrastOnWhite(o) < 4.5 && k > 0; k -= 0.05)
            o = Color.color(k * c.getRed(), k * c.getGreen(), k * c.getBlue(), c.getOpacity());
        return o;
    }

    /** WCAG 2.1 contrast of an opaque colour against white. */
    static double contrastOnWhite(Color c) {
        return 1.05 / (luminance(c) + 0.05);
    }

    /** WCAG 2.1 relative luminance. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
