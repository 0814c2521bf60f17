package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.vae.GridPosterior;
import vaeexplorer.core.vae.MarginalLikelihood;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.fixtures.LessonFixture;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.draw.DrawModel;
import vaeexplorer.ui.lessons.truepost.TruePosteriorMap;
import vaeexplorer.ui.lessons.truepost.TruePosteriorModel;
import vaeexplorer.ui.lessons.truepost.TruePosteriorModel.Status;

/** The "True posterior" lesson's computation, without a window: jobs run on the calling thread. */
class TruePosteriorModelTest {
    private static final MatMul MM = new EjmlMatMul(1);
    private static Dataset images;
    private static ModelSnapshot trained;

    @BeforeAll
    static void train() throws Exception {
        images = LessonFixture.images(64);
        trained = LessonFixture.trained(3, 2, 30);
    }

    private static LessonContext context(LatentModel latent) {
        return LessonWindow.direct(latent);
    }

    /** A latent model with the trained model, the images and their codes; point i selected. */
    private static LatentModel latentWith(ModelSnapshot m, int selected) {
        LatentModel latent = new LatentModel();
        latent.shown().set(images);
        latent.model().set(m);
        int n = images.size(), d = m.latent();
        float[] mu = new float[n * d], sigma = new float[n * d], xs = new float[n * 784];
        for (int i = 0; i < n; i++) images.copyImage(i, xs, i * 784);
        m.encodeBatch(MM, xs, n, mu, sigma);
        int[] idx = new int[n], labels = new int[n];
        for (int i = 0; i < n; i++) { idx[i] = i; labels[i] = images.label(i); }
        latent.codes().set(new LatentCodes(1, d, idx, labels, mu, sigma));
        if (selected >= 0) latent.select(selected);
        return latent;
    }

    private static float[] image(int i) {
        float[] x = new float[784];
        images.copyImage(i, x, 0);
        return x;
    }

    @Test
    void theJobsResultIsTheEnginesPosteriorAndObeysTheIdentity() {
        LatentModel latent = latentWith(trained, 5);
        TruePosteriorModel m = new TruePosteriorModel(context(latent), new DrawModel(latent));
        assertEquals(Status.NO_MODEL, m.result().get().status(), "nothing is computed while the lesson is hidden");
        m.shown().set(true);
        TruePosteriorModel.Result r = m.result().get();
        assertEquals(Status.READY, r.status());
        assertEquals(TruePosteriorModel.Source.SELECTED, r.source());
        GridPosterior got = r.map().posterior();
        GridPosterior want = MarginalLikelihood.posterior(MarginalLikelihood.priorGrid(trained, MM), MM, image(5),
                TruePosteriorMap.FINE);
        assertEquals(want.logPx(), got.logPx(), 1e-6);
        assertEquals(want.elbo(), got.elbo(), 1e-6);
        assertEquals(want.kl(), got.kl(), 1e-9);
        assertEquals(want.gap(), got.gap(), 1e-6);
        assertTrue(got.n() >= 100, "a grid of 100 x 100 or finer");

        // the map is a density: fine cells plus the coarse cells outside the box integrate to one
        double fineArea = (got.boxX1() - got.boxX0()) * (got.boxY1() - got.boxY0()) / ((double) got.n() * got.n());
        double h = 2 * got.priorRadius() / got.priorCells(), mass = 0;
        for (float v : got.logDensity()) mass += Math.exp(v) * fineArea;
        for (float v : got.priorLogDensity()) if (!Float.isNaN(v)) mass += Math.exp(v) * h * h;
        assertEquals(1, mass, 1e-6);
        assertTrue(got.gap() >= -1e-3, "KL(q || p(z|x)) >= 0 up to quadrature noise: " + got.gap());
        assertTrue(got.logPx() >= got.elbo() - 1e-3, "log p(x) >= ELBO");
        assertEquals(got.logPx(), got.elbo() + got.gap(), 1e-9, "log p(x) = ELBO + KL(q || p(z|x))");
        int painted = 0;
        for (int argb : r.map().heat()) if (argb != 0) painted++;
        assertTrue(painted > 0 && painted < r.map().heat().length, "the heat map shows where the mass is, not everywhere");

        // the focus box holds q's 2-sigma box and 99% of p(z|x)'s mass, inside the fine box
        double[] f = r.map().focus();
        float[] mu = got.mu(), sd = got.sigma();
        assertTrue(f[0] <= mu[0] - 2 * sd[0] && f[1] >= mu[0] + 2 * sd[0], java.util.Arrays.toString(f));
        assertTrue(f[2] <= mu[1] - 2 * sd[1] && f[3] >= mu[1] + 2 * sd[1], java.util.Arrays.toString(f));
        assertTrue(f[0] >= got.boxX0() && f[1] <= got.boxX1() && f[2] >= got.boxY0() && f[3] <= got.boxY1());
        double inFocus = 0, cx = (got.boxX1() - got.boxX0()) / got.n(), cy = (got.boxY1() - got.boxY0()) / got.n();
        for (int row = 0; row < got.n(); row++)
            for (int c = 0; c < got.n(); c++) {
                double x = got.boxX0() + (c + 0.5) * cx, y = got.boxY1() - (row + 0.5) * cy;
                if (x >= f[0] && x <= f[1] && y >= f[2] && y <= f[3])
                    inFocus += Math.exp(got.logDensity()[row * got.n() + c]) * fineArea;
            }
        assertTrue(inFocus >= 0.99 * got.massInBox() - 1e-6 || inFocus >= 0.99,
                "the focus box holds the 99% region: " + inFocus + " of " + got.massInBox());
    }

    @Test
    void anotherImageAndANewSnapshotGiveNewNumbers() {
        LatentModel latent = latentWith(trained, 5);
        TruePosteriorModel m = new TruePosteriorModel(context(latent), new DrawModel(latent));
        m.shown().set(true);
        double first = m.result().get().map().posterior().logPx();
        latent.select(6);
        TruePosteriorModel.Result second = m.result().get();
        assertEquals(MarginalLikelihood.posterior(MarginalLikelihood.priorGrid(trained, MM), MM, image(6),
                TruePosteriorMap.FINE).logPx(), second.map().posterior().logPx(), 1e-6);
        assertTrue(first != second.map().posterior().logPx());
        ModelSnapshot other = LessonFixture.model(9, 2);
        latent.model().set(other);
        TruePosteriorModel.Result third = m.result().get();
        assertEquals(MarginalLikelihood.posterior(MarginalLikelihood.priorGrid(other, MM), MM, image(6),
                TruePosteriorMap.FINE).logPx(), third.map().posterior().logPx(), 1e-6, "follows the new model");
    }

    @Test
    void theDrawingIsExplainedOnceItIsDrawn() {
        LatentModel latent = latentWith(trained, 5);
        DrawModel draw = new DrawModel(latent);
        TruePosteriorModel m = new TruePosteriorModel(context(latent), draw);
        m.shown().set(true);
        draw.stroke(8, 8, 20, 20, false);
        TruePosteriorModel.Result r = m.result().get();
        assertEquals(TruePosteriorModel.Source.DRAWN, r.source());
        assertEquals(MarginalLikelihood.posterior(MarginalLikelihood.priorGrid(trained, MM), MM, draw.input().get(),
                TruePosteriorMap.FINE).logPx(), r.map().posterior().logPx(), 1e-6);
    }

    @Test
    void aLargerLatentGetsTheSliceThroughThePlottedDimensionsAndImportanceSampledNumbers() {
        ModelSnapshot twenty = LessonFixture.model(2, 20);
        LatentModel big = latentWith(twenty, 3);
        big.xDim().set(4);
        big.yDim().set(11);
        TruePosteriorModel m = new TruePosteriorModel(context(big), new DrawModel(big));
        m.shown().set(true);
        TruePosteriorModel.Result r = m.result().get();
        assertEquals(Status.READY, r.status());
        assertTrue(r.isSlice());
        assertEquals(20, r.latent());
        assertEquals(4, r.dimX());
        assertEquals(11, r.dimY());
        GridPosterior want = MarginalLikelihood.slicePosterior(twenty, MM, image(3), 4, 11, TruePosteriorMap.FINE);
        assertEquals(want.logPx(), r.map().posterior().logPx(), 1e-6, "the slice through the plotted dimensions");
        MarginalLikelihood.Importance is = r.importance();
        assertEquals(TruePosteriorModel.IWAE_K, is.k());
        assertEquals(is.logPx(), r.logPx(), 0);
        assertEquals(is.elbo(), r.expectedLogLikelihood() - r.kl(), 1e-9);
        assertTrue(r.logPx() >= r.expectedLogLikelihood() - r.kl(), "log p(x) >= ELBO");
        // the same numbers again for the same image (a fixed seed), new ones for another slice
        m.refresher().request();
        assertEquals(is.logPx(), m.result().get().logPx(), 0);
        big.yDim().set(7);
        assertEquals(7, m.result().get().dimY());
        assertEquals(MarginalLikelihood.slicePosterior(twenty, MM, image(3), 4, 7, TruePosteriorMap.FINE).logPx(),
                m.result().get().map().posterior().logPx(), 1e-6);
    }

    @Test
    void aOneDimensionalLatentOrNoImageSaysSoWithoutAMap() {
        LatentModel one = latentWith(LessonFixture.model(2, 1), 3);
        TruePosteriorModel m = new TruePosteriorModel(context(one), new DrawModel(one));
        m.shown().set(true);
        assertEquals(Status.NEEDS_2D, m.result().get().status());
        assertEquals(1, m.result().get().latent());
        assertNull(m.result().get().map());

        LatentModel none = latentWith(trained, -1);
        TruePosteriorModel n = new TruePosteriorModel(context(none), new DrawModel(none));
        n.shown().set(true);
        assertEquals(Status.NO_IMAGE, n.result().get().status());
        assertNotNull(n.result().get());
        assertSame(null, n.result().get().map());
    }
}
