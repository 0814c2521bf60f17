package vaeexplorer.ui.latent;

/** Where a latent plot looks: what a session saves and restores of it (centre and span of its view). FX thread. */
public interface PlotViewport {
    /** The plot's view now. */
    PlotTransform transform();

    /** Moves the view to the given centre and span (of the shorter side, in latent units). */
    void setView(double centerX, double centerY, double span);
}
