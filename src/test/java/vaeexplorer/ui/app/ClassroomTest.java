package vaeexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;
import static vaeexplorer.ui.fixtures.FxTesting.sleep;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.core.train.TrainingRun.State;

import vaeexplorer.ui.compare.CompareModel;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.SmallData;
import vaeexplorer.ui.fixtures.TrainerSync;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.PlotTransform;
import vaeexplorer.ui.timeline.EpochTimeline;
import vaeexplorer.ui.training.TrainingModel;
import vaeexplorer.ui.widgets.PixelCanvas;

/** The classroom features as a teacher drives them, on a small model (hidden 32) and 1,000 MNIST images. */
@ExtendWith(ApplicationExtension.class)
class ClassroomTest {
    private Explorer explorer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setWidth(1280);
        stage.setHeight(800);
        explorer = Explorer.open(stage, SmallData::smallModel, false);
    }

    @Stop
    void stop() {
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
    }

    private TrainingModel training() {
        return explorer.training();
    }

    private void awaitReady() {
        await("the first model is built", 10_000, () -> training().state().get() == TrainingRun.State.IDLE);
    }

    private static void type(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    private State state() {
        return fx(() -> training().state().get());
    }

    private long step() {
        return fx(() -> training().step().get());
    }

    private static int[] pixels(Node node) {
        return fx(() -> {
            WritableImage img = node.snapshot(null, null);
            PixelReader r = img.getPixelReader();
            int w = (int) img.getWidth(), h = (int) img.getHeight();
            int[] px = new int[w * h];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) px[y * w + x] = r.getArgb(x, y);
            return px;
        });
    }

    private static int differing(int[] a, int[] b) {
        if (a.length != b.length) return Math.max(a.length, b.length);
        int n = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) n++;
        return n;
    }

    private static boolean inScene(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).tryQuery().map(n -> n.getScene() != null && n.isVisible()).orElse(false));
    }

    @Test
    void warmUpRaisesBetaOverTheChosenEpochs(FxRobot robot) {
        awaitReady();
        type(robot, "#klWarmupField", "3");
        List<String> status = new ArrayList<>();
        robot.interact(() -> training().status().addListener((o, a, s) -> status.add(s)));
        // three single steps first: each is reported on its own, so there are points early in the first epoch however
        // fast the machine runs the rest (a report merges all steps since the last one)
        for (int i = 1; i <= 3; i++) {
            robot.clickOn("#stepButton");
            long n = i;
            await("step " + n, 30_000, () -> training().step().get() >= n && !training().losses().points().points().isEmpty()
                    && training().losses().points().points().get(training().losses().points().points().size() - 1).step() >= n);
        }
        robot.clickOn("#resumeButton");
        assertEquals(3.0, fx(() -> training().currentRun().trainer().klWarmupEpochs()), "the setting reached the trainer");
        await("four epochs", 30_000, () -> training().latestLoss().get() != null
                && training().latestLoss().get().epochPosition() >= 4);
        robot.clickOn("#pauseButton");
        // every point the trainer reported (latestLoss sees only the newest of a merged report: a small model ends its
        // first epoch within one report on a fast machine)
        List<LossPoint> points = fx(() -> List.copyOf(training().losses().points().points()));
        double previous = -1;
        int early = 0, late = 0;
        for (LossPoint p : points) {
            double expected = Math.min(1, p.epochPosition() / 3);
            assertEquals(expected, p.beta(), 1e-9, "beta at epoch position " + p.epochPosition());
            assertTrue(p.beta() >= previous, "beta never falls");
            previous = p.beta();
            if (p.epochPosition() < 1) early++;
            if (p.epochPosition() >= 3) late++;
        }
        assertTrue(early > 0 && late > 0, "points during and after the warm-up: " + early + ", " + late);
        assertTrue(points.get(0).beta() < 0.34, "starts low: " + points.get(0).beta());
        assertEquals(1.0, points.get(points.size() - 1).beta(), 1e-12, "reaches the set beta");
        assertTrue(fx(() -> List.copyOf(status)).stream().anyMatch(s -> s.contains("KL warm-up: β 0.")),
                "the status line says beta is still warming up");
        assertTrue(fx(() -> robot.lookup("#klWarmupField").queryAs(javafx.scene.control.TextField.class).getText())
                .equals("3"));
        type(robot, "#klWarmupField", "x");
        assertTrue(fx(() -> robot.lookup("#settingsError").queryAs(Label.class).getText()).startsWith("KL warm-up must be"));
        type(robot, "#klWarmupField", "0");
        assertEquals(0.0, fx(() -> training().currentRun().trainer().klWarmupEpochs()), "0 turns it off, live");
    }

    @Test
    void spaceTogglesTraining(FxRobot robot) {
        awaitReady();
        robot.clickOn(explorer.view().latentPanel().plot());
        robot.type(KeyCode.SPACE);
        assertEquals(State.RUNNING, state(), "Space trains");
        await("steps", 15_000, () -> training().step().get() > 3);
        robot.type(KeyCode.SPACE);
        assertEquals(State.PAUSED, state(), "Space pauses");
        TrainerSync.settle(training());
        long paused = step();
        robot.type(KeyCode.S);
        await("S trains one batch", 5_000, () -> training().step().get() == paused + 1);
        robot.push(KeyCode.CONTROL, KeyCode.RIGHT);
        await("Ctrl+Right trains one more", 5_000, () -> training().step().get() == paused + 2);
        robot.type(KeyCode.SPACE);
        assertEquals(State.RUNNING, state(), "Space resumes");
        robot.push(KeyCode.CONTROL, KeyCode.T);
        assertEquals(State.PAUSED, state(), "Ctrl+T toggles too");
        TrainerSync.settle(training());

        // in a text field Space and S are text, not commands
        long before = step();
        robot.clickOn("#learningRateField");
        robot.type(KeyCode.END);
        robot.type(KeyCode.SPACE, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(State.PAUSED, state());
        assertEquals(before, TrainerSync.trainerStep(training()), "no step, no training: the keys were text");
        assertEquals(before, step());
        assertEquals("0.001 s", fx(() -> robot.lookup("#learningRateField").queryAs(TextField.class).getText()));
        type(robot, "#learningRateField", "0.001");
        // with a focused button, Space still means Train / Pause (it does not press the button)
        robot.clickOn("#compareToggle");
        robot.clickOn("#compareToggle");
        assertFalse(fx(() -> explorer.compare().on().get()));
        robot.type(KeyCode.SPACE);
        assertEquals(State.RUNNING, state());
        assertFalse(fx(() -> explorer.compare().on().get()), "the focused toggle was not pressed");
        robot.push(KeyCode.CONTROL, KeyCode.R);
        await("Ctrl+R asks first", 5_000, () -> robot.lookup("#resetDialog").tryQuery().isPresent());
        robot.clickOn("#resetDialog-1"); // Reset without saving
        await("Ctrl+R resets", 5_000, () -> training().state().get() == State.IDLE && training().step().get() == 0);
    }

    @Test
    void helpListsEveryShortcutThatIsBound(FxRobot robot) {
        awaitReady();
        robot.type(KeyCode.F1);
        await("the help", 5_000, () -> robot.lookup("#shortcutsDialog").tryQuery().isPresent());
        Set<String> listed = new HashSet<>();
        List<String> descriptions = new ArrayList<>();
        robot.interact(() -> {
            for (Node n : robot.lookup("#shortcutsDialog .shortcut-keys").queryAll())
                listed.addAll(Arrays.asList(((Label) n).getText().split(",  ")));
            for (Node n : robot.lookup("#shortcutsDialog .label").queryAll()) descriptions.add(((Label) n).getText());
        });
        Set<KeyCombination> bound = new HashSet<>();
        Shortcuts shortcuts = explorer.shortcuts();
        robot.interact(() -> {
            var scene = stage.getScene();
            bound.addAll(scene.getAccelerators().keySet());
            for (MenuItem m : Shortcuts.menuItems(scene)) if (m.getAccelerator() != null) bound.add(m.getAccelerator());
            for (Shortcuts.Shortcut s : shortcuts.table()) bound.addAll(s.keys());
        });
        assertTrue(bound.size() > 25, "keys: " + bound.size());
        for (KeyCombination k : bound)
            assertTrue(listed.contains(Shortcuts.keyText(k)), Shortcuts.keyText(k) + " is bound but not in the help: " + listed);
        for (String must : List.of("Space", "Ctrl+T", "S", "Ctrl+→", "Ctrl+R", "Ctrl+E", "Ctrl+B", "F11", "F1", "Page Up", "End",
                "Ctrl+O", "Ctrl+Q", "Ctrl+0", "←"))
            assertTrue(listed.contains(must), must + " in " + listed);
        assertTrue(descriptions.contains("Train, pause or resume"), descriptions.toString());
        assertTrue(descriptions.contains("File › Open session…"), "menu items are listed by their path: " + descriptions);
        robot.clickOn("Close");
        await("closed", 5_000, () -> robot.lookup("#shortcutsDialog").tryQuery().isEmpty());
    }

    @Test
    void compareModeTrainsBothAndTheAutoEncoderHasHigherKl(FxRobot robot) {
        awaitReady();
        robot.clickOn("#compareToggle");
        assertTrue(inScene(robot, "#compareView"), "one click shows the comparison");
        assertFalse(inScene(robot, "#latentPlot"), "in place of the explorer's plot");
        assertEquals("beta = 0: auto-encoder", fx(() -> robot.lookup("#aeTitle").queryAs(Label.class).getText()));
        assertEquals("beta = 1: VAE", fx(() -> robot.lookup("#vaeTitle").queryAs(Label.class).getText()));
        CompareModel pair = fx(() -> explorer.compare().pair());
        TrainingModel ae = pair.autoEncoder(), vae = pair.vae();
        await("both train", 15_000, () -> ae.step().get() > 5 && vae.step().get() > 5);
        assertEquals(State.RUNNING, fx(() -> ae.state().get()));
        assertEquals(State.RUNNING, fx(() -> vae.state().get()));
        TrainingRun aeRun = fx(ae::currentRun), vaeRun = fx(vae::currentRun);
        assertNotEquals(aeRun, vaeRun);
        assertTrue(aeRun.isAlive() && vaeRun.isAlive(), "a trainer thread each");
        assertEquals(0.0, aeRun.trainer().beta());
        assertEquals(1.0, vaeRun.trainer().beta());
        assertEquals(aeRun.trainer().config().withBeta(1), vaeRun.trainer().config(), "the same settings but beta");
        assertEquals(1, aeRun.trainer().config().threads(), "one matrix thread each");
        assertEquals(fx(() -> ae.data().get()), fx(() -> vae.data().get()), "the same data");

        await("three epochs each", 60_000, () -> ae.latestLoss().get() != null && vae.latestLoss().get() != null
                && ae.latestLoss().get().epochPosition() >= 3 && vae.latestLoss().get().epochPosition() >= 3);
        double aeKl = fx(() -> ae.latestLoss().get().kl()), vaeKl = fx(() -> vae.latestLoss().get().kl());
        assertTrue(aeKl > 1.5 * vaeKl, "without the KL term the codes drift from the prior: KL " + aeKl + " vs " + vaeKl);
        String aeText = fx(() -> robot.lookup("#aeLosses").queryAs(Label.class).getText());
        assertTrue(aeText.startsWith("reconstruction ") && aeText.contains("KL ") && aeText.contains("not in its loss"), aeText);
        assertTrue(fx(() -> robot.lookup("#vaeLosses").queryAs(Label.class).getText()).contains("KL "));
        assertTrue(fx(() -> explorer.view().compareView().autoEncoder().plot().drawnPoints()) > 400, "the scatter is drawn");
        assertTrue(fx(() -> explorer.view().compareView().vae().plot().drawnPoints()) > 400);
        String views = fx(() -> {
            PlotTransform a = explorer.view().compareView().autoEncoder().plot().transform();
            PlotTransform b = explorer.view().compareView().vae().plot().transform();
            return a.span() + " " + a.centerX() + " " + a.centerY() + " / " + b.span() + " " + b.centerX() + " " + b.centerY();
        });
        String[] v = views.split(" / ");
        assertEquals(v[0], v[1], "both show the same region at the same scale");

        // the Run buttons and keys drive both
        robot.type(KeyCode.SPACE);
        assertEquals(State.PAUSED, fx(() -> ae.state().get()));
        assertEquals(State.PAUSED, fx(() -> vae.state().get()));
        assertTrue(fx(() -> robot.lookup("#resumeButton").queryAs(Button.class).isDisabled()) == false);
        robot.clickOn("#resetButton");
        await("both reset", 10_000, () -> ae.state().get() == State.IDLE && vae.state().get() == State.IDLE
                && ae.step().get() == 0 && vae.step().get() == 0);
        robot.clickOn("#trainButton");
        await("both train again", 15_000, () -> ae.step().get() > 2 && vae.step().get() > 2);
        assertEquals(State.IDLE, state(), "the explorer's own model stays as it was");

        // back, and closing the window ends both threads
        robot.clickOn("#compareBackButton");
        assertTrue(inScene(robot, "#latentPlot"));
        assertEquals(State.PAUSED, fx(() -> ae.state().get()), "leaving compare mode pauses the pair");
        robot.clickOn("#compareToggle");
        await("on again: both go on", 5_000, () -> ae.state().get() == State.RUNNING && vae.state().get() == State.RUNNING);
        TrainingRun a = fx(ae::currentRun), b = fx(vae::currentRun);
        long t0 = System.nanoTime();
        robot.interact(stage::close);
        while ((a.isAlive() || b.isAlive()) && System.nanoTime() - t0 < 30_000_000_000L) sleep(10);
        assertFalse(a.isAlive() || b.isAlive(), "closing the window stops both");
    }

    @Test
    void timelineRewindsTheScatterAndTheDecoderToAnEarlierEpoch(FxRobot robot) {
        awaitReady();
        EpochTimeline timeline = fx(() -> explorer.timeline());
        System.gc(); // the bar must not lose track of the epochs when the collector runs (it did once)
        robot.clickOn("#trainButton");
        await("four epoch ends and the start", 30_000, () -> timeline.entries().size() >= 5);
        System.gc();
        await("the bar follows", 5_000, () -> ((javafx.scene.control.Slider) explorer.view().lookup("#timelineSlider")).getMax()
                == timeline.entries().size());
        robot.clickOn("#pauseButton");
        TrainerSync.settle(training());
        await("the latest codes", 5_000, () -> explorer.latent().codes().get() == training().codes().get());
        LatentPlotView plot = explorer.view().latentPanel().plot();
        PixelCanvas image = explorer.view().decoded().image();
        int[] livePlot = pixels(plot), liveImage = pixels(image);
        assertEquals(0, fx(() -> timeline.entries().get(0).epoch()), "the untrained start is kept");
        assertEquals(1, fx(() -> timeline.entries().get(1).epoch()));

        // rewind to epoch 1 with the buttons
        while (fx(() -> timeline.shownEntry().get() == null || timeline.shownEntry().get().epoch() > 1))
            robot.clickOn("#timelineEarlierButton");
        EpochTimeline.Entry e = fx(() -> timeline.shownEntry().get());
        assertEquals(1, e.epoch());
        assertSame(e.codes(), fx(() -> explorer.latent().codes().get()), "the scatter shows epoch 1");
        assertSame(e.model(), fx(() -> explorer.latent().model().get()), "the decoder is epoch 1's");
        assertTrue(fx(() -> Arrays.equals(explorer.latent().decoded().get(), e.model().decode(explorer.latent().z().get()))));
        assertTrue(differing(livePlot, pixels(plot)) > 200, "the scatter changed");
        assertTrue(differing(liveImage, pixels(image)) > 20, "the decoded image changed");
        assertTrue(fx(() -> robot.lookup("#timelineBar").query().getStyleClass().contains("rewound")));
        assertTrue(fx(() -> robot.lookup("#timelineLabel").queryAs(Label.class).getText()).startsWith("Epoch 1"));

        // dragging the point decodes with epoch 1's model
        robot.drag(plot, MouseButton.PRIMARY).moveBy(50, -30).drop();
        float[] z = fx(() -> explorer.latent().z().get());
        assertTrue(fx(() -> Arrays.equals(explorer.latent().decoded().get(), e.model().decode(z))));

        // training goes on while the class looks at the past
        robot.type(KeyCode.SPACE);
        long s = step();
        await("training goes on", 10_000, () -> training().step().get() > s + 30);
        assertSame(e.codes(), fx(() -> explorer.latent().codes().get()), "the scatter stays at epoch 1");

        // the slider: all the way left is the start
        robot.interact(() -> ((javafx.scene.control.Slider) explorer.view().lookup("#timelineSlider")).setValue(0));
        assertEquals(0, fx(() -> timeline.shownEntry().get().epoch()));

        robot.clickOn("#timelineLiveButton");
        assertTrue(fx(timeline::isLive));
        String where = fx(() -> robot.lookup("#timelineLabel").queryAs(Label.class).getText());
        assertEquals("Now: the model as it trains", where, "the bar says what it shows, not the Live button's word again");
        await("live again", 5_000, () -> explorer.latent().codes().get() == training().codes().get()
                && explorer.latent().model().get() == training().model().get());
        robot.clickOn(plot);
        robot.type(KeyCode.PAGE_UP);
        assertFalse(fx(timeline::isLive), "Page Up rewinds");
        robot.type(KeyCode.END);
        assertTrue(fx(timeline::isLive), "End is live");
    }

    @Test
    void presentationModeEnlargesTextAndHidesPanelsOnRequest(FxRobot robot) {
        awaitReady();
        double before = fx(() -> robot.lookup("#statusLabel").queryAs(javafx.scene.control.Labeled.class).getFont().getSize());
        robot.type(KeyCode.F11);
        assertTrue(fx(() -> explorer.presentation().on().get()));
        assertTrue(fx(stage::isFullScreen), "full screen");
        double after = fx(() -> robot.lookup("#statusLabel").queryAs(javafx.scene.control.Labeled.class).getFont().getSize());
        assertTrue(after >= 1.3 * before - 0.01, "larger text: " + before + " -> " + after);
        assertEquals(2.0, fx(() -> explorer.view().latentPanel().plot().lineScale().get()), "thicker lines");
        assertTrue(fx(() -> explorer.view().latentPanel().lookupAll(".hint-text").stream().noneMatch(Node::isVisible)),
                "the mouse hints give their room to the plot");

        assertFalse(inScene(robot, "#controlsScroll"), "the controls give their room to the plots");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        assertFalse(inScene(robot, "#lossChart"), "chart hidden");
        assertTrue(inScene(robot, "#latentPlot") && inScene(robot, "#decodedImage") && inScene(robot, "#timelineBar"));
        assertFitsInTheWindow(robot, "#latentPlot", "#decodedImage", "#timelineBar", "#statusLabel");
        robot.clickOn("View").clickOn("Show controls");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        assertTrue(inScene(robot, "#controlsScroll") && inScene(robot, "#lossChart"), "shown again");
        assertFitsInTheWindow(robot, "#trainButton", "#resetButton", "#compareToggle", "#latentPlot", "#decodedImage",
                "#timelineSlider", "#timelineLiveButton", "#lossChart", "#statusLabel");
        robot.clickOn("#compareToggle");
        assertFitsInTheWindow(robot, "#aePlot", "#vaePlot", "#aeLosses", "#vaeLosses", "#aeDecodedImage",
                "#vaeDecodedImage", "#compareBackButton", "#legend");
        robot.clickOn("#compareBackButton");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        assertFalse(inScene(robot, "#controlsScroll"), "hidden again");

        robot.type(KeyCode.F11);
        assertTrue(inScene(robot, "#controlsScroll"), "leaving presentation mode shows the controls they were shown before");
        assertFalse(fx(() -> explorer.presentation().on().get()));
        assertFalse(fx(stage::isFullScreen));
        assertEquals(before, fx(() -> robot.lookup("#statusLabel").queryAs(javafx.scene.control.Labeled.class).getFont().getSize()), 1e-9);
        assertEquals(1.0, fx(() -> explorer.view().latentPanel().plot().lineScale().get()));
        assertTrue(fx(() -> explorer.view().latentPanel().lookupAll(".hint-text").stream().allMatch(Node::isVisible)),
                "and come back after");
    }

    private void assertFitsInTheWindow(FxRobot robot, String... ids) {
        FxTesting.layOut(stage); // a click's new layout is in place, however busy the machine
        double w = fx(() -> stage.getScene().getWidth()), h = fx(() -> stage.getScene().getHeight());
        for (String id : ids) {
            Bounds b = fx(() -> {
                Node n = robot.lookup(id).query();
                return n.localToScene(n.getLayoutBounds());
            });
            assertNotNull(b, id);
            assertTrue(b.getMinX() >= -0.5 && b.getMinY() >= -0.5 && b.getMaxX() <= w + 0.5 && b.getMaxY() <= h + 0.5,
                    id + " inside the " + w + "x" + h + " window: " + b);
            assertTrue(b.getWidth() > 10 && b.getHeight() > 10, id + " has room: " + b);
        }
    }
}
