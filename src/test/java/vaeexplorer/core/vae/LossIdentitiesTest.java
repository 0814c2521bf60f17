package vaeexplorer.core.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.nn.Rng;

class LossIdentitiesTest {
    /** log N(z; m, s^2) for one dimension. */
    private static double logNormal(double z, double m, double s) {
        double r = (z - m) / s;
        return -0.5 * r * r - Math.log(s) - 0.5 * Math.log(2 * Math.PI);
    }

    @Test
    void closedFormKlMatchesAMonteCarloEstimate() {
        double[] mus = {0.0, 1.3, -2.0, 0.4};
        double[] logVars = {0.0, -1.5, 0.8, -3.0};
        Rng rng = new Rng(5);
        int samples = 400_000;
        for (int k = 0; k < mus.length; k++) {
            double mu = mus[k], lv = logVars[k], s = Math.exp(0.5 * lv);
            double closed = 0.5 * (mu * mu + s * s - lv - 1);
            double sum = 0, sumSq = 0;
            for (int i = 0; i < samples; i++) {
                double z = mu + s * rng.nextGaussian();
                // KL = E_q[log q(z) - log p(z)]
                double v = logNormal(z, mu, s) - logNormal(z, 0, 1);
                sum += v;
                sumSq += v * v;
            }
            double mean = sum / samples, se = Math.sqrt((sumSq / samples - mean * mean) / samples);
            assertEquals(closed, mean, 5 * se + 1e-3, "mu " + mu + ", log sigma^2 " + lv);
        }
    }

    @Test
    void theModelsKlIsTheClosedFormOfItsEncoderOutputs() {
        Vae vae = new Vae(VaeConfig.of(5, 4, 3), new Rng(2));
        Vae.Workspace ws = vae.workspace(2);
        float[] x = GradientCheck.randomImages(2, 5, 9);
        System.arraycopy(x, 0, ws.x.data, 0, x.length);
        vae.evaluate(new vaeexplorer.core.nn.EjmlMatMul(1), ws, 2, new Rng(1));
        double expected = 0;
        for (int r = 0; r < 2; r++)
            for (int j = 0; j < 3; j++) {
                double mu = ws.head.get(r, j), lv = ws.head.get(r, 3 + j);
                expected += 0.5 * (mu * mu + Math.exp(lv) - lv - 1);
            }
        assertEquals(expected, ws.klSum, 1e-5);
        double perDim = 0;
        for (double k : ws.klPerDimSum) perDim += k;
        assertEquals(ws.klSum, perDim, 1e-9);
    }

    @Test
    void stableBinaryCrossEntropyMatchesTheNaiveFormula() {
        float[] logits = {-8f, -2.5f, -0.3f, 0f, 0.7f, 3f, 9f};
        float[] x = {0f, 0.2f, 1f, 0.5f, 0.9f, 0f, 1f};
        float[] grad = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            double p = 1 / (1 + Math.exp(-logits[i]));
            double naive = -(x[i] * Math.log(p) + (1 - x[i]) * Math.log(1 - p));
            double stable = Likelihood.BERNOULLI.lossAndGradient(new float[] {logits[i]}, new float[] {x[i]}, grad, 1, 1f, 0);
            assertEquals(naive, stable, 1e-6 * Math.max(1, naive), "logit " + logits[i]);
            assertEquals(p - x[i], grad[0], 1e-6, "gradient at logit " + logits[i]);
        }
    }

    @Test
    void binaryCrossEntropyIsFiniteOnExtremeLogits() {
        float[] logits = {-1e30f, -1000f, -100f, 100f, 1000f, 1e30f, Float.MAX_VALUE, -Float.MAX_VALUE};
        for (float l : logits) {
            for (float t : new float[] {0f, 0.5f, 1f}) {
                float[] grad = new float[1];
                double loss = Likelihood.BERNOULLI.lossAndGradient(new float[] {l}, new float[] {t}, grad, 1, 1f, 0);
                assertTrue(Double.isFinite(loss) && loss >= 0, "loss at logit " + l + ", target " + t + ": " + loss);
                assertTrue(Float.isFinite(grad[0]) && Math.abs(grad[0]) <= 1, "gradient at logit " + l + ": " + grad[0]);
            }
        }
        // a confident right answer costs about nothing; a confident wrong one costs about |logit| nats
        assertEquals(0, Likelihood.BERNOULLI.loss(new float[] {1000f}, new float[] {1f}, 1, 0), 1e-12);
        assertEquals(1000, Likelihood.BERNOULLI.loss(new float[] {-1000f}, new float[] {1f}, 1, 0), 1e-9);
    }

    @Test
    void gaussianNegativeLogLikelihoodIncludesItsConstant() {
        double sigma = 0.3;
        float[] l = {0.2f}, x = {0.5f};
        double expected = -Math.log(Math.exp(-0.09 / (2 * sigma * sigma)) / Math.sqrt(2 * Math.PI * sigma * sigma));
        assertEquals(expected, Likelihood.GAUSSIAN.loss(l, x, 1, sigma), 1e-6);
    }
}
