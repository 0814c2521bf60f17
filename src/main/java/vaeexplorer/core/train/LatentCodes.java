package vaeexplorer.core.train;

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

    public long step() { return step; }
    public int size() { return indices.length; }
    public int latent() { return latent; }
    public int index(int i) { return indices[i]; }
    public int label(int i) { return labels[i]; }
    public float mu(int i, int dim) { return mu[i * latent + dim]; }
    public float sigma(int i, int dim) { return sigma[i * latent + dim]; }
}
