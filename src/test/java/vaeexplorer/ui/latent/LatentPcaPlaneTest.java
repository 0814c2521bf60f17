package vaeexplorer.ui.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.train.LatentPca;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.ui.fixtures.LessonFixture;

/**
 * The scatter's PCA projection without a window: the plane of the first two components of the shown codes, the exact
 * way back from a point of the plane to z (a drag), with the other components held at the mean or at the selected
 * point's, and the decoded image being that z's.
 */
class LatentPcaPlaneTest {
    private static final int LATENT = 6;
    private static ModelSnapshot model;
    private static LatentCodes codes;

    @BeforeAll
    static void trainSmallModel() throws Exception {
        model = LessonFixture.trained(3, LATENT, 4);
        codes = LessonFixture.encoded(model, LessonFixture.images(64));
    }

    /** A latent model of the trained model, its codes shown, in the PCA projection. */
    private static LatentModel pcaModel() {
        LatentModel latent = new LatentModel();
        latent.shown().set(LessonFixture.images(64));
        latent.model().set(model);
        latent.codes().set(codes);
        latent.projection().set(LatentPlane.Kind.PCA);
        return latent;
    }

    private static float[] z(LatentModel latent) {
        return latent.z().get();
    }

    @Test
    void thePlaneProjectsThePointsOntoTheFirstTwoComponentsAndNamesTheirShareOfTheVariance() {
        LatentModel latent = pcaModel();
        LatentPlane plane = latent.plane().get();
        assertTrue(plane.isPca());
        assertSame(codes, plane.fittedTo(), "fitted to the codes shown");
        LatentPca pca = LatentPca.fit(codes);
        for (int i = 0; i < codes.size(); i += 7) {
            float[] mu = new float[LATENT];
            for (int j = 0; j < LATENT; j++) mu[j] = codes.mu(i, j);
            // the first fit keeps LatentPca's signs
            assertEquals(pca.coordinate(mu, 0), plane.x(codes, i), 1e-4, "x of point " + i);
            assertEquals(pca.coordinate(mu, 1), plane.y(codes, i), 1e-4, "y of point " + i);
            assertEquals(plane.x(codes, i), plane.x(mu), 1e-9);
        }
        assertEquals(pca.explained(0), plane.explained(0), 1e-12);
        assertTrue(plane.explained(0) >= plane.explained(1) && plane.explained(1) > 0);
        // the prior's centre: where z = 0 lands
        assertEquals(pca.coordinate(new float[LATENT], 0), plane.originX(), 1e-5);
        assertEquals(pca.coordinate(new float[LATENT], 1), plane.originY(), 1e-5);
    }

    @Test
    void aDragWithNothingSelectedGivesTheZAtThosePlaneCoordinatesWithTheOtherComponentsAtTheMean() {
        LatentModel latent = pcaModel();
        LatentPlane plane = latent.plane().get();
        LatentPca pca = plane.pca();
        float[] mean = pca.mean();
        latent.setPlotPoint(1.25, -0.5);
        float[] z = z(latent);
        assertEquals(1.25, plane.x(z), 1e-5);
        assertEquals(-0.5, plane.y(z), 1e-5);
        assertArrayEquals(new double[] {1.25, -0.5}, latent.planePoint(), 1e-5);
        for (int k = 2; k < LATENT; k++)
            assertEquals(pca.coordinate(mean, k), pca.coordinate(z, k), 1e-5, "component " + (k + 1) + " held at the mean's");
        // the image shown is that z's, exactly
        assertArrayEquals(model.decode(z), latent.decoded().get(), 0f);
    }

    @Test
    void aDragWithAPointSelectedHoldsTheOtherComponentsAtThatPointsValuesAndArrowsMoveAlongTheAxes() {
        LatentModel latent = pcaModel();
        LatentPlane plane = latent.plane().get();
        LatentPca pca = plane.pca();
        latent.select(9);
        float[] mu = new float[LATENT];
        for (int j = 0; j < LATENT; j++) mu[j] = codes.mu(9, j);
        assertArrayEquals(mu, z(latent), 0f, "a click jumps z to the point's mu");
        latent.setPlotPoint(-2, 0.75);
        float[] z = z(latent);
        assertEquals(-2, plane.x(z), 1e-5);
        assertEquals(0.75, plane.y(z), 1e-5);
        for (int k = 2; k < LATENT; k++)
            assertEquals(pca.coordinate(mu, k), pca.coordinate(z, k), 1e-5, "component " + (k + 1) + " held at the point's");
        assertArrayEquals(model.decode(z), latent.decoded().get(), 0f);

        latent.nudge(LatentPlotView.NUDGE, 0);
        assertArrayEquals(new double[] {-2 + LatentPlotView.NUDGE, 0.75}, latent.planePoint(), 1e-5, "right: along PC1 only");
        latent.nudge(0, -LatentPlotView.NUDGE);
        assertArrayEquals(new double[] {-2 + LatentPlotView.NUDGE, 0.75 - LatentPlotView.NUDGE}, latent.planePoint(), 1e-5);
        for (int k = 2; k < LATENT; k++) assertEquals(pca.coordinate(mu, k), pca.coordinate(z(latent), k), 1e-5);
    }

    @Test
    void aPosteriorsCovarianceProjectsAsPSigmaPTransposed() {
        LatentPlane plane = pcaModel().plane().get();
        float[] sigma = new float[LATENT], mu = new float[LATENT];
        for (int j = 0; j < LATENT; j++) {
            sigma[j] = 0.1f + 0.15f * j;
            mu[j] = codes.mu(3, j);
        }
        double[] cov = plane.covariance(sigma);
        // against the sample covariance of projected draws z = mu + sigma * eps
        Rng rng = new Rng(4);
        int n = 40_000;
        double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        float[] z = new float[LATENT];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < LATENT; j++) z[j] = (float) (mu[j] + sigma[j] * rng.nextGaussian());
            double x = plane.x(z), y = plane.y(z);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            syy += y * y;
        }
        double mx = sx / n, my = sy / n;
        assertEquals(plane.x(mu), mx, 0.01);
        assertEquals(cov[0], sxx / n - mx * mx, 0.03 * cov[0]);
        assertEquals(cov[2], syy / n - my * my, 0.03 * cov[2]);
        assertEquals(cov[1], sxy / n - mx * my, 0.03 * Math.sqrt(cov[0] * cov[2]));
        // in two dimensions it is diag(sigma_x^2, sigma_y^2)
        assertArrayEquals(new double[] {sigma[2] * sigma[2], 0, sigma[4] * sigma[4]},
                LatentPlane.dimensions(LATENT, 2, 4).covariance(sigma), 1e-7);
    }

    /** n points of 3 dimensions spread along direction (a, b, 0), with a little noise across. */
    private static LatentCodes along(double a, double b) {
        Rng rng = new Rng(8);
        int n = 200;
        float[] mu = new float[3 * n], sigma = new float[3 * n];
        for (int i = 0; i < n; i++) {
            double t = 2 * rng.nextGaussian();
            mu[3 * i] = (float) (a * t + 0.1 * rng.nextGaussian());
            mu[3 * i + 1] = (float) (b * t + 0.1 * rng.nextGaussian());
            mu[3 * i + 2] = (float) (0.5 * rng.nextGaussian());
            java.util.Arrays.fill(sigma, 3 * i, 3 * i + 3, 0.2f);
        }
        return new LatentCodes(1, 3, new int[n], new int[n], mu, sigma);
    }

    @Test
    void aRefitKeepsEachAxisDirectionSoTheScatterDoesNotMirrorWhenAnEigenvectorsSignTurnsOver() {
        // LatentPca makes each component's largest entry positive: along (0.6, -0.8) it gives (-0.6, 0.8), along
        // (0.8, -0.6) it gives (0.8, -0.6), nearly opposite directions for a small turn of the points
        LatentPlane before = LatentPlane.pca(along(0.6, -0.8), null);
        LatentCodes next = along(0.8, -0.6);
        LatentPlane alone = LatentPlane.pca(next, null), refit = LatentPlane.pca(next, before);
        float[] ahead = {0.8f, -0.6f, 0};
        assertTrue(alone.x(ahead) > 0 && before.x(new float[] {0.6f, -0.8f, 0}) < 0, "the fits' own signs disagree");
        assertTrue(refit.x(ahead) < 0, "the refit keeps the direction shown before");
        assertEquals(-alone.x(ahead), refit.x(ahead), 1e-6);
        assertTrue(refit.sameAxes(before));
        // and the way back stays exact with the turned axis
        float[] z = refit.toZ(1.5, -0.25, new float[] {0.3f, 0.1f, -0.4f});
        assertEquals(1.5, refit.x(z), 1e-5);
        assertEquals(-0.25, refit.y(z), 1e-5);
        assertEquals(refit.pca().coordinate(new float[] {0.3f, 0.1f, -0.4f}, 2), refit.pca().coordinate(z, 2), 1e-5);

        // the latent model refits to every new snapshot
        LatentModel latent = pcaModel();
        LatentCodes again = LessonFixture.encoded(LessonFixture.model(5, LATENT), LessonFixture.images(64));
        latent.codes().set(again);
        assertSame(again, latent.plane().get().fittedTo(), "refitted to the new codes");
        latent.projection().set(LatentPlane.Kind.DIMENSIONS);
        assertFalse(latent.plane().get().isPca());
        latent.setPlotPoint(0.3, -0.7);
        assertEquals(0.3f, z(latent)[0]);
        assertEquals(-0.7f, z(latent)[1]);
    }

    @Test
    void aTwoDimensionalModelHasNoPcaAndTheAxisTitlesSayTheShareOfTheVariance() {
        LatentModel two = LessonFixture.latent(2);
        two.codes().set(LessonFixture.grid());
        two.projection().set(LatentPlane.Kind.PCA);
        assertFalse(two.plane().get().isPca(), "two dimensions are the plane already");

        LatentPlane plane = pcaModel().plane().get();
        String x = LatentPlotView.axisTitle(plane, 0), y = LatentPlotView.axisTitle(plane, 1);
        assertNotNull(x);
        assertEquals("PC1 (" + Math.round(100 * plane.explained(0)) + "% of variance)", x);
        assertTrue(y.startsWith("PC2 ("), y);
        assertEquals("z3", LatentPlotView.axisTitle(LatentPlane.dimensions(LATENT, 3, 1), 0));
    }
}
