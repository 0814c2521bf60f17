package vaeexplorer.ui.latent;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Drawing helpers for the lesson overlays on the latent plot. */
public final class PlotMarks {
    private PlotMarks() {}

    /**
     * The 1- and 2-sigma ellipses of an axis-aligned Gaussian at (mx, my) with sigmas (sx, sy) in latent units; with
     * one plotted dimension (sy < 0) a bar of +-1 and +-2 sigma on y = my. Each line has a white halo, so it shows on
     * the points and the crosshair, and an ellipse too small to see at this zoom is drawn at {@link #minRadius} (its
     * shape kept).
     */
    public static void gaussian(GraphicsContext g, PlotTransform v, double mx, double my, double sx, double sy, Color c,
                         double width, double fontSize) {
        double cx = v.toScreenX(mx), cy = v.toScreenY(my), s = v.scale();
        double[] r = drawnRadii(sx * s, sy < 0 ? 0 : sy * s, minRadius(fontSize));
        double rx = r[0], ry = r[1];
        for (int pass = 0; pass < 2; pass++) {
            boolean halo = pass == 0;
            g.setStroke(halo ? Color.color(1, 1, 1, 0.85) : c);
            g.setLineWidth(halo ? width + 3 : width);
            if (sy < 0) {
                for (int k = 1; k <= 2; k++) {
                    double h = 4 + 3 * k;
                    g.strokeLine(cx - k * rx, cy, cx + k * rx, cy);
                    g.strokeLine(cx - k * rx, cy - h, cx - k * rx, cy + h);
                    g.strokeLine(cx + k * rx, cy - h, cx + k * rx, cy + h);
                }
                continue;
            }
            ellipses(g, cx, cy, rx, ry, 0, c, halo);
        }
    }

    /**
     * The 1- and 2-sigma ellipses of a Gaussian at (mx, my) whose covariance in the plotted plane is
     * cov = {var x, cov xy, var y} (say a posterior's diag(sigma^2) projected onto a PCA plane: P Sigma P^T), as
     * {@link #gaussian(GraphicsContext, PlotTransform, double, double, double, double, Color, double, double)} draws an
     * axis-aligned one: turned along the covariance's eigenvectors.
     */
    public static void gaussian(GraphicsContext g, PlotTransform v, double mx, double my, double[] cov, Color c,
                                double width, double fontSize) {
        double[] axes = principalAxes(cov);
        double cx = v.toScreenX(mx), cy = v.toScreenY(my), s = v.scale();
        double[] r = drawnRadii(axes[0] * s, axes[1] * s, minRadius(fontSize));
        for (int pass = 0; pass < 2; pass++) {
            boolean halo = pass == 0;
            g.setStroke(halo ? Color.color(1, 1, 1, 0.85) : c);
            g.setLineWidth(halo ? width + 3 : width);
            ellipses(g, cx, cy, r[0], r[1], axes[2], c, halo);
        }
    }

    /**
     * The standard deviations along the principal axes of a 2x2 covariance {a, b, c} = [[a, b], [b, c]] and the
     * angle of the first (larger) one from the x axis, in radians: {s1, s2, angle}.
     */
    public static double[] principalAxes(double[] cov) {
        double a = cov[0], b = cov[1], c = cov[2];
        double mean = (a + c) / 2, half = Math.hypot((a - c) / 2, b);
        double l1 = Math.max(0, mean + half), l2 = Math.max(0, mean - half);
        double angle = 0.5 * Math.atan2(2 * b, a - c);
        return new double[] {Math.sqrt(l1), Math.sqrt(l2), angle};
    }

    /** The 1-sigma ellipse (filled faintly unless halo) and the dashed 2-sigma one, turned by angle (latent, radians). */
    private static void ellipses(GraphicsContext g, double cx, double cy, double rx, double ry, double angle, Color c,
                                 boolean halo) {
        g.save();
        g.translate(cx, cy);
        if (angle != 0) g.rotate(-Math.toDegrees(angle)); // the screen's y runs down
        if (!halo) {
            g.setFill(Color.color(c.getRed(), c.getGreen(), c.getBlue(), 0.12));
            g.fillOval(-rx, -ry, 2 * rx, 2 * ry);
        }
        g.strokeOval(-rx, -ry, 2 * rx, 2 * ry);
        g.setLineDashes(5, 4);
        g.strokeOval(-2 * rx, -2 * ry, 4 * rx, 4 * ry);
        g.setLineDashes();
        g.restore();
    }

    /** The least radius (in pixels) a 1-sigma ellipse is drawn with: just outside the z crosshair's ring. */
    public static double minRadius(double fontSize) {
        return 1.25 * Math.max(8, 0.7 * fontSize);
    }

    /**
     * The radii a 1-sigma ellipse of on-screen radii (rx, ry) is drawn with (ry 0: a bar): as they are, or scaled up
     * together until the larger one is min, so that a narrow posterior stays visible and keeps its shape.
     */
    public static double[] drawnRadii(double rx, double ry, double min) {
        double larger = Math.max(rx, ry);
        if (!(larger > 0)) return new double[] {min, 0};
        double f = Math.max(1, min / larger);
        return new double[] {rx * f, ry * f};
    }

    /** A small dot with a white rim at screen (x, y). */
    public static void dot(GraphicsContext g, double x, double y, double r, Color c) {
        g.setFill(Color.WHITE);
        g.fillOval(x - r - 1.5, y - r - 1.5, 2 * r + 3, 2 * r + 3);
        g.setFill(c);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
    }

    /** Text with a white halo, so it stays readable over points. */
    public static void label(GraphicsContext g, String text, double x, double y, double fontSize, Color c, TextAlignment align) {
        g.setFont(Font.font(null, FontWeight.BOLD, fontSize));
        g.setTextAlign(align);
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(3);
        g.setStroke(Color.WHITE);
        g.strokeText(text, x, y);
        g.setFill(c);
        g.fillText(text, x, y);
    }
}
