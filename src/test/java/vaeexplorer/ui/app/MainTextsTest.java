package vaeexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.train.RunProblem;

import vaeexplorer.ui.datasets.DatasetChoice;
import vaeexplorer.ui.datasets.ImportOptions;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.i18n.ClassNames;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.training.RunStatusText;
import vaeexplorer.ui.training.SettingsModel;

/**
 * The main window's model texts in both languages, worded again when the language changes: settings messages, the
 * note of what waits for Reset, engine problems worded from their data, data set and class names.
 */
class MainTextsTest {
    @org.junit.jupiter.api.BeforeAll
    static void toolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage(); // the UI's language is switched on the FX thread
    }

    @AfterEach
    void english() {
        I18n.useOnThisThread(null);
        uiLanguage(I18n.ENGLISH);
    }

    private static void uiLanguage(java.util.Locale l) {
        FxTesting.run(() -> I18n.locale().set(l));
    }

    @Test
    void settingsMessagesFollowTheLanguage() {
        SettingsModel s = new SettingsModel();
        s.latent().set("0");
        assertEquals("Latent size must be 1..64, got 0.", s.firstError().get());
        uiLanguage(I18n.CHINESE); // the messages are bindings: they follow the UI's language
        assertEquals("潜空间维度必须在 1 到 64 之间,输入的是 0。", s.latentError().get());
        assertEquals(s.latentError().get(), s.firstError().get(), "the side bar's message follows too");
        s.latent().set("two");
        assertEquals("潜空间维度必须是整数,输入的是“two”。", s.latentError().get());
        s.latent().set("2");
        s.hidden().set("512,256,128,64,32");
        assertEquals("请给出 1 到 4 个隐藏层大小,输入了 5 个。", s.hiddenError().get());
        s.hidden().set("5000");
        assertEquals("隐藏层大小必须在 1 到 4096 之间,输入的是 5000。", s.hiddenError().get());
        s.hidden().set("256");
        s.beta().set("-1");
        assertEquals("β 必须是 0 到 1000 之间的数,输入的是 -1。", s.betaError().get());
        s.beta().set("1");
        s.learningRate().set("0");
        assertTrue(s.learningRateError().get().startsWith("学习率必须是大于 0"), s.learningRateError().get());
        s.learningRate().set("0.001");
        s.klWarmup().set("x");
        assertEquals("KL 预热必须是数字(例如 0.5 或 1e-3),输入的是“x”。", s.klWarmupError().get());
        s.klWarmup().set("20000");
        assertEquals("KL 预热必须是 0(关闭)到 10000 轮,输入的是 20000。", s.klWarmupError().get());
        uiLanguage(I18n.ENGLISH);
        assertEquals("KL warm-up must be 0 (off) to 10000 epochs, got 20000.", s.firstError().get());
    }

    @Test
    void theUisChecksAgreeWithTheCores() {
        SettingsModel s = new SettingsModel();
        for (String v : new String[] {"1", "64", "65", "0", "-3"}) {
            s.latent().set(v);
            assertEquals(!s.latentError().get().isEmpty(), s.latentError().get().startsWith("Latent size must"), v);
            assertTrue(!s.latentError().get().startsWith("Not accepted"), v);
        }
        for (String v : new String[] {"1", "4096", "4097", "0", "1,2,3,4", "1,2,3,4,5", "", " 8 , 9 "}) {
            s.hidden().set(v);
            assertTrue(!s.hiddenError().get().startsWith("Not accepted"), v + ": " + s.hiddenError().get());
        }
        for (String v : new String[] {"0", "1000", "1000.5", "NaN", "Infinity", "-0"}) {
            s.beta().set(v);
            assertTrue(!s.betaError().get().startsWith("Not accepted"), v + ": " + s.betaError().get());
            s.learningRate().set(v);
            assertTrue(!s.learningRateError().get().startsWith("Not accepted"), v + ": " + s.learningRateError().get());
        }
        for (String v : new String[] {"1", "8192", "8193", "100000", "100001", "0"}) {
            s.batchSize().set(v);
            s.epochs().set(v);
            assertTrue(!s.batchSizeError().get().startsWith("Not accepted"), v);
            assertTrue(!s.epochsError().get().startsWith("Not accepted"), v);
        }
    }

    @Test
    void thePendingNoteListsTheSettingsInTheLanguage() {
        SettingsModel s = new SettingsModel();
        s.applied().set(s.parsed().get());
        s.latent().set("4");
        s.seed().set("9");
        assertEquals("Applies on Reset: latent size, seed.", s.pendingNote().get());
        uiLanguage(I18n.CHINESE); // the note is a binding: it follows the UI's language
        assertEquals("按“重置”后生效:潜空间维度、随机种子。", s.pendingNote().get());
    }

    @Test
    void divergenceAndFailureAreWordedFromTheirData() {
        RunProblem loss = RunProblem.diverged(RunProblem.Kind.LOSS_NOT_FINITE, 1234, Double.NaN, 1200, 100);
        assertEquals("Training diverged at step 1,234: the loss became NaN. The model was rolled back to step 1,200."
                + " Try a lower learning rate (now 100).", RunStatusText.describe(loss));
        RunProblem weight = RunProblem.diverged(RunProblem.Kind.WEIGHT_NOT_FINITE, 7, Double.NaN, 0, 0.5);
        RunProblem failed = RunProblem.internalError(12, 1e-3, new IllegalStateException("broken backend"));
        assertEquals("Training stopped because of an internal error: java.lang.IllegalStateException: broken backend",
                RunStatusText.describe(failed));
        assertEquals(failed.message(), RunStatusText.describe(failed), "the engine's English and the UI's agree");
        I18n.useOnThisThread(I18n.CHINESE);
        assertEquals("训练在第 1,234 步发散:损失变成了 NaN。模型已回退到第 1,200 步。请尝试更低的学习率(当前为 100)。",
                RunStatusText.describe(loss));
        assertEquals("训练在第 7 步发散:某个权重变成了无穷大或 NaN。模型已回退到第 0 步。请尝试更低的学习率(当前为 0.5)。",
                RunStatusText.describe(weight));
        assertEquals("训练因内部错误而停止:java.lang.IllegalStateException: broken backend", RunStatusText.describe(failed));
    }

    @Test
    void dataSetAndClassNamesFollowTheLanguage() {
        DatasetChoice images = DatasetChoice.images(Path.of("/data/My Photos"), ImportOptions.DEFAULTS);
        DatasetChoice handNamed = new DatasetChoice("MNIST (first 1,000)", null, Path.of("test-mnist-1000"));
        List<String> fashion = BuiltInDatasets.classNames(BuiltInDatasets.FASHION_MNIST);
        List<String> digits = BuiltInDatasets.classNames(BuiltInDatasets.MNIST);
        assertEquals("MNIST digits", DatasetChoice.MNIST.toString());
        assertEquals("Images: My Photos (28×28)", images.displayName());
        assertEquals("T-shirt/top", ClassNames.of(fashion, 0));
        I18n.useOnThisThread(I18n.CHINESE);
        assertEquals("MNIST 手写数字", DatasetChoice.MNIST.toString());
        assertEquals("Fashion-MNIST 服饰", DatasetChoice.FASHION.displayName());
        assertEquals("图像:My Photos(28×28)", images.displayName());
        assertEquals("文件夹:digits", DatasetChoice.folder(Path.of("/data/digits")).displayName());
        assertEquals("CSV 文件:faces.csv", DatasetChoice.csv(Path.of("/data/faces.csv"), ImportOptions.DEFAULTS).displayName());
        assertEquals("MNIST (first 1,000)", handNamed.displayName(), "a label given by hand stays");
        assertEquals("Images: My Photos (28×28)", images.label(), "the label (session files, identity) stays English");
        assertEquals(List.of("T恤/上衣", "裤子", "套头衫", "连衣裙", "外套", "凉鞋", "衬衫", "运动鞋", "包", "短靴"),
                java.util.stream.IntStream.range(0, 10).mapToObj(i -> ClassNames.of(fashion, i)).toList());
        assertEquals("7", ClassNames.of(digits, 7));
        assertEquals("", ClassNames.of(digits, 10));
    }
}
