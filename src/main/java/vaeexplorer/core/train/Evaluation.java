package vaeexplorer.core.train;

/**
 * Mean losses per image on a data set, in nats: reconstruction -log p(x|z), KL(q(z|x) || p(z)) in total and per
 * latent dimension, and the objective {@code loss = recon + beta * kl}. {@link #negativeElbo()} is recon + kl.
 */
public record Evaluation(double loss, double recon, double kl, double[] klPerDim, int images) {
    public Evaluation {
        klPerDim = klPerDim.clone();
    }

    /** -ELBO = recon + KL: an upper bound on -log p(x), whatever beta was used in training. */
    public double negativeElbo() {
        return recon + kl;
    }

    @Override
    public double[] klPerDim() {
        return klPerDim.clone();
    }

    public boolean isFinite() {
        return Double.isFinite(loss) && Double.isFinite(recon) && Double.isFinite(kl);
    }
}
