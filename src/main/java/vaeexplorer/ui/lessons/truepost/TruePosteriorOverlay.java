package vaeexplorer.ui.lessons.truepost;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import vaeexplorer.core.vae.GridPosterior;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.PlotLayer;
import vaeexplorer.ui.latent.PlotMarks;
import vaeexplorer.ui.latent.PlotTransform;

/**
 * The true posterior p(z|x) on the scatter's axes while its lesson is shown: the heat map with its contour lines over
 * the box that holds the mass, and q(z|x)'s 1- and 2-sigma ellipses over it, so the two can be compared at a glance.
 * Drawn only when the plot shows dimensions 0 and 1 of a 2-D latent.
 */
public final class TruePosteriorOverlay implements PlotLayer {
    private static final Color Q = Color.web("#0d47a1");
    private final TruePosteriorModel model;
    private final LatentModel latent;
    private TruePosteriorMap shownMap;
    private WritableImage image;
    private boolean drawn;

    public TruePosteriorOverlay(TruePosteriorModel model, LatentModel latent, LatentPlotView plot) {
        this.model = model;
        this.latent = latent;
        model.result().addListener((o, a, b) -> plot.redrawOverlays());
        model.shown().addListener((o, a, b) -> plot.redrawOverlays());
    }

    /** Whether the map was drawn at the last redraw (for tests). */
    public boolean drawn() {
        return drawn;
    }

    @Override
    public void draw(GraphicsContext g, PlotTransform view, double fontSize) {
        drawn = false;
        TruePosteriorModel.Result r = model.result().get();
        if (!model.shown().get() || r == null || r.map() == null || latent.xDim().get() != 0 || latent.yDim().get() != 1)
            return;
        TruePosteriorMap m = r.map();
        if (m != shownMap) {
            image = new WritableImage(m.n(), m.n());
            image.getPixelWriter().setPixels(0, 0, m.n(), m.n(), PixelFormat.getIntArgbInstance(), m.heat(), 0, m.n());
            shownMap = m;
        }
        GridPosterior p = m.posterior();
        double x0 = view.toScreenX(p.boxX0()), x1 = view.toScreenX(p.boxX1());
        double y0 = view.toScreenY(p.boxY1()), y1 = view.toScreenY(p.boxY0());
        g.setImageSmoothing(true);
        g.drawImage(image, x0, y0, x1 - x0, y1 - y0);
        PlotMarks.gaussian(g, view, p.mu()[0], p.mu()[1], p.sigma()[0], p.sigma()[1], Q, 2, fontSize);
        drawn = true;
    }
}
