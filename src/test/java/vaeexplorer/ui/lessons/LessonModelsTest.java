package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.vae.Gaussian;
import vaeexplorer.core.vae.LatentGrid.Spacing;
import vaeexplorer.core.vae.LatentGrid;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.ui.fixtures.LessonFixture;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.draw.DrawModel;
import vaeexplorer.ui.lessons.interpolation.InterpolationModel;
import vaeexplorer.ui.lessons.manifold.ManifoldGrid;
import vaeexplorer.ui.lessons.posterior.Histogram;
import vaeexplorer.ui.lessons.posterior.HoleMap;

/** The lesson views' computations, without a display. */
class LessonModelsTest {

    @Test
    void interpolationCodesStartAtAAndEndAtB() {
        float[] a = {-1, 2, 0.5f}, b = {3, -2, 0.5f};
        float[] z = InterpolationModel.codes(a, b, 10);
        assertEquals(30, z.length);
        assertArrayEquals(a, java.util.Arrays.copyOfRange(z, 0, 3));
        assertArrayEquals(b, java.util.Arrays.copyOfRange(z, 27, 30));
        assertEquals(-1 + 4 * 5 / 9.0, z[5 * 3], 1e-5, "frame 5 of 10 lies 5/9 of the way"); // frames lie on the line
        for (int k = 0; k < 10; k++) assertEquals(0.5f, z[k * 3 + 2], 1e-6, "a dimension equal at both ends stays");
    }

    @Test
    void clicksSetATheBThenAAgainAndDraggingMovesOnlyThePlottedDimensions() {
        LatentModel latent = LessonFixture.latent(3);
        InterpolationModel m = new InterpolationModel(latent);
        m.setNext(new float[] {1, 1, 1});
        m.setNext(new float[] {2, 2, 2});
        assertArrayEquals(new float[] {1, 1, 1}, m.a().get());
        assertArrayEquals(new float[] {2, 2, 2}, m.b().get());
        m.setNext(new float[] {3, 3, 3});
        assertArrayEquals(new float[] {3, 3, 3}, m.a().get());
        m.moveEnd(1, -1, -2, 0, 2);
        assertArrayEquals(new float[] {-1, 2, -2}, m.b().get());
    }

    @Test
    void theMapCoversTheSquareAroundTheViewsCentreAndTheBackgroundTheWholeView() {
        Rectangle2D view = new Rectangle2D(-8, -4, 16, 8); // twice as wide as high
        double[][] map = ManifoldGrid.mapAxes(20, Spacing.LINEAR, view, false);
        assertEquals(20, map[0].length);
        assertEquals(-4 + 0.2, map[0][0], 1e-9);
        assertEquals(4 - 0.2, map[1][19], 1e-9);
        double[][] bg = ManifoldGrid.backgroundAxes(20, Spacing.LINEAR, view, false);
        assertEquals(42, bg[0].length, "as many cells again across the wider side, and one beyond each edge");
        assertEquals(22, bg[1].length);
        assertEquals(0.4, bg[0][1] - bg[0][0], 1e-9, "square cells");
        double[][] wide = ManifoldGrid.backgroundAxes(20, Spacing.LINEAR, new Rectangle2D(-40, -4, 80, 8), false);
        assertTrue(wide[0].length <= ManifoldGrid.MAX_CELLS, "a very wide view: larger cells, not too many");
        double[] we = ManifoldGrid.edges(wide[0], 0);
        assertTrue(we[0] <= -40 && we[we.length - 1] >= 40, "still covering it");
        double[] edges = ManifoldGrid.edges(bg[0], 0);
        assertTrue(edges[0] <= -8 + 1e-9 && edges[edges.length - 1] >= 8 - 1e-9, "covers the view");
    }

    @Test
    void gaussianQuantileAxesIgnoreTheViewAndSplitThePriorsMassEvenly() {
        double[][] q = ManifoldGrid.mapAxes(20, Spacing.GAUSSIAN_QUANTILES, new Rectangle2D(5, 5, 1, 1), false);
        assertArrayEquals(LatentGrid.axis(20, Spacing.GAUSSIAN_QUANTILES, 0, 0), q[0], 1e-12);
        for (int i = 0; i < 20; i++) assertEquals((i + 0.5) / 20, Gaussian.cdf(q[1][i]), 1e-6);
    }

    @Test
    void aDecodedMapHoldsTheDecoderImageOfEachCell() {
        ModelSnapshot m = LessonFixture.model(1, 2);
        double[] xs = {-1, 0, 1}, ys = {-2, 2};
        ManifoldGrid g = ManifoldGrid.decode(m, new EjmlMatMul(1), xs, ys, 0, 1, new float[2], 28, 28);
        assertEquals(6, g.tiles().count());
        // tile 0 is the top-left: the largest y
        assertArrayEquals(m.decode(new float[] {-1, 2}), g.tiles().image(0), 1e-4f);
        assertArrayEquals(m.decode(new float[] {1, -2}), g.tiles().image(5), 1e-4f);
        assertArrayEquals(new double[] {0, -2}, g.cellCentre(4), 1e-12);
    }

    @Test
    void aMapOverAPcaPlaneDecodesEachCellsOwnPointOfThatPlaneWithTheOtherComponentsAsZs() throws Exception {
        ModelSnapshot m = LessonFixture.model(2, 5);
        LatentCodes c = LessonFixture.encoded(LessonFixture.trained(4, 5, 2), LessonFixture.images(64));
        vaeexplorer.ui.latent.LatentPlane plane = vaeexplorer.ui.latent.LatentPlane.pca(c, null);
        float[] base = {0.5f, -0.25f, 1, 0, -1};
        double[] xs = {-1, 0, 1}, ys = {-0.5, 0.5};
        ManifoldGrid g = ManifoldGrid.decode(m, new EjmlMatMul(1), xs, ys, plane, base, 28, 28);
        for (int i = 0; i < g.tiles().count(); i++) {
            double[] at = g.cellCentre(i);
            float[] z = plane.toZ(at[0], at[1], base);
            assertEquals(at[0], plane.x(z), 1e-5, "cell " + i + " lies where it is drawn");
            assertEquals(at[1], plane.y(z), 1e-5);
            for (int k = 2; k < 5; k++) assertEquals(plane.pca().coordinate(base, k), plane.pca().coordinate(z, k), 1e-5);
            assertArrayEquals(m.decode(z), g.tiles().image(i), 1e-4f, "tile " + i + " is its z's image");
        }
        assertEquals(-1, g.dimX(), "no dimension across a PCA plane");
        // the prior's quantiles lie around the image of z = 0 in the plane
        double[][] q = ManifoldGrid.onPlane(ManifoldGrid.mapAxes(4, Spacing.GAUSSIAN_QUANTILES, new Rectangle2D(0, 0, 1, 1), false),
                Spacing.GAUSSIAN_QUANTILES, plane);
        assertEquals(plane.originX(), (q[0][1] + q[0][2]) / 2, 1e-9);
        assertEquals(plane.originY(), (q[1][1] + q[1][2]) / 2, 1e-9);
    }

    @Test
    void cellsInsideTwoSigmaWithoutPointsAreHolesAndCellsWithPointsAreNot() {
        LatentCodes c = LessonFixture.cluster(200, 1.0, 1.0, 0.1);
        HoleMap h = HoleMap.of(c, 0, 1);
        assertTrue(h.isHole(-1, -1), "the prior has mass there, the data has none");
        assertFalse(h.isHole(1.0, 1.0), "the cluster fills its cell");
        assertFalse(h.isHole(1.95, 1.95), "outside the 2-sigma circle: never a hole");
        assertTrue(h.holeCount() > 0 && h.holeCount() < h.inside());
    }

    @Test
    void theHistogramIsADensityAndTheAggregatePosteriorFollowsTheCodes() {
        LatentCodes c = LessonFixture.cluster(500, -1.0, 2.0, 0.3);
        Histogram h = Histogram.of(c, 0);
        double width = (h.hi() - h.lo()) / h.density().length, sum = 0;
        for (double v : h.density()) sum += v * width;
        assertEquals(1, sum, 1e-9, "the bars integrate to one");
        int peak = 0;
        for (int k = 1; k < h.xs().length; k++) if (h.aggregate()[k] > h.aggregate()[peak]) peak = k;
        assertEquals(-1.0, h.xs()[peak], 0.2, "q(z0) peaks where the codes are");
        double area = 0;
        for (int k = 1; k < h.xs().length; k++) area += (h.aggregate()[k] + h.aggregate()[k - 1]) / 2 * (h.xs()[k] - h.xs()[k - 1]);
        assertEquals(1, area, 0.01);
    }

    @Test
    void drawingInksPixelsErasingClearsThemAndTheDrawingIsEncoded() {
        LatentModel latent = LessonFixture.latent(2);
        DrawModel d = new DrawModel(latent);
        assertTrue(d.empty().get());
        assertNull(d.mu().get(), "nothing to encode");
        d.stroke(5, 14, 22, 14, false);
        assertFalse(d.empty().get());
        float[] img = d.image().get();
        assertEquals(1f, img[14 * 28 + 10], 1e-6, "on the stroke: full ink");
        assertEquals(0f, img[3 * 28 + 10], 1e-6, "far from it: none");
        float[] mu = d.mu().get();
        assertNotNull(mu);
        float[] expectedMu = new float[2], lv = new float[2];
        assertArrayEquals(vaeexplorer.core.data.images.DigitNormaliser.likeMnist(img, 28, 28), d.input().get(), 1e-6f,
                "the encoder is given the drawing centred and scaled like MNIST");
        latent.model().get().encode(d.input().get(), expectedMu, lv);
        assertArrayEquals(expectedMu, mu, 1e-6f);
        d.normalise().set(false);
        assertArrayEquals(img, d.input().get(), 1e-6f, "turned off: the drawing as it is");
        latent.model().get().encode(img, expectedMu, lv);
        assertArrayEquals(expectedMu, d.mu().get(), 1e-6f);
        mu = d.mu().get();
        assertArrayEquals(latent.model().get().decode(mu), d.reconstruction().get(), 1e-6f);
        d.dab(10.5, 14.5, true);
        assertEquals(0f, d.image().get()[14 * 28 + 10], 1e-6, "erased");
        d.clear();
        assertTrue(d.empty().get());
        assertNull(d.mu().get());
    }

    @Test
    void aNewModelReEncodesTheDrawing() {
        LatentModel latent = LessonFixture.latent(2);
        DrawModel d = new DrawModel(latent);
        d.stroke(14, 4, 14, 24, false);
        float[] before = d.mu().get();
        latent.model().set(LessonFixture.model(99, 2));
        assertNotEquals(before[0], d.mu().get()[0]);
    }

    @Test
    void theDrawingAndTheEndsStayForTheNextModelOfTheSameDataSetAndGoWithAnother() {
        LatentModel latent = LessonFixture.latent(2);
        DrawModel d = new DrawModel(latent);
        InterpolationModel m = new InterpolationModel(latent);
        d.stroke(14, 4, 14, 24, false);
        m.setNext(new float[] {1, 1});
        m.setNext(new float[] {-1, 2});
        vaeexplorer.core.data.Dataset same = latent.shown().get();
        latent.shown().set(same.subset(same.name(), new int[] {0, 1, 2}));
        latent.model().set(LessonFixture.model(7, 2));
        assertFalse(d.empty().get(), "Reset on the same data set keeps the drawing");
        assertNotNull(m.a().get(), "and the ends");
        assertNotNull(m.b().get());

        latent.shown().set(same.subset("another data set", new int[] {0, 1, 2})); // same image size, other data
        assertTrue(d.empty().get(), "the drawing went with its data set");
        assertNull(d.mu().get());
        assertNull(m.a().get(), "so did the ends");
        assertNull(m.b().get());
        m.setNext(new float[] {3, 3});
        assertArrayEquals(new float[] {3, 3}, m.a().get(), "the next click sets A again");
    }
}
