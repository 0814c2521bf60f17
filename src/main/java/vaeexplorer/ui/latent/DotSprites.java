package vaeexplorer.ui.latent;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Pre-drawn anti-aliased dots, one per class colour, so the scatter draws 2,000 points as image copies instead of
 * 2,000 filled paths (which the software renderer takes a third of a second for).
 */
final class DotSprites {
    private final double radius;
    private final WritableImage[] dots = new WritableImage[Palette.size() + 1];
    private final int size;

    DotSprites(double radius, double opacity) {
        this.radius = radius;
        size = (int) Math.ceil(2 * radius) + 2;
        for (int k = 0; k < dots.length; k++) dots[k] = dot(k == Palette.size() ? Palette.of(-1) : Palette.of(k), opacity);
    }

    double radius() {
        return radius;
    }

    /** Side of the square images in pixels. */
    int size() {
        return size;
    }

    /** The dot of a class label (unlabelled: grey). */
    WritableImage of(int label) {
        return label < 0 ? dots[Palette.size()] : dots[label % Palette.size()];
    }

    private WritableImage dot(Color c, double opacity) {
        WritableImage img = new WritableImage(size, size);
        PixelWriter w = img.getPixelWriter();
        double centre = size / 2.0;
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                double d = Math.hypot(x + 0.5 - centre, y + 0.5 - centre);
                double coverage = Math.max(0, Math.min(1, radius + 0.5 - d));
                w.setColor(x, y, Color.color(c.getRed(), c.getGreen(), c.getBlue(), coverage * opacity));
            }
        return img;
    }
}
