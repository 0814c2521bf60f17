package vaeexplorer.ui.lessons.posterior;

import vaeexplorer.core.train.LatentCodes;

/**
 * One latent dimension of the shown points, against the prior: a histogram of mu as a density (it integrates to 1
 * over [lo, hi]) and the aggregate posterior q(z_d) = mean over points of N(z; mu_i, sigma_i^2) at xs. Immutable.
 */
public record Histogram(int dim, double lo, double hi, double[] density, double[] xs, double[] aggregate) {
    static final int BINS = 40;
    static final int CURVE_POINTS = 161;

    public static Histogram of(LatentCodes c, int dim) {
        double lim = 4;
        for (int i = 0; i < c.size(); i++) lim = Math.max(lim, Math.abs(c.mu(i, dim)));
        lim = Math.min(50, Math.ceil(lim));
        return of(c, dim, -lim, lim, BINS);
    }

    public static Histogram of(LatentCodes c, int dim, double lo, double hi, int bins) {
        double width = (hi - lo) / bins;
        double[] density = new double[bins];
        int n = c.size();
        for (int i = 0; i < n; i++) {
            int b = (int) Math.floor((c.mu(i, dim) - lo) / width);
            if (b >= 0 && b < bins) density[b]++;
            else if (c.mu(i, dim) == hi) density[bins - 1]++;
        }
        for (int b = 0; b < bins; b++) density[b] = n == 0 ? 0 : density[b] / (n * width);
        double[] xs = new double[CURVE_POINTS], agg = new double[CURVE_POINTS];
        for (int k = 0; k < CURVE_POINTS; k++) xs[k] = lo + (hi - lo) * k / (CURVE_POINTS - 1);
        for (int i = 0; i < n; i++) {
            double mu = c.mu(i, dim), s = Math.max(1e-6, c.sigma(i, dim));
            double norm = 1 / (s * Math.sqrt(2 * Math.PI) * n);
            for (int k = 0; k < CURVE_POINTS; k++) {
                double u = (xs[k] - mu) / s;
                if (u * u < 80) agg[k] += norm * Math.exp(-0.5 * u * u);
            }
        }
        return new Histogram(dim, lo, hi, density, xs, agg);
    }
}
