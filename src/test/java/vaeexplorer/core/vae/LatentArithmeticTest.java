package vaeexplorer.core.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.train.LatentPca;

/** Class means, attribute vectors, moves along them and analogies, against direct computations. */
class LatentArithmeticTest {
    /** n random codes of d dimensions, labels cycling over 3 classes, each class shifted by its label in dimension 0. */
    private static LatentCodes codes(int n, int d) {
        Rng rng = new Rng(17);
        int[] idx = new int[n], labels = new int[n];
        float[] mu = new float[n * d], sigma = new float[n * d];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            labels[i] = i % 3;
            for (int j = 0; j < d; j++) {
                mu[i * d + j] = (float) (rng.nextGaussian() + (j == 0 ? 2 * labels[i] : 0) + (j == 1 ? -labels[i] : 0));
                sigma[i * d + j] = 0.5f;
            }
        }
        return new LatentCodes(1, d, idx, labels, mu, sigma);
    }

    @Test
    void classMeansEqualADirectComputation() {
        LatentCodes c = codes(301, 20);
        for (int label = 0; label < 3; label++) {
            float[] mean = LatentArithmetic.classMean(c, label);
            for (int j = 0; j < 20; j++) {
                double s = 0;
                int n = 0;
                for (int i = label; i < c.size(); i += 3, n++) s += c.mu(i, j);
                assertEquals(s / n, mean[j], 1e-5, "class " + label + ", dimension " + j);
            }
        }
        assertNull(LatentArithmetic.classMean(c, 3), "no point of class 3");
    }

    @Test
    void theVectorProjectsOntoAPlaneAsTheMeansDo() {
        LatentCodes c = codes(300, 20);
        float[] a = LatentArithmetic.classMean(c, 0), b = LatentArithmetic.classMean(c, 2);
        float[] v = LatentArithmetic.direction(a, b);
        // two chosen dimensions: the arrow's components are v's
        assertEquals(b[3] - a[3], v[3], 0);
        assertEquals(b[7] - a[7], v[7], 0);
        // the principal components: the arrow from A's projection to B's is v projected (the offset cancels)
        LatentPca pca = LatentPca.fit(c);
        for (int k = 0; k < 2; k++) {
            double projected = 0;
            for (int j = 0; j < 20; j++) projected += pca.component(k, j) * v[j];
            assertEquals(pca.coordinate(b, k) - pca.coordinate(a, k), projected, 1e-4, "component " + k);
        }
        // the classes differ along dimensions 0 and 1 only: the vector points that way, about (4, -2)
        assertEquals(4, v[0], 0.5);
        assertEquals(-2, v[1], 0.5);
    }

    @Test
    void movingClassAsMeanByTheWholeVectorLandsOnClassBsMean() {
        LatentCodes c = codes(300, 20);
        float[] a = LatentArithmetic.classMean(c, 1), b = LatentArithmetic.classMean(c, 2);
        float[] v = LatentArithmetic.direction(a, b);
        assertArrayEquals(b, LatentArithmetic.along(a, v, 1), 1e-6f);
        assertArrayEquals(a, LatentArithmetic.along(a, v, 0), 0f);
        float[] half = LatentArithmetic.along(a, v, 0.5);
        for (int j = 0; j < 20; j++) assertEquals((a[j] + b[j]) / 2, half[j], 1e-6);
        float[] back = LatentArithmetic.along(a, v, -1.5);
        for (int j = 0; j < 20; j++) assertEquals(a[j] - 1.5 * v[j], back[j], 1e-5);
    }

    @Test
    void analogies() {
        LatentCodes c = codes(30, 5);
        float[] a = LatentArithmetic.mu(c, 0), b = LatentArithmetic.mu(c, 1), cc = LatentArithmetic.mu(c, 2);
        assertArrayEquals(cc, LatentArithmetic.analogy(a, a, cc), 1e-6f);
        float[] r = LatentArithmetic.analogy(a, b, cc);
        for (int j = 0; j < 5; j++) assertEquals(a[j] - b[j] + cc[j], r[j], 1e-6);
        // the result lies from c as a lies from b
        assertArrayEquals(LatentArithmetic.direction(b, a), LatentArithmetic.direction(cc, r), 1e-5f);
        assertThrows(IllegalArgumentException.class, () -> LatentArithmetic.analogy(a, new float[4], cc));
    }
}
