package vaeexplorer.core.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.TrainConfig;
import vaeexplorer.core.train.Trainer;

/**
 * log p(x) by importance sampling and by the grid, against each other and against a dense midpoint quadrature written
 * here independently (every point decoded alone, the loss by {@link Likelihood#loss}), on small models trained on
 * images made from a known low-dimensional latent, and on a small MNIST model.
 */
class MarginalLikelihoodTest {
    private static final MatMul MM = new EjmlMatMul(1);
    private static ModelSnapshot bernoulli2;
    private static ModelSnapshot gaussian2;
    private static ModelSnapshot bernoulli1;
    private static Dataset toyTest2;
    private static Dataset toyTest1;

    @BeforeAll
    static void train() throws Exception {
        DataSplit d2 = toyData(2, 11), d1 = toyData(1, 12);
        toyTest2 = d2.test();
        toyTest1 = d1.test();
        bernoulli2 = trained(d2, 2, Likelihood.BERNOULLI, 0.1, 40);
        gaussian2 = trained(d2, 2, Likelihood.GAUSSIAN, 0.1, 40);
        bernoulli1 = trained(d1, 1, Likelihood.BERNOULLI, 0.1, 40);
    }

    /** 4x4 images whose pixels are sigmoid(a_p . u + b_p) of a latent u ~ N(0, I) of the given size. */
    static DataSplit toyData(int latent, long seed) {
        Rng rng = new Rng(seed);
        int px = 16;
        double[][] a = new double[px][latent];
        double[] b = new double[px];
        for (int p = 0; p < px; p++) {
            for (int j = 0; j < latent; j++) a[p][j] = 2 * rng.nextGaussian();
            b[p] = rng.nextGaussian();
        }
        Dataset[] sets = new Dataset[2];
        int[] sizes = {2000, 200};
        for (int s = 0; s < 2; s++) {
            byte[] pixels = new byte[sizes[s] * px];
            for (int i = 0; i < sizes[s]; i++) {
                double[] u = new double[latent];
                for (int j = 0; j < latent; j++) u[j] = rng.nextGaussian();
                for (int p = 0; p < px; p++) {
                    double t = b[p];
                    for (int j = 0; j < latent; j++) t += a[p][j] * u[j];
                    pixels[i * px + p] = (byte) Math.round(255 / (1 + Math.exp(-t)));
                }
            }
            sets[s] = new Dataset("toy" + s, 4, 4, pixels, labels(sizes[s]), List.of());
        }
        return new DataSplit(sets[0], sets[1]);
    }

    static int[] labels(int n) {
        int[] l = new int[n];
        java.util.Arrays.fill(l, Dataset.NO_LABEL);
        return l;
    }

    static ModelSnapshot trained(DataSplit data, int latent, Likelihood l, double sigmaX, int epochs) throws Exception {
        Rng rng = new Rng(3);
        Vae vae = new Vae(new VaeConfig(data.train().imageSize(), List.of(16), latent, l, sigmaX), rng);
        Trainer t = new Trainer(vae, data, new TrainConfig(1, 3e-3, 64, epochs, 3, TrainConfig.OptimizerKind.ADAM, 1),
                MM, rng);
        for (int e = 0; e < epochs; e++) while (!t.trainStep()) { }
        return vae.snapshot();
    }

    static float[] images(Dataset set, int from, int n) {
        float[] xs = new float[n * set.imageSize()];
        for (int i = 0; i < n; i++) set.copyImage(from + i, xs, i * set.imageSize());
        return xs;
    }

    /** log p(x) by a dense midpoint rule over [-r, r]^d (d = 1 or 2), every point decoded on its own. */
    static double reference(ModelSnapshot m, float[] x, int cellsPerAxis, double r) {
        int d = m.latent(), px = m.inputSize();
        double h = 2 * r / cellsPerAxis;
        float[] logits = new float[px], z = new float[d];
        int rows = d == 1 ? 1 : cellsPerAxis;
        double[] terms = new double[rows * cellsPerAxis];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cellsPerAxis; j++) {
                z[0] = (float) (-r + (j + 0.5) * h);
                if (d == 2) z[1] = (float) (-r + (i + 0.5) * h);
                m.decodeLogits(z, logits);
                double lp = 0;
                for (float v : z) lp += -0.5 * v * v - 0.5 * Math.log(2 * Math.PI);
                terms[i * cellsPerAxis + j] = -m.config().likelihood().loss(logits, x, px, m.config().gaussianSigma()) + lp;
            }
        }
        return MarginalLikelihood.logSumExp(terms, 0, terms.length) + d * Math.log(h);
    }

    @Test
    void iwaeWithOneSampleIsTheSingleSampleElboOnTheSameEps() {
        Vae vae = new Vae(new VaeConfig(12, List.of(8), 3, Likelihood.BERNOULLI, 0.1), new Rng(2));
        int n = 6, px = 12, d = 3;
        float[] xs = GradientCheck.randomImages(n, px, 9);
        Vae.Workspace ws = vae.workspace(n);
        System.arraycopy(xs, 0, ws.x.data, 0, xs.length);
        vae.evaluate(MM, ws, n, new Rng(77));
        double[] iwae = MarginalLikelihood.iwae(vae.snapshot(), MM, xs, n, 1, new Rng(77));
        for (int i = 0; i < n; i++) {
            float[] row = java.util.Arrays.copyOfRange(ws.logits.data, i * px, (i + 1) * px);
            float[] x = java.util.Arrays.copyOfRange(xs, i * px, (i + 1) * px);
            double expected = -vae.config().likelihood().loss(row, x, px, 0.1);
            for (int j = 0; j < d; j++) {
                double z = ws.z.data[i * d + j], e = ws.eps.data[i * d + j], s = ws.sigma.data[i * d + j];
                // log p(z) - log q(z|x) at the z this eps gives
                expected += -0.5 * z * z + 0.5 * e * e + Math.log(s);
            }
            assertEquals(expected, iwae[i], 1e-4 * Math.abs(expected), "image " + i);
        }
    }

    @Test
    void oneSampleIwaeAveragesToTheElboWithTheClosedFormKl() {
        // E_eps[iwae_1] = E_q[log p(x|z)] - KL: so iwae_1 + recon(eps) averages to -KL(closed form)
        Vae vae = new Vae(new VaeConfig(12, List.of(8), 3, Likelihood.BERNOULLI, 0.1), new Rng(4));
        int n = 4000, px = 12;
        float[] one = GradientCheck.randomImages(1, px, 5), xs = new float[n * px];
        for (int i = 0; i < n; i++) System.arraycopy(one, 0, xs, i * px, px);
        Vae.Workspace ws = vae.workspace(n);
        System.arraycopy(xs, 0, ws.x.data, 0, xs.length);
        vae.evaluate(MM, ws, n, new Rng(8));
        double[] iwae = MarginalLikelihood.iwae(vae.snapshot(), MM, xs, n, 1, new Rng(8));
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++) {
            float[] row = java.util.Arrays.copyOfRange(ws.logits.data, i * px, (i + 1) * px);
            double v = iwae[i] + vae.config().likelihood().loss(row, one, px, 0.1);
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n, se = Math.sqrt((sumSq / n - mean * mean) / n);
        assertEquals(-ws.klSum / n, mean, 5 * se + 1e-4);
    }

    @Test
    void iwaeRisesWithKOnAverageAndStaysBelowTheQuadrature() {
        int images = 5, repeats = 400;
        float[] xs = images(toyTest2, 0, images);
        double ref = 0;
        for (int i = 0; i < images; i++)
            ref += reference(gaussian2, java.util.Arrays.copyOfRange(xs, i * 16, (i + 1) * 16), 1200, 6) / images;
        float[] many = new float[images * repeats * 16];
        for (int r = 0; r < repeats; r++) System.arraycopy(xs, 0, many, r * images * 16, images * 16);
        Rng rng = new Rng(21);
        double previous = Double.NEGATIVE_INFINITY;
        for (int k : new int[] {1, 4, 16, 64}) {
            double[] est = MarginalLikelihood.iwae(gaussian2, MM, many, images * repeats, k, rng);
            double mean = 0, sq = 0;
            for (double v : est) mean += v / est.length;
            for (double v : est) sq += (v - mean) * (v - mean);
            double se = Math.sqrt(sq / (est.length - 1) / est.length);
            assertTrue(mean > previous, "K = " + k + ": " + mean + " after " + previous);
            assertTrue(mean < ref + 3 * se, "K = " + k + ": " + mean + " +- " + se + " above log p(x) = " + ref);
            previous = mean;
        }
        assertTrue(ref - previous < 0.5, "K = 64 is close: " + previous + " vs " + ref);
    }

    @Test
    void gridAndIwaeAgreeWithADenseQuadratureBothLikelihoods() {
        for (ModelSnapshot m : List.of(bernoulli2, gaussian2)) {
            MarginalLikelihood.PriorGrid pg = MarginalLikelihood.priorGrid(m, MM);
            int n = 3;
            float[] xs = images(toyTest2, 10, n);
            double[] grid = MarginalLikelihood.grid(pg, MM, xs, n, 100);
            double[] iwae = MarginalLikelihood.iwae(m, MM, xs, n, 20_000, new Rng(5));
            for (int i = 0; i < n; i++) {
                float[] x = java.util.Arrays.copyOfRange(xs, i * 16, (i + 1) * 16);
                double ref = reference(m, x, 1600, 6.5);
                String what = m.config().likelihood() + " image " + i;
                assertEquals(ref, grid[i], 2e-3 * Math.max(1, Math.abs(ref)), what + ": grid");
                assertEquals(ref, iwae[i], 0.05, what + ": IWAE, 20,000 samples");
                GridPosterior p = MarginalLikelihood.posterior(pg, MM, x, 100);
                assertEquals(grid[i], p.logPx(), 1e-9, what + ": one image as in a batch");
                assertTrue(p.gap() > -0.02, what + ": the gap is KL(q || p(z|x)) >= 0: " + p.gap());
            }
        }
    }

    @Test
    void iwaeAgreesWithAQuadratureForAOneDimensionalLatent() {
        int n = 4;
        float[] xs = images(toyTest1, 0, n);
        double[] iwae = MarginalLikelihood.iwae(bernoulli1, MM, xs, n, 20_000, new Rng(6));
        for (int i = 0; i < n; i++) {
            double ref = reference(bernoulli1, java.util.Arrays.copyOfRange(xs, i * 16, (i + 1) * 16), 200_000, 10);
            assertEquals(ref, iwae[i], 0.02, "image " + i);
        }
    }

    @Test
    void theGridFollowsANarrowPosteriorThatAFixedGridMisses() throws Exception {
        // Gaussian likelihood with a small sigma_x: posteriors far narrower than the coarse cells of 0.12
        DataSplit d2 = toyData(2, 11);
        ModelSnapshot sharp = trained(d2, 2, Likelihood.GAUSSIAN, 0.01, 30);
        float[] x = images(d2.test(), 3, 1);
        MarginalLikelihood.PriorGrid pg = MarginalLikelihood.priorGrid(sharp, MM);
        GridPosterior p = MarginalLikelihood.posterior(pg, MM, x, 100);
        double width = p.boxX1() - p.boxX0();
        assertTrue(p.sigma()[0] < 0.05 && width < 1.5, "a narrow q and box: sigma " + p.sigma()[0] + ", box " + width);
        double[] iwae = MarginalLikelihood.iwae(sharp, MM, x, 1, 20_000, new Rng(7));
        assertEquals(iwae[0], p.logPx(), 0.1, "IWAE (20,000) vs grid");
        assertTrue(iwae[0] < p.logPx() + 0.02, "IWAE stays below: " + iwae[0] + " vs " + p.logPx());
        double fixed = reference(sharp, x, 100, 5);
        assertTrue(Math.abs(fixed - p.logPx()) > 10 * Math.abs(iwae[0] - p.logPx()),
                "a fixed 100x100 grid over [-5, 5] is far off: " + fixed + " vs " + p.logPx());
    }

    @Test
    void thePosteriorMapIsANormalisedDensity() {
        float[] x = images(toyTest2, 20, 1);
        GridPosterior p = MarginalLikelihood.posterior(MarginalLikelihood.priorGrid(bernoulli2, MM), MM, x, 120);
        double fineArea = (p.boxX1() - p.boxX0()) * (p.boxY1() - p.boxY0()) / (120.0 * 120), h = 12.0 / 100;
        double mass = 0;
        for (float v : p.logDensity()) mass += Math.exp(v) * fineArea;
        assertEquals(p.massInBox(), mass, 1e-6);
        for (float v : p.priorLogDensity()) if (!Float.isNaN(v)) mass += Math.exp(v) * h * h;
        assertEquals(1, mass, 1e-6);
        double[] levels = p.highestDensityLevels(0.99, 0.9, 0.5);
        assertTrue(levels[0] < levels[1] && levels[1] < levels[2], java.util.Arrays.toString(levels));
        // the densest cell is where the map says it is
        int best = 0;
        for (int i = 1; i < p.logDensity().length; i++) if (p.logDensity()[i] > p.logDensity()[best]) best = i;
        double z1 = p.boxX0() + (best % 120 + 0.5) * (p.boxX1() - p.boxX0()) / 120;
        double z2 = p.boxY1() - (best / 120 + 0.5) * (p.boxY1() - p.boxY0()) / 120;
        assertEquals(p.logDensity()[best], p.logDensityAt(z1, z2), 1e-9);
        // ELBO + gap = log p(x), and the ELBO's expected log-likelihood matches a Monte Carlo estimate under q
        assertEquals(p.logPx(), p.elbo() + p.gap(), 1e-9);
        Rng rng = new Rng(3);
        int s = 20_000;
        double sum = 0;
        float[] logits = new float[16];
        for (int i = 0; i < s; i++) {
            float[] z = {(float) (p.mu()[0] + p.sigma()[0] * rng.nextGaussian()),
                    (float) (p.mu()[1] + p.sigma()[1] * rng.nextGaussian())};
            bernoulli2.decodeLogits(z, logits);
            sum -= Likelihood.BERNOULLI.loss(logits, x, 16, 0.1);
        }
        assertEquals(sum / s, p.expectedLogLikelihood(), 0.05);
    }

    @Test
    void onASmallMnistModelTheGridAndIwaeAgree() throws Exception {
        DataSplit mnist = BuiltInDatasets.load("mnist");
        int[] idx = new int[3000];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        DataSplit small = new DataSplit(mnist.train().subset("m3000", idx), mnist.test());
        Rng rng = new Rng(1);
        Vae vae = new Vae(VaeConfig.of(784, 32, 2), rng);
        Trainer t = new Trainer(vae, small, new TrainConfig(1, 1e-3, 64, 3, 1, TrainConfig.OptimizerKind.ADAM, 1), MM, rng);
        for (int e = 0; e < 3; e++) while (!t.trainStep()) { }
        ModelSnapshot m = vae.snapshot();
        int n = 6;
        float[] xs = images(mnist.test(), 0, n);
        MarginalLikelihood.PriorGrid pg = MarginalLikelihood.priorGrid(m, MM);
        double[] grid = MarginalLikelihood.grid(pg, MM, xs, n, 100);
        int checked = 2; // the grid's convergence, on two of the images (a fine grid costs four times a plain one)
        double[] fine = MarginalLikelihood.grid(pg, MM, xs, checked, 200);
        double[] iwae = MarginalLikelihood.iwae(m, MM, xs, n, 20_000, new Rng(2));
        double[] elbo = MarginalLikelihood.iwae(m, MM, xs, n, 1, new Rng(2));
        double gap = 0, below = 0;
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            if (i < checked) assertEquals(fine[i], grid[i], 1e-3, "image " + i + ": the grid has converged at 100 x 100");
            diff[i] = Math.abs(grid[i] - iwae[i]);
            below += (grid[i] - iwae[i]) / n;
            gap += (grid[i] - elbo[i]) / n;
        }
        java.util.Arrays.sort(diff);
        // IWAE approaches log p(x) from below, slowly where q misses part of the posterior (heavy-tailed weights)
        assertTrue(diff[n / 2] < 0.1, "median |grid - IWAE(20,000)| " + java.util.Arrays.toString(diff));
        assertTrue(below > -0.05 && below < 0.4, "IWAE below the grid on average: " + below);
        assertTrue(gap > 0, "log p(x) above the single-sample ELBO on average: " + gap);
    }

    @Test
    void importanceSamplingOfOneImageAgreesWithTheGridAndItsElbo() {
        float[] x = images(toyTest2, 30, 1);
        GridPosterior p = MarginalLikelihood.posterior(MarginalLikelihood.priorGrid(bernoulli2, MM), MM, x, 100);
        MarginalLikelihood.Importance is = MarginalLikelihood.importance(bernoulli2, MM, x, 20_000, new Rng(8));
        assertEquals(p.logPx(), is.logPx(), 0.05, "log p(x): IWAE vs grid");
        assertEquals(p.kl(), is.kl(), 1e-9, "the same closed-form KL(q || p(z))");
        assertEquals(p.elbo(), is.elbo(), 0.1, "the ELBO: the mean log weight vs Gauss-Hermite");
        assertEquals(is.elbo() + is.kl(), is.expectedLogLikelihood(), 1e-12);
        assertTrue(is.gap() >= 0, "the mean of the log weights is at most the log of their mean: " + is.gap());
        assertEquals(p.gap(), is.gap(), 0.1, "the gap, two ways");
        // the same as the batch estimator on the same draws
        double[] batch = MarginalLikelihood.iwae(bernoulli2, MM, x, 1, 500, new Rng(9));
        assertEquals(batch[0], MarginalLikelihood.importance(bernoulli2, MM, x, 500, new Rng(9)).logPx(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> MarginalLikelihood.importance(bernoulli2, MM, x, 0, new Rng(1)));
    }

    @Test
    void aSliceOfALargerLatentIsTheConditionalPosteriorWithTheOtherDimensionsAtQsMean() {
        Vae vae = new Vae(new VaeConfig(16, List.of(12), 4, Likelihood.BERNOULLI, 0.1), new Rng(21));
        ModelSnapshot m = vae.snapshot();
        float[] x = images(toyTest2, 5, 1);
        float[] mu = new float[4], sigma = new float[4];
        m.encodeBatch(MM, x, 1, mu, sigma);
        // dimensions 2 (across) and 0 (up): the map's cells are p(x|z) N(z2, z0; 0, I) / Z with z1, z3 = q's mean
        GridPosterior p = MarginalLikelihood.slicePosterior(m, MM, x, 2, 0, 60);
        assertEquals(mu[2], p.mu()[0], 0);
        assertEquals(sigma[0], p.sigma()[1], 0);
        assertTrue(Double.isNaN(p.elbo()), "no ELBO from a slice");
        double fineArea = (p.boxX1() - p.boxX0()) * (p.boxY1() - p.boxY0()) / (60.0 * 60), h = 12.0 / 100, mass = 0;
        for (float v : p.logDensity()) mass += Math.exp(v) * fineArea;
        for (float v : p.priorLogDensity()) if (!Float.isNaN(v)) mass += Math.exp(v) * h * h;
        assertEquals(1, mass, 1e-6, "a density on the slice");
        float[] logits = new float[16];
        for (int cell : new int[] {0, 59, 1830, 3599}) {
            double across = p.boxX0() + (cell % 60 + 0.5) * (p.boxX1() - p.boxX0()) / 60;
            double up = p.boxY1() - (cell / 60 + 0.5) * (p.boxY1() - p.boxY0()) / 60;
            float[] z = {(float) up, mu[1], (float) across, mu[3]};
            m.decodeLogits(z, logits);
            double joint = -Likelihood.BERNOULLI.loss(logits, x, 16, 0.1) - 0.5 * (across * across + up * up)
                    - Math.log(2 * Math.PI);
            assertEquals(joint - p.logPx(), p.logDensity()[cell], 1e-3, "cell " + cell);
        }
        assertThrows(IllegalArgumentException.class, () -> MarginalLikelihood.slicePosterior(m, MM, x, 1, 1, 60));
        assertThrows(IllegalArgumentException.class, () -> MarginalLikelihood.slicePosterior(m, MM, x, 0, 4, 60));
        MarginalLikelihood.PriorGrid slice = MarginalLikelihood.sliceGrid(m, MM, 0, 1, mu);
        assertThrows(IllegalArgumentException.class, () -> MarginalLikelihood.grid(slice, MM, x, 1, 60),
                "log p(x) needs the whole latent space");
    }

    @Test
    void wrongUseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MarginalLikelihood.iwae(bernoulli2, MM, new float[16], 1, 0, new Rng(1)));
        assertThrows(IllegalArgumentException.class, () -> MarginalLikelihood.priorGrid(bernoulli1, MM));
        MarginalLikelihood.PriorGrid pg = MarginalLikelihood.priorGrid(bernoulli2, MM);
        assertThrows(IllegalArgumentException.class, () -> MarginalLikelihood.grid(pg, MM, new float[16], 1, 9));
    }

    @Test
    void gaussHermiteIntegratesPolynomialMomentsOfTheNormal() {
        double[][] q = Gaussian.hermiteQuadrature(20);
        double m0 = 0, m2 = 0, m4 = 0, m6 = 0;
        for (int i = 0; i < 20; i++) {
            double u = q[0][i], w = q[1][i];
            m0 += w; m2 += w * u * u; m4 += w * Math.pow(u, 4); m6 += w * Math.pow(u, 6);
        }
        assertEquals(1, m0, 1e-12);
        assertEquals(1, m2, 1e-11);
        assertEquals(3, m4, 1e-10);
        assertEquals(15, m6, 1e-9);
        for (int i = 1; i < 20; i++) assertTrue(q[0][i] > q[0][i - 1]);
    }
}
