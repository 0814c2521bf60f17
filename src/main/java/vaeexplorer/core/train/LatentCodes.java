package vaeexplorer.core.train;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.vae.ModelSnapshot;

/**
 * The encodings of the points shown in the latent scatter at one step: per point its index in the data set, its
 * label, and mu and sigma of q(z|x) (n x d, row-major). Immutable: arrays are never written after construction.
 */
public final class LatentCodes {
    private final long step;
    private final int latent;
    private final int[] indices;
    private final int[] labels;
    private final float[] mu;
    private final float[] sigma;

    public LatentCodes(long step, int latent, int[] indices, int[] labels, float[] mu, float[] sigma) {
        if (mu.length != indices.length * latent || sigma.length != mu.length || labels.length != indices.length)
            throw new IllegalArgumentException("inconsistent latent codes");
        this.step = step;
        this.latent = latent;
        this.indices = indices;
        this.labels = labels;
        this.mu = mu;
        this.sigma = sigma;
    }

    /**
     * Encodes every image of shown, in order, with a model: point i is image i, with its label and q(z|x)'s mu and
     * sigma (batched products).
     */
    public static LatentCodes encode(long step, ModelSnapshot model, MatMul mm, Dataset shown) {
        int n = shown.size(), d = model.latent();
        float[] mu = new float[n * d], sigma = new float[n * d];
        model.encodeBatch(mm, shown, 0, n, mu, sigma);
        return ofAll(step, shown, d, mu, sigma);
    }

    /** The codes of every image of shown, in order, from their mu and sigma (n x d each): point i is image i with its label. */
    public static LatentCodes ofAll(long step, Dataset shown, int latent, float[] mu, float[] sigma) {
        int n = shown.size();
        int[] idx = new int[n], labels = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            labels[i] = shown.label(i);
        }
        return new LatentCodes(step, latent, idx, labels, mu, sigma);
    }

    public long step() { return step; }
    public int size() { return indices.length; }
    public int latent() { return latent; }
    public int index(int i) { return indices[i]; }
    public int label(int i) { return labels[i]; }
    public float mu(int i, int dim) { return mu[i * latent + dim]; }
    public float sigma(int i, int dim) { return sigma[i * latent + dim]; }
}
