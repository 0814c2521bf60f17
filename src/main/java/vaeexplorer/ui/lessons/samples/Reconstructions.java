package vaeexplorer.ui.lessons.samples;

import java.util.function.Function;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.widgets.ImageTiles;

/**
 * What the reconstructions lesson shows, computed apart from its view: which held-out images, and per image the
 * image, its decoded mu, and decodes of samples z = mu + sigma * eps from q(z|x).
 */
final class Reconstructions {
    private Reconstructions() {}

    /** The first image of each class in turn for pick 0 (if labelled), else n images drawn with a seed of pick. */
    static int[] choose(Dataset d, int count, long pick) {
        int n = Math.min(count, d.size());
        int[] idx = new int[n];
        if (pick == 0 && d.isLabelled()) {
            int k = 0;
            for (int cls = 0; k < n && cls < d.classNames().size(); cls++)
                for (int i = 0; i < d.size(); i++)
                    if (d.label(i) == cls) {
                        idx[k++] = i;
                        break;
                    }
            if (k == n) return idx;
        }
        Rng rng = new Rng(1000 + pick);
        int[] all = new int[d.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        rng.shuffle(all);
        System.arraycopy(all, 0, idx, 0, n);
        return idx;
    }

    /**
     * The job for the lesson's worker: rows of n tiles each, the images, their decoded mu, then one row per sample.
     * The eps are drawn now (from seed), so the same inputs give the same tiles.
     */
    static Function<MatMul, ImageTiles> job(ModelSnapshot m, Dataset images, int samples, long seed) {
        int n = images.size(), dim = m.latent(), px = m.inputSize();
        Rng rng = new Rng(seed * 7_919 + 17);
        float[] eps = new float[samples * n * dim];
        for (int k = 0; k < eps.length; k++) eps[k] = (float) rng.nextGaussian();
        int rows = images.rows(), cols = images.cols();
        return mm -> {
            float[] mu = new float[n * dim], sigma = new float[n * dim];
            m.encodeBatch(mm, images, 0, n, mu, sigma);
            // z_0 = mu; z_s = mu + sigma * eps_s
            float[] z = new float[(1 + samples) * n * dim];
            System.arraycopy(mu, 0, z, 0, mu.length);
            for (int s = 0; s < samples; s++)
                for (int i = 0; i < n * dim; i++) z[(1 + s) * n * dim + i] = mu[i] + sigma[i] * eps[s * n * dim + i];
            float[] all = new float[(2 + samples) * n * px];
            for (int i = 0; i < n; i++) images.copyImage(i, all, i * px);
            float[] decoded = new float[(1 + samples) * n * px];
            m.decodeBatch(mm, z, (1 + samples) * n, decoded);
            System.arraycopy(decoded, 0, all, n * px, decoded.length);
            return new ImageTiles(all, (2 + samples) * n, n, rows, cols);
        };
    }
}
