package vaeexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.ui.datasets.DatasetChoice;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.TrainerSync;
import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.training.TrainingModel;
import vaeexplorer.ui.widgets.PixelCanvas;

/**
 * The explorer as a user drives it, with a tiny model (hidden 32) so that plain EJML trains hundreds of steps a second.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerTest {
    private Explorer explorer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setWidth(1280);
        stage.setHeight(800);
        explorer = Explorer.open(stage, s -> {
            s.hidden().set("32");
            s.epochs().set("100");
        }, false);
    }

    @Stop
    void stop() {
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
    }

    // ---- helpers ----

    private TrainingModel training() {
        return explorer.training();
    }

    private long step() {
        return fx(() -> training().step().get());
    }

    private void awaitReady() {
        await("the first model is built", 10_000, () -> training().state().get() == TrainingRun.State.IDLE);
    }

    private void trainUntil(FxRobot robot, long steps) {
        awaitReady();
        robot.clickOn("#trainButton");
        await("training reaches step " + steps, 15_000, () -> training().step().get() >= steps);
    }

    private void pauseAndSettle(FxRobot robot) {
        robot.clickOn("#pauseButton");
        TrainerSync.settle(training()); // the trainer finishes its batch and reports once more
    }

    private void type(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    private static int[] pixels(Node canvasHolder) {
        return fx(() -> {
            WritableImage img = canvasHolder.snapshot(null, null);
            PixelReader r = img.getPixelReader();
            int w = (int) img.getWidth(), h = (int) img.getHeight();
            int[] px = new int[w * h];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) px[y * w + x] = r.getArgb(x, y);
            return px;
        });
    }

    private static int differingPixels(int[] a, int[] b) {
        assertEquals(a.length, b.length);
        int n = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) n++;
        return n;
    }

    private LatentPlotView plot() {
        return explorer.view().latentPanel().plot();
    }

    private PixelCanvas decodedImage() {
        return explorer.view().decoded().image();
    }

    // ---- behaviour ----

    @Test
    void trainingFillsTheChartAndTheScatterAndTheStepCounterGrows(FxRobot robot) {
        awaitReady();
        assertEquals(0, fx(() -> plot().drawnPoints()), "nothing plotted before training");
        robot.clickOn("#trainButton");
        await("chart and scatter fill", 10_000, () -> explorer.view().chart().itemCounts()[0] > 0
                && explorer.view().chart().itemCounts()[3] > 0 && plot().drawnPoints() >= 1500);
        long s0 = step();
        assertTrue(s0 > 0);
        await("the step counter grows", 5_000, () -> training().step().get() > s0 + 10);
        assertTrue(fx(() -> robot.lookup("#statusLabel").queryAs(Label.class).getText()).contains("step "));
        await("a test point after the first epoch", 10_000, () -> explorer.view().chart().itemCounts()[2] > 0);
    }

    @Test
    void stepTrainsExactlyOneBatch(FxRobot robot) {
        awaitReady();
        robot.clickOn("#stepButton");
        await("one step", 5_000, () -> training().step().get() == 1);
        robot.clickOn("#stepButton");
        await("two steps", 5_000, () -> training().step().get() == 2);
        assertEquals(2, TrainerSync.trainerStep(training()), "the trainer took exactly the two steps");
        assertEquals(2, step());
        assertEquals(TrainingRun.State.PAUSED, fx(() -> training().state().get()));
    }

    @Test
    void pausingStopsTheStepCounterAndResumingContinuesIt(FxRobot robot) {
        trainUntil(robot, 5);
        pauseAndSettle(robot);
        long paused = step();
        assertEquals(TrainingRun.State.PAUSED, fx(() -> training().currentRun().state()), "the trainer thread waits");
        assertEquals(paused, TrainerSync.trainerStep(training()), "no steps while paused");
        assertEquals(paused, step());
        assertEquals("Paused", fx(() -> robot.lookup("#stateLabel").queryAs(Label.class).getText()));
        robot.clickOn("#resumeButton");
        await("training continues", 5_000, () -> training().step().get() > paused + 5);
    }

    @Test
    void resetClearsTheChartAndTheScatter(FxRobot robot) {
        trainUntil(robot, 5);
        await("something plotted", 10_000, () -> plot().drawnPoints() > 0 && explorer.view().chart().itemCounts()[0] > 0);
        TrainingRun before = fx(() -> training().currentRun());
        robot.clickOn("#resetButton");
        await("Reset asks first", 5_000, () -> robot.lookup("#resetDialog").tryQuery().isPresent());
        robot.clickOn("#resetDialog-1"); // Reset without saving
        await("cleared", 5_000, () -> plot().drawnPoints() == 0
                && java.util.Arrays.stream(explorer.view().chart().itemCounts()).sum() == 0
                && training().step().get() == 0 && training().state().get() == TrainingRun.State.IDLE);
        assertNotEquals(before, fx(() -> training().currentRun()), "a new model");
        await("the old trainer thread ends", 2_000, () -> !before.isAlive());
    }

    @Test
    void draggingThePointChangesTheDecodedImage(FxRobot robot) {
        trainUntil(robot, 30);
        pauseAndSettle(robot); // so that only the drag changes the image
        int[] before = pixels(decodedImage());
        // press where no point is (a press on a point would select it, and the selection's images change the layout)
        javafx.geometry.Point2D free = fx(() -> {
            LatentPlotView p = plot();
            for (double fy = 0.9; fy > 0.3; fy -= 0.02) // the drag goes 120 px right and 60 up from there
                for (double fx = 0.1; fx < 0.75; fx += 0.02) {
                    double x = fx * p.getWidth(), y = fy * p.getHeight();
                    if (p.pointAt(x, y) < 0 && x + 130 < p.getWidth() && y - 70 > 0) return p.localToScreen(x, y);
                }
            throw new AssertionError("no free spot in the plot");
        });
        robot.moveTo(free).press(MouseButton.PRIMARY);
        float[] z0 = fx(() -> explorer.latent().z().get()); // z under the pressed button
        robot.moveBy(60, -20).moveBy(60, -40).release(MouseButton.PRIMARY);
        float[] z1 = fx(() -> explorer.latent().z().get());
        assertNotEquals(z0[0], z1[0]);
        assertTrue(z1[1] > z0[1], "up is +z1");
        int changed = differingPixels(before, pixels(decodedImage()));
        assertTrue(changed > 100, "decoded image pixels changed: " + changed);
        String label = fx(() -> robot.lookup("#zLabel").queryAs(Label.class).getText());
        assertTrue(label.contains(Formats.z(z1[0])), label);
    }

    @Test
    void theDecodedImageFollowsTheMouseWhileTrainingRuns(FxRobot robot) {
        trainUntil(robot, 10);
        robot.drag(plot(), MouseButton.PRIMARY);
        float[] previous = fx(() -> explorer.latent().z().get());
        for (int i = 0; i < 10; i++) {
            robot.moveBy(8, -6);
            float[] z = fx(() -> explorer.latent().z().get());
            assertTrue(z[0] > previous[0] && z[1] > previous[1], "z follows every mouse move");
            previous = z;
            // read together on the FX thread: the shown image is z decoded by the newest model copy
            assertTrue(fx(() -> java.util.Arrays.equals(explorer.latent().decoded().get(),
                    training().model().get().decode(explorer.latent().z().get()))));
        }
        robot.drop();
        assertEquals(TrainingRun.State.RUNNING, fx(() -> training().state().get()));
        long s = step();
        await("training went on", 5_000, () -> training().step().get() > s);
    }

    @Test
    void arrowKeysMoveZ(FxRobot robot) {
        awaitReady();
        robot.clickOn(plot());
        float[] z = fx(() -> explorer.latent().z().get());
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.UP);
        float[] moved = fx(() -> explorer.latent().z().get());
        assertEquals(z[0] + 2 * LatentPlotView.NUDGE, moved[0], 1e-5);
        assertEquals(z[1] + LatentPlotView.NUDGE, moved[1], 1e-5);
        robot.type(KeyCode.DOWN);
        assertEquals(z[1], fx(() -> explorer.latent().z().get())[1], 1e-5);
    }

    @Test
    void clickingADataPointSelectsItShowsItsReconstructionAndMovesZToItsMu(FxRobot robot) {
        trainUntil(robot, 20);
        pauseAndSettle(robot);
        Point2D onScreen = fx(() -> {
            // a point well inside the view
            var codes = explorer.latent().codes().get();
            for (int i = 0; i < codes.size(); i++) {
                Point2D p = plot().pointPosition(i);
                if (plot().transform().contains(p.getX(), p.getY()) && p.getX() > plot().transform().left() + 20)
                    return plot().localToScreen(p);
            }
            return null;
        });
        assertNotNull(onScreen);
        robot.clickOn(onScreen);
        int selected = fx(() -> explorer.latent().selected().get());
        assertTrue(selected >= 0, "a point is selected");
        var codes = fx(() -> explorer.latent().codes().get());
        float[] z = fx(() -> explorer.latent().z().get());
        assertEquals(codes.mu(selected, 0), z[0], 1e-6);
        assertEquals(codes.mu(selected, 1), z[1], 1e-6);
        assertNotNull(fx(() -> explorer.latent().selectedReconstruction().get()));
        assertTrue(fx(() -> robot.lookup("#originalImage").query().isVisible()));
        assertTrue(fx(() -> robot.lookup("#selectionLabel").queryAs(Label.class).getText()).startsWith("Test image #"));
    }

    @Test
    void aChangeOfBetaWhileTrainingIsMarkedOnTheChartAndTheBetaInUseShownLarge(FxRobot robot) {
        awaitReady();
        robot.clickOn("#stepButton");
        await("one step", 5_000, () -> training().step().get() == 1);
        assertEquals("β = 1", fx(() -> robot.lookup("#betaBadge").queryAs(Label.class).getText()));
        assertTrue(fx(() -> robot.lookup("#betaBadge").query().isVisible()));
        robot.doubleClickOn("#betaField").write("4");
        await("the marker", 5_000, () -> explorer.view().chart().markerLabels().equals(java.util.List.of("β 1 → 4")));
        robot.clickOn("#stepButton");
        await("a step with the new beta", 5_000, () -> training().step().get() == 2);
        await("the figure follows", 5_000, () -> "β = 4".equals(robot.lookup("#betaBadge").queryAs(Label.class).getText()));
        robot.clickOn("#speedChoice").clickOn("3 steps/s");
        assertEquals(3.0, fx(() -> explorer.settings().speedLimit().get()));
    }

    @Test
    void resetOfATrainedModelAsksFirstAndCancelKeepsTheModel(FxRobot robot) {
        awaitReady();
        robot.clickOn("#stepButton");
        await("one step", 5_000, () -> training().step().get() == 1);
        TrainingRun before = fx(() -> training().currentRun());
        robot.clickOn("#resetButton");
        await("Reset asks first", 5_000, () -> robot.lookup("#resetDialog").tryQuery().isPresent());
        String text = fx(() -> ((javafx.scene.control.DialogPane) robot.lookup("#resetDialog").query()).getContentText());
        assertTrue(text.contains("trained for one step") && text.contains("not saved"), text);
        robot.clickOn("#resetDialog-2"); // Cancel
        await("the question is gone", 5_000, () -> robot.lookup("#resetDialog").tryQuery().isEmpty());
        assertEquals(before, fx(() -> training().currentRun()), "the same model");
        assertEquals(1, step());
    }

    @Test
    void latentSizeFourShowsTwoSlidersAndMovingOneChangesTheImage(FxRobot robot) {
        awaitReady();
        type(robot, "#latentField", "4");
        assertTrue(fx(() -> robot.lookup("#pendingNote").queryAs(Label.class).getText()).contains("latent size"));
        robot.clickOn("#resetButton");
        await("a 4-d model", 5_000, () -> explorer.latent().size().get() == 4);
        Set<Slider> sliders = robot.lookup(".dim-slider").queryAllAs(Slider.class);
        assertEquals(2, sliders.size());
        assertTrue(fx(() -> robot.lookup("#xDimChoice").query().isVisible()));
        assertTrue(fx(() -> robot.lookup("#yDimChoice").query().isVisible()));
        assertFalse(fx(() -> robot.lookup("#pendingNote").query().isVisible()));
        robot.clickOn("#stepButton");
        await("one step", 5_000, () -> training().step().get() == 1);
        TrainerSync.settle(training()); // the step's last report (its model) is in
        int[] before = pixels(decodedImage());
        Node thumb = robot.lookup("#slider-z2 .thumb").query();
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(70, 0).drop();
        assertTrue(fx(() -> explorer.latent().get(2)) > 0.5, "z2 follows its slider");
        int changed = differingPixels(before, pixels(decodedImage()));
        assertTrue(changed > 100, "decoded image pixels changed: " + changed);
    }

    @Test
    void changingBetaMidRunReachesTheTrainer(FxRobot robot) {
        trainUntil(robot, 5);
        TrainingRun run = fx(() -> training().currentRun());
        assertEquals(1.0, run.trainer().beta());
        type(robot, "#betaField", "2.5");
        assertEquals(2.5, run.trainer().beta());
        type(robot, "#learningRateField", "0.0005");
        assertEquals(5e-4, run.trainer().learningRate());
        assertEquals(TrainingRun.State.RUNNING, fx(() -> training().state().get()), "no Reset needed");
        assertFalse(fx(() -> robot.lookup("#pendingNote").query().isVisible()));
    }

    @Test
    void afterDivergenceAPlainMessageShowsAndResumeGoesOnWithALowerLearningRate(FxRobot robot) {
        awaitReady();
        type(robot, "#learningRateField", "100");
        robot.clickOn("#trainButton");
        await("diverged", 15_000, () -> training().state().get() == TrainingRun.State.DIVERGED);
        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        assertTrue(fx(message::isVisible));
        assertTrue(fx(message::getText).startsWith("Training diverged at step"), fx(message::getText));
        assertFalse(fx(() -> robot.lookup("#resumeButton").queryAs(Button.class).isDisabled()));
        type(robot, "#learningRateField", "0.001");
        long s = step();
        robot.clickOn("#resumeButton");
        await("training goes on", 10_000, () -> training().step().get() > s + 5
                && training().state().get() == TrainingRun.State.RUNNING);
        assertFalse(fx(message::isVisible));
        assertEquals(1e-3, fx(() -> training().currentRun().trainer().learningRate()));
    }

    @Test
    void invalidValuesShowAPlainMessageAndDisableTrainAndReset(FxRobot robot) {
        awaitReady();
        type(robot, "#latentField", "0");
        Label error = robot.lookup("#settingsError").queryAs(Label.class);
        assertTrue(fx(error::isVisible));
        assertEquals("Latent size must be 1..64, got 0.", fx(error::getText));
        assertTrue(fx(() -> robot.lookup("#latentField").query().getStyleClass().contains("invalid")));
        assertTrue(fx(() -> robot.lookup("#resetButton").queryAs(Button.class).isDisabled()));
        assertTrue(fx(() -> robot.lookup("#trainButton").queryAs(Button.class).isDisabled()));
        type(robot, "#latentField", "3");
        assertFalse(fx(error::isVisible));
        assertFalse(fx(() -> robot.lookup("#resetButton").queryAs(Button.class).isDisabled()));
    }

    @Test
    void aBatchLargerThanTheDataSaysSoInsteadOfBuilding(FxRobot robot) {
        awaitReady();
        type(robot, "#batchField", "8192");
        robot.clickOn("#resetButton");
        Label error = robot.lookup("#settingsError").queryAs(Label.class);
        await("message", 5_000, () -> error.isVisible());
        assertTrue(fx(error::getText).contains("larger than the 8000 training images"), fx(error::getText));
    }

    @Test
    void anUnreadableIdxFolderShowsAnErrorAndKeepsTheDataSet(FxRobot robot, @TempDir Path dir) throws Exception {
        awaitReady();
        Files.write(dir.resolve("train-images-idx3-ubyte"), new byte[] {1, 2, 3});
        TrainingRun before = fx(() -> training().currentRun());
        robot.interact(() -> explorer.openFolder(dir));
        await("error dialog", 5_000, () -> robot.lookup("#folderErrorDialog").tryQuery().isPresent());
        String text = fx(() -> ((javafx.scene.control.DialogPane) robot.lookup("#folderErrorDialog").query()).getContentText());
        assertTrue(text.contains("missing"), text);
        assertEquals(DatasetChoice.MNIST, fx(() -> explorer.settings().dataset().get()));
        assertEquals(before, fx(() -> training().currentRun()));
        robot.clickOn("OK");
    }

    @Test
    void anIdxFolderLoadsOffTheFxThreadAndAppliesOnReset(FxRobot robot, @TempDir Path dir) throws Exception {
        awaitReady();
        for (String f : vaeexplorer.core.data.idx.IdxFolder.FILES)
            try (var in = ExplorerTest.class.getResourceAsStream("/assets/mnist/" + f + ".gz")) {
                Files.copy(in, dir.resolve(f + ".gz"));
            }
        robot.interact(() -> explorer.openFolder(dir));
        await("the folder is chosen", 10_000, () -> explorer.settings().dataset().get().folder() != null);
        assertTrue(fx(() -> robot.lookup("#pendingNote").queryAs(Label.class).getText()).contains("data set"));
        assertTrue(fx(() -> explorer.settings().datasets().size()) == 3);
        robot.clickOn("#resetButton");
        await("a model of the folder's data", 10_000, () -> training().state().get() == TrainingRun.State.IDLE
                && training().data().get().name().equals(dir.toAbsolutePath().normalize().toString()));
        assertFalse(fx(() -> robot.lookup("#pendingNote").query().isVisible()));
    }

    @Test
    void clickingTrainLeavesTheKeyboardFocusOnThePlotNotInATextField(FxRobot robot) {
        awaitReady();
        robot.clickOn("#trainButton");
        await("focus on the plot", 2_000, () -> stage.getScene().getFocusOwner() == plot());
    }

    @Test
    void largerTextScalesTheRootFont(FxRobot robot) {
        awaitReady();
        double before = fx(() -> robot.lookup("#trainButton").queryAs(Button.class).getFont().getSize());
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        double after = fx(() -> robot.lookup("#trainButton").queryAs(Button.class).getFont().getSize());
        assertEquals(1.3, fx(() -> explorer.text().scale().get()), 1e-9);
        assertEquals(before * 1.3, after, 0.05);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        assertEquals(1.0, fx(() -> explorer.text().scale().get()), 1e-9);
    }

    @Test
    void everythingFitsAt1280x720(FxRobot robot) {
        awaitReady();
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#trainButton", "#pauseButton", "#resumeButton", "#stepButton", "#resetButton",
                "#betaField", "#seedField", "#latentPlot", "#decodedImage", "#zLabel", "#lossChart", "#statusLabel",
                "#epochProgress", "#runProgress", "#resetViewButton"}) {
            Bounds b = fx(() -> {
                Node n = robot.lookup(id).query();
                return n.localToScene(n.getLayoutBounds());
            });
            assertTrue(b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= 1280 + 0.5 && b.getMaxY() <= 720 + 0.5,
                    id + " inside the window: " + b);
            assertTrue(b.getWidth() > 10 && b.getHeight() > 10, id + " has room: " + b);
        }
    }

    @Test
    void closingTheStageDuringTrainingEndsTheTrainerThread(FxRobot robot) {
        trainUntil(robot, 5);
        TrainingRun run = fx(() -> training().currentRun());
        assertTrue(run.isAlive());
        robot.interact(stage::close); // the explorer asks the thread to end and waits for it (up to two seconds)
        assertTrue(run.stop(10_000), "trainer thread ended");
        assertFalse(run.isAlive());
        assertTrue(run.state().isOver());
    }

    @Test
    void typingIntoAFieldDoesNotNeedTheMouse(FxRobot robot) {
        awaitReady();
        TextField seed = robot.lookup("#seedField").queryAs(TextField.class);
        type(robot, "#seedField", "7");
        assertEquals("7", fx(seed::getText));
        assertEquals("7", fx(() -> explorer.settings().seed().get()));
        assertTrue(fx(() -> robot.lookup("#pendingNote").queryAs(Label.class).getText()).contains("seed"));
    }
}
