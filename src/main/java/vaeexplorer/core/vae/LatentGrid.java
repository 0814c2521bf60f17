package vaeexplorer.core.vae;

/**
 * The coordinates of a manifold map: n points per axis over the latent plane, either evenly spaced between two
 * limits, or at the prior's quantiles (Phi^-1 of (i + 0.5) / n), which puts as many cells where N(0, 1) has much
 * mass as where it has little.
 */
public final class LatentGrid {
    /** How grid points are spaced along an axis. */
    public enum Spacing { LINEAR, GAUSSIAN_QUANTILES }

    private LatentGrid() {}

    /** n coordinates along one axis, ascending. LINEAR spans [from, to]; GAUSSIAN_QUANTILES ignores the limits. */
    public static double[] axis(int n, Spacing spacing, double from, double to) {
        if (n < 1 || n > 200) throw new IllegalArgumentException("a grid has 1 to 200 points per axis, got " + n);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (spacing) {
                case LINEAR -> n == 1 ? (from + to) / 2 : from + (to - from) * i / (n - 1);
                case GAUSSIAN_QUANTILES -> Gaussian.inverseCdf((i + 0.5) / n);
            };
        }
        return v;
    }

    /**
     * The latent codes of an n x n grid, row-major from the top (largest y) down, each of {@code latent} values:
     * dimension dimX takes the x coordinate, dimY the y coordinate, every other dimension its value in {@code base}.
     */
    public static float[] codes(double[] xs, double[] ys, int latent, int dimX, int dimY, float[] base) {
        int nx = xs.length, ny = ys.length;
        float[] z = new float[nx * ny * latent];
        for (int r = 0; r < ny; r++) {
            for (int c = 0; c < nx; c++) {
                int o = (r * nx + c) * latent;
                System.arraycopy(base, 0, z, o, latent);
                z[o + dimX] = (float) xs[c];
                z[o + dimY] = (float) ys[ny - 1 - r];
            }
        }
        return z;
    }
}
