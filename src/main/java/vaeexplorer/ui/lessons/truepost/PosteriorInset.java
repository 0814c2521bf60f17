package vaeexplorer.ui.lessons.truepost;

import vaeexplorer.ui.latent.PlotTransform;

/**
 * Where the enlarged view of a true posterior goes on the scatter: a square in the corner of the plot area farthest
 * from the posterior, which it never covers, showing the map's focus box at a scale of {@link #zoom} times the plot's.
 * A trained model's posterior is a few pixels wide at the scatter's scale; the inset is what makes its shape (skewed,
 * bent, two modes) and its difference from q's ellipse visible. None when the plot is too small for one, or already
 * shows the posterior large enough.
 */
public record PosteriorInset(double x, double y, double size, PlotTransform view, double zoom) {
    /**
     * The inset's side: this fraction of the plot's shorter side (and at most {@link #WIDTH_FRACTION} of its width),
     * within {@link #MIN} and {@link #MAX} pixels.
     */
    static final double FRACTION = 0.62, WIDTH_FRACTION = 0.4, MIN = 140, MAX = 320;
    /** Below this enlargement the scatter itself shows the posterior well enough. */
    static final double LEAST_ZOOM = 1.5;
    private static final double MARGIN = 8, PAD = 4;

    /** The inset for the focus box {x0, x1, y0, y1} (latent units) on a plot shown through plot, or null. */
    public static PosteriorInset place(PlotTransform plot, double[] focus) {
        double w = plot.width(), h = plot.height();
        double size = Math.min(MAX, Math.min(FRACTION * Math.min(w, h), WIDTH_FRACTION * w));
        if (size < MIN || w < size + 2 * MARGIN || h < size + 2 * MARGIN) return null;
        PlotTransform inner = new PlotTransform();
        inner.setArea(0, 0, size - 2 * PAD, size - 2 * PAD);
        double cx = (focus[0] + focus[1]) / 2, cy = (focus[2] + focus[3]) / 2;
        inner.set(cx, cy, Math.max(1e-3, Math.max(focus[1] - focus[0], focus[3] - focus[2])));
        double zoom = inner.scale() / plot.scale();
        if (zoom < LEAST_ZOOM) return null;
        // the focus box on screen, and the corner whose square keeps farthest from it without overlapping it
        double fx0 = plot.toScreenX(focus[0]), fx1 = plot.toScreenX(focus[1]);
        double fy0 = plot.toScreenY(focus[3]), fy1 = plot.toScreenY(focus[2]);
        double fcx = (fx0 + fx1) / 2, fcy = (fy0 + fy1) / 2;
        double[][] corners = {
                {plot.left() + w - MARGIN - size, plot.top() + MARGIN},
                {plot.left() + MARGIN, plot.top() + MARGIN},
                {plot.left() + w - MARGIN - size, plot.top() + h - MARGIN - size},
                {plot.left() + MARGIN, plot.top() + h - MARGIN - size}};
        double[] best = null;
        double bestDistance = -1;
        for (double[] c : corners) {
            boolean overlaps = c[0] < fx1 && c[0] + size > fx0 && c[1] < fy1 && c[1] + size > fy0;
            if (overlaps) continue;
            double d = Math.hypot(c[0] + size / 2 - fcx, c[1] + size / 2 - fcy);
            if (d > bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null) return null;
        inner.setArea(best[0] + PAD, best[1] + PAD, size - 2 * PAD, size - 2 * PAD);
        return new PosteriorInset(best[0], best[1], size, inner, zoom);
    }

    /** Whether the screen point lies in the inset's square. */
    public boolean contains(double sx, double sy) {
        return sx >= x && sx <= x + size && sy >= y && sy <= y + size;
    }
}
