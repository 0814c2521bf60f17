package vaeexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.core.train.TrainingRun.State;

import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.i18n.ClassNames;
import vaeexplorer.ui.fixtures.SmallData;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.training.TrainingModel;

/** The main window switches between English and Chinese while it runs, paused runs and error messages included. */
@ExtendWith(ApplicationExtension.class)
class MainWindowLanguageTest {
    private Explorer explorer;

    @Start
    void start(Stage stage) {
        stage.setWidth(1280);
        stage.setHeight(800);
        explorer = Explorer.open(stage, SmallData::smallModel, false);
    }

    @Stop
    void stop() {
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
        I18n.locale().set(I18n.ENGLISH);
    }

    private static void language(java.util.Locale l) {
        fx(() -> {
            I18n.locale().set(l);
            return null;
        });
    }

    private TrainingModel training() {
        return explorer.training();
    }

    private void awaitReady() {
        await("a model is built", 10_000, () -> training().state().get() == State.IDLE);
    }

    private static String text(FxRobot robot, String query) {
        return fx(() -> {
            Node n = robot.lookup(query).query();
            return n instanceof Button b ? b.getText() : ((Label) n).getText();
        });
    }

    /** What a combo box shows for its value. */
    private static String shown(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(ComboBox.class).getButtonCell().getText());
    }

    private String chartWords() {
        return fx(() -> {
            var chart = explorer.view().chart().chart();
            CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
            StringBuilder b = new StringBuilder(plot.getDomainAxis().getLabel());
            for (Object o : plot.getSubplots()) {
                XYPlot p = (XYPlot) o;
                b.append('|').append(p.getRangeAxis().getLabel());
                for (int i = 0; i < p.getDataset().getSeriesCount(); i++) b.append('|').append(p.getDataset().getSeriesKey(i));
            }
            return b.toString();
        });
    }

    @Test
    void theWindowSpeaksChineseAndSwitchesBackWhilePaused(FxRobot robot) {
        awaitReady();
        language(I18n.CHINESE);
        assertEquals("训练", text(robot, "#trainButton"));
        assertEquals("就绪", text(robot, "#stateLabel"));
        assertEquals("模型尚未训练:按“训练”开始,或按“单步”只训练一个批次。", text(robot, "#statusLabel"));
        assertEquals("伯努利", shown(robot, "#likelihoodChoice"));
        assertEquals("训练步数(批次)|损失(奈特)|训练损失|重构损失|测试损失(每轮)|500 张测试图像的 −log p(x)(IWAE)|同一批图像的 −ELBO|KL"
                + "|KL(下方面板)|其上的差距 −ELBO − (−log p(x))(下方)", chartWords());

        robot.clickOn("#stepButton");
        await("one step", 10_000, () -> training().step().get() >= 1);
        await("its report", 10_000, () -> text(robot, "#statusLabel").startsWith("第 1 轮"));
        assertEquals("已暂停", text(robot, "#stateLabel"));
        assertTrue(text(robot, "#statusLabel").startsWith("第 1 轮,共 1000 轮  ·  第 1 步  ·  "), text(robot, "#statusLabel"));
        assertTrue(text(robot, "#statusLabel").contains("  ·  已用 0:"), text(robot, "#statusLabel"));
        assertFalse(text(robot, "#statusLabel").contains("张/秒"), "paused: no frozen rate");
        assertTrue(text(robot, "#statusLabel").contains("  ·  损失 "), text(robot, "#statusLabel"));

        language(I18n.ENGLISH);
        assertEquals(State.PAUSED, fx(() -> training().state().get()));
        assertEquals("Paused", text(robot, "#stateLabel"));
        assertTrue(text(robot, "#statusLabel").startsWith("Epoch 1 of 1000  ·  step 1  ·  "), text(robot, "#statusLabel"));
        assertEquals("Train", text(robot, "#trainButton"));
        assertEquals("Bernoulli", shown(robot, "#likelihoodChoice"));
        assertEquals("training step (batches)|loss (nats)|training loss|reconstruction|test loss (each epoch)"
                + "|−log p(x) of 500 test images (IWAE)|−ELBO of the same images|KL|KL (lower panel)"
                + "|gap −ELBO − (−log p(x)) on them (lower)", chartWords());
    }

    @Test
    void theChineseShortcutsDialogOpensLargeEnoughToRead(FxRobot robot) {
        awaitReady();
        language(I18n.CHINESE);
        robot.clickOn("#latentPlot");
        robot.type(javafx.scene.input.KeyCode.F1);
        await("the help", 5_000, () -> robot.lookup("#shortcutsDialog").tryQuery().isPresent());
        double[] size = fx(() -> {
            javafx.stage.Window w = robot.lookup("#shortcutsDialog").query().getScene().getWindow();
            Node keys = robot.lookup("#shortcutsDialog .shortcut-keys").query();
            return new double[] {w.getWidth(), w.getHeight(), explorer.stage().getWidth(), explorer.stage().getHeight(),
                    keys.getBoundsInLocal().getHeight()};
        });
        assertTrue(size[0] >= 0.45 * size[2], "width " + size[0] + " of a window " + size[2] + " wide");
        assertTrue(size[1] >= 0.6 * size[3], "height " + size[1] + " of a window " + size[3] + " high");
        assertTrue(size[4] >= 12, "the keys are drawn at a readable size: " + size[4]);
        fx(() -> {
            ((javafx.stage.Stage) robot.lookup("#shortcutsDialog").query().getScene().getWindow()).close();
            return null;
        });
    }

    @Test
    void divergenceAndBuildErrorsAreWordedInTheLanguageAndReworded(FxRobot robot) {
        awaitReady();
        language(I18n.CHINESE);
        fx(() -> {
            explorer.settings().batchSize().set("5000");
            training().reset();
            return null;
        });
        await("build error", 5_000, () -> !training().buildError().get().isEmpty());
        assertEquals("批大小 5000 超过了该数据集的训练图像数(1000 张)。", text(robot, "#settingsError"));
        language(I18n.ENGLISH);
        assertEquals("Batch size 5000 is larger than the 1000 training images of this data set.", text(robot, "#settingsError"));

        fx(() -> {
            explorer.settings().batchSize().set("50");
            explorer.settings().learningRate().set("100");
            training().reset();
            return null;
        });
        awaitReady();
        language(I18n.CHINESE);
        fx(() -> {
            training().train();
            return null;
        });
        await("diverged", 15_000, () -> training().state().get() == State.DIVERGED);
        assertEquals("已发散", text(robot, "#stateLabel"));
        assertTrue(text(robot, "#messageLabel").startsWith("训练在第 "), text(robot, "#messageLabel"));
        assertTrue(text(robot, "#messageLabel").endsWith("请尝试更低的学习率(当前为 100)。"), text(robot, "#messageLabel"));
        language(I18n.ENGLISH);
        assertTrue(text(robot, "#messageLabel").startsWith("Training diverged at step "), text(robot, "#messageLabel"));
        assertEquals("Diverged", text(robot, "#stateLabel"));
    }

    @Test
    void fashionClassesAreNamedInTheLanguageInTheLegendAndTheSelection(FxRobot robot) {
        awaitReady();
        fx(() -> {
            explorer.settings().dataset().set(SmallData.FASHION_1000);
            training().reset();
            return null;
        });
        await("Fashion model", 10_000, () -> training().state().get() == State.IDLE && training().shown().get() != null
                && training().shown().get().classNames().size() == 10 && !training().shown().get().classNames().get(0).equals("0"));
        fx(() -> {
            training().stepOnce();
            return null;
        });
        await("codes", 10_000, () -> explorer.latent().codes().get() != null);
        language(I18n.CHINESE);
        List<String> legend = fx(() -> robot.lookup("#legend").queryAs(vaeexplorer.ui.latent.LegendView.class).texts());
        assertEquals(List.of("类别", "T恤/上衣", "裤子", "套头衫", "连衣裙", "外套", "凉鞋", "衬衫", "运动鞋", "包", "短靴"), legend);
        fx(() -> {
            explorer.latent().select(0);
            return null;
        });
        String label = fx(() -> ClassNames.of(training().shown().get().classNames(), explorer.latent().selectedLabel()));
        assertEquals("测试图像 #0,类别:" + label, text(robot, "#selectionLabel"));
        language(I18n.ENGLISH);
        assertEquals("Classes", fx(() -> robot.lookup("#legend").queryAs(vaeexplorer.ui.latent.LegendView.class).texts().get(0)));
        assertTrue(text(robot, "#selectionLabel").startsWith("Test image #0, class "), text(robot, "#selectionLabel"));
    }
}
