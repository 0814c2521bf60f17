package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.vae.BruteForceNearest;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.core.vae.Neighbours;
import vaeexplorer.ui.fixtures.LessonFixture;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.nearest.NearestModel;
import vaeexplorer.ui.lessons.nearest.NearestModel.Result;

/**
 * The Nearest lesson's view-model without a window (jobs run on the calling thread): the strips follow z, equal a
 * brute-force search over the training images, wait while the lesson is hidden, and say nothing without a model or
 * with a training set of other images.
 */
class NearestModelTest {
    private static ModelSnapshot trained;
    private static Dataset training;

    @BeforeAll
    static void train() throws Exception {
        trained = LessonFixture.trained(6, 2, 10);
        training = LessonFixture.images(64);
    }

    private static LatentModel latent() {
        LatentModel latent = new LatentModel();
        latent.shown().set(LessonFixture.images(16));
        latent.model().set(trained);
        return latent;
    }

    /** The latent codes of every training image, as the lesson's worker encodes them. */
    private static float[] codes() {
        float[] mu = new float[2 * training.size()], sigma = new float[mu.length];
        trained.encodeBatch(new EjmlMatMul(1), training, 0, training.size(), mu, sigma);
        return mu;
    }

    private static void assertMatchesBruteForce(LatentModel latent, Result r) {
        float[] decoded = latent.decoded().get(), z = latent.z().get();
        Neighbours pixels = BruteForceNearest.byPixels(training, decoded, NearestModel.COUNT);
        Neighbours near = BruteForceNearest.byLatent(codes(), training.size(), 2, z, NearestModel.COUNT);
        assertArrayEquals(pixels.indices(), r.byPixels());
        assertArrayEquals(pixels.distances(), r.pixelDistances());
        assertArrayEquals(near.indices(), r.byLatent());
        assertArrayEquals(near.distances(), r.latentDistances());
        // each strip: the decoded image, then the neighbours' own pixels
        assertArrayEquals(decoded, r.pixelTiles().image(0));
        assertArrayEquals(decoded, r.latentTiles().image(0));
        float[] x = new float[784];
        for (int s = 0; s < NearestModel.COUNT; s++) {
            training.copyImage(r.byPixels()[s], x, 0);
            assertArrayEquals(x, r.pixelTiles().image(s + 1), "pixel strip " + s);
            training.copyImage(r.byLatent()[s], x, 0);
            assertArrayEquals(x, r.latentTiles().image(s + 1), "latent strip " + s);
        }
        assertTrue(r.codesCurrent());
        assertTrue(r.yardstick() > 0, "the fixture's images differ by their noise");
    }

    @Test
    void theStripsFollowZAndEqualABruteForceSearch() {
        LatentModel latent = latent();
        NearestModel m = new NearestModel(LessonWindow.direct(latent, new SimpleObjectProperty<>(training)));
        Result first = m.result().get();
        assertNotNull(first, "found at once for z = 0");
        assertMatchesBruteForce(latent, first);
        latent.setPlotPoint(1.5, -0.8);
        Result moved = m.result().get();
        assertTrue(moved != first, "a new answer for the new z");
        assertMatchesBruteForce(latent, moved);
        latent.setPlotPoint(-2, 2);
        assertMatchesBruteForce(latent, m.result().get());
    }

    @Test
    void whileHiddenNothingIsSearchedAndShowingItAgainSearchesTheNewestZ() {
        LatentModel latent = latent();
        NearestModel m = new NearestModel(LessonWindow.direct(latent, new SimpleObjectProperty<>(training)));
        m.shown().set(false);
        Result before = m.result().get();
        latent.setPlotPoint(0.5, 0.5);
        latent.setPlotPoint(-1, 0.25);
        assertTrue(m.result().get() == before, "hidden: no search");
        m.shown().set(true);
        assertTrue(m.result().get() != before);
        assertMatchesBruteForce(latent, m.result().get());
    }

    @Test
    void withoutATrainingSetOrWithImagesOfAnotherSizeThereIsNoAnswer() {
        LatentModel latent = latent();
        SimpleObjectProperty<Dataset> set = new SimpleObjectProperty<>();
        NearestModel m = new NearestModel(LessonWindow.direct(latent, set));
        assertNull(m.result().get());
        latent.setPlotPoint(1, 1);
        assertNull(m.result().get());
        set.set(new Dataset("small", 4, 4, new byte[3 * 16], new int[] {0, 0, 0}, java.util.List.of("a")));
        latent.setPlotPoint(0, 1);
        assertNull(m.result().get(), "16-pixel images cannot be compared with the model's 784");
        LatentModel empty = new LatentModel();
        assertNull(new NearestModel(LessonWindow.direct(empty, new SimpleObjectProperty<>(training))).result().get());
    }

    @Test
    void recallingMeansMuchCloserThanTheOthersAndThanTrainingImagesAreToEachOther() {
        // nearest 2 against a yardstick of 10 and a fifth nearest of 12: a near-copy
        assertTrue(result(new double[] {2, 9, 10, 11, 12}, 10).recalls());
        // as close, but four others nearly as close: a blend of several, not a copy
        assertFalse(result(new double[] {2, 2.5, 2.6, 3, 3.5}, 10).recalls());
        // far from everything: not a copy either
        assertFalse(result(new double[] {8, 20, 30, 40, 50}, 10).recalls());
    }

    private static Result result(double[] pixelDistances, double yardstick) {
        int[] idx = {3, 1, 4, 5, 9};
        return new Result(training, idx, pixelDistances, idx, pixelDistances, null, null, yardstick, true);
    }
}
