package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import vaeexplorer.core.train.TrainingRun;

import vaeexplorer.ui.app.Explorer;
import vaeexplorer.ui.app.Presentation;
import vaeexplorer.ui.app.Shortcuts;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.SmallData;
import vaeexplorer.ui.i18n.I18n;

/**
 * A teacher at a 1280x720 projector: with presentation mode's text size and larger, in English and in Chinese, every
 * lesson's tab shows in one row (none in the tab pane's overflow menu) and opens with one click; and the classroom's
 * own texts (help, compare mode, timeline, View menu) follow the language.
 */
@ExtendWith(ApplicationExtension.class)
class LessonTabsReachTest {
    private static final String[] TABS = {"lossesTab", "manifoldTab", "reconstructionsTab", "priorTab", "interpolationTab",
            "klTab", "posteriorTab", "drawTab", "formulaTab", "truePosteriorTab", "worstTab", "nearestTab", "arithmeticTab"};
    private Explorer explorer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        I18n.locale().set(I18n.ENGLISH);
        stage.setWidth(1280);
        stage.setHeight(720);
        explorer = Explorer.open(stage, SmallData::smallModel, false);
    }

    @Stop
    void stop() {
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
    }

    @AfterEach
    void english() {
        FxTesting.run(() -> I18n.locale().set(I18n.ENGLISH));
    }

    private TabPane tabs() {
        return explorer.view().lessons().tabPane();
    }

    private static Region child(Parent p, String styleClass) {
        for (Node n : p.getChildrenUnmodifiable())
            if (n instanceof Region r && r.getStyleClass().contains(styleClass)) return r;
        return null;
    }

    /** Why not every tab header is fully in view (clipped, beyond the window, or the overflow menu shows), or null. */
    private String overflow() {
        return fx(() -> {
            Region area = child(tabs(), "tab-header-area");
            Region headers = child(area, "headers-region");
            Region menu = child(area, "control-buttons-tab");
            if (menu != null && menu.isVisible() && menu.getWidth() > 0.5) return "the overflow menu shows";
            Bounds clip = headers.localToScene(headers.getClip().getBoundsInLocal());
            double width = stage.getScene().getWidth();
            for (Node h : headers.getChildrenUnmodifiable()) {
                Bounds b = h.localToScene(h.getLayoutBounds());
                if (b.getMinX() < clip.getMinX() - 0.5 || b.getMaxX() > clip.getMaxX() + 0.5 || b.getMaxX() > width + 0.5)
                    return h.getId() + " is cut off: " + b + " in " + clip;
            }
            return null;
        });
    }

    private void settle() {
        FxTesting.layOut(stage);
    }

    private void assertFit(String what) {
        settle();
        assertEquals(null, overflow(), what);
    }

    /** Every tab is in view and its title at least presentation size (or the window's); with clicks, each opens with one. */
    private void everyTabInView(FxRobot robot, String what, boolean click) {
        assertFit(what);
        double font = fx(() -> explorer.text().fontSize().get());
        for (String id : TABS) {
            if (click) {
                robot.clickOn("#" + id, Motion.DIRECT);
                Tab t = fx(() -> tabs().getTabs().stream().filter(x -> id.equals(x.getId())).findFirst().orElseThrow());
                assertTrue(fx(t::isSelected), what + ": one click opens " + id);
            }
            double size = fx(() -> ((Label) robot.lookup("#" + id + " .tab-label").query()).getFont().getSize());
            assertTrue(size >= Math.min(font, TabTitleFit.MIN_FONT_PX) - 0.01, what + ": " + id + "'s title is " + size + " px");
        }
        if (click) robot.clickOn("#lossesTab", Motion.DIRECT);
        // and the timeline above the tabs stays whole, not under them
        String timeline = fx(() -> {
            Node bar = robot.lookup("#timelineBar").query();
            Bounds b = bar.localToScene(bar.getLayoutBounds()), t = tabs().localToScene(tabs().getLayoutBounds());
            return b.getMaxY() <= t.getMinY() + 1 && b.getHeight() >= ((Region) bar).prefHeight(-1) - 1 ? null : b + " / tabs " + t;
        });
        assertEquals(null, timeline, what + ": the timeline is in view");
    }

    private void everyTabOneClickAway(FxRobot robot, String what) {
        everyTabInView(robot, what, true);
    }

    @Test
    void everyLessonIsOneClickAwayAt1280x720WithLargeTextInBothLanguages(FxRobot robot) {
        await("the first model", 10_000, () -> explorer.training().state().get() == TrainingRun.State.IDLE);
        try {
            for (Locale l : List.of(I18n.ENGLISH, I18n.CHINESE))
                for (double scale : new double[] {Presentation.scaleFor(720), 1.5, 1.75, 2.0}) {
                    FxTesting.run(() -> {
                        I18n.locale().set(l);
                        explorer.text().scale().set(scale);
                    });
                    // every header in view at every size; clicked at the largest in Chinese, where a header is likeliest
                    // to be covered or cut (presentation mode's test clicks in English at its own size)
                    everyTabInView(robot, l + " at text scale " + scale, scale == 2.0 && I18n.CHINESE.equals(l));
                }
            // at the presentation size the titles are never shrunk: only shortened if need be
            FxTesting.run(() -> explorer.text().scale().set(Presentation.scaleFor(720)));
            settle();
            assertEquals(0.0, fx(() -> explorer.view().lessons().titleFit().shrunkTo().get()));
            // (with thirteen tabs Chinese no longer keeps its full titles there at 1280 wide: its short titles fit)
        } finally {
            FxTesting.run(() -> {
                I18n.locale().set(I18n.ENGLISH);
                explorer.text().scale().set(1);
            });
        }
    }

    @Test
    void inPresentationModeEveryLessonIsOneClickAwayInBothLanguages(FxRobot robot) {
        await("the first model", 10_000, () -> explorer.training().state().get() == TrainingRun.State.IDLE);
        try {
            robot.type(KeyCode.F11);
            assertTrue(fx(() -> explorer.presentation().on().get()));
            everyTabOneClickAway(robot, "presentation mode, English");
            FxTesting.run(() -> I18n.locale().set(I18n.CHINESE));
            everyTabInView(robot, "presentation mode, Chinese", false);
            assertEquals("演示模式：按 F11 或 Esc 退出。空格键训练；Ctrl+1 显示控制面板。", I18n.get("presentation.exitHint"));
        } finally {
            FxTesting.run(() -> I18n.locale().set(I18n.ENGLISH));
            if (fx(() -> explorer.presentation().on().get())) robot.type(KeyCode.F11);
        }
    }

    private static List<String> labels(Node root) {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : root.lookupAll(".label")) if (n instanceof Label l) out.add(l.getText());
            return out;
        });
    }

    private String itemText(String id) {
        return fx(() -> {
            for (MenuItem m : Shortcuts.menuItems(stage.getScene())) if (id.equals(m.getId())) return m.getText();
            return null;
        });
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(javafx.scene.control.Labeled.class).getText());
    }

    @Test
    void helpCompareModeTimelineAndMenusSpeakChineseAndBack(FxRobot robot) {
        await("the first model", 10_000, () -> explorer.training().state().get() == TrainingRun.State.IDLE);
        try {
            FxTesting.run(() -> I18n.locale().set(I18n.CHINESE));
            settle();
            assertEquals("演示模式", itemText("presentationItem"));
            assertEquals("从先验重新采样 z", itemText("resampleItem"));
            assertEquals("快捷键", itemText("shortcutsItem"));
            assertEquals("（第一轮结束后可用）", text(robot, "#timelineLabel"));
            assertEquals("实时", text(robot, "#timelineLiveButton"));

            robot.type(KeyCode.F1);
            await("the help", 5_000, () -> robot.lookup("#shortcutsDialog").tryQuery().isPresent());
            var pane = FxTesting.dialog("shortcutsDialog");
            assertNotNull(pane);
            List<String> shown = labels(pane);
            for (String must : List.of("训练", "时间轴（散点图下方）", "训练、暂停或继续", "演示模式：全屏、大字、粗线（按 Esc 也可退出）",
                    "放大文字（同“视图 › 放大文字”）", "文件 › 退出"))
                assertTrue(shown.contains(must), must + " in " + shown);
            assertTrue(shown.stream().anyMatch(s -> s.endsWith("小键盘 +")), "key names: " + shown);
            for (Shortcuts.Shortcut s : explorer.shortcuts().table())
                assertTrue(shown.contains(s.description().get()) && s.description().get().codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), s.id());
            assertEquals("快捷键", fx(() -> ((Stage) pane.getScene().getWindow()).getTitle()));
            assertEquals("关闭", fx(() -> ((javafx.scene.control.Button) pane.lookupButton(pane.getButtonTypes().get(0))).getText()));
            FxTesting.close(pane);

            assertEquals("对比 β = 0 与 1", text(robot, "#compareToggle"));
            robot.clickOn("#compareToggle");
            await("compare mode", 5_000, () -> robot.lookup("#compareView").tryQuery().isPresent());
            assertEquals("β = 0：自编码器", text(robot, "#aeTitle"));
            assertEquals("β = 1：变分自编码器", text(robot, "#vaeTitle"));
            assertEquals("返回单个模型", text(robot, "#compareBackButton"));
            assertEquals("自动缩放", text(robot, "#aeAutoZoom"));
            assertTrue(text(robot, "#aeLosses").startsWith("重构 ") && text(robot, "#aeLosses").contains("（不计入损失）"),
                    text(robot, "#aeLosses"));
            assertTrue(text(robot, "#vaeStatus").contains("奈特/图像"), text(robot, "#vaeStatus"));
            FxTesting.run(() -> I18n.locale().set(I18n.ENGLISH));
            assertEquals("beta = 0: auto-encoder", text(robot, "#aeTitle"));
            assertTrue(text(robot, "#aeLosses").startsWith("reconstruction "), text(robot, "#aeLosses"));
            assertTrue(text(robot, "#vaeStatus").contains("nats per image"), text(robot, "#vaeStatus"));
            robot.clickOn("#compareBackButton");
            assertEquals("Compare beta = 0 vs 1", text(robot, "#compareToggle"));
            assertEquals("(from the first epoch end)", text(robot, "#timelineLabel"));
            assertEquals("Presentation mode", itemText("presentationItem"));
        } finally {
            FxTesting.run(() -> I18n.locale().set(I18n.ENGLISH));
        }
    }
}
