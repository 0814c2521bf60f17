package vaeexplorer.core.train;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_FDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F32;

/**
 * Principal components of latent means: for a latent space above two dimensions, the plane in which the encoded
 * points spread most. Fitted on n points (mu, n x d) by the eigen-decomposition of their covariance (EJML's symmetric
 * QR algorithm; d is at most a few dozen, so this takes microseconds); components are sorted by variance, each
 * with unit length and its largest entry positive (so the same data always gives the same signs). Immutable.
 *
 * <p>The map is exact both ways: {@link #coordinate} projects a z onto a component, and {@link #onPlane} gives the z
 * with chosen coordinates along two components and every other coordinate kept from a base point (the mean, or a
 * selected point), so a point dragged in a PCA plane decodes exactly.
 */
public final class LatentPca {
    private final int latent;
    private final float[] mean;
    /** Row k: component k (unit length). */
    private final double[][] components;
    private final double[] variance;
    private final double totalVariance;

    private LatentPca(int latent, float[] mean, double[][] components, double[] variance) {
        this.latent = latent;
        this.mean = mean;
        this.components = components;
        this.variance = variance;
        double t = 0;
        for (double v : variance) t += v;
        this.totalVariance = t;
    }

    /** Fits the components of the shown points' means. */
    public static LatentPca fit(LatentCodes codes) {
        int n = codes.size(), d = codes.latent();
        float[] mu = new float[n * d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mu[i * d + j] = codes.mu(i, j);
        return fit(mu, n, d);
    }

    /**
     * Fits the components of n points of d dimensions (mu, n x d, row-major).
     *
     * @throws IllegalArgumentException for fewer than two points, or values that are not finite
     */
    public static LatentPca fit(float[] mu, int n, int d) {
        if (d < 1 || n < 2 || mu.length < n * d)
            throw new IllegalArgumentException("PCA needs at least two points of at least one dimension (got " + n + " x " + d + ")");
        // mean = 1/n sum_i mu_i
        double[] m = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) m[j] += mu[i * d + j];
        for (int j = 0; j < d; j++) {
            m[j] /= n;
            if (!Double.isFinite(m[j])) throw new IllegalArgumentException("PCA of points that are not finite numbers");
        }
        // C = 1/(n-1) sum_i (mu_i - mean)(mu_i - mean)^T, in double
        double[] c = new double[d * d];
        double[] r = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) r[j] = mu[i * d + j] - m[j];
            for (int a = 0; a < d; a++) {
                double ra = r[a];
                for (int b = a; b < d; b++) c[a * d + b] += ra * r[b];
            }
        }
        FMatrixRMaj cov = new FMatrixRMaj(d, d);
        for (int a = 0; a < d; a++)
            for (int b = a; b < d; b++) {
                float v = (float) (c[a * d + b] / (n - 1));
                cov.set(a, b, v);
                cov.set(b, a, v);
            }
        EigenDecomposition_F32<FMatrixRMaj> eig = DecompositionFactory_FDRM.eig(d, true, true);
        if (!eig.decompose(cov)) throw new IllegalArgumentException("PCA: the eigen-decomposition did not converge");
        // sort by eigenvalue, largest first
        Integer[] order = new Integer[d];
        double[] values = new double[d];
        for (int k = 0; k < d; k++) {
            order[k] = k;
            values[k] = Math.max(0, eig.getEigenvalue(k).getReal()); // rounding can make a zero variance -1e-9
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
        double[][] comps = new double[d][d];
        double[] var = new double[d];
        for (int k = 0; k < d; k++) {
            FMatrixRMaj v = eig.getEigenVector(order[k]);
            double norm = 0;
            int big = 0;
            for (int j = 0; j < d; j++) {
                norm += (double) v.get(j) * v.get(j);
                if (Math.abs(v.get(j)) > Math.abs(v.get(big))) big = j;
            }
            double s = (v.get(big) < 0 ? -1 : 1) / Math.sqrt(norm);
            for (int j = 0; j < d; j++) comps[k][j] = s * v.get(j);
            var[k] = values[order[k]];
        }
        float[] mean = new float[d];
        for (int j = 0; j < d; j++) mean[j] = (float) m[j];
        return new LatentPca(d, mean, comps, var);
    }

    public int latent() {
        return latent;
    }

    /** The mean of the fitted points (a copy). */
    public float[] mean() {
        return mean.clone();
    }

    /** Entry j of component k (k from 0, largest variance first). */
    public double component(int k, int j) {
        return components[k][j];
    }

    /** The variance of the points along component k. */
    public double variance(int k) {
        return variance[k];
    }

    /** The share of the points' total variance along component k, in [0, 1] (0 when all points coincide). */
    public double explained(int k) {
        return totalVariance > 0 ? variance[k] / totalVariance : 0;
    }

    /** z's coordinate along component k: (z - mean) . c_k. */
    public double coordinate(float[] z, int k) {
        double s = 0;
        for (int j = 0; j < latent; j++) s += (z[j] - (double) mean[j]) * components[k][j];
        return s;
    }

    /**
     * The point whose coordinates along components k1 and k2 are a and b, and whose coordinates along every other
     * component are those of base: {@code z = base + (a - coord(base, k1)) c_k1 + (b - coord(base, k2)) c_k2}.
     */
    public float[] onPlane(int k1, double a, int k2, double b, float[] base) {
        if (k1 == k2) throw new IllegalArgumentException("two different components, got " + k1 + " twice");
        double da = a - coordinate(base, k1), db = b - coordinate(base, k2);
        float[] z = new float[latent];
        for (int j = 0; j < latent; j++) z[j] = (float) (base[j] + da * components[k1][j] + db * components[k2][j]);
        return z;
    }
}
