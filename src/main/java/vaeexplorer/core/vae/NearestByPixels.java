package vaeexplorer.core.vae;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.Elementwise;
import vaeexplorer.core.nn.backend.MatMulBackends;

/**
 * The k training images nearest to a query image by squared pixel distance, {@code ||x - q||^2} (pixels in [0, 1] as
 * {@link Dataset#copyImage} gives them, summed over every pixel), fast enough to run on every move of a drag: the
 * images are kept as bytes and each query is one pass of
 *
 * <pre>
 *   ||x_i - q||^2 = ||x_i||^2 - 2 x_i . q + ||q||^2      (||x_i||^2 computed once per data set)
 *   x_i . q = (1 / 255) (s_i . q + 128 sum(q)),  s_i = bytes - 128 (signed bytes, widened to floats by the kernel)
 * </pre>
 *
 * through {@link Elementwise#byteRowDots} (the Vector API kernel where it runs), a block of rows at a time, offering
 * each row's value to a bounded pool. That expansion rounds in float (about 1e-6 of ||x||^2); it only chooses a pool of
 * the {@value #POOL_EXTRA} + k best, whose distances are then summed exactly (in double, pixel by pixel) and ranked
 * by that, equal distances by the lower index. So the result is that of a brute-force search unless two images'
 * distances differ by less than the rounding with a dozen others between them.
 *
 * <p>Every work buffer is made here, once: a query allocates nothing (except {@link #nearest(float[], int)}'s result).
 * Not for use by two threads at once.
 */
public final class NearestByPixels {
    /** The largest k asked for. */
    public static final int MAX_K = 64;
    /** Candidates beyond k whose exact distances decide the order. */
    static final int POOL_EXTRA = 8;
    /** Rows whose dots are formed per kernel call (a buffer that stays in the first-level cache). */
    private static final int BLOCK = 512;

    private final Dataset set;
    private final int n;
    private final int px;
    private final byte[] signed;
    private final double[] norms;
    private final Elementwise kernels;
    private final float[] dots = new float[BLOCK];
    private final float[] image;
    private final TopK pool = new TopK(MAX_K + POOL_EXTRA);
    private final TopK best = new TopK(MAX_K);

    /** With the fastest kernels of this JVM. */
    public NearestByPixels(Dataset set) {
        this(set, MatMulBackends.kernels());
    }

    public NearestByPixels(Dataset set, Elementwise kernels) {
        this.set = set;
        this.kernels = kernels;
        n = set.size();
        px = set.imageSize();
        signed = new byte[Math.multiplyExact(n, px)];
        set.copyPixelBytes(0, n, signed, 0);
        norms = new double[n];
        image = new float[px];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int p = 0; p < px; p++) {
                int o = i * px + p;
                double x = (signed[o] & 0xFF) * (1f / 255f);
                sum += x * x;
                signed[o] ^= (byte) 0x80; // b - 128, as a signed byte
            }
            norms[i] = sum;
        }
    }

    /** The images searched. */
    public Dataset dataset() {
        return set;
    }

    /** The k nearest to query (imageSize() values), nearest first; fewer when the set is smaller. */
    public Neighbours nearest(float[] query, int k) {
        int[] idx = new int[Math.min(k, n)];
        double[] dist = new double[idx.length];
        nearest(query, k, idx, dist);
        return new Neighbours(idx, dist);
    }

    /**
     * The k nearest to query into indices and distances (squared, exact), nearest first; returns how many (k, or the
     * set's size when smaller). Allocates nothing.
     */
    public int nearest(float[] query, int k, int[] indices, double[] distances) {
        if (k < 1 || k > MAX_K) throw new IllegalArgumentException("k must be from 1 to " + MAX_K + ", got " + k);
        if (query.length < px) throw new IllegalArgumentException("the query has " + query.length + " pixels, the images "
                + px);
        double qq = 0, sumQ = 0;
        for (int p = 0; p < px; p++) {
            qq += (double) query[p] * query[p];
            sumQ += query[p];
        }
        double shift = 128 * sumQ;
        pool.clear(k + POOL_EXTRA);
        for (int from = 0; from < n; from += BLOCK) {
            int rows = Math.min(BLOCK, n - from);
            // dots[r] = s_{from + r} . q
            kernels.byteRowDots(signed, from * px, rows, px, query, dots);
            for (int r = 0; r < rows; r++) {
                // ||x - q||^2 = ||x||^2 - 2 x.q + ||q||^2,  x.q = (s.q + 128 sum q) / 255
                double d = norms[from + r] - 2 * (dots[r] + shift) / 255 + qq;
                if (d <= pool.bound()) pool.offer(d, from + r);
            }
        }
        best.clear(k);
        for (int s = 0; s < pool.size(); s++) {
            int i = pool.index(s);
            set.copyImage(i, image, 0);
            best.offer(exactDistance(image, query, px), i);
        }
        int count = Math.min(k, best.size());
        for (int s = 0; s < count; s++) {
            indices[s] = best.index(s);
            distances[s] = best.value(s);
        }
        return count;
    }

    /**
     * The definition the search answers to: {@code sum_p (x[p] - q[p])^2}, each difference and the sum in double,
     * pixel by pixel in order.
     */
    public static double exactDistance(float[] x, float[] q, int px) {
        double sum = 0;
        for (int p = 0; p < px; p++) {
            double t = (double) x[p] - q[p];
            sum += t * t;
        }
        return sum;
    }

    /**
     * How far the images typically are from their nearest other image: the median, over {@code samples} images spread
     * evenly through the set, of the squared distance to the nearest image with another index (a duplicate counts, at
     * distance 0). A yardstick for a query's nearest distance. NaN for a set of fewer than two images.
     */
    public double medianNearestOther(int samples) {
        if (n < 2) return Double.NaN;
        int m = Math.min(samples, n);
        double[] found = new double[m];
        int[] idx = new int[2];
        double[] dist = new double[2];
        float[] q = new float[px];
        for (int s = 0; s < m; s++) {
            int i = (int) ((long) s * n / m);
            set.copyImage(i, q, 0);
            nearest(q, 2, idx, dist);
            found[s] = idx[0] == i ? dist[1] : dist[0];
        }
        java.util.Arrays.sort(found);
        return m % 2 == 1 ? found[m / 2] : (found[m / 2 - 1] + found[m / 2]) / 2;
    }
}
