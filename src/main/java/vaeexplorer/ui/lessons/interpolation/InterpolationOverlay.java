package vaeexplorer.ui.lessons.interpolation;

import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.PlotLayer;
import vaeexplorer.ui.latent.PlotMarks;
import vaeexplorer.ui.latent.PlotTransform;
import vaeexplorer.ui.lessons.LessonInputs;

/** The interpolation in the scatter: the line from A to B with a dot per frame, and the ends as draggable handles. */
public final class InterpolationOverlay implements PlotLayer {
    private static final Color LINE = Color.web("#6a1b9a");
    private final LatentModel latent;
    private final InterpolationModel model;
    private final LatentPlotView plot;

    public InterpolationOverlay(LatentModel latent, InterpolationModel model, LatentPlotView plot) {
        this.latent = latent;
        this.model = model;
        this.plot = plot;
        LessonInputs.onChange(plot::redrawOverlays, model.a(), model.b(), model.frames());
    }

    /** Radius of an end's handle in pixels. */
    static double handleRadius(double fontSize) {
        return Math.max(9, 0.8 * fontSize);
    }

    /** Where end which (0: A, 1: B) is drawn, in the plot's coordinates, or null. */
    public Point2D handlePosition(int which) {
        float[] z = model.end(which);
        if (z == null || z.length != latent.size().get()) return null;
        PlotTransform v = plot.transform();
        vaeexplorer.ui.latent.LatentPlane plane = latent.plane().get();
        // a line in z projects onto a line of the plane (both projections are linear): the ends' images suffice
        return new Point2D(v.toScreenX(plane.x(z)), v.toScreenY(plane.y(z)));
    }

    /** The end whose handle is at (x, y) in the plot's coordinates, or -1. */
    public int handleAt(double x, double y, double fontSize) {
        double r = handleRadius(fontSize) + 2;
        for (int which = 1; which >= 0; which--) {
            Point2D p = handlePosition(which);
            if (p != null && p.distance(x, y) <= r) return which;
        }
        return -1;
    }

    @Override
    public void draw(GraphicsContext g, PlotTransform view, double fontSize) {
        Point2D pa = handlePosition(0), pb = handlePosition(1);
        if (pa == null && pb == null) return;
        if (pa != null && pb != null) {
            g.setStroke(Color.WHITE);
            g.setLineWidth(5);
            g.strokeLine(pa.getX(), pa.getY(), pb.getX(), pb.getY());
            g.setStroke(LINE);
            g.setLineWidth(2.5);
            g.strokeLine(pa.getX(), pa.getY(), pb.getX(), pb.getY());
            int n = model.frames().get();
            for (int k = 1; k < n - 1; k++) {
                double t = (double) k / (n - 1);
                PlotMarks.dot(g, pa.getX() + (pb.getX() - pa.getX()) * t, pa.getY() + (pb.getY() - pa.getY()) * t,
                        Math.max(2.5, 0.22 * fontSize), LINE);
            }
        }
        double r = handleRadius(fontSize);
        String[] names = {"A", "B"};
        Point2D[] ps = {pa, pb};
        for (int which = 0; which < 2; which++) {
            Point2D p = ps[which];
            if (p == null) continue;
            g.setFill(Color.WHITE);
            g.fillOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
            g.setStroke(LINE);
            g.setLineWidth(2.5);
            g.strokeOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
            PlotMarks.label(g, names[which], p.getX(), p.getY(), fontSize, LINE, TextAlignment.CENTER);
        }
    }
}
