package vaeexplorer.ui.lessons.truepost;

import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.vae.GridPosterior;
import vaeexplorer.core.vae.MarginalLikelihood;
import vaeexplorer.core.vae.MarginalLikelihood.PriorGrid;

/**
 * The true posterior of one image, ready to draw: the {@link GridPosterior} of the engine and its fine box as a heat
 * image (ARGB, n x n, row 0 at the top) with the contour lines of the highest-density regions holding
 * {@link #FRACTIONS} of the mass burnt in, and the part of the plane worth a close look ({@link #focus}: the
 * smallest box around the 99% region and q's 2-sigma ellipse). Made on the lesson worker; immutable once made.
 */
public record TruePosteriorMap(GridPosterior posterior, int[] heat, int n, double[] levels, double[] focus) {
    /** Fine cells per axis of the map (the engine's fine grid over the box that holds the mass). */
    public static final int FINE = 100;
    /** The contours enclose these fractions of p(z|x)'s mass. */
    static final double[] FRACTIONS = {0.99, 0.9, 0.5};
    private static final int CONTOUR = 0xE0_1A_23_7E;

    /** For model snapshot grid: the posterior of x on a FINE x FINE grid and its picture. */
    public static TruePosteriorMap of(PriorGrid grid, MatMul mm, float[] x) {
        return of(MarginalLikelihood.posterior(grid, mm, x, FINE));
    }

    /** The picture of a posterior on its grid (a 2-D latent's, or a slice's). */
    public static TruePosteriorMap of(GridPosterior p) {
        int n = p.n();
        float[] logd = p.logDensity();
        double[] levels = p.highestDensityLevels(FRACTIONS);
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logd) max = Math.max(max, v);
        double[] logLevels = new double[levels.length];
        for (int k = 0; k < levels.length; k++) logLevels[k] = Math.log(levels[k]);
        int[] heat = new int[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int i = r * n + c;
                double v = logd[i];
                if (onContour(logd, n, r, c, logLevels)) {
                    heat[i] = CONTOUR;
                    continue;
                }
                // opacity and colour from p / max p, on a square-root scale so the tails still show
                double t = Math.sqrt(Math.exp(v - max));
                if (t < 0.03) continue;
                heat[i] = colour(t);
            }
        }
        return new TruePosteriorMap(p, heat, n, levels, focus(p, logd, n, logLevels[0]));
    }

    /**
     * {x0, x1, y0, y1}: the fine cells at or above the density level (the 99% region) and q's 2-sigma box, together,
     * with a margin of a tenth on each side, inside the fine box.
     */
    static double[] focus(GridPosterior p, float[] logd, int n, double logLevel) {
        double hx = (p.boxX1() - p.boxX0()) / n, hy = (p.boxY1() - p.boxY0()) / n;
        double x0 = p.mu()[0] - 2 * p.sigma()[0], x1 = p.mu()[0] + 2 * p.sigma()[0];
        double y0 = p.mu()[1] - 2 * p.sigma()[1], y1 = p.mu()[1] + 2 * p.sigma()[1];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                if (logd[r * n + c] < logLevel) continue;
                x0 = Math.min(x0, p.boxX0() + c * hx);
                x1 = Math.max(x1, p.boxX0() + (c + 1) * hx);
                y1 = Math.max(y1, p.boxY1() - r * hy);
                y0 = Math.min(y0, p.boxY1() - (r + 1) * hy);
            }
        }
        double mx = 0.1 * (x1 - x0), my = 0.1 * (y1 - y0);
        return new double[] {Math.max(p.boxX0(), x0 - mx), Math.min(p.boxX1(), x1 + mx),
                Math.max(p.boxY0(), y0 - my), Math.min(p.boxY1(), y1 + my)};
    }

    /** The focus box's width and height in latent units. */
    public double focusWidth() {
        return focus[1] - focus[0];
    }

    public double focusHeight() {
        return focus[3] - focus[2];
    }

    /** True if the cell is inside a contour's region and a 4-neighbour is outside it. */
    private static boolean onContour(float[] logd, int n, int r, int c, double[] logLevels) {
        double v = logd[r * n + c];
        for (double t : logLevels) {
            if (v < t) continue;
            if ((r > 0 && logd[(r - 1) * n + c] < t) || (r < n - 1 && logd[(r + 1) * n + c] < t)
                    || (c > 0 && logd[r * n + c - 1] < t) || (c < n - 1 && logd[r * n + c + 1] < t)) return true;
        }
        return false;
    }

    /** A warm ramp from pale yellow (t near 0) to deep red (t = 1), more opaque as t grows. */
    private static int colour(double t) {
        int a = (int) Math.round(255 * (0.3 + 0.65 * t));
        int red = (int) Math.round(255 - 60 * t), green = (int) Math.round(235 - 200 * t), blue = (int) Math.round(120 - 100 * t);
        return a << 24 | red << 16 | green << 8 | blue;
    }
}
