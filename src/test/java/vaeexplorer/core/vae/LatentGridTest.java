package vaeexplorer.core.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.nn.Rng;

class LatentGridTest {
    @Test
    void inverseCdfUndoesTheCdf() {
        for (double p : new double[] {1e-9, 1e-4, 0.01, 0.0243, 0.1, 0.3, 0.5, 0.77, 0.975, 0.99999})
            assertEquals(p, Gaussian.cdf(Gaussian.inverseCdf(p)), 2e-7 + 1e-6 * p, "p = " + p);
        assertEquals(1.959964, Gaussian.inverseCdf(0.975), 1e-5);
        assertEquals(0, Gaussian.inverseCdf(0.5), 1e-7);
    }

    @Test
    void quantileSpacingIsSymmetricAndDenserNearZero() {
        double[] q = LatentGrid.axis(20, LatentGrid.Spacing.GAUSSIAN_QUANTILES, 0, 0);
        for (int i = 0; i < 20; i++) assertEquals(-q[19 - i], q[i], 1e-9);
        assertTrue(q[10] - q[9] < q[19] - q[18], "cells near 0 are narrower than at the edges");
        assertArrayEquals(new double[] {-3, -1, 1, 3}, LatentGrid.axis(4, LatentGrid.Spacing.LINEAR, -3, 3), 1e-12);
    }

    @Test
    void gridCodesPutXAndYOnTheChosenDimensionsTopRowFirst() {
        float[] z = LatentGrid.codes(new double[] {-1, 1}, new double[] {-2, 2}, 3, 2, 0, new float[] {9, 8, 7});
        // top-left: x = -1 on dim 2, y = +2 on dim 0, dim 1 keeps its base value
        assertArrayEquals(new float[] {2, 8, -1, 2, 8, 1, -2, 8, -1, -2, 8, 1}, z);
    }

    @Test
    void batchedDecodeAndEncodeAgreeWithOneAtATime() throws Exception {
        Vae vae = new Vae(new VaeConfig(784, List.of(40, 30), 3, Likelihood.BERNOULLI, 0.1), new Rng(3));
        ModelSnapshot m = vae.snapshot();
        Rng r = new Rng(4);
        int n = 700;
        float[] zs = new float[n * 3];
        for (int i = 0; i < zs.length; i++) zs[i] = (float) r.nextGaussian();
        float[] batched = new float[n * 784];
        m.decodeBatch(new EjmlMatMul(1), zs, n, batched);
        for (int i = 0; i < n; i += 97) {
            float[] one = m.decode(java.util.Arrays.copyOfRange(zs, i * 3, i * 3 + 3));
            assertArrayEquals(one, java.util.Arrays.copyOfRange(batched, i * 784, (i + 1) * 784), 1e-5f);
        }
        Dataset test = BuiltInDatasets.load("mnist").test();
        float[] mu = new float[n * 3], sigma = new float[n * 3], x = new float[784], mu1 = new float[3], lv1 = new float[3];
        m.encodeBatch(new EjmlMatMul(1), test, 100, n, mu, sigma);
        for (int i = 0; i < n; i += 89) {
            test.copyImage(100 + i, x, 0);
            m.encode(x, mu1, lv1);
            for (int j = 0; j < 3; j++) {
                assertEquals(mu1[j], mu[i * 3 + j], 1e-4);
                assertEquals(Math.exp(0.5 * lv1[j]), sigma[i * 3 + j], 1e-4);
            }
        }
    }
}
