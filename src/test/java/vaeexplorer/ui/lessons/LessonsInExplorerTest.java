package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;


import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import vaeexplorer.core.train.TrainingRun;

import vaeexplorer.ui.app.Explorer;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.widgets.ImageTiles;

/** The lessons inside the explorer window, while a small model (hidden 32) trains. */
@ExtendWith(ApplicationExtension.class)
class LessonsInExplorerTest {
    private Explorer explorer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setWidth(1280);
        stage.setHeight(720);
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

    private Lessons lessons() {
        return explorer.view().lessons();
    }

    private void train(FxRobot robot) {
        await("the first model", 10_000, () -> explorer.training().state().get() == TrainingRun.State.IDLE);
        robot.clickOn("#trainButton");
        await("training runs", 10_000, () -> explorer.training().step().get() > 5 && explorer.latent().codes().get() != null);
    }

    @Test
    void theLessonsFollowTheModelWhileItTrains(FxRobot robot) {
        train(robot);
        robot.clickOn("#priorTab");
        await("prior samples", 5_000, () -> lessons().priorView().grid().tiles() != null);
        ImageTiles first = fx(() -> lessons().priorView().grid().tiles());
        await("redecoded by a newer model", 5_000, () -> lessons().priorView().grid().tiles() != first);
        robot.clickOn("#klTab");
        await("KL bars", 5_000, () -> lessons().klView().values() != null);
        assertEquals(2, fx(() -> lessons().klView().values()).length);
        robot.clickOn("#formulaTab");
        await("the formula is filled in", 5_000, () -> !robot.lookup("#formulaLoss").queryAs(Label.class).getText().equals("\u2013"));
        String loss = fx(() -> robot.lookup("#formulaLoss").queryAs(Label.class).getText());
        await("and goes on changing", 5_000, () -> !robot.lookup("#formulaLoss").queryAs(Label.class).getText().equals(loss));
        robot.clickOn("#manifoldToggle");
        await("the map under the scatter", 5_000, () -> lessons().manifoldUnderlay().drawnBounds() != null);
        assertEquals(TrainingRun.State.RUNNING, fx(() -> explorer.training().state().get()));
    }

    @Test
    void withTheTruePosteriorShownEachEpochsEndPutsTheTestSetsLogPxElboAndGapOnTheLossChart(FxRobot robot) {
        train(robot);
        robot.clickOn("#truePosteriorTab");
        int epochs = fx(() -> explorer.training().epochsEnded().get());
        await("an epoch ends and its estimate arrives", 120_000,
                () -> explorer.training().epochsEnded().get() > epochs
                        && explorer.training().losses().curves().testNll().size() > 0);
        var curves = fx(() -> explorer.training().losses().curves());
        double nll = fx(() -> curves.testNll().y(0)), gap = fx(() -> curves.testGap().y(0));
        assertTrue(nll > 0 && gap >= 0, "-log p(x) " + nll + " nats, gap " + gap);
        assertEquals(nll + gap, fx(() -> curves.testNegElbo().y(0)), 1e-9, "-ELBO = -log p(x) + gap");
        FxTesting.run(() -> explorer.view().chart().render(1));
        int[] counts = fx(() -> explorer.view().chart().logPxCounts());
        assertTrue(counts[0] > 0 && counts[1] > 0 && counts[2] > 0, "drawn: " + java.util.Arrays.toString(counts));
    }

    @Test
    void hiddenTabsDoNotDecode(FxRobot robot) {
        train(robot);
        int before = fx(() -> lessons().manifoldView().refresher().completed());
        long step = fx(() -> explorer.training().step().get());
        await("newer models arrive", 5_000, () -> explorer.training().step().get() > step + 20);
        assertEquals(before, fx(() -> lessons().manifoldView().refresher().completed()), "the manifold tab is not showing");
        robot.clickOn("#manifoldTab");
        await("it decodes once shown", 5_000, () -> lessons().manifoldView().refresher().completed() > before);
    }

    @Test
    void enlargeGivesTheLessonsMostOfTheHeightAndBack(FxRobot robot) {
        await("the first model", 10_000, () -> explorer.training().state().get() == TrainingRun.State.IDLE);
        robot.clickOn("#manifoldTab");
        double before = fx(() -> lessons().tabPane().getHeight());
        robot.clickOn("#enlargeLessonsToggle");
        WaitForAsyncUtils.waitForFxEvents();
        double enlarged = fx(() -> lessons().tabPane().getHeight());
        assertTrue(enlarged > before * 1.3, before + " -> " + enlarged);
        assertTrue(fx(() -> robot.lookup("#latentPlot").query().getLayoutBounds().getHeight()) > 100, "the scatter stays usable");
        robot.clickOn("#enlargeLessonsToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, fx(() -> lessons().tabPane().getHeight()), 2);
    }

    @Test
    void everyLessonFitsAt1280x720(FxRobot robot) {
        await("the first model", 10_000, () -> explorer.training().state().get() == TrainingRun.State.IDLE);
        String[][] views = {{"#manifoldTab", "#manifoldGrid", "#manifoldQuantiles", "#manifoldBackgroundCheck"},
                {"#reconstructionsTab", "#reconstructionsGrid", "#resampleReconstructionsButton"},
                {"#priorTab", "#priorGrid", "#resamplePriorButton"},
                {"#interpolationTab", "#interpolationStrip", "#interpolateModeToggle", "#clearInterpolationButton"},
                {"#klTab", "#klBars", "#klSummary"},
                {"#posteriorTab", "#histogramX", "#histogramY", "#holesCheck"},
                {"#drawTab", "#drawCanvas", "#drawReconstruction", "#clearDrawingButton"},
                {"#formulaTab", "#formulaValues", "#formulaRecon", "#formulaKl", "#formulaBeta", "#formulaLoss"}};
        for (String[] v : views) {
            robot.clickOn(v[0]);
            WaitForAsyncUtils.waitForFxEvents();
            for (int k = 1; k < v.length; k++) {
                String id = v[k];
                Bounds b = fx(() -> {
                    Node n = robot.lookup(id).query();
                    return n.isVisible() ? n.localToScene(n.getLayoutBounds()) : null;
                });
                assertNotNull(b, id + " shows");
                assertTrue(b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= 1280 + 0.5 && b.getMaxY() <= 720 + 0.5,
                        id + " inside the window: " + b);
                assertTrue(b.getWidth() > 10 && b.getHeight() > 10, id + " has room: " + b);
            }
        }
        for (String id : new String[] {"#manifoldToggle", "#holesToggle", "#interpolateToggle", "#latentPlot",
                "#enlargeLessonsToggle"}) {
            Bounds b = fx(() -> robot.lookup(id).query().localToScene(robot.lookup(id).query().getLayoutBounds()));
            assertTrue(b.getMaxX() <= 1280 + 0.5 && b.getMaxY() <= 720 + 0.5 && b.getWidth() > 10, id + ": " + b);
        }
        assertNotEquals(0, fx(() -> stage.getScene().getHeight()));
    }
}
