package vaeexplorer.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.nn.Rng;

class LatentPcaTest {
    /** An orthonormal basis of R^d from seeded random vectors (Gram-Schmidt). */
    private static double[][] basis(int d, long seed) {
        Rng r = new Rng(seed);
        double[][] u = new double[d][d];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < d; j++) u[k][j] = r.nextGaussian();
            for (int p = 0; p < k; p++) {
                double dot = 0;
                for (int j = 0; j < d; j++) dot += u[k][j] * u[p][j];
                for (int j = 0; j < d; j++) u[k][j] -= dot * u[p][j];
            }
            double n = 0;
            for (int j = 0; j < d; j++) n += u[k][j] * u[k][j];
            for (int j = 0; j < d; j++) u[k][j] /= Math.sqrt(n);
        }
        return u;
    }

    @Test
    void findsTheDirectionsAndVariancesPointsWereMadeAlong() {
        int d = 5, n = 8;
        double[][] u = basis(d, 3);
        double[] spread = {3, 2, 1};
        double[] centre = {0.5, -1, 2, 0, 0.25};
        // rows 1..3 of the 8x8 Hadamard matrix: orthogonal, each with mean 0, so the sample covariance is exactly
        // sum_k spread_k^2 n/(n-1) u_k u_k^T
        int[][] h = {{1, -1, 1, -1, 1, -1, 1, -1}, {1, 1, -1, -1, 1, 1, -1, -1}, {1, -1, -1, 1, 1, -1, -1, 1}};
        float[] mu = new float[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) {
                double v = centre[j];
                for (int k = 0; k < 3; k++) v += spread[k] * h[k][i] * u[k][j];
                mu[i * d + j] = (float) v;
            }
        LatentPca pca = LatentPca.fit(mu, n, d);
        double total = 9 + 4 + 1;
        for (int k = 0; k < 3; k++) {
            assertEquals(spread[k] * spread[k] * n / (n - 1), pca.variance(k), 1e-4, "variance along component " + k);
            assertEquals(spread[k] * spread[k] / total, pca.explained(k), 1e-5, "explained share of component " + k);
            double dot = 0;
            for (int j = 0; j < d; j++) dot += pca.component(k, j) * u[k][j];
            assertEquals(1, Math.abs(dot), 1e-5, "component " + k + " is the direction the points were made along");
        }
        assertEquals(0, pca.variance(3), 1e-4);
        assertEquals(0, pca.variance(4), 1e-4);
        for (int j = 0; j < d; j++) assertEquals(centre[j], pca.mean()[j], 1e-5);
    }

    @Test
    void componentsAreOrthonormalEigenvectorsOfTheCovarianceSortedBySignedConvention() {
        int d = 7, n = 500;
        Rng r = new Rng(11);
        float[] mu = new float[n * d];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian(), b = r.nextGaussian();
            for (int j = 0; j < d; j++) mu[i * d + j] = (float) ((j + 1) * a * (j % 2 == 0 ? 1 : -0.5) + b * j * 0.3 + 0.1 * r.nextGaussian());
        }
        LatentPca pca = LatentPca.fit(mu, n, d);
        // the covariance, brute force
        float[] m = pca.mean();
        double[][] c = new double[d][d];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++) c[a][b] += (mu[i * d + a] - m[a]) * (mu[i * d + b] - m[b]) / (n - 1);
        for (int k = 0; k < d; k++) {
            if (k > 0) assertTrue(pca.variance(k) <= pca.variance(k - 1) + 1e-9, "sorted by variance");
            int big = 0;
            for (int j = 0; j < d; j++) if (Math.abs(pca.component(k, j)) > Math.abs(pca.component(k, big))) big = j;
            assertTrue(pca.component(k, big) > 0, "largest entry positive");
            for (int a = 0; a < d; a++) {
                double cv = 0;
                for (int b = 0; b < d; b++) cv += c[a][b] * pca.component(k, b);
                // C c_k = lambda_k c_k
                assertEquals(pca.variance(k) * pca.component(k, a), cv, 2e-3 * (1 + pca.variance(0)), "C c_" + k + " entry " + a);
            }
            for (int q = 0; q < d; q++) {
                double dot = 0;
                for (int j = 0; j < d; j++) dot += pca.component(k, j) * pca.component(q, j);
                assertEquals(k == q ? 1 : 0, dot, 1e-4, "c_" + k + " . c_" + q);
            }
        }
    }

    @Test
    void aPointOnAPlaneHasItsCoordinatesThereAndTheBasesElsewhere() {
        int d = 6, n = 200;
        Rng r = new Rng(5);
        float[] mu = new float[n * d];
        for (int i = 0; i < mu.length; i++) mu[i] = (float) (r.nextGaussian() * (1 + i % d));
        LatentPca pca = LatentPca.fit(mu, n, d);
        float[] base = {0.3f, -1.2f, 0.8f, 2f, -0.5f, 0.1f};
        float[] z = pca.onPlane(0, 1.75, 2, -0.6, base);
        assertEquals(1.75, pca.coordinate(z, 0), 1e-4);
        assertEquals(-0.6, pca.coordinate(z, 2), 1e-4);
        for (int k : new int[] {1, 3, 4, 5}) assertEquals(pca.coordinate(base, k), pca.coordinate(z, k), 1e-4, "component " + k);
        // the plane through the mean: its own coordinates back, the mean's (zero) elsewhere
        float[] fromMean = pca.onPlane(1, -2, 0, 0.5, pca.mean());
        assertEquals(-2, pca.coordinate(fromMean, 1), 1e-4);
        assertEquals(0, pca.coordinate(fromMean, 4), 1e-4);
    }

    @Test
    void refusesTooFewOrBrokenPoints() {
        assertThrows(IllegalArgumentException.class, () -> LatentPca.fit(new float[] {1, 2}, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> LatentPca.fit(new float[] {1, Float.NaN, 2, 3}, 2, 2));
        LatentPca pca = LatentPca.fit(new float[] {1, 1, 1, 1}, 2, 2);
        assertEquals(0, pca.explained(0), "points that coincide explain nothing");
        assertThrows(IllegalArgumentException.class, () -> pca.onPlane(0, 1, 0, 1, new float[2]));
    }
}
