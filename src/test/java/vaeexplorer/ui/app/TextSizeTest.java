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

    /**
     * At the largest size, in a 1280 x 800 window, in both languages and every lesson tab: no label shows an ellipsis,
     * and what does not fit in the window can be scrolled to (the window's content keeps its minimum width and height).
     */
    @Test
    void atTheLargestSizeNothingIsCutOff(FxRobot robot) {
        await("the first model is built", 10_000, () -> explorer.training().state().get() == TrainingRun.State.IDLE);
        javafx.scene.control.TabPane tabs = fx(() -> explorer.view().lessons().tabPane());
        java.util.List<String> cut = new java.util.ArrayList<>();
        try {
            for (java.util.Locale l : vaeexplorer.ui.i18n.I18n.SUPPORTED) {
                FxTesting.run(() -> {
                    vaeexplorer.ui.i18n.I18n.locale().set(l);
                    explorer.text().scale().set(vaeexplorer.ui.widgets.TextScale.largest());
                });
                int n = fx(() -> tabs.getTabs().size());
                for (int k = 0; k < n; k++) {
                    int t = k;
                    FxTesting.run(() -> tabs.getSelectionModel().select(t));
                    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
                    FxTesting.run(() -> explorer.stage().getScene().getRoot().layout());
                    cut.addAll(fx(() -> TranslatedWindowTest.cutOff(explorer.stage().getScene().getRoot(),
                            l + " " + tabs.getTabs().get(t).getText())));
                }
                // the content is as large as it needs, and the window scrolls to it
                double[] sizes = fx(() -> new double[] {explorer.view().getWidth(), explorer.view().minWidth(-1),
                        explorer.view().getHeight(), explorer.view().minHeight(explorer.view().getWidth())});
                assertTrue(sizes[0] >= sizes[1] - 0.5 && sizes[2] >= sizes[3] - 0.5,
                        l + ": the content has its minimum size: " + java.util.Arrays.toString(sizes));
                assertTrue(fx(() -> explorer.stage().getScene().getRoot() instanceof javafx.scene.control.ScrollPane),
                        "the window scrolls");
            }
        } finally {
            FxTesting.run(() -> {
                vaeexplorer.ui.i18n.I18n.locale().set(vaeexplorer.ui.i18n.I18n.ENGLISH);
                explorer.text().scale().set(1);
            });
        }
        assertTrue(cut.isEmpty(), "cut off at the largest text size:\n" + String.join("\n", new java.util.LinkedHashSet<>(cut)));
    }
}
