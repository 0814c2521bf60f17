package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.util.Arrays;

import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.vae.LatentGrid;
import vaeexplorer.core.vae.LatentGrid.Spacing;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.LessonFixture;
import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.PlotTransform;
import vaeexplorer.ui.lessons.draw.DrawView;
import vaeexplorer.ui.lessons.interpolation.InterpolationModel;
import vaeexplorer.ui.lessons.interpolation.InterpolationView;
import vaeexplorer.ui.lessons.manifold.ManifoldGrid;
import vaeexplorer.ui.lessons.manifold.ManifoldUnderlay;
import vaeexplorer.ui.lessons.manifold.ManifoldView;
import vaeexplorer.ui.lessons.numbers.KlPerDimensionView;
import vaeexplorer.ui.lessons.posterior.Histogram;
import vaeexplorer.ui.lessons.posterior.HoleMap;
import vaeexplorer.ui.lessons.posterior.PosteriorOverlay;
import vaeexplorer.ui.lessons.posterior.PosteriorVsPriorView;
import vaeexplorer.ui.lessons.samples.PriorSamplesView;
import vaeexplorer.ui.lessons.samples.ReconstructionsView;
import vaeexplorer.ui.widgets.ImageTiles;

/**
 * The lesson views as a teacher drives them, on a scatter and tabs of their own with hand-made codes and small random
 * models (hidden 32), so that each behaviour is checked exactly and fast.
 */
@ExtendWith(ApplicationExtension.class)
class LessonsTest {
    private Stage stage;
    private final LatentModel latent = new LatentModel();
    private SimpleObjectProperty<LossPoint> loss;
    private SimpleObjectProperty<double[]> kl;
    private LatentPlotView plot;
    private Lessons lessons;

    @Stop
    void stop() {
        FxTesting.closeWindows(stage);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        LessonWindow w = LessonWindow.show(stage, latent, LessonFixture.grid(), 1000, 760, 0.55);
        loss = w.loss;
        kl = w.kl;
        plot = w.plot;
        lessons = w.lessons;
        plot.setView(0, 0, vaeexplorer.ui.latent.PlotTransform.DEFAULT_SPAN); // these tests work in -4..4, not fitted
    }

    // ---- helpers ----

    private void tab(FxRobot robot, String id) {
        robot.clickOn(id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Where latent point (x, y) is on the screen. */
    private Point2D screen(double x, double y) {
        return fx(() -> plot.localToScreen(plot.transform().toScreenX(x), plot.transform().toScreenY(y)));
    }

    private Point2D pointOnScreen(int i) {
        return fx(() -> plot.localToScreen(plot.pointPosition(i)));
    }

    private static float[] copy(ImageTiles t, int from, int count) {
        return Arrays.copyOfRange(t.pixels(), from * t.imageSize(), (from + count) * t.imageSize());
    }

    private Color plotPixel(Point2D onScreen) {
        return fx(() -> {
            Point2D local = plot.screenToLocal(onScreen);
            WritableImage img = plot.snapshot(null, null);
            return img.getPixelReader().getColor((int) local.getX(), (int) local.getY());
        });
    }

    /** The darkest plot pixel within two pixels of a screen point. */
    private Color darkestNear(Point2D onScreen) {
        return fx(() -> {
            Point2D local = plot.screenToLocal(onScreen);
            WritableImage img = plot.snapshot(null, null);
            Color best = Color.WHITE;
            for (int dy = -2; dy <= 2; dy++)
                for (int dx = -2; dx <= 2; dx++) {
                    Color c = img.getPixelReader().getColor((int) local.getX() + dx, (int) local.getY() + dy);
                    if (c.getBrightness() < best.getBrightness()) best = c;
                }
            return best;
        });
    }

    // ---- manifold ----

    @Test
    void theManifoldMapShowsTwentyByTwentyImagesDecodedByTheLatestModel(FxRobot robot) {
        tab(robot, "#manifoldTab");
        ManifoldView view = lessons.manifoldView();
        await("a map", () -> view.grid() != null);
        ManifoldGrid g = fx(view::grid);
        assertEquals(400, g.tiles().count());
        ModelSnapshot m = fx(() -> latent.model().get());
        double[] c = g.cellCentre(0);
        assertArrayEquals(m.decode(new float[] {(float) c[0], (float) c[1]}), g.tiles().image(0), 1e-4f);
        Rectangle2D v = fx(() -> plot.visibleRange().get());
        assertEquals(Math.min(v.getWidth(), v.getHeight()) / 20, g.xs()[1] - g.xs()[0], 1e-9, "linear over the view");
        ModelSnapshot next = LessonFixture.model(2, 2);
        robot.interact(() -> latent.model().set(next));
        await("the map follows the new model", () -> view.grid() != g);
        assertArrayEquals(next.decode(new float[] {(float) c[0], (float) c[1]}), fx(view::grid).tiles().image(0), 1e-4f);
        WritableImage png = fx(view::snapshotImage);
        assertEquals(20 * 28, (int) png.getWidth(), "one pixel per image pixel, for export");
    }

    @Test
    void switchingToGaussianQuantilesPutsTheTilesAtThePriorsQuantiles(FxRobot robot) {
        tab(robot, "#manifoldTab");
        robot.clickOn("#manifoldQuantiles");
        double[] q = LatentGrid.axis(20, Spacing.GAUSSIAN_QUANTILES, 0, 0);
        await("a quantile map", () -> lessons.manifoldView().grid() != null
                && Math.abs(lessons.manifoldView().grid().xs()[0] - q[0]) < 1e-9);
        assertArrayEquals(q, fx(() -> lessons.manifoldView().grid().xs()), 1e-12);
        assertArrayEquals(q, fx(() -> lessons.manifoldView().grid().ys()), 1e-12);
        assertTrue(fx(() -> robot.lookup("#manifoldAxes").queryAs(Label.class).getText()).contains("-1.96"));
    }

    @Test
    void theManifoldBackgroundFollowsZoom(FxRobot robot) {
        ManifoldUnderlay bg = lessons.manifoldUnderlay();
        assertNull(fx(bg::drawnBounds), "off by default");
        robot.clickOn("#manifoldToggle");
        PlotTransform t = fx(plot::transform);
        try {
            await("the background covers the plot", () -> bg.drawnBounds() != null
                    && bg.drawnBounds().contains(new Rectangle2D(t.left(), t.top(), t.width() - 1, t.height() - 1)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + fx(() -> ": drawn " + bg.drawnBounds() + ", plot area " + t.left()
                    + "," + t.top() + " " + t.width() + "x" + t.height() + ", view " + plot.visibleRange().get() + ", map "
                    + (bg.grid() == null ? null : bg.grid().xs().length + "x" + bg.grid().ys().length + " from "
                    + bg.grid().xs()[0] + "," + bg.grid().ys()[0])));
        }
        double cell = fx(() -> bg.grid().xs()[1] - bg.grid().xs()[0]);
        Rectangle2D view0 = fx(() -> plot.visibleRange().get());
        assertEquals(Math.max(Math.min(view0.getWidth(), view0.getHeight()) / 20,
                Math.max(view0.getWidth(), view0.getHeight()) / (ManifoldGrid.MAX_CELLS - 2)), cell, 1e-9,
                "twenty cells across the shorter side, unless the view is very long");
        // zoom in around the centre with the keyboard: the same map is drawn larger at once, then redecoded finer
        robot.interact(plot::requestFocus);
        robot.type(KeyCode.PLUS);
        await("a finer map for the zoomed view", () -> Math.abs(bg.grid().xs()[1] - bg.grid().xs()[0] - cell / 1.25) < 1e-6);
        Rectangle2D after = fx(bg::drawnBounds);
        Rectangle2D view = fx(() -> plot.visibleRange().get());
        assertTrue(fx(() -> bg.grid().xs()[0]) < view.getMinX() + cell && fx(() -> bg.grid().ys()[0]) < view.getMinY() + cell,
                "the new map starts at the zoomed view's edge");
        assertTrue(after.contains(fx(() -> new Rectangle2D(t.left(), t.top(), t.width() - 1, t.height() - 1))));
        // panning moves the map with the points
        robot.drag(plot, MouseButton.SECONDARY).moveBy(80, 0).drop();
        await("redecoded after the pan", () -> Math.abs(bg.grid().xs()[bg.grid().xs().length / 2] - plot.visibleRange().get().getMinX()
                - plot.visibleRange().get().getWidth() / 2) < cell);
        robot.clickOn("#manifoldToggle");
        await("off again", () -> bg.drawnBounds() == null);
    }

    // ---- reconstructions and prior samples ----

    @Test
    void reconstructionsShowTheImagesTheirMuDecodedAndSamplesThatResampleChanges(FxRobot robot) {
        tab(robot, "#reconstructionsTab");
        ReconstructionsView view = lessons.reconstructionsView();
        await("a strip", () -> view.grid().tiles() != null);
        ImageTiles t = fx(() -> view.grid().tiles());
        int n = ReconstructionsView.IMAGES;
        assertEquals((2 + ReconstructionsView.SAMPLES) * n, t.count());
        ModelSnapshot m = fx(() -> latent.model().get());
        float[] x0 = t.image(0);
        assertArrayEquals(m.reconstruct(x0), t.image(n), 1e-4f, "the second row decodes mu");
        float[] samples = copy(t, 2 * n, 3 * n), fixed = copy(t, 0, 2 * n);
        robot.clickOn("#resampleReconstructionsButton");
        await("new samples", () -> view.grid().tiles() != t);
        ImageTiles u = fx(() -> view.grid().tiles());
        assertArrayEquals(fixed, copy(u, 0, 2 * n), "the images and their reconstructions stay");
        assertFalse(Arrays.equals(samples, copy(u, 2 * n, 3 * n)), "the samples change");
    }

    @Test
    void resamplingThePriorGridChangesItsImages(FxRobot robot) {
        tab(robot, "#priorTab");
        PriorSamplesView view = lessons.priorView();
        await("samples", () -> view.grid().tiles() != null);
        ImageTiles t = fx(() -> view.grid().tiles());
        assertEquals(64, t.count());
        robot.clickOn("#resamplePriorButton");
        await("new samples", () -> view.grid().tiles() != t);
        ImageTiles u = fx(() -> view.grid().tiles());
        int changed = 0;
        for (int i = 0; i < 64; i++) if (!Arrays.equals(t.image(i), u.image(i))) changed++;
        assertEquals(64, changed, "every image is decoded from a new z");
        // a new model decodes the same z again (no resample)
        robot.interact(() -> latent.model().set(LessonFixture.model(3, 2)));
        await("the new model's samples", () -> view.grid().tiles() != u);
        robot.clickOn("#resamplePriorButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---- posteriors ----

    @Test
    void selectingTwoPointsDrawsTwoEllipses(FxRobot robot) {
        PosteriorOverlay overlay = lessons.posteriors();
        robot.clickOn(pointOnScreen(6));
        robot.press(KeyCode.CONTROL).clickOn(pointOnScreen(18)).release(KeyCode.CONTROL);
        assertEquals(java.util.List.of(6, 18), fx(() -> java.util.List.copyOf(lessons.selection().selected())));
        robot.moveTo(screen(3.5, -3.5)); // away from every point: no hover ellipse
        await("two posteriors drawn", () -> overlay.drawnEllipses() == 2);
        // the 1-sigma ellipse of point 18 (sigma 0.4 across): its rim is drawn in the point's colour
        LatentCodes c = fx(() -> latent.codes().get());
        Color rim = darkestNear(screen(c.mu(18, 0) + c.sigma(18, 0), c.mu(18, 1)));
        assertTrue(rim.getBrightness() < 0.75, "ellipse rim drawn: " + rim);
        robot.press(KeyCode.CONTROL).clickOn(pointOnScreen(6)).release(KeyCode.CONTROL);
        robot.moveTo(screen(3.5, -3.5));
        await("one left", () -> overlay.drawnEllipses() == 1);
        robot.type(KeyCode.ESCAPE);
        await("none after Escape", () -> overlay.drawnEllipses() == 0 && latent.selected().get() == -1);
    }

    /** The posterior overlay alone, drawn on a clear canvas of the plot's size in the given marker style. */
    private javafx.scene.image.Image posteriorsIn(vaeexplorer.ui.latent.MarkerStyle style) {
        return fx(() -> {
            vaeexplorer.ui.latent.ClassMarks.style().set(style);
            javafx.scene.canvas.Canvas c = new javafx.scene.canvas.Canvas(plot.getWidth(), plot.getHeight());
            c.getGraphicsContext2D().setFill(Color.WHITE);
            c.getGraphicsContext2D().fillRect(0, 0, c.getWidth(), c.getHeight());
            lessons.posteriors().draw(c.getGraphicsContext2D(), plot.transform(), 13);
            return c.snapshot(null, null);
        });
    }

    /** How much ink (0: white, 1: a full colour or black) the overlay has at offset (dx, dy) pixels from point i's centre. */
    private double inkAt(javafx.scene.image.Image img, int i, double dx, double dy) {
        Point2D p = fx(() -> plot.pointPosition(i));
        Color c = img.getPixelReader().getColor((int) Math.floor(p.getX() + dx), (int) Math.floor(p.getY() + dy));
        return 1 - Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
    }

    @Test
    void withShapesOrNumbersOnEachPosteriorShowsItsClassMarkAtItsCentreAsTheScatterDoes() {
        // point 12 is class 0 (a circle), point 13 class 1 (a square), side by side at (0, 0) and (1, 0)
        fx(() -> {
            lessons.selection().toggle(12);
            lessons.selection().toggle(13);
            return null;
        });
        try {
            double r = 1.3 * Math.max(2.5, 0.23 * 13) * 2.0; // the shapes' mark radius at font size 13
            javafx.scene.image.Image shapes = posteriorsIn(vaeexplorer.ui.latent.MarkerStyle.SHAPES);
            assertEquals(2, (int) fx(() -> lessons.posteriors().drawnMarks()), "a mark at each centre");
            // the square's corner is inked, the circle's bounding corner is not: told by shape alone
            assertTrue(inkAt(shapes, 13, 0.75 * r, 0.75 * r) > 0.9, "the square's corner");
            assertTrue(inkAt(shapes, 12, 0.75 * r, 0.75 * r) < 0.5, "outside the circle");
            assertTrue(inkAt(shapes, 12, 0, 0.75 * r) > 0.9 && inkAt(shapes, 13, 0, 0) > 0.9, "both centres inked");

            javafx.scene.image.Image dots = posteriorsIn(vaeexplorer.ui.latent.MarkerStyle.DOTS);
            assertEquals(0, (int) fx(() -> lessons.posteriors().drawnMarks()), "colour only: no marks");
            assertTrue(inkAt(dots, 13, 0.75 * r, 0.75 * r) < 0.5 && inkAt(dots, 12, 0, 0.75 * r) < 0.5,
                    "only the ellipses' faint fill at the centres");

            javafx.scene.image.Image labels = posteriorsIn(vaeexplorer.ui.latent.MarkerStyle.LABELS);
            assertEquals(2, (int) fx(() -> lessons.posteriors().drawnMarks()));
            // the number's strokes: opaque ink near the centre, in another pattern than the square's
            int inked = 0, differ = 0;
            for (int dy = -6; dy <= 6; dy++)
                for (int dx = -6; dx <= 6; dx++) {
                    if (inkAt(labels, 13, dx, dy) > 0.9) inked++;
                    if (Math.abs(inkAt(labels, 13, dx, dy) - inkAt(shapes, 13, dx, dy)) > 0.5) differ++;
                }
            assertTrue(inked > 20, "the number 1 is drawn at the centre: " + inked + " pixels");
            assertTrue(differ > 10, "and it is not the square: " + differ + " pixels differ");
        } finally {
            fx(() -> {
                vaeexplorer.ui.latent.ClassMarks.style().set(vaeexplorer.ui.latent.MarkerStyle.DEFAULT);
                lessons.selection().clear();
                return null;
            });
        }
    }

    @Test
    void hoveringAPointDrawsItsPosterior(FxRobot robot) {
        robot.moveTo(pointOnScreen(12));
        await("the hovered point's posterior", () -> lessons.selection().hovered().get() == 12
                && lessons.posteriors().drawnEllipses() == 1);
        robot.moveTo(screen(3.5, -3.5));
        await("gone when the mouse leaves it", () -> lessons.posteriors().drawnEllipses() == 0);
    }

    // ---- interpolation ----

    @Test
    void interpolationFramesStartAndEndAtTheChosenPoints(FxRobot robot) {
        robot.press(KeyCode.ALT).clickOn(pointOnScreen(0)).release(KeyCode.ALT);
        robot.press(KeyCode.ALT).clickOn(screen(1.5, 1.0)).release(KeyCode.ALT);
        InterpolationModel m = lessons.interpolation();
        LatentCodes c = fx(() -> latent.codes().get());
        assertArrayEquals(new float[] {c.mu(0, 0), c.mu(0, 1)}, fx(() -> m.a().get()), "A: the data point's mu");
        float[] b = fx(() -> m.b().get());
        assertEquals(1.5, b[0], 0.05);
        assertEquals(1.0, b[1], 0.05);
        await("the interpolation tab shows", () -> robot.lookup("#interpolationView").query().isVisible());
        InterpolationView view = lessons.interpolationView();
        await("frames", () -> view.frames() != null);
        ImageTiles f = fx(view::frames);
        assertEquals(InterpolationModel.DEFAULT_FRAMES, f.count());
        ModelSnapshot model = fx(() -> latent.model().get());
        assertArrayEquals(model.decode(fx(() -> m.a().get())), f.image(0), 1e-4f, "the first frame is A");
        assertArrayEquals(model.decode(b), f.image(f.count() - 1), 1e-4f, "the last frame is B");
        String ends = fx(() -> robot.lookup("#interpolationEnds").queryAs(Label.class).getText());
        assertTrue(ends.contains("B: z0 = " + Formats.z(b[0]) + ", z1 = " + Formats.z(b[1])), ends);
    }

    @Test
    void ctrlShiftClickSetsTheEndsWhereTheWindowManagerTakesAltClick(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).clickOn(screen(-2.0, 1.0)).release(KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).clickOn(screen(2.0, -1.5)).release(KeyCode.SHIFT, KeyCode.CONTROL);
        InterpolationModel m = lessons.interpolation();
        float[] a = fx(() -> m.a().get()), b = fx(() -> m.b().get());
        assertEquals(-2.0, a[0], 0.05);
        assertEquals(1.0, a[1], 0.05);
        assertEquals(2.0, b[0], 0.05);
        assertEquals(-1.5, b[1], 0.05);
        assertEquals(0, fx(() -> lessons.selection().selected().size()), "not taken as Ctrl+click (add a point)");
        float[] z = fx(() -> latent.z().get());
        assertEquals(0, z[0], 1e-6, "nor as a plain click (move z)");
    }

    @Test
    void draggingAnEndMovesItAndItsFrames(FxRobot robot) {
        robot.clickOn("#interpolateToggle");
        robot.clickOn(screen(-3, 3));
        robot.clickOn(screen(3, -3));
        float[] z = fx(() -> latent.z().get());
        assertEquals(0, z[0], 1e-6, "clicks in click mode set ends, not z");
        InterpolationView view = lessons.interpolationView();
        await("frames", () -> view.frames() != null);
        ImageTiles before = fx(view::frames);
        robot.clickOn("#interpolateToggle");
        Point2D handle = fx(() -> plot.localToScreen(lessons.interpolationOverlay().handlePosition(1)));
        robot.drag(handle, MouseButton.PRIMARY).moveTo(screen(3, 0)).drop();
        float[] b = fx(() -> lessons.interpolation().b().get());
        assertEquals(3, b[0], 0.05);
        assertEquals(0, b[1], 0.05);
        assertEquals(0, fx(() -> latent.z().get())[0], 1e-6, "dragging an end leaves z alone");
        await("new frames", () -> view.frames() != before);
        ImageTiles after = fx(view::frames);
        assertArrayEquals(before.image(0), after.image(0), "A did not move");
        assertArrayEquals(fx(() -> latent.model().get()).decode(b), after.image(after.count() - 1), 1e-4f);
    }

    // ---- KL per dimension, posterior vs prior ----

    @Test
    void anInactiveDimensionIsMarkedInactive(FxRobot robot) {
        tab(robot, "#klTab");
        robot.interact(() -> kl.set(new double[] {2.4, 0.03, 0.9}));
        KlPerDimensionView view = lessons.klView();
        assertTrue(fx(() -> view.isMarkedInactive(1)));
        assertFalse(fx(() -> view.isMarkedInactive(0)));
        assertFalse(fx(() -> view.isMarkedInactive(2)));
        assertEquals("2 of 3 dimensions active (KL \u2265 0.1 nats); total KL 3.3 nats",
                fx(() -> robot.lookup("#klSummary").queryAs(Label.class).getText()));
        Color bar = fx(() -> {
            Rectangle2D r = view.barBounds(1);
            WritableImage img = view.barsRegion().snapshot(null, null);
            return img.getPixelReader().getColor((int) (r.getMinX() + r.getWidth() / 2), (int) (r.getMaxY() - 1));
        });
        assertTrue(bar.getSaturation() < 0.05, "greyed: " + bar);
        Rectangle2D tall = fx(() -> view.barBounds(0)), mid = fx(() -> view.barBounds(2));
        assertTrue(tall.getHeight() > 2 * mid.getHeight(), "bars grow with KL");
        robot.interact(() -> kl.set(new double[] {2.4, 0.5, 0.9}));
        assertFalse(fx(() -> view.isMarkedInactive(1)), "live: it wakes up");
    }

    @Test
    void theHistogramsShowTheCodesOfEachPlottedDimension(FxRobot robot) {
        tab(robot, "#posteriorTab");
        PosteriorVsPriorView view = lessons.posteriorVsPriorView();
        await("histograms", () -> view.xHistogram().histogram() != null);
        robot.interact(() -> latent.codes().set(LessonFixture.cluster(300, -1.5, 2.0, 0.2)));
        await("the new codes", () -> view.yHistogram().histogram() != null && Math.abs(peak(view.yHistogram().histogram()) - 2.0) < 0.3);
        assertEquals(-1.5, peak(fx(() -> view.xHistogram().histogram())), 0.3);
        assertEquals(1, fx(() -> view.yHistogram().histogram().dim()));
    }

    private static double peak(Histogram h) {
        int best = 0;
        for (int b = 1; b < h.density().length; b++) if (h.density()[b] > h.density()[best]) best = b;
        return h.lo() + (best + 0.5) * (h.hi() - h.lo()) / h.density().length;
    }

    @Test
    void theHolesToggleShadesEmptyCellsInsideTwoSigma(FxRobot robot) {
        robot.interact(() -> latent.codes().set(LessonFixture.cluster(400, 1.0, 1.0, 0.15)));
        Color before = plotPixel(screen(-1.1, -0.9));
        robot.clickOn("#holesToggle");
        HoleMap map = fx(() -> lessons.holes().map().get());
        assertNotNull(map);
        assertTrue(map.isHole(-1.1, -0.9) && !map.isHole(1.0, 1.0));
        Color hole = plotPixel(screen(-1.1, -0.9)), full = plotPixel(screen(3.1, -3.1));
        assertNotEquals(before, hole);
        assertTrue(hole.getRed() > hole.getBlue() + 0.1, "shaded orange: " + hole);
        assertEquals(Color.WHITE, full, "outside 2 sigma: not shaded");
        tab(robot, "#posteriorTab");
        assertTrue(fx(() -> robot.lookup("#holesSummary").queryAs(Label.class).getText()).contains("hold no test image"));
    }

    // ---- draw your own ----

    @Test
    void drawingOnTheCanvasMovesItsEncodingInTheScatter(FxRobot robot) {
        tab(robot, "#drawTab");
        DrawView view = lessons.drawView();
        assertNull(fx(() -> lessons.drawOverlay().markerPosition()), "nothing drawn yet");
        Rectangle2D box = fx(() -> view.canvas().drawingBounds());
        Point2D origin = fx(() -> view.canvas().localToScreen(box.getMinX(), box.getMinY()));
        double cell = box.getWidth() / 28;
        robot.drag(origin.add(6 * cell, 6 * cell), MouseButton.PRIMARY).moveTo(origin.add(22 * cell, 22 * cell)).drop();
        await("encoded", () -> lessons.drawOverlay().markerPosition() != null);
        float[] mu1 = fx(() -> lessons.draw().mu().get());
        Point2D at1 = fx(() -> lessons.drawOverlay().markerPosition());
        assertEquals(at1.getX(), fx(() -> plot.transform().toScreenX(mu1[0])), 1e-6);
        assertNotNull(fx(() -> lessons.draw().reconstruction().get()), "its reconstruction beside the canvas");
        double drawn = fx(() -> view.canvas().getWidth());
        double input = fx(() -> robot.lookup("#drawInput").queryAs(javafx.scene.layout.Region.class).getWidth());
        assertTrue(input >= 0.9 * drawn, "the encoder's input as large as the drawing, not squeezed by the text: "
                + input + " beside " + drawn);
        robot.drag(origin.add(22 * cell, 4 * cell), MouseButton.PRIMARY).moveTo(origin.add(4 * cell, 24 * cell)).drop();
        Point2D at2 = fx(() -> lessons.drawOverlay().markerPosition());
        assertNotEquals(at1, at2, "more ink, another code");
        assertTrue(fx(() -> robot.lookup("#drawMuLabel").queryAs(Label.class).getText()).contains("z0: \u03bc = "));
        // the right button erases, Clear empties
        robot.drag(origin.add(14 * cell, 14 * cell), MouseButton.SECONDARY).moveBy(1, 1).drop();
        assertEquals(0f, fx(() -> lessons.draw().image().get()[14 * 28 + 14]), 1e-6);
        robot.clickOn("#clearDrawingButton");
        assertTrue(fx(() -> lessons.draw().empty().get()));
        assertNull(fx(() -> lessons.drawOverlay().markerPosition()));
    }

    @Test
    void theDrawingPadDrawsAndErasesWithTheKeyboardAlone(FxRobot robot) {
        tab(robot, "#drawTab");
        DrawView view = lessons.drawView();
        robot.interact(() -> view.canvas().requestFocus());
        assertTrue(fx(() -> view.canvas().isFocused() && view.canvas().isFocusTraversable()), "the pad takes the focus");
        double[] start = fx(() -> view.canvas().pen());
        // move the lifted pen: nothing drawn
        robot.type(KeyCode.LEFT, 4);
        assertTrue(fx(() -> lessons.draw().empty().get()), "a lifted pen draws nothing");
        assertEquals(start[0] - 4, fx(() -> view.canvas().pen())[0], 1e-9);
        // down, then a stroke three pixels at a time to the right
        robot.type(KeyCode.SPACE);
        assertTrue(fx(() -> view.canvas().penDown()));
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT, 3).release(KeyCode.SHIFT);
        double[] end = fx(() -> view.canvas().pen());
        assertEquals(start[0] + 5, end[0], 1e-9, "three steps of three pixels");
        int row = (int) Math.floor(end[1]);
        float[] img = fx(() -> lessons.draw().image().get());
        for (int c = (int) start[0] - 3; c <= (int) end[0]; c++)
            assertTrue(img[row * 28 + c] > 0.5f, "ink along the stroke at column " + c + ": " + img[row * 28 + c]);
        await("encoded", () -> lessons.drawOverlay().markerPosition() != null);
        String said = fx(() -> view.canvas().getAccessibleText());
        assertTrue(said.contains("column " + ((int) Math.floor(end[0]) + 1)) && said.contains("drawing"), said);
        // the eraser takes the ink back where it passes
        robot.type(KeyCode.E);
        robot.type(KeyCode.LEFT, 2);
        assertTrue(fx(() -> lessons.draw().image().get()[row * 28 + (int) Math.floor(end[0]) - 1]) < 0.05f, "erased");
        robot.type(KeyCode.SPACE);
        assertTrue(fx(() -> !view.canvas().penDown() && view.canvas().getAccessibleText().contains("lifted")));
    }

    // ---- the formula ----

    @Test
    void theFormulaShowsTheLatestLossTerms(FxRobot robot) {
        tab(robot, "#formulaTab");
        assertEquals("\u2013", fx(() -> robot.lookup("#formulaRecon").queryAs(Label.class).getText()));
        robot.interact(() -> loss.set(new LossPoint(1234, 2.5, 112.5, 100.25, 6.2, 2.0)));
        assertEquals("\u2212100.3 nats", text(robot, "#formulaRecon"));
        assertEquals("6.2 nats", text(robot, "#formulaKl"));
        assertEquals("2.00", text(robot, "#formulaBeta"));
        assertEquals("112.5 nats", text(robot, "#formulaLoss"));
        assertTrue(text(robot, "#formulaValues").contains("\u2212100.3  \u2212  2.00 \u00d7 6.2  =  \u2212112.5"),
                text(robot, "#formulaValues"));
        robot.interact(() -> loss.set(new LossPoint(1300, 2.6, 90.0, 80.0, 5.0, 2.0)));
        assertEquals("\u221280.0 nats", text(robot, "#formulaRecon"), "live");
        // z = mu + sigma * eps for the selected point, with the eps of its first sample dot
        robot.interact(() -> latent.select(7));
        LatentCodes c = fx(() -> latent.codes().get());
        float[] eps = fx(() -> lessons.selection().eps(7, 2));
        String expected = String.format(java.util.Locale.ROOT, "z0 = %+.2f + %.2f \u00d7 (%+.2f) = %+.2f", c.mu(7, 0),
                c.sigma(7, 0), eps[0], c.mu(7, 0) + c.sigma(7, 0) * eps[0]);
        assertTrue(text(robot, "#formulaZ").startsWith(expected), text(robot, "#formulaZ"));
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    // ---- other latent sizes ----

    @Test
    void aOneDimensionalModelGetsOneRowOfMapOneHistogramAndNoHoles(FxRobot robot) {
        int[] idx = new int[10], labels = new int[10];
        float[] mu = new float[10], sigma = new float[10];
        for (int i = 0; i < 10; i++) {
            idx[i] = i;
            mu[i] = -2 + 0.4f * i;
            sigma[i] = 0.3f;
        }
        robot.interact(() -> {
            latent.codes().set(null);
            latent.model().set(LessonFixture.model(4, 1));
            latent.codes().set(new LatentCodes(2, 1, idx, labels, mu, sigma));
        });
        tab(robot, "#manifoldTab");
        await("a one-row map", () -> lessons.manifoldView().grid() != null && lessons.manifoldView().grid().dimY() == -1);
        assertEquals(20, fx(() -> lessons.manifoldView().grid().tiles().count()));
        robot.clickOn("#holesToggle");
        assertNull(fx(() -> lessons.holes().map().get()), "holes need two plotted dimensions");
        tab(robot, "#posteriorTab");
        await("one histogram", () -> lessons.posteriorVsPriorView().xHistogram().histogram() != null);
        assertFalse(fx(() -> lessons.posteriorVsPriorView().yHistogram().isVisible()));
        robot.clickOn(pointOnScreen(3));
        robot.moveTo(screen(3.5, 3.5));
        await("its posterior as a bar", () -> lessons.posteriors().drawnEllipses() == 1);
    }

    @Test
    void withFourDimensionsTheMapKeepsTheOtherDimensionsOfZ(FxRobot robot) {
        robot.interact(() -> {
            latent.codes().set(null);
            latent.model().set(LessonFixture.model(5, 4));
            latent.dims().get(3).set(1.5);
        });
        tab(robot, "#manifoldTab");
        await("a map with z3 = 1.5", () -> lessons.manifoldView().grid() != null
                && lessons.manifoldView().grid().tiles().count() == 400 && sameZ3(1.5f));
        robot.interact(() -> latent.dims().get(3).set(-1));
        await("redecoded when z3 moves", () -> sameZ3(-1f));
    }

    /** True if the map's first tile is the decoder's image of its cell with z3 = v (z2 = 0). */
    private boolean sameZ3(float v) {
        ManifoldGrid g = lessons.manifoldView().grid();
        if (g == null || g.tiles().count() != 400) return false;
        double[] c = g.cellCentre(0);
        float[] expected = latent.model().get().decode(new float[] {(float) c[0], (float) c[1], 0, v});
        float[] got = g.tiles().image(0);
        for (int p = 0; p < got.length; p++) if (Math.abs(got[p] - expected[p]) > 1e-4) return false;
        return true;
    }

    // ---- reach ----

    @Test
    void eachLessonIsOneClickAway(FxRobot robot) {
        for (String[] t : new String[][] {{"#manifoldTab", "#manifoldView"}, {"#reconstructionsTab", "#reconstructionsView"},
                {"#priorTab", "#priorSamplesView"}, {"#interpolationTab", "#interpolationView"}, {"#klTab", "#klView"},
                {"#posteriorTab", "#posteriorVsPriorView"}, {"#drawTab", "#drawView"}, {"#formulaTab", "#formulaView"}}) {
            tab(robot, t[0]);
            Node n = robot.lookup(t[1]).query();
            assertTrue(fx(() -> n.isVisible() && n.getScene() != null && n.getLayoutBounds().getHeight() > 50), t[1]);
        }
    }
}
