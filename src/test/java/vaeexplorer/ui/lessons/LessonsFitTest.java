package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.ui.app.Explorer;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.SmallData;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.latent.LatentPlotView;

/**
 * Every lesson tab in the whole window (asked for 1600 x 1000, it gets the headless screen's 1280 x 800), with a
 * 20-D Fashion-MNIST model and an analogy of three images selected (the fullest the Arith tab gets), the Worst and
 * Near tabs with their results: in English and in Chinese, everything a tab shows lies inside it, and no text is cut
 * short.
 */
@ExtendWith(ApplicationExtension.class)
class LessonsFitTest {
    private Explorer explorer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        I18n.locale().set(I18n.ENGLISH);
        stage.setWidth(1600);
        stage.setHeight(1000);
        explorer = Explorer.open(stage, s -> {
            SmallData.smallModel(s);
            s.dataset().set(SmallData.FASHION_1000);
            s.latent().set("20");
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

    /** Three shown points of different classes, each the one a click at its place hits. */
    private int[] threePoints() {
        return fx(() -> {
            LatentPlotView plot = explorer.view().latentPanel().plot();
            LatentCodes c = explorer.latent().codes().get();
            List<Integer> found = new ArrayList<>();
            List<Integer> classes = new ArrayList<>();
            for (int i = 0; i < c.size() && found.size() < 3; i++) {
                Point2D p = plot.pointPosition(i);
                if (p == null || !plot.transform().contains(p.getX(), p.getY()) || plot.pointAt(p.getX(), p.getY()) != i
                        || classes.contains(c.label(i))) continue;
                found.add(i);
                classes.add(c.label(i));
            }
            return found.stream().mapToInt(Integer::intValue).toArray();
        });
    }

    private Point2D screen(int i) {
        return fx(() -> {
            LatentPlotView plot = explorer.view().latentPanel().plot();
            return plot.localToScreen(plot.pointPosition(i));
        });
    }

    /** What of the tab's content lies outside the tab, or shows less than its text. */
    private List<String> cutOff(Tab t) {
        return fx(() -> {
            Node view = t.getContent();
            Parent area = view.getParent();
            Bounds tab = area.localToScene(area.getLayoutBounds());
            List<String> bad = new ArrayList<>();
            check(view, tab, bad);
            return bad;
        });
    }

    private static void check(Node n, Bounds tab, List<String> bad) {
        if (!n.isVisible()) return;
        Bounds b = n.localToScene(n.getLayoutBounds());
        if (b.getWidth() > 0 && b.getHeight() > 0 && (b.getMinX() < tab.getMinX() - 0.5 || b.getMaxX() > tab.getMaxX() + 0.5
                || b.getMinY() < tab.getMinY() - 0.5 || b.getMaxY() > tab.getMaxY() + 0.5))
            bad.add(name(n) + " at " + b + " is outside the tab " + tab);
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty())
            for (Node child : l.getChildrenUnmodifiable())
                if (child instanceof Text t && child.getStyleClass().contains("text") && !l.getText().equals(t.getText()))
                    bad.add(name(n) + " \"" + l.getText() + "\" shows \"" + t.getText() + "\"");
        if (n instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) check(child, tab, bad);
    }

    private static String name(Node n) {
        return n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName() + n.getStyleClass();
    }

    @Test
    void everyLessonFitsItsTabInTheWholeWindowInBothLanguages(FxRobot robot) {
        await("the first model", () -> explorer.training().state().get() == TrainingRun.State.IDLE);
        robot.clickOn("#stepButton");
        await("codes of the shown images", () -> explorer.training().step().get() >= 1
                && explorer.latent().codes().get() != null && explorer.latent().size().get() == 20);
        robot.clickOn("#arithmeticTab");
        int[] p = threePoints();
        assertEquals(3, p.length, "three points of different classes to click");
        robot.clickOn(screen(p[0]));
        robot.press(KeyCode.CONTROL);
        try {
            robot.clickOn(screen(p[1])).clickOn(screen(p[2]));
        } finally {
            robot.release(KeyCode.CONTROL);
        }
        await("the analogy's images", () -> lessons().arithmetic().strips().get() != null
                && lessons().arithmetic().strips().get().analogy() != null
                && lessons().arithmetic().strips().get().along() != null
                && lessons().arithmeticView().analogyStrip().tiles() == lessons().arithmetic().strips().get().analogy());
        FxTesting.layOut(stage);
        assertTrue(fx(() -> lessons().arithmeticView().analogyStrip().getHeight() > 40), "the analogy's images show");
        List<Tab> tabs = fx(() -> List.copyOf(lessons().tabPane().getTabs()));
        try {
            for (Tab t : tabs) {
                FxTesting.run(() -> lessons().tabPane().getSelectionModel().select(t));
                if ("worstTab".equals(t.getId()))
                    await("the ranking", () -> lessons().worstImages().ranking().get() != null);
                if ("nearestTab".equals(t.getId()))
                    await("the nearest images", () -> lessons().nearest().result().get() != null);
                for (Locale l : List.of(I18n.ENGLISH, I18n.CHINESE)) {
                    FxTesting.run(() -> I18n.locale().set(l));
                    FxTesting.layOut(stage);
                    assertEquals(List.of(), cutOff(t), l + ", " + t.getId() + ": the whole lesson is in its tab");
                }
            }
        } finally {
            FxTesting.run(() -> I18n.locale().set(I18n.ENGLISH));
        }
    }
}
