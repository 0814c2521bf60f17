package vaeexplorer.ui.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.ui.latent.ClassMarks;
import vaeexplorer.ui.latent.LatentPlane;
import vaeexplorer.ui.latent.MarkerShape;
import vaeexplorer.ui.latent.MarkerStyle;
import vaeexplorer.ui.latent.Palette;
import vaeexplorer.ui.widgets.NiceTicks;

/**
 * The latent scatter as a figure for a slide or a paper: the means of the shown images in their classes' colours and
 * marks (shapes, numbers or dots, as View › Markers says: see {@link ClassMarks}), the
 * prior's 1- and 2-sigma circles, grid, ticks, axis titles, a title and a legend of the classes, drawn into any
 * Graphics2D (a PNG's image or an SVG document) at the size asked. It shows the region the plot shows, at the same
 * scale on both axes, widened to the figure's shape.
 */
final class ScatterFigure {
    /**
     * What the figure shows.
     *
     * @param codes      the shown images' codes
     * @param plane      the plane shown (two dimensions, -1 up for a one-dimensional latent with the points on a line;
     *                   or PCA), whose origin is the prior's centre
     * @param classNames the name of each class label, in the UI's language ("" for none)
     * @param region     {minX, maxX, minY, maxY} the plot shows now
     * @param marks      how each class is marked besides its colour
     */
    record Content(LatentCodes codes, LatentPlane plane, List<String> classNames, double[] region, String title,
                   String xTitle, String yTitle, MarkerStyle marks) {}

    private ScatterFigure() {}

    /** Draws the figure into g over (0, 0, width, height) in g's units. */
    static void draw(Graphics2D g, Content c, double width, double height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        double unit = Math.min(width, height) / 540; // sizes are set for a 960x540 figure
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(18 * unit));
        Font axisFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(16 * unit));
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(13 * unit));

        // the legend's width: the longest class name beside a dot
        g.setFont(axisFont);
        FontMetrics fm = g.getFontMetrics();
        int classes = c.classNames().size();
        double legendWidth = 0;
        for (String n : c.classNames()) legendWidth = Math.max(legendWidth, fm.stringWidth(n));
        legendWidth = classes == 0 ? 0 : legendWidth + 34 * unit;

        double left = 64 * unit, right = 16 * unit + legendWidth, top = 40 * unit, bottom = 56 * unit;
        double pw = width - left - right, ph = height - top - bottom;
        // the region at one scale for both axes, widened to the plot area's shape
        double[] r = c.region();
        double cx = (r[0] + r[1]) / 2, cy = (r[2] + r[3]) / 2;
        double scale = Math.min(pw / (r[1] - r[0]), ph / (r[3] - r[2]));
        double minX = cx - pw / 2 / scale, maxX = cx + pw / 2 / scale, minY = cy - ph / 2 / scale, maxY = cy + ph / 2 / scale;
        Mapping m = new Mapping(left, top, pw, ph, minX, maxY, scale);

        g.setColor(new Color(0x21, 0x21, 0x21));
        g.setFont(titleFont);
        g.drawString(c.title(), (float) left, (float) (top - 14 * unit));

        // grid and ticks
        double step = NiceTicks.step(0, Math.min(maxX - minX, maxY - minY), (int) Math.max(2, Math.min(pw, ph) / (45 * unit)));
        g.setFont(tickFont);
        fm = g.getFontMetrics();
        g.setStroke(new BasicStroke((float) unit));
        for (double t : NiceTicks.ticks(minX, maxX, step)) {
            double x = m.x(t);
            g.setColor(Math.abs(t) < step * 1e-6 ? new Color(0xb0, 0xb6, 0xba) : new Color(0xe6, 0xe9, 0xeb));
            g.draw(new Line2D.Double(x, top, x, top + ph));
            String s = NiceTicks.label(t, step);
            g.setColor(new Color(0x45, 0x4a, 0x4d));
            g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), (float) (top + ph + fm.getAscent() + 4 * unit));
        }
        boolean line = c.plane().oneDimensional();
        if (!line)
            for (double t : NiceTicks.ticks(minY, maxY, step)) {
                double y = m.y(t);
                g.setColor(Math.abs(t) < step * 1e-6 ? new Color(0xb0, 0xb6, 0xba) : new Color(0xe6, 0xe9, 0xeb));
                g.draw(new Line2D.Double(left, y, left + pw, y));
                String s = NiceTicks.label(t, step);
                g.setColor(new Color(0x45, 0x4a, 0x4d));
                g.drawString(s, (float) (left - fm.stringWidth(s) - 6 * unit), (float) (y + fm.getAscent() / 2.0 - 1));
            }
        g.setColor(new Color(0x9e, 0xa4, 0xa8));
        g.draw(new Rectangle2D.Double(left, top, pw, ph));

        // axis titles
        g.setFont(axisFont);
        fm = g.getFontMetrics();
        g.setColor(new Color(0x21, 0x21, 0x21));
        g.drawString(c.xTitle(), (float) (left + pw / 2 - fm.stringWidth(c.xTitle()) / 2.0), (float) (height - 12 * unit));
        if (!line) {
            java.awt.geom.AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2, 20 * unit, top + ph / 2);
            g.drawString(c.yTitle(), (float) (20 * unit - fm.stringWidth(c.yTitle()) / 2.0), (float) (top + ph / 2 + fm.getAscent() / 2.0));
            g.setTransform(saved);
        }

        Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(left, top, pw, ph));
        // the prior N(0, I): its 1- and 2-sigma circles
        g.setColor(new Color(0x37, 0x47, 0x4f));
        for (int k = 1; k <= 2; k++) {
            g.setStroke(new BasicStroke((float) (1.5 * unit), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {(float) (6 * unit), (float) (4 * unit)}, 0));
            double rr = k * scale;
            double ox = m.x(c.plane().originX()), oy = m.y(c.plane().originY()); // N(0, I) projects to N(origin, I)
            if (!line) g.draw(new Ellipse2D.Double(ox - rr, oy - rr, 2 * rr, 2 * rr));
        }
        // the points, in the classes' colours and marks
        LatentCodes codes = c.codes();
        double dot = 2.6 * unit * ClassMarks.sizeFactor(c.marks());
        Font markFont = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(1, (int) Math.round(1.9 * dot)));
        if (codes != null)
            for (int i = 0; i < codes.size(); i++) {
                double x = m.x(c.plane().x(codes, i)), y = m.y(c.plane().y(codes, i));
                mark(g, c.marks(), codes.label(i), x, y, dot, 0.8f, markFont, unit);
            }
        g.setClip(clip);

        // the legend: exactly the marks the plot uses
        double ly = top + 4 * unit, lx = width - legendWidth;
        Font legendMarkFont = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(15 * unit));
        for (int k = 0; k < classes; k++) {
            double d = 6 * unit, rowH = fm.getHeight() + 4 * unit, yy = ly + k * rowH + rowH / 2;
            mark(g, c.marks(), k, lx + d, yy, d, 1f, legendMarkFont, unit);
            g.setFont(axisFont);
            g.setColor(new Color(0x21, 0x21, 0x21));
            g.drawString(c.classNames().get(k), (float) (lx + 2 * d + 8 * unit), (float) (yy + fm.getAscent() / 2.0 - 2 * unit));
        }
    }

    /**
     * One class mark centred at (x, y): the class's shape (or a dot) of radius r, its fill at opacity and a rim of the
     * colour darkened (as on screen), or the class's number in font.
     */
    private static void mark(Graphics2D g, MarkerStyle style, int label, double x, double y, double r, float opacity,
                             Font font, double unit) {
        javafx.scene.paint.Color col = Palette.of(label), rim = Palette.rim(col);
        Color fill = new Color((float) col.getRed(), (float) col.getGreen(), (float) col.getBlue(), opacity);
        Color edge = new Color((float) rim.getRed(), (float) rim.getGreen(), (float) rim.getBlue());
        if (style == MarkerStyle.LABELS) {
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            String t = ClassMarks.tag(label);
            float tx = (float) (x - fm.stringWidth(t) / 2.0), ty = (float) (y + fm.getAscent() / 2.0 - fm.getDescent() / 2.0);
            // as on screen: a white halo, a dark outline of the class's hue (4.5:1 on white), the number in its colour
            Shape glyph = new java.awt.font.TextLayout(t, font, g.getFontRenderContext())
                    .getOutline(java.awt.geom.AffineTransform.getTranslateInstance(tx, ty));
            // (none for a colour dark enough by itself, which it would only thicken)
            javafx.scene.paint.Color o = Palette.outline(col);
            float width = o.equals(col) ? 0 : (float) Math.max(1.5 * unit, 0.45 * r);
            g.setColor(new Color(1f, 1f, 1f, 0.85f));
            g.setStroke(new BasicStroke(width + (float) (2.5 * unit), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(glyph);
            if (width > 0) {
                g.setColor(new Color((float) o.getRed(), (float) o.getGreen(), (float) o.getBlue()));
                g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(glyph);
            }
            g.setColor(new Color((float) col.getRed(), (float) col.getGreen(), (float) col.getBlue())); // opaque, as text
            g.drawString(t, tx, ty);
            return;
        }
        Shape s = outline(ClassMarks.shape(style, label), x, y, r);
        g.setColor(fill);
        g.fill(s);
        g.setColor(edge);
        g.setStroke(new BasicStroke((float) (0.5 * unit)));
        g.draw(s);
    }

    /** A marker's outline scaled to radius r at (x, y). */
    private static Shape outline(MarkerShape shape, double x, double y, double r) {
        if (shape == MarkerShape.CIRCLE) return new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        double[] p = shape.outline();
        Path2D.Double path = new Path2D.Double();
        path.moveTo(x + r * p[0], y + r * p[1]);
        for (int k = 2; k < p.length; k += 2) path.lineTo(x + r * p[k], y + r * p[k + 1]);
        path.closePath();
        return path;
    }

    /** Latent coordinates to the figure's, one scale for both axes. */
    private record Mapping(double left, double top, double width, double height, double minX, double maxY, double scale) {
        double x(double v) { return left + (v - minX) * scale; }
        double y(double v) { return top + (maxY - v) * scale; }
    }
}
