package vaeexplorer.core.vae;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.nn.Rng;

class VaeGradientTest {
    private static final double H = 1e-3;
    private static final double REL_TOL = 2e-2;
    private static final double ABS_TOL = 1e-3;

    private static GradientCheck check(VaeConfig config, double beta, int batch, long seed) {
        Vae vae = new Vae(config, new Rng(seed));
        // biases start at 0, which can put a ReLU whose inputs are all 0 exactly on its kink, where the derivative is
        // undefined; small random biases keep every unit off it
        Rng r = new Rng(seed + 3);
        for (vaeexplorer.core.nn.Dense layer : vae.layers())
            for (int j = 0; j < layer.out; j++) layer.bias.value.data[j] = (float) (0.2 * r.nextDouble() - 0.1);
        return new GradientCheck(vae, GradientCheck.randomImages(batch, config.inputSize(), seed + 1), batch, beta,
                seed + 2);
    }

    @Test
    void bernoulliGradientsOfEveryParameterMatchFiniteDifferences() {
        GradientCheck c = check(new VaeConfig(7, List.of(6), 2, Likelihood.BERNOULLI, 0.1), 1.0, 4, 11);
        List<String> bad = c.mismatches(c.analytic(), H, REL_TOL, ABS_TOL);
        assertTrue(bad.isEmpty(), () -> String.join("\n", bad));
    }

    @Test
    void gaussianGradientsWithBetaNotOneAndTwoHiddenLayersMatchFiniteDifferences() {
        GradientCheck c = check(new VaeConfig(6, List.of(5, 4), 3, Likelihood.GAUSSIAN, 0.7), 2.5, 3, 21);
        List<String> bad = c.mismatches(c.analytic(), H, REL_TOL, ABS_TOL);
        assertTrue(bad.isEmpty(), () -> String.join("\n", bad));
    }

    @Test
    void bernoulliWithTwoHiddenLayersAndSmallBetaMatchesFiniteDifferences() {
        GradientCheck c = check(new VaeConfig(8, List.of(6, 5), 2, Likelihood.BERNOULLI, 0.1), 0.3, 5, 31);
        List<String> bad = c.mismatches(c.analytic(), H, REL_TOL, ABS_TOL);
        assertTrue(bad.isEmpty(), () -> String.join("\n", bad));
    }

    @Test
    void betaZeroLeavesOnlyTheReconstructionGradient() {
        GradientCheck c = check(new VaeConfig(6, List.of(5), 2, Likelihood.BERNOULLI, 0.1), 0.0, 3, 41);
        List<String> bad = c.mismatches(c.analytic(), H, REL_TOL, ABS_TOL);
        assertTrue(bad.isEmpty(), () -> String.join("\n", bad));
    }

    @Test
    void theCheckFailsOnADeliberatelyWrongGradient() {
        GradientCheck c = check(new VaeConfig(7, List.of(6), 2, Likelihood.BERNOULLI, 0.1), 1.0, 4, 11);
        float[][] g = c.analytic();
        // the log sigma^2 head bias (index 3 in parameter order: enc.w, enc.b, head.w, head.b): drop the KL part of
        // its gradient, as a backward pass that forgot beta * (sigma^2 - 1) / 2 would
        int headBias = 3;
        g[headBias][2] += 0.25f;
        List<String> bad = c.mismatches(g, H, REL_TOL, ABS_TOL);
        assertFalse(bad.isEmpty(), "a gradient off by 0.25 must be caught");
        assertTrue(bad.get(0).startsWith("encoder.head.bias[2]"), bad.get(0));
    }
}
