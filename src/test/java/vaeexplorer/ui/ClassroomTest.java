package vaeexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.SmallData.await;
import static vaeexplorer.ui.SmallData.fx;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TrainingRun;

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

    @Test
    void warmUpRaisesBetaOverTheChosenEpochs(FxRobot robot) {
        awaitReady();
        type(robot, "#klWarmupField", "3");
        List<LossPoint> seen = new ArrayList<>();
        robot.interact(() -> training().latestLoss().addListener((o, a, p) -> {
            if (p != null) seen.add(p);
        }));
        List<String> status = new ArrayList<>();
        robot.interact(() -> training().status().addListener((o, a, s) -> status.add(s)));
        robot.clickOn("#trainButton");
        assertEquals(3.0, fx(() -> training().currentRun().trainer().klWarmupEpochs()), "the setting reached the trainer");
        await("four epochs", 30_000, () -> training().latestLoss().get() != null
                && training().latestLoss().get().epochPosition() >= 4);
        robot.clickOn("#pauseButton");
        List<LossPoint> points = fx(() -> List.copyOf(seen));
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
}
