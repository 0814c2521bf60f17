package vaeexplorer.ui.lessons.posterior;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import vaeexplorer.core.train.LatentCodes;

import vaeexplorer.ui.latent.ClassMarks;
import vaeexplorer.ui.latent.MarkSprites;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlane;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.Palette;
import vaeexplorer.ui.latent.PlotLayer;
import vaeexplorer.ui.latent.PlotMarks;
import vaeexplorer.ui.latent.PlotTransform;

/**
 * "Each x has its own Gaussian": for every selected point and the point under the mouse, the posterior q(z|x) in the
 * plotted plane (1 and 2 sigma: axis-aligned in two dimensions, the covariance P diag(sigma^2) P^T in a PCA plane) and a
 * few sampled z = mu + sigma * eps, projected, as dots. The ellipses are coloured by class, and (View › Markers: shapes
 * or numbers) the class's mark at each centre says the class without colour, as the scatter's points do.
 */
public final class PosteriorOverlay implements PlotLayer {
    private final LatentModel latent;
    private final PosteriorSelection selection;
    private int drawnEllipses;
    private int drawnMarks;

    public PosteriorOverlay(LatentModel latent, PosteriorSelection selection, LatentPlotView plot) {
        this.latent = latent;
        this.selection = selection;
        selection.selected().addListener((javafx.collections.ListChangeListener<Integer>) c -> plot.redrawOverlays());
        selection.hovered().addListener((o, a, b) -> plot.redrawOverlays());
        latent.codes().addListener((o, a, b) -> {
            if (!selection.selected().isEmpty() || selection.hovered().get() >= 0) plot.redrawOverlays();
        });
    }

    /** Posteriors drawn at the last redraw (for tests). */
    public int drawnEllipses() {
        return drawnEllipses;
    }

    /** Class marks drawn at the ellipses' centres at the last redraw (for tests). */
    public int drawnMarks() {
        return drawnMarks;
    }

    @Override
    public void draw(GraphicsContext g, PlotTransform view, double fontSize) {
        drawnEllipses = 0;
        drawnMarks = 0;
        LatentCodes c = latent.codes().get();
        if (c == null || c.latent() != latent.size().get()) return;
        List<Integer> points = new ArrayList<>(selection.selected());
        int h = selection.hovered().get();
        if (h >= 0 && !points.contains(h)) points.add(h);
        LatentPlane plane = latent.plane().get();
        int d = c.latent();
        float[] z = new float[d];
        for (int i : points) {
            if (i < 0 || i >= c.size()) continue;
            boolean hoverOnly = i == h && !selection.selected().contains(i);
            Color col = Palette.of(c.label(i)).darker();
            double mx = plane.x(c, i), my = plane.y(c, i);
            Color stroke = hoverOnly ? Color.color(col.getRed(), col.getGreen(), col.getBlue(), 0.6) : col;
            if (plane.oneDimensional())
                PlotMarks.gaussian(g, view, mx, my, c.sigma(i, plane.xDim()), -1, stroke, hoverOnly ? 1.5 : 2.5, fontSize);
            else PlotMarks.gaussian(g, view, mx, my, plane.covariance(c, i), stroke, hoverOnly ? 1.5 : 2.5, fontSize);
            float[] eps = selection.eps(i, d);
            double r = Math.max(2.5, 0.22 * fontSize);
            for (int k = 0; k < PosteriorSelection.SAMPLES; k++) {
                for (int j = 0; j < d; j++) z[j] = c.mu(i, j) + c.sigma(i, j) * eps[k * d + j];
                PlotMarks.dot(g, view.toScreenX(plane.x(z)), view.toScreenY(plane.y(z)), r, col);
            }
            drawnEllipses++;
            // the class without colour, over the samples: its mark, a little larger than the scatter's points
            double mark = 1.3 * Math.max(2.5, 0.23 * fontSize) * ClassMarks.sizeFactor(ClassMarks.style().get());
            if (MarkSprites.draw(g, c.label(i), view.toScreenX(mx), view.toScreenY(my), mark)) drawnMarks++;
        }
    }
}
