package vaeexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.core.train.TrainingRun.State;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.SmallData;
import vaeexplorer.ui.i18n.FileDialogs;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.widgets.FocusRing;

/**
 * One whole lesson with the keyboard alone (no click, no call into the app): train and pause with Space, move z with
 * the arrows, Tab through the window (every kind of control, the plot, the timeline and the tabs, each with a visible
 * focus), press a switch with Space, step through the lesson tabs with the arrows and Ctrl+Tab, rewind the timeline,
 * export the scatter as a figure through F10 and the Export menu, and read the help, which says all this.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardOnlyTest {
    @TempDir
    Path tmp;
    private Explorer explorer;
    private Stage stage;
    private String homeBefore;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        homeBefore = System.getProperty("vaeexplorer.home");
        System.setProperty("vaeexplorer.home", Files.createDirectories(tmp.resolve("home")).toString());
        // the export's file chooser is answered with a file in the test's folder (no native dialog)
        FileDialogs.answerWith(name -> tmp.resolve(name));
        stage.setWidth(1280);
        stage.setHeight(800);
        explorer = Explorer.open(stage, SmallData::smallModel, false);
    }

    @Stop
    void stop() {
        FileDialogs.answerWith(null);
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
        if (homeBefore != null) System.setProperty("vaeexplorer.home", homeBefore);
    }

    private Node focused() {
        return fx(() -> stage.getScene().getFocusOwner());
    }

    private LatentPlotView plot() {
        return explorer.view().latentPanel().plot();
    }

    private State state() {
        return fx(() -> explorer.training().state().get());
    }

    /** Presses Tab until the focus is on a node that matches (at most 200 times); the ids passed on the way. */
    private List<String> tabUntil(FxRobot robot, String what, Predicate<Node> target) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            robot.type(KeyCode.TAB);
            Node n = focused();
            seen.add(n == null ? "null" : n.getId() == null ? n.getClass().getSimpleName() : n.getId());
            if (n != null && fx(() -> target.test(n))) return seen;
        }
        throw new AssertionError("Tab never reached " + what + "; passed " + seen);
    }

    private static boolean inside(Node n, Node parent) {
        for (Node p = n; p != null; p = p.getParent()) if (p == parent) return true;
        return false;
    }

    @Test
    void aWholeLessonWithTheKeyboardAlone(FxRobot robot) throws Exception {
        await("the first model is built", 10_000, () -> state() == State.IDLE);
        assertEquals(plot(), focused(), "the window opens with the keys on the plot");
        Node ring = fx(() -> plot().lookup(".focus-ring"));
        assertTrue(ring instanceof FocusRing && fx(ring::isVisible), "the focused plot shows its frame");

        // train and pause
        robot.type(KeyCode.SPACE);
        assertEquals(State.RUNNING, state(), "Space trains");
        await("a whole epoch", 30_000, () -> !explorer.timeline().entries().isEmpty()
                && explorer.latent().codes().get() != null);
        robot.type(KeyCode.SPACE);
        assertEquals(State.PAUSED, state(), "Space pauses");

        // move z
        float[] before = fx(() -> explorer.latent().z().get().clone());
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.UP);
        float[] after = fx(() -> explorer.latent().z().get().clone());
        assertEquals(before[0] + 3 * LatentPlotView.NUDGE, after[0], 1e-5, "→ three times");
        assertEquals(before[1] + LatentPlotView.NUDGE, after[1], 1e-5, "↑ once");

        // Enter selects the image nearest z, as a click on it would (z jumps to its mu)
        int nearest = fx(() -> plot().nearestToZ());
        assertTrue(nearest >= 0);
        robot.type(KeyCode.ENTER);
        assertEquals(nearest, (int) fx(() -> explorer.latent().selected().get()), "Enter selected the nearest image");

        // the timeline by its keys
        robot.type(KeyCode.PAGE_UP);
        assertNotNull(fx(() -> explorer.timeline().shownEntry().get()), "Page Up rewinds to an epoch");
        robot.type(KeyCode.END);
        assertEquals(null, fx(() -> explorer.timeline().shownEntry().get()), "End is live again");

        // Tab reaches the switches under the plot; Space presses the one focused, and does not train
        List<String> way = tabUntil(robot, "the manifold switch", n -> "manifoldToggle".equals(n.getId()));
        assertFalse(fx(ring::isVisible), "the plot's frame goes with the focus");
        CheckBox map = (CheckBox) focused();
        boolean wasOn = fx(map::isSelected);
        robot.type(KeyCode.SPACE);
        assertNotEquals(wasOn, fx(map::isSelected), "Space pressed the focused switch");
        assertEquals(State.PAUSED, state(), "and did not train");
        robot.type(KeyCode.SPACE); // back as it was

        // on to the lesson tabs: ← → and Ctrl+Tab change the lesson
        TabPane tabs = fx(() -> explorer.view().lessons().tabPane());
        way.addAll(tabUntil(robot, "the lesson tabs", n -> inside(n, tabs)));
        int first = fx(() -> tabs.getSelectionModel().getSelectedIndex());
        robot.type(KeyCode.RIGHT);
        assertEquals(first + 1, (int) fx(() -> tabs.getSelectionModel().getSelectedIndex()), "→ opens the next lesson");
        robot.push(KeyCode.CONTROL, KeyCode.TAB);
        assertEquals(first + 2, (int) fx(() -> tabs.getSelectionModel().getSelectedIndex()), "Ctrl+Tab the one after");
        robot.type(KeyCode.LEFT);
        assertEquals(first + 1, (int) fx(() -> tabs.getSelectionModel().getSelectedIndex()), "← goes back");

        // round the window once more: every control on the way, the timeline's too, back to the plot
        way.addAll(tabUntil(robot, "the plot again", n -> n == plot()));
        Set<String> reached = new LinkedHashSet<>(way);
        for (String id : List.of("resumeButton", "stepButton", "resetButton", "betaField", "speedChoice", "timelineSlider",
                "timelineEarlierButton", "holesToggle", "enlargeLessonsToggle", "resetViewButton", "latentPlot"))
            assertTrue(reached.contains(id), id + " is reached by Tab (enabled controls only: paused, Train and Pause are off): " + reached);
        assertTrue(fx(ring::isVisible), "the frame is back with the focus");

        // export the scatter as a figure: F10 opens the menus, → to Export, ↓ opens it, ↓ to the scatter, → into it,
        // ↓ ↓ to "Figure (PNG)", Enter
        robot.type(KeyCode.F10);
        robot.type(KeyCode.RIGHT, KeyCode.DOWN, KeyCode.DOWN, KeyCode.RIGHT, KeyCode.DOWN, KeyCode.DOWN, KeyCode.ENTER);
        String name = fx(() -> vaeexplorer.ui.training.FileNames.base(explorer.settings(), explorer.training()))
                + "-latent-scatter-figure.png";
        Path figure = tmp.resolve(name);
        await("the figure is written", 10_000, () -> Files.isRegularFile(figure));
        assertTrue(Files.size(figure) > 10_000, "a real image: " + Files.size(figure) + " bytes");
        javafx.scene.image.Image img = new javafx.scene.image.Image(figure.toUri().toString());
        assertEquals(1920, img.getWidth(), 0.5, "the 1920x1080 figure, not the screen-size PNG");

        // the help lists the keyboard's way round
        robot.type(KeyCode.F1);
        DialogPane help = FxTesting.dialog("shortcutsDialog");
        assertNotNull(help, "F1 opens the list");
        String list = fx(() -> {
            StringBuilder b = new StringBuilder();
            for (Node n : help.lookupAll(".label")) b.append(((javafx.scene.control.Label) n).getText()).append('\n');
            return b.toString();
        });
        for (String must : List.of("Tab", "F10", "Ctrl+Tab", "Esc", "Without a mouse"))
            assertTrue(list.contains(must), "the help names " + must + ":\n" + list);
        robot.type(KeyCode.ESCAPE);
        assertFalse(fx(() -> help.getScene() != null && help.getScene().getWindow().isShowing()), "Esc closes it");
    }

    @Test
    void ctrlEnterAddsTheImageNearestZToTheSelectionAndCtrlShiftEnterSetsTheInterpolationEnds(FxRobot robot) {
        await("the first model is built", 10_000, () -> state() == State.IDLE);
        FxTesting.run(() -> explorer.training().stepOnce());
        // the step's own codes (the first model's may be shown before them): nothing moves the points after this
        await("codes of the shown images after the step", 30_000,
                () -> explorer.latent().codes().get() != null && explorer.latent().codes().get().step() == 1);
        FxTesting.run(() -> plot().requestFocus());
        var selection = fx(() -> explorer.view().lessons().selection());
        var interpolation = fx(() -> explorer.view().lessons().interpolation());

        robot.type(KeyCode.ESCAPE); // an empty selection to start from
        assertEquals(List.of(), fx(() -> List.copyOf(selection.selected())));
        int first = fx(() -> plot().nearestToZ());
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        assertEquals(List.of(first), fx(() -> List.copyOf(selection.selected())), "Ctrl+Enter adds the image at z");
        for (int i = 0; i < 40 && fx(() -> plot().nearestToZ()) == first; i++) robot.type(KeyCode.RIGHT);
        int second = fx(() -> plot().nearestToZ());
        assertTrue(second != first, "the arrows moved z to another image");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        assertEquals(List.of(first, second), fx(() -> List.copyOf(selection.selected())), "and the next one");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        assertEquals(List.of(first), fx(() -> List.copyOf(selection.selected())), "again: takes it out, as Ctrl+click");

        float[] za = fx(() -> explorer.latent().z().get().clone());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT, KeyCode.CONTROL);
        robot.type(KeyCode.UP, 5);
        float[] zb = fx(() -> explorer.latent().z().get().clone());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertArrayEquals(za, fx(() -> interpolation.a().get()), "Ctrl+Shift+Enter set A at z");
        assertArrayEquals(zb, fx(() -> interpolation.b().get()), "and then B");
    }

    @Test
    void theDrawingPadKeepsSpaceAndTheArrowsForItsPen(FxRobot robot) {
        var tabs = explorer.view().lessons().tabPane();
        robot.interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> "drawTab".equals(t.getId())).findFirst().orElseThrow()));
        robot.interact(() -> stage.getScene().lookup("#drawCanvas").requestFocus());
        assertEquals("drawCanvas", focused().getId());
        State before = state();
        float[] zBefore = fx(() -> explorer.latent().z().get().clone());
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.RIGHT, 4);
        assertEquals(before, state(), "Space put the pen down; it did not start training");
        assertArrayEquals(zBefore, fx(() -> explorer.latent().z().get()), "the arrows moved the pen, not z");
        assertTrue(fx(() -> !explorer.view().lessons().draw().empty().get()), "the pen drew");
    }
}
