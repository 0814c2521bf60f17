package vaeexplorer.core.vae;

import vaeexplorer.core.train.LatentCodes;

/**
 * Arithmetic on latent codes: the mean of mu over one class's points, the attribute vector from class A's mean to
 * class B's (v = mean_B - mean_A, in all dimensions), a point moved along it (z' = z + t v), and analogies
 * (mu_a - mu_b + mu_c). All in float32 over full z vectors; sums are taken in double. Stateless.
 */
public final class LatentArithmetic {
    private LatentArithmetic() {}

    /** The mean of mu over the points of codes labelled label, or null if there is none. */
    public static float[] classMean(LatentCodes codes, int label) {
        int d = codes.latent(), n = 0;
        double[] sum = new double[d];
        for (int i = 0; i < codes.size(); i++) {
            if (codes.label(i) != label) continue;
            n++;
            for (int j = 0; j < d; j++) sum[j] += codes.mu(i, j);
        }
        if (n == 0) return null;
        float[] mean = new float[d];
        for (int j = 0; j < d; j++) mean[j] = (float) (sum[j] / n);
        return mean;
    }

    /** Point i's mu, all dimensions. */
    public static float[] mu(LatentCodes codes, int i) {
        float[] z = new float[codes.latent()];
        for (int j = 0; j < z.length; j++) z[j] = codes.mu(i, j);
        return z;
    }

    /** The attribute vector from a to b: b - a. */
    public static float[] direction(float[] a, float[] b) {
        check(a, b);
        float[] v = new float[a.length];
        for (int j = 0; j < v.length; j++) v[j] = b[j] - a[j];
        return v;
    }

    /** z + t v. */
    public static float[] along(float[] z, float[] v, double t) {
        check(z, v);
        float[] out = new float[z.length];
        for (int j = 0; j < out.length; j++) out[j] = (float) (z[j] + t * v[j]);
        return out;
    }

    /** The analogy a - b + c: c moved as b would have to move to become a. */
    public static float[] analogy(float[] a, float[] b, float[] c) {
        check(a, b);
        check(a, c);
        float[] out = new float[a.length];
        for (int j = 0; j < out.length; j++) out[j] = a[j] - b[j] + c[j];
        return out;
    }

    private static void check(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
    }
}
