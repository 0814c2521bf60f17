package vaeexplorer.ui.latent;

/** How the scatter, its legend and the figures mark a point's class besides its colour (View › Markers). */
public enum MarkerStyle {
    /** A shape per class (circle, square, triangle...): tells classes apart without colour. The default. */
    SHAPES("markers.shapes"),
    /** The class's number drawn as the mark (for MNIST: the digit itself). */
    LABELS("markers.labels"),
    /** Small round dots, colour only: the least ink for a crowded plot. */
    DOTS("markers.dots");

    /** What the app starts with: shapes, since colour alone cannot tell ten classes apart for every student. */
    public static final MarkerStyle DEFAULT = SHAPES;

    private final String textKey;

    MarkerStyle(String textKey) {
        this.textKey = textKey;
    }

    /** The i18n key of its menu text. */
    public String textKey() {
        return textKey;
    }

    /** The style of a saved name, or the default for an unknown one. */
    public static MarkerStyle parse(String name) {
        for (MarkerStyle s : values()) if (s.name().equalsIgnoreCase(name == null ? "" : name.trim())) return s;
        return DEFAULT;
    }
}
