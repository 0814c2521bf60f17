package vaeexplorer.core.vae;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.Elementwise;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Rng;

/**
 * How well a model explains each image: its -ELBO in nats, -E_q[log p(x|z)] + KL(q(z|x) || N(0, I)), the expectation
 * estimated with {@value #SAMPLES} samples z ~ q(z|x) per image drawn from one seeded generator (so the same model and
 * images always get the same scores), the KL exact. The images with the highest scores are those the model explains
 * worst. Images are taken {@value #CHUNK} at a time: encodes and decodes are batched products.
 */
public final class ImageScores {
    /** Samples of z per image. */
    public static final int SAMPLES = 4;
    /** The generator's seed. */
    public static final long SEED = 17;
    private static final int CHUNK = 256;

    private ImageScores() {}

    /** -ELBO of images [from, from + n) of set under m, one per image. */
    public static double[] negativeElbo(ModelSnapshot m, MatMul mm, Dataset set, int from, int n) {
        if (set.imageSize() != m.inputSize())
            throw new IllegalArgumentException("the model takes " + m.inputSize() + " pixels, the images have " + set.imageSize());
        if (from < 0 || n < 0 || from + n > set.size())
            throw new IllegalArgumentException("images " + from + " to " + (from + n) + " of " + set.size());
        int d = m.latent(), px = m.inputSize(), chunk = Math.min(CHUNK, Math.max(1, n));
        float[] xs = new float[chunk * px], mu = new float[chunk * d], sigma = new float[chunk * d];
        float[] zs = new float[chunk * SAMPLES * d], logits = new float[chunk * SAMPLES * px];
        Likelihood like = m.config().likelihood();
        double sx = m.config().gaussianSigma();
        Elementwise kernels = ModelSnapshot.kernels();
        Rng rng = new Rng(SEED);
        double[] out = new double[n];
        for (int start = 0; start < n; start += chunk) {
            int rows = Math.min(chunk, n - start);
            for (int i = 0; i < rows; i++) set.copyImage(from + start + i, xs, i * px);
            m.encodeBatch(mm, xs, rows, mu, sigma);
            // z = mu + sigma eps, SAMPLES rows per image
            for (int i = 0; i < rows; i++)
                for (int s = 0; s < SAMPLES; s++)
                    for (int j = 0; j < d; j++)
                        zs[(i * SAMPLES + s) * d + j] = mu[i * d + j] + sigma[i * d + j] * (float) rng.nextGaussian();
            m.decodeLogitsBatch(mm, zs, rows * SAMPLES, logits);
            for (int i = 0; i < rows; i++) {
                double recon = 0;
                for (int s = 0; s < SAMPLES; s++)
                    recon -= like.logLikelihood(kernels, logits, (i * SAMPLES + s) * px, xs, i * px, px, sx);
                // KL(q || N(0, I)) = 0.5 sum_j (mu_j^2 + sigma_j^2 - log sigma_j^2 - 1)
                double kl = 0;
                for (int j = 0; j < d; j++) {
                    double u = mu[i * d + j], v = sigma[i * d + j];
                    kl += 0.5 * (u * u + v * v - 2 * Math.log(v) - 1);
                }
                out[start + i] = recon / SAMPLES + kl;
            }
        }
        return out;
    }
}
