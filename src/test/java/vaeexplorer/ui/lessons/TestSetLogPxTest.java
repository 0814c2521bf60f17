package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.vae.MarginalLikelihood;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.fixtures.LessonFixture;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.truepost.TestSetLogPx;

/** The true posterior lesson's test-set figures per epoch, without a window: jobs run on the calling thread. */
class TestSetLogPxTest {
    private static final MatMul MM = new EjmlMatMul(1);
    private static Dataset images;
    private static ModelSnapshot trained;

    @BeforeAll
    static void train() throws Exception {
        images = LessonFixture.images(64);
        trained = LessonFixture.trained(4, 3, 20);
    }

    private static TestSetLogPx testSet(LatentModel latent, SimpleBooleanProperty shown) {
        return new TestSetLogPx(LessonWindow.direct(latent), shown);
    }

    @Test
    void anEpochsEndGivesTheMeanIwaeAndElboOfTheShownImages() {
        LatentModel latent = new LatentModel();
        latent.shown().set(images);
        TestSetLogPx t = testSet(latent, new SimpleBooleanProperty(true));
        assertNull(t.latest().get());
        t.epochEnded(640, trained);
        TestSetLogPx.Point p = t.latest().get();
        assertEquals(640, p.step());
        assertEquals(Math.min(TestSetLogPx.IMAGES, images.size()), p.images());
        // the batch estimator draws its samples in the same order: the same mean
        int n = p.images();
        float[] xs = new float[n * 784];
        for (int i = 0; i < n; i++) images.copyImage(i, xs, i * 784);
        double[] iwae = MarginalLikelihood.iwae(trained, MM, xs, n, TestSetLogPx.K, new Rng(23));
        double mean = 0;
        for (double v : iwae) mean += v / n;
        assertEquals(mean, p.logPx(), 1e-6 * Math.abs(mean));
        assertTrue(p.gap() > 0 && p.logPx() > p.elbo(), "log p(x) above the ELBO: " + p);
        double[] single = MarginalLikelihood.iwae(trained, MM, xs, n, 1, new Rng(5));
        double elbo1 = 0;
        for (double v : single) elbo1 += v / n;
        assertEquals(elbo1, p.elbo(), 0.05 * Math.abs(elbo1), "the ELBO as single samples average it");
    }

    @Test
    void nothingIsComputedWhileHiddenAndANewModelDropsTheOld() {
        LatentModel latent = new LatentModel();
        latent.shown().set(images);
        SimpleBooleanProperty shown = new SimpleBooleanProperty(false);
        TestSetLogPx t = testSet(latent, shown);
        t.epochEnded(100, LessonFixture.model(1, 3));
        t.epochEnded(200, trained);
        assertNull(t.latest().get(), "hidden: nothing computed");
        shown.set(true);
        assertEquals(200, t.latest().get().step(), "shown again: the newest epoch");
        t.clear();
        assertNull(t.latest().get(), "a new model forgets the old figures");
        shown.set(false);
        t.epochEnded(300, trained);
        t.clear();
        shown.set(true);
        assertNull(t.latest().get(), "an epoch of the model before the Reset is not computed");
    }
}
