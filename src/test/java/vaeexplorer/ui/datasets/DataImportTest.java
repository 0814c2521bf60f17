package vaeexplorer.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.dialog;
import static vaeexplorer.ui.fixtures.FxTesting.fx;
import static vaeexplorer.ui.fixtures.FxTesting.run;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.SkippedFile;
import vaeexplorer.core.data.images.InvertMode;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.imaging.AwtImageDecoder;
import vaeexplorer.ui.app.Explorer;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.UserData;
import vaeexplorer.ui.training.TrainingModel;

/** The user's own data in the app: image folders and CSV files, loaded off the FX thread, with skipped files listed. */
@ExtendWith(ApplicationExtension.class)
class DataImportTest {
    @TempDir
    Path tmp;
    private Explorer explorer;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("vaeexplorer.home", Files.createDirectories(tmp.resolve("home")).toString());
        stage.setWidth(1280);
        stage.setHeight(800);
        explorer = Explorer.open(stage, s -> {
            s.hidden().set("32");
            s.batchSize().set("32");
            s.epochs().set("100");
        }, false);
    }

    @Stop
    void stop() {
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
    }

    private TrainingModel training() {
        return explorer.training();
    }

    private void awaitReady() {
        await("the first model is built", 10_000, () -> training().state().get() == TrainingRun.State.IDLE);
    }

    private String notice() {
        return fx(() -> explorer.notices().notice());
    }

    @Test
    void anImageFolderWithJunkFilesReportsTheSkippedCountListsThemAndTrains(FxRobot robot) throws Exception {
        Path dir = UserData.labelledFolderWithJunk(tmp.resolve("shapes"), 100);
        awaitReady();
        run(() -> explorer.imports().openImageFolder(dir, new ImportOptions(24, InvertMode.AUTO, 0.1)));
        await("loaded", 20_000, () -> !explorer.imports().isLoading() && !explorer.notices().notice().isEmpty());
        assertTrue(notice().contains("Skipped 3 of 203 files"), notice());
        assertTrue(notice().contains("180 training + 20 test images, 24×24, 2 classes"), notice());
        DatasetChoice chosen = fx(() -> explorer.settings().dataset().get());
        assertEquals(DatasetChoice.Kind.IMAGES, chosen.kind());
        assertTrue(fx(() -> robot.lookup("#pendingNote").queryAs(Label.class).getText()).contains("data set"));

        robot.clickOn("#noticeActionButton"); // Show list
        await("the list of skipped files", 5_000, () -> dialog("skippedFilesDialog") != null);
        DialogPane list = dialog("skippedFilesDialog");
        @SuppressWarnings("unchecked")
        TableView<SkippedFile> table = (TableView<SkippedFile>) fx(() -> list.lookup("#skippedFilesTable"));
        assertEquals(3, fx(() -> table.getItems().size()));
        for (SkippedFile f : fx(() -> java.util.List.copyOf(table.getItems()))) {
            assertTrue(f.path().startsWith(dir.toString()), f.path());
            assertTrue(!f.reason().isBlank(), f.toString());
        }
        assertTrue(fx(() -> table.getItems().stream().anyMatch(f -> f.path().endsWith("readme.txt")
                && f.reason().equals("not an image file"))));
        FxTesting.close(list);

        robot.clickOn("#trainButton");
        await("training on the folder", 20_000, () -> training().data().get() != null
                && training().data().get().name().equals(dir.toAbsolutePath().normalize().toString())
                && training().step().get() > 20);
        DataSplit data = fx(() -> training().data().get());
        assertEquals(24 * 24, data.train().imageSize());
        assertEquals(java.util.List.of("circles", "squares"), data.train().classNames());
        await("the scatter shows the held-out images", 10_000, () -> explorer.latent().codes().get() != null
                && explorer.latent().codes().get().size() == 20);
    }

    @Test
    void anUnlabelledFolderPlotsInOneColour(FxRobot robot) throws Exception {
        Path dir = UserData.pictures(tmp.resolve("flat"), 120, true, 5);
        awaitReady();
        run(() -> explorer.imports().openImageFolder(dir, ImportOptions.DEFAULTS));
        await("loaded", 20_000, () -> !explorer.imports().isLoading() && !explorer.notices().notice().isEmpty());
        assertTrue(notice().contains("unlabelled"), notice());
        robot.clickOn("#resetButton");
        await("a model of the folder", 20_000, () -> training().state().get() == TrainingRun.State.IDLE
                && training().data().get().name().equals(dir.toAbsolutePath().normalize().toString()));
        robot.clickOn("#stepButton");
        await("encoded", 10_000, () -> explorer.latent().codes().get() != null);
        var codes = fx(() -> explorer.latent().codes().get());
        for (int i = 0; i < codes.size(); i++) assertEquals(-1, codes.label(i), "no class: the one grey colour");
        assertTrue(fx(() -> robot.lookup("#legend").lookup(".label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("(unlabelled)"))));
    }

    @Test
    void cancellingALoadKeepsThePreviousDataSet(FxRobot robot) throws Exception {
        Path dir = UserData.pictures(tmp.resolve("slow"), 200, false, 6);
        awaitReady();
        DataSplit before = fx(() -> training().data().get());
        TrainingRun run = fx(() -> training().currentRun());
        AwtImageDecoder awt = new AwtImageDecoder();
        // the load holds after its first ten pictures until the user has cancelled: a load under way, however fast the machine
        java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger decoded = new java.util.concurrent.atomic.AtomicInteger();
        explorer.library().setDecoder(f -> {
            if (decoded.incrementAndGet() > 10) {
                try {
                    cancelled.await(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return awt.decode(f);
        });
        run(() -> explorer.imports().openImageFolder(dir, ImportOptions.DEFAULTS));
        await("the progress bar", 5_000, () -> explorer.notices().isShowingProgress());
        await("some progress", 5_000, () -> explorer.library().progress().get() > 0);
        robot.clickOn("#noticeCancelButton");
        cancelled.countDown();
        await("cancelled", 5_000, () -> !explorer.imports().isLoading() && !explorer.notices().isShowingProgress());
        assertTrue(notice().contains("cancelled"), notice());
        assertEquals(DatasetChoice.MNIST, fx(() -> explorer.settings().dataset().get()));
        assertEquals(2, fx(() -> explorer.settings().datasets().size()));
        assertSame(before, fx(() -> training().data().get()));
        assertSame(run, fx(() -> training().currentRun()));
        assertTrue(fx(() -> robot.lookup("#pendingNote").queryAs(Label.class).getText()).isEmpty());
    }

    @Test
    void anEmptyFolderShowsAClearErrorAndKeepsTheDataSet(FxRobot robot) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "no pictures here");
        awaitReady();
        TrainingRun run = fx(() -> training().currentRun());
        run(() -> explorer.imports().openImageFolder(empty, ImportOptions.DEFAULTS));
        await("error dialog", 10_000, () -> dialog("dataErrorDialog") != null);
        DialogPane d = dialog("dataErrorDialog");
        String text = fx(d::getContentText);
        assertTrue(text.contains("no image files") && text.contains("notes.txt"), text);
        assertTrue(text.contains("has not changed"), text);
        assertEquals("Could not open the image folder", fx(d::getHeaderText));
        FxTesting.close(d);
        assertEquals(DatasetChoice.MNIST, fx(() -> explorer.settings().dataset().get()));
        assertEquals(2, fx(() -> explorer.settings().datasets().size()));
        assertSame(run, fx(() -> training().currentRun()));
    }

    @Test
    void aCsvFileLoadsAndTrains(FxRobot robot) throws Exception {
        Path csv = UserData.csv(tmp.resolve("blobs.csv"), 150, 20);
        awaitReady();
        run(() -> explorer.imports().openCsvFile(csv, new ImportOptions(28, InvertMode.NEVER, 0.2)));
        await("loaded", 20_000, () -> !explorer.imports().isLoading() && !explorer.notices().notice().isEmpty());
        assertTrue(notice().startsWith("blobs.csv: 120 training + 30 test images, 20×20, 2 classes."), notice());
        assertEquals(DatasetChoice.Kind.CSV, fx(() -> explorer.settings().dataset().get().kind()));
        assertNotNull(fx(() -> explorer.settings().parsed().get()));
        robot.clickOn("#trainButton");
        await("training on the CSV images", 20_000, () -> training().data().get().name().equals(
                csv.toAbsolutePath().normalize().toString()) && training().step().get() > 10);
    }
}
