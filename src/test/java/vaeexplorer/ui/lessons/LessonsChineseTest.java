package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import vaeexplorer.core.train.LossPoint;

import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.LessonFixture;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.numbers.KlPerDimensionView;
import vaeexplorer.ui.widgets.ImageGridView;

/**
 * The lessons in Simplified Chinese, switched while they run (as the Language menu does), and back to English: tab
 * titles, side panels, the formula's sentences and numbers, and the texts drawn on canvases.
 */
@ExtendWith(ApplicationExtension.class)
class LessonsChineseTest {
    private Stage stage;
    private final LatentModel latent = new LatentModel();
    private SimpleObjectProperty<LossPoint> loss;
    private SimpleObjectProperty<double[]> kl;
    private Lessons lessons;

    @Stop
    void stop() {
        FxTesting.closeWindows(stage);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        I18n.locale().set(I18n.ENGLISH);
        LessonWindow w = LessonWindow.show(stage, latent, LessonFixture.grid(), 1000, 760, 0.55);
        loss = w.loss;
        kl = w.kl;
        lessons = w.lessons;
    }

    @AfterEach
    void english() {
        FxTesting.run(() -> I18n.locale().set(I18n.ENGLISH));
    }

    private static void language(java.util.Locale l) {
        FxTesting.run(() -> I18n.locale().set(l));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean chinese(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The texts of every labelled control under a node (labels, buttons, check boxes...). */
    private static List<String> texts(Node root) {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : root.lookupAll("*")) if (n instanceof Labeled l && l.getText() != null) out.add(l.getText());
            return out;
        });
    }

    private static String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Labeled.class).getText());
    }

    private static int[] pixels(Node n) {
        return fx(() -> {
            WritableImage img = n.snapshot(null, null);
            PixelReader r = img.getPixelReader();
            int w = (int) img.getWidth(), h = (int) img.getHeight();
            int[] px = new int[w * h];
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) px[y * w + x] = r.getArgb(x, y);
            return px;
        });
    }

    @Test
    void tabTitlesAndSidePanelsSwitchToChineseAndBack(FxRobot robot) {
        try {
            // the full titles are the tooltips (the tabs show them, or their short forms where the row is too narrow)
            List<String> english = fx(() -> lessons.tabPane().getTabs().stream().map(t -> t.getTooltip().getText()).toList());
            assertEquals("Manifold", english.get(1));
            assertTrue(List.of("Manifold", "Map").contains(fx(() -> lessons.tabPane().getTabs().get(1).getText())));
            language(I18n.CHINESE);
            List<String> titles = fx(() -> lessons.tabPane().getTabs().stream().map(t -> t.getTooltip().getText()).toList());
            assertEquals(List.of("损失", "流形图", "重构", "先验采样", "插值", "各维 KL", "后验与先验", "手绘", "公式", "真实后验", "最难解释", "最近的训练图像",
                            "潜在空间运算"),
                    titles);
            assertTrue(List.of("流形图", "流形").contains(fx(() -> lessons.tabPane().getTabs().get(1).getText())));
            assertEquals("后验与先验", fx(() -> lessons.tabPane().getTabs().get(6).getTooltip().getText()));
            assertEquals("流形图", text(robot, "#manifoldToggle"));
            assertEquals("放大标签页", text(robot, "#enlargeLessonsToggle"));
            String[][] views = {{"#manifoldTab", "#manifoldView", "按高斯分位数取点"},
                    {"#reconstructionsTab", "#reconstructionsView", "换一批图像"},
                    {"#priorTab", "#priorSamplesView", "从先验采样"},
                    {"#interpolationTab", "#interpolationView", "交换 A 和 B"},
                    {"#posteriorTab", "#posteriorVsPriorView", "在散点图中标出空洞"},
                    {"#drawTab", "#drawView", "在这里画"}};
            for (String[] v : views) {
                robot.clickOn(v[0]);
                WaitForAsyncUtils.waitForFxEvents();
                List<String> shown = texts(robot.lookup(v[1]).query());
                assertTrue(shown.contains(v[2]), v[1] + ": " + shown);
                for (String s : shown)
                    assertTrue(s.isEmpty() || chinese(s) || s.matches("[-+−–=:. 0-9zAB()μσ,]*"),
                            v[1] + " still speaks English: " + s);
            }
            // a sentence naming another tab uses that tab's title
            assertTrue(texts(robot.lookup("#priorSamplesView").query()).stream().anyMatch(s -> s.contains("“后验与先验”")));
            assertTrue(text(robot, "#holesSummary").startsWith("空洞："));
            assertEquals("μ = –（请先画点什么）", text(robot, "#drawMuLabel"));
            assertTrue(text(robot, "#interpolationEnds").contains("A：未设置"), text(robot, "#interpolationEnds"));

            language(I18n.ENGLISH);
            assertEquals(english, fx(() -> lessons.tabPane().getTabs().stream().map(t -> t.getTooltip().getText()).toList()));
            assertEquals("Manifold map", text(robot, "#manifoldToggle"));
            assertTrue(text(robot, "#interpolationEnds").contains("A: not set"));
            assertEquals("\u03bc = \u2013 (draw something)", text(robot, "#drawMuLabel"));
        } finally {
            language(I18n.ENGLISH);
        }
    }

    @Test
    void theFormulaExplainsItselfInChineseWithTheSameNumbers(FxRobot robot) {
        try {
            robot.clickOn("#formulaTab");
            robot.interact(() -> loss.set(new LossPoint(1234, 2.5, 112.5, 100.25, 6.2, 2.0)));
            String values = text(robot, "#formulaValues");
            language(I18n.CHINESE);
            assertEquals("\u2212100.3 奈特", text(robot, "#formulaRecon"));
            assertEquals("2.00", text(robot, "#formulaBeta"), "numbers read the same");
            String zh = text(robot, "#formulaValues");
            assertTrue(zh.startsWith("ELBO  =  \u2212100.3  \u2212  2.00 \u00d7 6.2  =  \u2212112.5 奈特/图像") && zh.contains("第 1,234 步"), zh);
            List<String> shown = texts(robot.lookup("#formulaView").query());
            assertTrue(shown.contains("损失 = \u2212ELBO"), shown.toString());
            assertTrue(shown.stream().anyMatch(s -> s.contains("重参数化技巧")), shown.toString());
            assertTrue(shown.contains("KL( q(z|x) \u2016 N(0, I) )"), "the symbols stay as they are");
            assertEquals("（单击散点图中的一个点，查看它的数值）", text(robot, "#formulaZ"));
            robot.interact(() -> loss.set(null));
            assertEquals("请训练模型：最新训练步的数值将显示在这里。", text(robot, "#formulaValues"));
            robot.interact(() -> loss.set(new LossPoint(1234, 2.5, 112.5, 100.25, 6.2, 2.0)));
            language(I18n.ENGLISH);
            assertEquals(values, text(robot, "#formulaValues"));
            assertEquals("\u2212100.3 nats", text(robot, "#formulaRecon"));
        } finally {
            language(I18n.ENGLISH);
        }
    }

    @Test
    void canvasTextsAreRedrawnInTheNewLanguage(FxRobot robot) {
        try {
            robot.clickOn("#klTab");
            robot.interact(() -> kl.set(new double[] {2.4, 0.03, 0.9}));
            WaitForAsyncUtils.waitForFxEvents();
            KlPerDimensionView view = lessons.klView();
            int[] english = pixels(view.barsRegion());
            language(I18n.CHINESE);
            assertEquals("2 / 3 个维度活跃（KL ≥ 0.1 奈特）；总 KL 3.3 奈特", text(robot, "#klSummary"));
            assertTrue(fx(() -> view.isMarkedInactive(1)));
            int[] chinese = pixels(view.barsRegion());
            assertFalse(java.util.Arrays.equals(english, chinese), "the bars' \"inactive\" is written in Chinese");
            language(I18n.ENGLISH);
            assertArrayEquals(english, pixels(view.barsRegion()), "and back in English");

            // the film strip's message, drawn while there is nothing to show
            robot.clickOn("#interpolationTab");
            ImageGridView strip = lessons.interpolationView().strip();
            int[] en = pixels(strip);
            assertEquals("Set end A: Alt+click (or Ctrl+Shift+click) in the scatter.", fx(() -> strip.emptyText().get()));
            language(I18n.CHINESE);
            assertEquals("设置端点 A：在散点图中 Alt+单击(或 Ctrl+Shift+单击)。", fx(() -> strip.emptyText().get()));
            assertFalse(java.util.Arrays.equals(en, pixels(strip)), "redrawn");
            // the reconstructions' row names, drawn beside the images
            robot.clickOn("#reconstructionsTab");
            FxTesting.await("reconstructions", 10_000, () -> lessons.reconstructionsView().grid().tiles() != null);
            int[] zhRows = pixels(lessons.reconstructionsView().grid());
            language(I18n.ENGLISH);
            assertFalse(java.util.Arrays.equals(zhRows, pixels(lessons.reconstructionsView().grid())), "row names redrawn");
        } finally {
            language(I18n.ENGLISH);
        }
    }
}
