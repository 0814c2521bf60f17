package vaeexplorer.core.vae;

import java.util.Arrays;

/**
 * The true posterior p(z|x) of one image under a 2-D latent model, computed on a grid by {@link MarginalLikelihood},
 * with what follows from it: log p(x), the ELBO's two terms (E_q[log p(x|z)] and KL(q(z|x) || p(z))) and the gap
 * log p(x) - ELBO = KL(q(z|x) || p(z|x)), all in nats.
 *
 * <p>The map has two parts: a fine n x n grid over the box [boxX0, boxX1] x [boxY0, boxY1] that holds the posterior's
 * mass, and the coarse grid over the prior's region [-priorRadius, priorRadius]^2 outside that box (its cells inside
 * the box are NaN). Both are log densities per unit area (they integrate to 1 together), row-major with row 0 at the
 * top (largest z_2), as {@link LatentGrid#codes} orders its points.
 */
public record GridPosterior(double logPx, double expectedLogLikelihood, double kl,
                            float[] mu, float[] sigma,
                            double boxX0, double boxX1, double boxY0, double boxY1, int n, float[] logDensity,
                            double priorRadius, int priorCells, float[] priorLogDensity, double massInBox) {

    /** ELBO = E_q[log p(x|z)] - KL(q(z|x) || p(z)). */
    public double elbo() {
        return expectedLogLikelihood - kl;
    }

    /** The gap the bound leaves: log p(x) - ELBO = KL(q(z|x) || p(z|x)) (never negative, up to quadrature error). */
    public double gap() {
        return logPx - elbo();
    }

    /** The log density at a point of the plane: the fine grid inside the box, the coarse one outside, else -infinity. */
    public double logDensityAt(double z1, double z2) {
        if (z1 >= boxX0 && z1 < boxX1 && z2 > boxY0 && z2 <= boxY1) {
            int c = (int) ((z1 - boxX0) / (boxX1 - boxX0) * n), r = (int) ((boxY1 - z2) / (boxY1 - boxY0) * n);
            return logDensity[Math.min(n - 1, r) * n + Math.min(n - 1, c)];
        }
        double h = 2 * priorRadius / priorCells;
        int c = (int) Math.floor((z1 + priorRadius) / h), r = (int) Math.floor((priorRadius - z2) / h);
        if (c < 0 || r < 0 || c >= priorCells || r >= priorCells) return Double.NEGATIVE_INFINITY;
        float v = priorLogDensity[r * priorCells + c];
        return Float.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    /**
     * The densities of the highest-density regions holding the given fractions of the mass (e.g. 0.5, 0.9, 0.99):
     * for each fraction f, the density t such that the cells denser than t hold f of the mass. Contour lines at these
     * densities enclose those regions. Descending fractions give ascending densities.
     */
    public double[] highestDensityLevels(double... fractions) {
        double fineArea = (boxX1 - boxX0) * (boxY1 - boxY0) / ((double) n * n);
        double h = 2 * priorRadius / priorCells;
        int m = logDensity.length;
        int total = m;
        for (float v : priorLogDensity) if (!Float.isNaN(v)) total++;
        double[][] cells = new double[total][];
        int k = 0;
        for (float v : logDensity) cells[k++] = new double[] {v, Math.exp(v) * fineArea};
        for (float v : priorLogDensity) if (!Float.isNaN(v)) cells[k++] = new double[] {v, Math.exp(v) * h * h};
        Arrays.sort(cells, (a, b) -> Double.compare(b[0], a[0]));
        double massSum = 0;
        for (double[] c : cells) massSum += c[1];
        double[] out = new double[fractions.length];
        for (int f = 0; f < fractions.length; f++) {
            double want = fractions[f] * massSum, acc = 0;
            out[f] = Math.exp(cells[cells.length - 1][0]);
            for (double[] c : cells) {
                acc += c[1];
                if (acc >= want) {
                    out[f] = Math.exp(c[0]);
                    break;
                }
            }
        }
        return out;
    }
}
