package vaeexplorer.ui.latent;

import javafx.scene.canvas.GraphicsContext;

/**
 * Something drawn on the latent plot's own axes (a manifold background, posterior ellipses, ...): the plot calls it on
 * every redraw, clipped to the plot area, with the current latent-to-pixel transform, so it follows zoom and pan.
 */
@FunctionalInterface
public interface PlotLayer {
    void draw(GraphicsContext g, PlotTransform view, double fontSize);
}
