package vaeexplorer.core.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.Evaluation;
import vaeexplorer.core.train.Trainer;

/** -ELBO per image: against a direct computation one z at a time, the set's mean, and an image the model cannot explain. */
class ImageScoresTest {
    private static final MatMul MM = new EjmlMatMul(1);
    private static Vae vae;
    private static Dataset test;
    private static Dataset train;

    @BeforeAll
    static void train() throws Exception {
        DataSplit data = MarginalLikelihoodTest.toyData(2, 31);
        test = data.test();
        train = data.train();
        vae = new Vae(new VaeConfig(16, List.of(16), 3, Likelihood.BERNOULLI, 0.1), new Rng(3));
        Trainer t = new Trainer(vae, data, new vaeexplorer.core.train.TrainConfig(1, 3e-3, 64, 15, 3,
                vaeexplorer.core.train.TrainConfig.OptimizerKind.ADAM, 1), MM, new Rng(3));
        for (int e = 0; e < 15; e++) while (!t.trainStep()) { }
    }

    @Test
    void eachScoreIsMinusTheElboOfItsImageAtTheSeededSamples() {
        ModelSnapshot m = vae.snapshot();
        int n = 300; // more than one chunk
        double[] got = ImageScores.negativeElbo(m, MM, train, 0, n);
        Rng rng = new Rng(ImageScores.SEED);
        float[] x = new float[16], mu = new float[3], sigma = new float[3], z = new float[3], logits = new float[16];
        for (int i = 0; i < n; i++) {
            train.copyImage(i, x, 0);
            m.encodeBatch(MM, x, 1, mu, sigma);
            double recon = 0;
            for (int s = 0; s < ImageScores.SAMPLES; s++) {
                for (int j = 0; j < 3; j++) z[j] = mu[j] + sigma[j] * (float) rng.nextGaussian();
                m.decodeLogits(z, logits);
                recon += Likelihood.BERNOULLI.loss(logits, x, 16, 0.1) / ImageScores.SAMPLES;
            }
            double kl = 0;
            for (int j = 0; j < 3; j++) kl += 0.5 * (mu[j] * mu[j] + sigma[j] * sigma[j] - Math.log(sigma[j] * sigma[j]) - 1);
            assertEquals(recon + kl, got[i], 1e-3 * Math.max(1, recon + kl), "image " + i);
        }
        double[] again = ImageScores.negativeElbo(m, MM, train, 0, n);
        assertEquals(got[7], again[7], 0, "the same model and images, the same scores");
    }

    @Test
    void theMeanIsTheSetsNegativeElboAndARangeScoresItsImages() {
        ModelSnapshot m = vae.snapshot();
        double[] all = ImageScores.negativeElbo(m, MM, test, 0, test.size());
        double mean = java.util.Arrays.stream(all).average().orElseThrow();
        Evaluation e = Trainer.evaluate(vae, MM, vae.workspace(test.size()), test, 1);
        assertEquals(e.negativeElbo(), mean, 0.02 * e.negativeElbo(), "the mean over the set, up to sampling");
        double[] part = ImageScores.negativeElbo(m, MM, test, 50, 10);
        assertEquals(10, part.length);
        assertThrows(IllegalArgumentException.class, () -> ImageScores.negativeElbo(m, MM, test, 195, 10));
    }

    @Test
    void imagesOfAnotherKindScoreWorseThanTheModelsOwn() {
        ModelSnapshot m = vae.snapshot();
        Dataset foreign = MarginalLikelihoodTest.toyData(2, 77).test(); // other pixel maps from the latent
        double own = java.util.Arrays.stream(ImageScores.negativeElbo(m, MM, test, 0, test.size())).average().orElseThrow();
        double[] f = ImageScores.negativeElbo(m, MM, foreign, 0, foreign.size());
        double other = java.util.Arrays.stream(f).average().orElseThrow();
        assertTrue(other > own + 1, "images the model was not trained on are explained worse: " + other + " vs " + own);
    }
}
