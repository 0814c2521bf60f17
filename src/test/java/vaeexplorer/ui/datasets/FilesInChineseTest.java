package vaeexplorer.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.dialog;
import static vaeexplorer.ui.fixtures.FxTesting.fx;
import static vaeexplorer.ui.fixtures.FxTesting.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.core.data.SkippedFile;
import vaeexplorer.core.data.images.InvertMode;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.imaging.AwtImageDecoder;
import vaeexplorer.ui.app.ErrorReporter;
import vaeexplorer.ui.app.Explorer;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.SmallData;
import vaeexplorer.ui.fixtures.UserData;
import vaeexplorer.ui.i18n.I18n;

/**
 * The data, session and export parts of the window in Chinese: the File and Export menus, notices, progress lines,
 * the import options, the list of skipped files, error dialogs with the engine's errors said in Chinese, and the
 * dialog of unexpected errors; switching back gives English again, also for what is showing.
 */
@ExtendWith(ApplicationExtension.class)
class FilesInChineseTest {
    @TempDir
    Path tmp;
    private Explorer explorer;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("vaeexplorer.home", Files.createDirectories(tmp.resolve("home")).toString());
        this.stage = stage;
        stage.setWidth(1280);
        stage.setHeight(800);
        explorer = Explorer.open(stage, SmallData::smallModel, false);
    }

    @Stop
    void stop() {
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
    }

    @AfterEach
    void english() {
        run(() -> I18n.locale().set(I18n.ENGLISH));
    }

    private static void language(Locale l) {
        run(() -> I18n.locale().set(l));
    }

    private void awaitReady() {
        await("the first model is built", 20_000, () -> explorer.training().state().get() == TrainingRun.State.IDLE);
    }

    private String notice() {
        return fx(() -> explorer.notices().notice());
    }

    private static MenuItem item(FxRobot robot, String id) {
        return fx(() -> {
            for (Menu m : robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus()) {
                MenuItem found = find(m, id);
                if (found != null) return found;
            }
            return null;
        });
    }

    private static MenuItem find(MenuItem m, String id) {
        if (id.equals(m.getId())) return m;
        if (m instanceof Menu menu)
            for (MenuItem i : menu.getItems()) {
                MenuItem found = find(i, id);
                if (found != null) return found;
            }
        return null;
    }

    private static String button(DialogPane pane, ButtonType type) {
        return fx(() -> ((Button) pane.lookupButton(type)).getText());
    }

    @Test
    void menusNoticesAndTheListOfSkippedFilesSpeakChineseAndSwitchBack(FxRobot robot) throws Exception {
        awaitReady();
        try {
            language(I18n.CHINESE);
            assertEquals("打开会话…", fx(() -> item(robot, "openSessionItem").getText()));
            assertEquals("最近的会话", fx(() -> item(robot, "openRecentMenu").getText()));
            assertEquals("每轮结束后自动保存", fx(() -> item(robot, "autosaveItem").getText()));
            assertEquals("导出", fx(() -> item(robot, "exportMenu").getText()));
            assertEquals("PNG，屏幕大小（1×）", fx(() -> item(robot, "exportScatter1").getText()));
            assertEquals("损失历史（CSV）…", fx(() -> item(robot, "exportLossCsv").getText()));

            // saving: the notice says it in Chinese, and in English after the switch
            Path file = tmp.resolve("s.vaesession");
            fx(() -> explorer.sessions().save(file)).get(10, TimeUnit.SECONDS);
            assertTrue(notice().startsWith("已将第 0 步（第 1 轮，共 "), notice());
            assertTrue(notice().endsWith("保存到 " + file + "。"), notice());
            language(I18n.ENGLISH);
            assertTrue(notice().startsWith("Saved step 0 (epoch 1 of "), notice());
            assertEquals("Open session…", fx(() -> item(robot, "openSessionItem").getText()));

            // a folder with junk files
            language(I18n.CHINESE);
            Path dir = UserData.labelledFolderWithJunk(tmp.resolve("shapes"), 20);
            run(() -> explorer.imports().openImageFolder(dir, new ImportOptions(24, InvertMode.AUTO, 0.1)));
            await("loaded", 20_000, () -> !explorer.imports().isLoading() && !explorer.notices().notice().isEmpty());
            assertEquals("shapes：36 张训练图像 + 4 张测试图像，24×24，2 个类别。跳过了 43 个文件中的 3 个。将在重置时生效。", notice());
            assertEquals("显示列表", fx(() -> robot.lookup("#noticeActionButton").queryAs(Button.class).getText()));
            robot.clickOn("#noticeActionButton");
            await("the list of skipped files", 5_000, () -> dialog("skippedFilesDialog") != null);
            DialogPane list = dialog("skippedFilesDialog");
            @SuppressWarnings("unchecked")
            TableView<SkippedFile> table = (TableView<SkippedFile>) fx(() -> list.lookup("#skippedFilesTable"));
            assertEquals(List.of("文件", "跳过原因"), columns(table));
            assertTrue(reasons(table).contains("不是图像文件"), reasons(table).toString());
            assertTrue(fx(() -> ((Label) list.lookup("#skippedFilesIntro")).getText()).endsWith("中有 3 个文件未能成为训练图像："));
            assertEquals("跳过的文件", fx(() -> ((Stage) list.getScene().getWindow()).getTitle()));
            assertEquals("关闭", button(list, ButtonType.CLOSE));

            language(I18n.ENGLISH);
            assertEquals(List.of("File", "Why it was skipped"), columns(table));
            assertTrue(reasons(table).contains("not an image file"), reasons(table).toString());
            assertEquals("Skipped files", fx(() -> ((Stage) list.getScene().getWindow()).getTitle()));
            assertTrue(notice().contains("Skipped 3 of 43 files"), notice());
            FxTesting.close(list);
        } finally {
            language(I18n.ENGLISH);
        }
    }

    private static List<String> columns(TableView<?> table) {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            for (TableColumn<?, ?> c : table.getColumns()) out.add(c.getText());
            return out;
        });
    }

    private static List<String> reasons(TableView<SkippedFile> table) {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            TableColumn<SkippedFile, ?> c = table.getColumns().get(1);
            for (int i = 0; i < table.getItems().size(); i++) out.add(String.valueOf(c.getCellData(i)));
            return out;
        });
    }

    @Test
    void errorDialogsSayTheEnginesErrorsInChinese(FxRobot robot) throws Exception {
        awaitReady();
        try {
            language(I18n.CHINESE);
            // a truncated session file
            Path good = tmp.resolve("good.vaesession");
            fx(() -> explorer.sessions().save(good)).get(10, TimeUnit.SECONDS);
            byte[] bytes = Files.readAllBytes(good);
            Path cut = Files.write(tmp.resolve("cut.vaesession"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
            assertFalse(fx(() -> explorer.sessions().open(cut)).get(10, TimeUnit.SECONDS));
            DialogPane d = dialog("sessionErrorDialog");
            assertNotNull(d);
            assertEquals("无法打开会话", fx(d::getHeaderText));
            String text = fx(d::getContentText);
            assertTrue(text.startsWith("文件已损坏或不完整\n" + cut + "：文件已损坏或被截断（校验和不匹配）\n校验和与内容不符"), text);
            assertTrue(text.endsWith("\n\n应用中的内容均未改变。"), text);
            assertEquals("确定", button(d, ButtonType.OK));
            FxTesting.close(d);
            await("closed", 2_000, () -> dialog("sessionErrorDialog") == null);

            // an image folder without images
            Path empty = Files.createDirectories(tmp.resolve("empty"));
            Files.writeString(empty.resolve("notes.txt"), "no pictures here");
            run(() -> explorer.imports().openImageFolder(empty, ImportOptions.DEFAULTS));
            await("error dialog", 10_000, () -> dialog("dataErrorDialog") != null);
            d = dialog("dataErrorDialog");
            assertEquals("无法打开图像文件夹", fx(d::getHeaderText));
            text = fx(d::getContentText);
            assertTrue(text.startsWith("没有可加载的内容\n" + empty + "：文件夹中没有图像文件（PNG、JPEG、BMP 或 GIF），只有 1 个其他文件，例如 "), text);
            assertTrue(text.endsWith("\n\n当前使用的数据集没有改变。"), text);
            FxTesting.close(d);

            // a CSV file with a bad cell
            Path csv = Files.writeString(tmp.resolve("bad.csv"), "label,a,b,c,d\n1,0,0,0,0\n2,0,x,0,0\n");
            run(() -> explorer.imports().openCsvFile(csv, ImportOptions.DEFAULTS));
            await("error dialog", 10_000, () -> dialog("dataErrorDialog") != null);
            d = dialog("dataErrorDialog");
            assertEquals("无法打开 CSV 文件", fx(d::getHeaderText));
            assertTrue(fx(d::getContentText).startsWith("CSV 文件中有一行无效\n" + csv + "：第 3 行第 3 列：“x”不是数字"), fx(d::getContentText));
            FxTesting.close(d);

            // an IDX folder that misses files
            Path idx = Files.createDirectories(tmp.resolve("idx"));
            Files.write(idx.resolve("train-images-idx3-ubyte"), new byte[16]);
            run(() -> explorer.openFolder(idx));
            await("error dialog", 10_000, () -> dialog("folderErrorDialog") != null);
            d = dialog("folderErrorDialog");
            assertEquals("无法打开 IDX 文件夹", fx(d::getHeaderText));
            assertTrue(fx(d::getContentText).startsWith("IDX 数据集不完整\n" + idx + "：不是完整的 IDX 数据集：缺少 train-labels"),
                    fx(d::getContentText));
            FxTesting.close(d);
        } finally {
            language(I18n.ENGLISH);
        }
    }

    @Test
    void theImportOptionsAndTheProgressLineFollowTheLanguage(FxRobot robot) throws Exception {
        awaitReady();
        try {
            language(I18n.CHINESE);
            ImportOptionsDialog options = fx(() -> new ImportOptionsDialog(stage, "", tmp.resolve("pics"), false,
                    ImportOptions.DEFAULTS));
            assertEquals("打开图像文件夹", fx(options::getTitle));
            assertEquals("加载 pics 里的图像", fx(options::getHeaderText));
            assertEquals("加载", button(options.getDialogPane(), ButtonType.OK));
            assertEquals("取消", button(options.getDialogPane(), ButtonType.CANCEL));
            List<String> labels = fx(() -> options.getDialogPane().lookupAll(".label").stream()
                    .map(n -> ((Label) n).getText()).toList());
            assertTrue(labels.containsAll(List.of("图像大小（像素）", "反转（白 ↔ 黑）", "留作测试（%）")), labels.toString());
            assertEquals("自动：背景较亮时反转", fx(() -> options.getDialogPane().lookup("#importInvert")
                    .queryAccessibleAttribute(javafx.scene.AccessibleAttribute.TEXT)));

            // a load that waits: the progress line and the loading label, in both languages
            Path dir = UserData.pictures(tmp.resolve("slow"), 30, false, 6);
            CountDownLatch go = new CountDownLatch(1);
            AwtImageDecoder awt = new AwtImageDecoder();
            explorer.library().setDecoder(f -> {
                try {
                    go.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return awt.decode(f);
            });
            run(() -> explorer.imports().openImageFolder(dir, ImportOptions.DEFAULTS));
            await("the progress line", 5_000, () -> explorer.notices().isShowingProgress());
            DatasetChoice choice = DatasetChoice.images(dir, ImportOptions.DEFAULTS);
            String label = fx(choice::displayName);
            assertTrue(label.startsWith("图像"), label);
            assertEquals("正在加载 " + label + "…", fx(() -> explorer.library().loading().get()));
            assertEquals("正在加载 " + label + "…", fx(() -> robot.lookup("#noticeProgressText").queryAs(Label.class).getText()));
            language(I18n.ENGLISH);
            label = fx(choice::displayName);
            assertEquals("Loading " + label + "…", fx(() -> explorer.library().loading().get()));
            assertEquals("Loading " + label + "…", fx(() -> robot.lookup("#noticeProgressText").queryAs(Label.class).getText()));
            go.countDown();
            await("loaded", 20_000, () -> !explorer.imports().isLoading());
            assertEquals("", fx(() -> explorer.library().loading().get()));
        } finally {
            language(I18n.ENGLISH);
        }
    }

    @Test
    void theDialogOfUnexpectedErrorsSpeaksChineseWhileTheLogStaysEnglish(FxRobot robot) throws Exception {
        Path log = tmp.resolve("vae-explorer.log");
        ErrorReporter reporter = new ErrorReporter(log);
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.UncaughtExceptionHandler fxBefore = fx(() -> Thread.currentThread().getUncaughtExceptionHandler());
        robot.interact(() -> {
            reporter.install();
            reporter.setDialogOwner(stage);
        });
        try {
            language(I18n.CHINESE);
            Platform.runLater(() -> {
                throw new IllegalStateException("boom");
            });
            await("a dialog", 5_000, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
            DialogPane pane = robot.lookup("#errorDialog").queryAs(DialogPane.class);
            assertEquals("出错了", fx(pane::getHeaderText));
            assertEquals("JavaFX Application Thread 中出错：boom (IllegalStateException)\n\n应用仍在运行，你的工作没有丢失。",
                    fx(() -> ((Label) pane.getContent()).getText()));
            assertEquals("确定", button(pane, ButtonType.OK));
            assertEquals("显示详细信息", fx(() -> ((Hyperlink) pane.lookup(".details-button")).getText()));
            run(() -> pane.setExpanded(true));
            assertEquals("隐藏详细信息", fx(() -> ((Hyperlink) pane.lookup(".details-button")).getText()));
            String logged = Files.readString(log);
            assertTrue(logged.contains("Something went wrong in JavaFX Application Thread: boom"), logged);
            run(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
            await("the dialog closes", 5_000, () -> robot.lookup("#errorDialog").tryQuery().isEmpty());
        } finally {
            language(I18n.ENGLISH);
            Thread.setDefaultUncaughtExceptionHandler(before);
            robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(fxBefore));
        }
    }
}
