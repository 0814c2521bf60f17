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
     * one plotted dimension (sy < 0) a bar of +-1 and +-2 sigma on y = my.
     */
    public static void gaussian(GraphicsContext g, PlotTransform v, double mx, double my, double sx, double sy, Color c,
                         double width) {
        double cx = v.toScreenX(mx), cy = v.toScreenY(my), s = v.scale();
        g.setStroke(c);
        g.setLineWidth(width);
        if (sy < 0) {
            for (int k = 1; k <= 2; k++) {
                double h = 4 + 3 * k;
                g.strokeLine(cx - k * sx * s, cy, cx + k * sx * s, cy);
                g.strokeLine(cx - k * sx * s, cy - h, cx - k * sx * s, cy + h);
                g.strokeLine(cx + k * sx * s, cy - h, cx + k * sx * s, cy + h);
            }
            return;
        }
        g.setFill(Color.color(c.getRed(), c.getGreen(), c.getBlue(), 0.12));
        g.fillOval(cx - sx * s, cy - sy * s, 2 * sx * s, 2 * sy * s);
        g.strokeOval(cx - sx * s, cy - sy * s, 2 * sx * s, 2 * sy * s);
        g.setLineDashes(5, 4);
        g.strokeOval(cx - 2 * sx * s, cy - 2 * sy * s, 4 * sx * s, 4 * sy * s);
        g.setLineDashes();
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
