package vaeexplorer.ui;

import java.util.List;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

/** Small hand-made data, models (hidden 32, random weights) and codes for the lesson tests. */
final class LessonFixture {
    private LessonFixture() {}

    /** An untrained 784-32-latent model: fast, and its decoder still maps different z to different images. */
    static ModelSnapshot model(long seed, int latent) {
        return new Vae(VaeConfig.of(784, 32, latent), new Rng(seed)).snapshot();
    }

    /** n 28 x 28 images of 4 classes: a bright bar whose place depends on the class, plus a little noise. */
    static Dataset images(int n) {
        Rng rng = new Rng(5);
        byte[] px = new byte[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            for (int p = 0; p < 784; p++) {
                int r = p / 28, c = p % 28;
                boolean bar = labels[i] % 2 == 0 ? Math.abs(c - 6 - 5 * labels[i]) <= 1 : Math.abs(r - 4 - 5 * labels[i]) <= 1;
                px[i * 784 + p] = (byte) (bar ? 230 : rng.nextInt(20));
            }
        }
        return new Dataset("lesson test images", 28, 28, px, labels, List.of("a", "b", "c", "d"));
    }

    /** A latent model with a random model of the given size and 64 shown images (no codes yet). */
    static LatentModel latent(int size) {
        LatentModel latent = new LatentModel();
        latent.shown().set(images(64));
        latent.model().set(model(1, size));
        return latent;
    }

    /** Codes of n points around (x, y) with spread s in two dimensions, sigma 0.3 and 0.2, labels cycling over 4. */
    static LatentCodes cluster(int n, double x, double y, double s) {
        Rng rng = new Rng(11);
        int[] idx = new int[n], labels = new int[n];
        float[] mu = new float[2 * n], sigma = new float[2 * n];
        for (int i = 0; i < n; i++) {
            idx[i] = i % 64;
            labels[i] = i % 4;
            mu[2 * i] = (float) (x + s * rng.nextGaussian());
            mu[2 * i + 1] = (float) (y + s * rng.nextGaussian());
            sigma[2 * i] = 0.3f;
            sigma[2 * i + 1] = 0.2f;
        }
        return new LatentCodes(1, 2, idx, labels, mu, sigma);
    }

    /** Codes of the points on a grid: point i at (-2 + (i % 5), -2 + (i / 5)) for 25 points, sigma 0.4 and 0.25. */
    static LatentCodes grid() {
        int n = 25;
        int[] idx = new int[n], labels = new int[n];
        float[] mu = new float[2 * n], sigma = new float[2 * n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            labels[i] = i % 4;
            mu[2 * i] = -2 + i % 5;
            mu[2 * i + 1] = -2 + i / 5;
            sigma[2 * i] = 0.4f;
            sigma[2 * i + 1] = 0.25f;
        }
        return new LatentCodes(1, 2, idx, labels, mu, sigma);
    }
}
