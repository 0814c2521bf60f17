package vaeexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.SmallData;
import vaeexplorer.ui.session.SessionPrefs;

/**
 * The text size is a setting: chosen with Ctrl+= / Ctrl+- (View › Larger / Smaller text), kept in sessions.properties
 * beside View › Markers, and the next window starts with it; presentation mode's own size is not kept.
 */
@ExtendWith(ApplicationExtension.class)
class TextSizeTest {
    @TempDir
    Path tmp;
    private Explorer explorer;
    private String homeBefore;

    @Start
    void start(Stage stage) throws Exception {
        homeBefore = System.getProperty("vaeexplorer.home");
        System.setProperty("vaeexplorer.home", Files.createDirectories(tmp.resolve("home")).toString());
        stage.setWidth(1280);
        stage.setHeight(800);
        explorer = Explorer.open(stage, SmallData::smallModel, false);
    }

    @Stop
    void stop() {
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
        if (homeBefore != null) System.setProperty("vaeexplorer.home", homeBefore);
    }

    private double stored() {
        return new SessionPrefs(tmp.resolve("home").resolve("sessions.properties")).textScale();
    }

    @Test
    void theChosenTextSizeOutlivesTheWindowAndPresentationModeDoesNotChangeIt(FxRobot robot) {
        await("the first model is built", 10_000, () -> explorer.training().state().get() == TrainingRun.State.IDLE);
        assertTrue(Double.isNaN(stored()), "nothing stored before a choice");
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        assertEquals(1.5, fx(() -> explorer.text().scale().get()), 1e-9);
        assertEquals(1.5, stored(), 1e-9, "the choice is in the prefs file at once");
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        assertEquals(1.3, stored(), 1e-9, "Ctrl+- too");

        robot.type(KeyCode.F11);
        assertTrue(fx(() -> explorer.presentation().on().get()));
        FxTesting.run(() -> explorer.text().scale().set(2.4)); // as a tall screen makes it
        robot.type(KeyCode.F11);
        assertEquals(1.3, fx(() -> explorer.text().scale().get()), 1e-9, "leaving presentation mode restores the choice");
        assertEquals(1.3, stored(), 1e-9, "presentation mode's size is not stored");

        // the next start: a second window reads the same file
        Explorer next = fx(() -> Explorer.open(new Stage(), SmallData::smallModel, false));
        try {
            assertEquals(1.3, fx(() -> next.text().scale().get()), 1e-9);
            double font = fx(() -> ((Button) next.view().lookup("#trainButton")).getFont().getSize());
            assertEquals(13 * 1.3, font, 0.05, "and its text is that size");
        } finally {
            next.shutdown();
            FxTesting.closeWindow(next.stage());
        }
        FxTesting.run(() -> explorer.stage().requestFocus()); // back to the first window
        robot.clickOn(explorer.view().latentPanel().plot());
        assertEquals(1.3, fx(() -> explorer.text().scale().get()), 1e-9, "the first window kept its size");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        assertEquals(1.0, stored(), 1e-9, "Ctrl+0: normal size, stored too");
    }
}
