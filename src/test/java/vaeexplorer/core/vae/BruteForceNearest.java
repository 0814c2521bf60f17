package vaeexplorer.core.vae;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.Rng;

/**
 * The searches of {@link NearestByPixels} and {@link NearestByLatent} done the slow way, for their tests: every
 * distance from its definition, all of them sorted (by distance, then index), the first k kept. Also random data with
 * planted duplicates, so that ties occur.
 */
public final class BruteForceNearest {
    private BruteForceNearest() {}

    /** The k nearest images of set to query by sum_p (x_p - q_p)^2 (x as copyImage gives it; in double, in order). */
    public static Neighbours byPixels(Dataset set, float[] query, int k) {
        int px = set.imageSize();
        double[] d = new double[set.size()];
        float[] x = new float[px];
        for (int i = 0; i < set.size(); i++) {
            set.copyImage(i, x, 0);
            double sum = 0;
            for (int p = 0; p < px; p++) {
                double t = (double) x[p] - query[p];
                sum += t * t;
            }
            d[i] = sum;
        }
        return firstK(d, k);
    }

    /** The k nearest codes (n x dim, row-major) to z by sum_j (mu_j - z_j)^2. */
    public static Neighbours byLatent(float[] mu, int n, int dim, float[] z, int k) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < dim; j++) {
                double t = (double) mu[i * dim + j] - z[j];
                sum += t * t;
            }
            d[i] = sum;
        }
        return firstK(d, k);
    }

    private static Neighbours firstK(double[] d, int k) {
        Integer[] order = new Integer[d.length];
        for (int i = 0; i < d.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> d[i]).thenComparingInt(i -> i));
        int m = Math.min(k, d.length);
        int[] idx = new int[m];
        double[] dist = new double[m];
        for (int s = 0; s < m; s++) {
            idx[s] = order[s];
            dist[s] = d[order[s]];
        }
        return new Neighbours(idx, dist);
    }

    /**
     * n random images of rows x cols (pixels uniform over 0..255, or 0/255 with sparse ink when sparse) in which image
     * i also appears at each index of copies[i] (copies as {from, to} pairs): equal images, equal distances.
     */
    public static Dataset randomImages(int n, int rows, int cols, long seed, boolean sparse, int[]... copies) {
        Rng r = new Rng(seed);
        int px = rows * cols;
        byte[] b = new byte[n * px];
        for (int i = 0; i < b.length; i++)
            b[i] = (byte) (sparse ? (r.nextDouble() < 0.2 ? 55 + r.nextInt(201) : 0) : r.nextInt(256));
        for (int[] c : copies) System.arraycopy(b, c[0] * px, b, c[1] * px, px);
        int[] labels = new int[n];
        Arrays.fill(labels, Dataset.NO_LABEL);
        return new Dataset("random", rows, cols, b, labels, List.of());
    }

    /** Checks that found equals expected exactly (indices and distances); null if so, else what differs. */
    public static String difference(Neighbours expected, Neighbours found) {
        if (!Arrays.equals(expected.indices(), found.indices()))
            return "indices " + Arrays.toString(found.indices()) + ", brute force " + Arrays.toString(expected.indices())
                    + " (distances " + Arrays.toString(found.distances()) + " vs " + Arrays.toString(expected.distances()) + ")";
        if (!Arrays.equals(expected.distances(), found.distances()))
            return "distances " + Arrays.toString(found.distances()) + ", brute force " + Arrays.toString(expected.distances());
        return null;
    }
}
