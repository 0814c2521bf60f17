package vaeexplorer.ui.latent;

import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Pre-drawn anti-aliased class marks, one per class, in one {@link MarkerStyle}: so the scatter draws thousands of
 * points as image copies instead of filled paths (which the software renderer takes a third of a second for 2,000 of).
 * Shapes and dots are rasterised here from their outlines; numbers are drawn once into a canvas and copied. Each mark
 * has a darker rim of its own colour, so that light colours show on white and overlapping marks keep their edges; a
 * number's outline is dark enough to read as text (4.5:1 on white), inside a white halo.
 */
public final class MarkSprites {
    private final MarkerStyle style;
    private final double radius;
    private final WritableImage[] marks = new WritableImage[Palette.size() + 1];
    private final int size;

    /**
     * @param radius  the size of a mark: a dot's radius; shapes reach about this far (their areas equal the dot's)
     * @param opacity how opaque the fill is (the rim is drawn at full opacity)
     */
    MarkSprites(MarkerStyle style, double radius, double opacity) {
        this.style = style;
        this.radius = radius;
        // the farthest outline point (a triangle's corner, 1.56 r), its rim and a pixel of anti-aliasing
        size = (int) Math.ceil(2 * (style == MarkerStyle.SHAPES ? 1.6 : 1.0) * radius) + 3;
        for (int k = 0; k < marks.length; k++) {
            int label = k == Palette.size() ? -1 : k;
            marks[k] = style == MarkerStyle.LABELS ? text(label, opacity) : shape(label, opacity);
        }
    }

    /** The marks {@link #draw} copies from, kept while View's style and the size stay the same (FX thread). */
    private static MarkSprites drawn;

    /**
     * Draws the class's mark in the chosen style, as the scatter draws its points (the same pre-drawn sprite, opaque),
     * centred on screen (x, y) with the given radius (a dot's; shapes and numbers as far as theirs reach); nothing in
     * the dots style, where colour is the only channel. Returns whether a mark was drawn. FX thread.
     */
    public static boolean draw(javafx.scene.canvas.GraphicsContext g, int label, double x, double y, double radius) {
        MarkerStyle s = ClassMarks.style().get();
        if (s == MarkerStyle.DOTS) return false;
        if (drawn == null || drawn.style() != s || drawn.radius() != radius) drawn = new MarkSprites(s, radius, 1.0);
        double half = drawn.size() / 2.0;
        g.drawImage(drawn.of(label), Math.round(x - half), Math.round(y - half));
        return true;
    }

    MarkerStyle style() {
        return style;
    }

    double radius() {
        return radius;
    }

    /** Side of the square images in pixels. */
    int size() {
        return size;
    }

    /** The mark of a class label (unlabelled: a grey dot or "?"). */
    WritableImage of(int label) {
        return label < 0 ? marks[Palette.size()] : marks[label % Palette.size()];
    }

    /** The outline a class is drawn with in this style (dots: the circle). */
    MarkerShape shapeOf(int label) {
        return ClassMarks.shape(style, label);
    }

    private WritableImage shape(int label, double opacity) {
        Color c = Palette.of(label), rim = Palette.rim(c);
        double[] p = shapeOf(label).outline();
        for (int k = 0; k < p.length; k++) p[k] *= radius;
        // the rim: 1 pixel, or a fifth of the radius for tiny marks
        double rimWidth = Math.min(1.0, 0.25 * radius);
        WritableImage img = new WritableImage(size, size);
        PixelWriter w = img.getPixelWriter();
        double centre = size / 2.0;
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                // s: signed distance from the pixel's centre to the outline (negative inside)
                double s = signedDistance(p, x + 0.5 - centre, y + 0.5 - centre);
                double outer = clamp(0.5 - s), inner = clamp(0.5 - (s + rimWidth));
                if (outer <= 0) {
                    w.setColor(x, y, Color.TRANSPARENT);
                    continue;
                }
                // the fill covers `inner`, the rim the band between; alpha = fill's share * opacity + rim's share
                double rimShare = outer - inner, alpha = inner * opacity + rimShare;
                double r = (inner * opacity * c.getRed() + rimShare * rim.getRed()) / alpha;
                double g = (inner * opacity * c.getGreen() + rimShare * rim.getGreen()) / alpha;
                double b = (inner * opacity * c.getBlue() + rimShare * rim.getBlue()) / alpha;
                w.setColor(x, y, Color.color(clamp(r), clamp(g), clamp(b), clamp(alpha)));
            }
        return img;
    }

    private WritableImage text(int label, double opacity) {
        Color c = Palette.of(label);
        Canvas canvas = new Canvas(size, size);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFont(Font.font(null, FontWeight.BOLD, 1.9 * radius));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        // a dark outline of the class's hue (4.5:1 on white), about a pixel and a half outside the glyph: the light
        // digits (yellow, sky blue) are read by it; round a white halo, so a number stays readable over its neighbours
        // (a colour dark enough by itself gets none: an outline of its own colour would only fill the holes of 0, 8, 9)
        Color dark = Palette.outline(c);
        double outline = dark.equals(c) ? 0 : Math.max(2.5, 0.45 * radius);
        String t = ClassMarks.tag(label);
        g.setLineJoin(javafx.scene.shape.StrokeLineJoin.ROUND);
        g.setLineWidth(Math.max(1.5, outline + 2.5));
        g.setStroke(Color.color(1, 1, 1, 0.85));
        g.strokeText(t, size / 2.0, size / 2.0);
        if (outline > 0) {
            g.setLineWidth(outline);
            g.setStroke(dark);
            g.strokeText(t, size / 2.0, size / 2.0);
        }
        g.setFill(c); // opaque: a number is read as text is
        g.fillText(t, size / 2.0, size / 2.0);
        SnapshotParameters sp = new SnapshotParameters();
        sp.setFill(Color.TRANSPARENT);
        return canvas.snapshot(sp, new WritableImage(size, size));
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** The distance from (x, y) to the closed polygon p {x0, y0, ...}, negative inside (even-odd rule). */
    static double signedDistance(double[] p, double x, double y) {
        double best = Double.MAX_VALUE;
        boolean inside = false;
        int n = p.length;
        for (int i = 0, j = n - 2; i < n; j = i, i += 2) {
            double ax = p[j], ay = p[j + 1], bx = p[i], by = p[i + 1];
            // distance to the segment a-b: project onto it, t clamped to [0, 1]
            double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
            double ex = x - (ax + t * dx), ey = y - (ay + t * dy);
            best = Math.min(best, ex * ex + ey * ey);
            if ((ay > y) != (by > y) && x < ax + (y - ay) * dx / dy) inside = !inside;
        }
        double d = Math.sqrt(best);
        return inside ? -d : d;
    }
}
