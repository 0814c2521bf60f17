package vaeexplorer.ui.lessons.posterior;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import vaeexplorer.core.train.LatentCodes;

import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.Palette;
import vaeexplorer.ui.latent.PlotLayer;
import vaeexplorer.ui.latent.PlotMarks;
import vaeexplorer.ui.latent.PlotTransform;

/**
 * "Each x has its own Gaussian": for every selected point and the point under the mouse, the posterior q(z|x) in the
 * plotted dimensions (1 and 2 sigma, axis-aligned) and a few sampled z = mu + sigma * eps as dots.
 */
public final class PosteriorOverlay implements PlotLayer {
    private final LatentModel latent;
    private final PosteriorSelection selection;
    private int drawnEllipses;

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

    @Override
    public void draw(GraphicsContext g, PlotTransform view, double fontSize) {
        drawnEllipses = 0;
        LatentCodes c = latent.codes().get();
        if (c == null || c.latent() != latent.size().get()) return;
        List<Integer> points = new ArrayList<>(selection.selected());
        int h = selection.hovered().get();
        if (h >= 0 && !points.contains(h)) points.add(h);
        int dx = latent.xDim().get(), dy = latent.yDim().get();
        for (int i : points) {
            if (i < 0 || i >= c.size()) continue;
            boolean hoverOnly = i == h && !selection.selected().contains(i);
            Color col = Palette.of(c.label(i)).darker();
            double mx = c.mu(i, dx), my = dy >= 0 ? c.mu(i, dy) : 0;
            double sx = c.sigma(i, dx), sy = dy >= 0 ? c.sigma(i, dy) : -1;
            PlotMarks.gaussian(g, view, mx, my, sx, sy, hoverOnly ? Color.color(col.getRed(), col.getGreen(), col.getBlue(), 0.6)
                    : col, hoverOnly ? 1.5 : 2.5, fontSize);
            float[] eps = selection.eps(i, c.latent());
            double r = Math.max(2.5, 0.22 * fontSize);
            for (int k = 0; k < PosteriorSelection.SAMPLES; k++) {
                double zx = mx + sx * eps[k * c.latent() + dx], zy = dy >= 0 ? my + sy * eps[k * c.latent() + dy] : 0;
                PlotMarks.dot(g, view.toScreenX(zx), view.toScreenY(zy), r, col);
            }
            drawnEllipses++;
        }
    }
}
