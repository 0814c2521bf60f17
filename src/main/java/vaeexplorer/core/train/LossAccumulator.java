package vaeexplorer.core.train;

/** Sums of per-batch loss terms, weighted by images, since the last {@link #reset()}. Allocation-free. */
public final class LossAccumulator {
    private final double[] klPerDim;
    private long images;
    private double loss;
    private double recon;
    private double kl;

    public LossAccumulator(int latent) {
        klPerDim = new double[latent];
    }

    /** Adds a batch of the given size with its summed terms. */
    void add(int batch, double reconSum, double klSum, double beta, double[] klPerDimSum) {
        images += batch;
        recon += reconSum;
        kl += klSum;
        loss += reconSum + beta * klSum;
        for (int j = 0; j < klPerDim.length; j++) klPerDim[j] += klPerDimSum[j];
    }

    public long images() {
        return images;
    }

    /** The means per image so far (NaN when empty). */
    public Evaluation mean() {
        double n = images;
        double[] k = new double[klPerDim.length];
        for (int j = 0; j < k.length; j++) k[j] = klPerDim[j] / n;
        return new Evaluation(loss / n, recon / n, kl / n, k, (int) Math.min(Integer.MAX_VALUE, images));
    }

    public void reset() {
        images = 0;
        loss = recon = kl = 0;
        java.util.Arrays.fill(klPerDim, 0);
    }
}
