package vaeexplorer.ui.lessons.arithmetic;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import vaeexplorer.core.train.LatentCodes;

import vaeexplorer.ui.i18n.ClassNames;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlane;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.PlotLayer;
import vaeexplorer.ui.latent.PlotTransform;
import vaeexplorer.ui.latent.PlotMarks;
import vaeexplorer.ui.lessons.LessonInputs;

/**
 * The lesson in the scatter, while its tab is shown: the attribute vector as an arrow from class A's mean to class
 * B's (both projected through the plotted plane, so it is exact for two dimensions and for PCA), each end labelled
 * with its class; and the analogy's a, b, c with the result a - b + c, joined to c by a dashed arrow that is b -> a
 * moved to c.
 */
public final class ArithmeticOverlay implements PlotLayer {
    static final Color ARROW = Color.web("#00695c");
    static final Color ANALOGY = Color.web("#ad1457");
    private final LatentModel latent;
    private final ArithmeticModel model;

    public ArithmeticOverlay(LatentModel latent, ArithmeticModel model, LatentPlotView plot) {
        this.latent = latent;
        this.model = model;
        LessonInputs.onChange(plot::redrawOverlays, model.shown(), model.vector(), model.analogy(), model.meanA(),
                model.meanB(), latent.plane(), vaeexplorer.ui.i18n.I18n.locale());
    }

    @Override
    public void draw(GraphicsContext g, PlotTransform v, double fontSize) {
        if (!model.shown().get()) return;
        LatentPlane plane = latent.plane().get();
        double[] a = model.arrow(plane);
        if (a != null) {
            double x0 = v.toScreenX(a[0]), y0 = v.toScreenY(a[1]), x1 = v.toScreenX(a[2]), y1 = v.toScreenY(a[3]);
            arrow(g, x0, y0, x1, y1, fontSize, ARROW, false);
            var names = latent.shown().get() == null ? java.util.List.<String>of() : latent.shown().get().classNames();
            label(g, ClassNames.of(names, model.classA().get()), x0, y0, x1, y1, fontSize, ARROW);
            label(g, ClassNames.of(names, model.classB().get()), x1, y1, x0, y0, fontSize, ARROW);
        }
        int[] p = model.picks().get();
        float[] r = model.analogy().get();
        LatentCodes c = latent.codes().get();
        if (p == null || r == null || c == null || r.length != plane.latent()) return;
        String[] names = {"a", "b", "c"};
        double[] xs = new double[3], ys = new double[3];
        for (int k = 0; k < 3; k++) {
            xs[k] = v.toScreenX(plane.x(c, p[k]));
            ys[k] = v.toScreenY(plane.y(c, p[k]));
        }
        double rx = v.toScreenX(plane.x(r)), ry = v.toScreenY(plane.y(r));
        arrow(g, xs[1], ys[1], xs[0], ys[0], fontSize, ANALOGY, true);
        arrow(g, xs[2], ys[2], rx, ry, fontSize, ANALOGY, true);
        double dot = Math.max(3, 0.3 * fontSize);
        for (int k = 0; k < 3; k++) {
            PlotMarks.dot(g, xs[k], ys[k], dot, ANALOGY);
            PlotMarks.label(g, names[k], xs[k] + dot + 0.5 * fontSize, ys[k] - dot - 0.4 * fontSize, fontSize, ANALOGY,
                    TextAlignment.CENTER);
        }
        double s = Math.max(6, 0.6 * fontSize);
        g.setFill(Color.WHITE);
        g.fillRect(rx - s - 1.5, ry - s - 1.5, 2 * s + 3, 2 * s + 3);
        g.setStroke(ANALOGY);
        g.setLineWidth(2.5);
        g.strokeRect(rx - s, ry - s, 2 * s, 2 * s);
        PlotMarks.label(g, "a \u2212 b + c", rx, ry - s - 0.8 * fontSize, fontSize, ANALOGY, TextAlignment.CENTER);
    }

    /** A line from (x0, y0) to (x1, y1) with a head at its end, on a white halo. */
    private static void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, double fontSize, Color c,
                              boolean dashed) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        double head = Math.max(9, 0.9 * fontSize);
        double ux = len > 0 ? (x1 - x0) / len : 1, uy = len > 0 ? (y1 - y0) / len : 0;
        double bx = x1 - ux * head, by = y1 - uy * head;
        double[] hx = {x1, bx - uy * head * 0.5, bx + uy * head * 0.5};
        double[] hy = {y1, by + ux * head * 0.5, by - ux * head * 0.5};
        g.setLineDashes();
        g.setStroke(Color.WHITE);
        g.setLineWidth(dashed ? 4.5 : 6);
        g.strokeLine(x0, y0, bx, by);
        g.setStroke(c);
        g.setLineWidth(dashed ? 2 : 3);
        if (dashed) g.setLineDashes(7, 5);
        g.strokeLine(x0, y0, bx, by);
        g.setLineDashes();
        g.setFill(Color.WHITE);
        g.setStroke(Color.WHITE);
        g.setLineWidth(3);
        g.strokePolygon(hx, hy, 3);
        g.setFill(c);
        g.fillPolygon(hx, hy, 3);
        if (!dashed) {
            double r = Math.max(3.5, 0.35 * fontSize);
            PlotMarks.dot(g, x0, y0, r, c);
        }
    }

    /** A class's name beside the arrow's end at (x, y), on the side away from its other end (x2, y2). */
    private static void label(GraphicsContext g, String text, double x, double y, double x2, double y2, double fontSize,
                              Color c) {
        if (text.isEmpty()) return;
        double len = Math.hypot(x - x2, y - y2);
        double ux = len > 0 ? (x - x2) / len : 0, uy = len > 0 ? (y - y2) / len : -1;
        double off = 1.1 * fontSize;
        TextAlignment align = ux > 0.3 ? TextAlignment.LEFT : ux < -0.3 ? TextAlignment.RIGHT : TextAlignment.CENTER;
        PlotMarks.label(g, text, x + ux * off, y + uy * off, fontSize, c, align);
    }
}
