package vaeexplorer.ui.lessons.draw;

import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlane;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.PlotLayer;
import vaeexplorer.ui.latent.PlotMarks;
import vaeexplorer.ui.latent.PlotTransform;

/** Your drawing in the scatter: its posterior (1 and 2 sigma) and a black-rimmed diamond at its mu, labelled. */
public final class DrawOverlay implements PlotLayer {
    private final LatentModel latent;
    private final DrawModel model;
    private final LatentPlotView plot;

    public DrawOverlay(LatentModel latent, DrawModel model, LatentPlotView plot) {
        this.latent = latent;
        this.model = model;
        this.plot = plot;
        model.mu().addListener((o, a, b) -> plot.redrawOverlays());
        Relabel.onLocaleChange(plot, () -> { if (model.mu().get() != null) plot.redrawOverlays(); });
    }

    /** Where the drawing's mu is drawn, in the plot's coordinates, or null when it is not shown. */
    public Point2D markerPosition() {
        float[] mu = model.mu().get();
        if (mu == null || mu.length != latent.size().get()) return null;
        LatentPlane plane = latent.plane().get();
        PlotTransform v = plot.transform();
        return new Point2D(v.toScreenX(plane.x(mu)), v.toScreenY(plane.y(mu)));
    }

    @Override
    public void draw(GraphicsContext g, PlotTransform view, double fontSize) {
        Point2D p = markerPosition();
        float[] mu = model.mu().get(), sigma = model.sigma().get();
        if (p == null || sigma == null) return;
        LatentPlane plane = latent.plane().get();
        if (plane.oneDimensional())
            PlotMarks.gaussian(g, view, plane.x(mu), 0, sigma[plane.xDim()], -1, Color.BLACK, 2, fontSize);
        else PlotMarks.gaussian(g, view, plane.x(mu), plane.y(mu), plane.covariance(sigma), Color.BLACK, 2, fontSize);
        double r = Math.max(8, 0.75 * fontSize);
        double[] xs = {p.getX(), p.getX() + r, p.getX(), p.getX() - r}, ys = {p.getY() - r, p.getY(), p.getY() + r, p.getY()};
        g.setFill(Color.web("#ffeb3b"));
        g.fillPolygon(xs, ys, 4);
        g.setStroke(Color.BLACK);
        g.setLineWidth(2.5);
        g.strokePolygon(xs, ys, 4);
        PlotMarks.label(g, I18n.get("draw.yourDrawing"), p.getX() + r + 4, p.getY(), fontSize * 0.95, Color.BLACK, TextAlignment.LEFT);
    }
}
