package vaeexplorer.ui.latent;

import javafx.scene.paint.Color;

/** Ten class colours that stay apart on a white background and on a washed-out projector. */
public final class Palette {
    private static final Color[] CLASSES = {
        Color.web("#1f77b4"), // blue
        Color.web("#ff7f0e"), // orange
        Color.web("#2ca02c"), // green
        Color.web("#d62728"), // red
        Color.web("#9467bd"), // purple
        Color.web("#8c564b"), // brown
        Color.web("#e377c2"), // pink
        Color.web("#4d4d4d"), // dark grey
        Color.web("#a8a800"), // olive
        Color.web("#17becf"), // cyan
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

}
