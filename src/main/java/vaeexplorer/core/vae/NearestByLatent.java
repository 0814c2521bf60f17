package vaeexplorer.core.vae;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.MatMul;

/**
 * The k images whose codes mu lie nearest a latent point z, by squared distance {@code ||mu_i - z||^2} (each
 * difference and the sum in double, dimension by dimension): what the encoder puts near the point being decoded. The
 * codes belong to one model snapshot ({@link #encode}, batched, off the FX thread: 60,000 images are a fraction of a
 * second); a query is one pass over them (n x latent values) and allocates nothing except
 * {@link #nearest(float[], int)}'s result. Not for use by two threads at once.
 */
public final class NearestByLatent {
    private final float[] mu;
    private final int n;
    private final int d;
    private final ModelSnapshot model;
    private final Dataset set;
    private final TopK best = new TopK(NearestByPixels.MAX_K);

    /**
     * @param mu    n x d codes, row-major; not copied
     * @param model the model they come from, or null
     * @param set   the images they encode, or null
     */
    public NearestByLatent(float[] mu, int n, int d, ModelSnapshot model, Dataset set) {
        if (n < 0 || d < 1 || mu.length < (long) n * d) throw new IllegalArgumentException(
                "mu of " + mu.length + " values cannot hold " + n + " codes of " + d);
        this.mu = mu;
        this.n = n;
        this.d = d;
        this.model = model;
        this.set = set;
    }

    /** Encodes every image of set with model (mu of each, by batched products through mm). */
    public static NearestByLatent encode(ModelSnapshot model, MatMul mm, Dataset set) {
        int n = set.size(), d = model.latent();
        float[] mu = new float[Math.multiplyExact(n, d)], sigma = new float[mu.length];
        model.encodeBatch(mm, set, 0, n, mu, sigma);
        return new NearestByLatent(mu, n, d, model, set);
    }

    /** The model whose codes these are (null when made from bare codes). */
    public ModelSnapshot model() {
        return model;
    }

    /** The images these codes encode (null when made from bare codes). */
    public Dataset dataset() {
        return set;
    }

    public int size() {
        return n;
    }

    public int latent() {
        return d;
    }

    /** Dimension j of image i's code. */
    public float mu(int i, int j) {
        return mu[i * d + j];
    }

    /** The k nearest to z (latent() values), nearest first; fewer when there are fewer codes. */
    public Neighbours nearest(float[] z, int k) {
        int[] idx = new int[Math.min(k, n)];
        double[] dist = new double[idx.length];
        nearest(z, k, idx, dist);
        return new Neighbours(idx, dist);
    }

    /**
     * The k nearest to z into indices and distances (squared), nearest first, equal distances by the lower index;
     * returns how many. Allocates nothing.
     */
    public int nearest(float[] z, int k, int[] indices, double[] distances) {
        if (k < 1 || k > NearestByPixels.MAX_K)
            throw new IllegalArgumentException("k must be from 1 to " + NearestByPixels.MAX_K + ", got " + k);
        if (z.length < d) throw new IllegalArgumentException("z has " + z.length + " values; the codes have " + d);
        best.clear(k);
        for (int i = 0; i < n; i++) {
            int o = i * d;
            // ||mu_i - z||^2
            double sum = 0;
            for (int j = 0; j < d; j++) {
                double t = (double) mu[o + j] - z[j];
                sum += t * t;
            }
            if (sum <= best.bound()) best.offer(sum, i);
        }
        int count = best.size();
        for (int s = 0; s < count; s++) {
            indices[s] = best.index(s);
            distances[s] = best.value(s);
        }
        return count;
    }
}
