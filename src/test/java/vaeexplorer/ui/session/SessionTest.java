package vaeexplorer.ui.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.dialog;
import static vaeexplorer.ui.fixtures.FxTesting.fx;
import static vaeexplorer.ui.fixtures.FxTesting.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.core.io.AtomicFiles;
import vaeexplorer.core.io.SessionFile;
import vaeexplorer.core.nn.Param;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TrainingRun;

import vaeexplorer.ui.app.Explorer;
import vaeexplorer.ui.datasets.DatasetChoice;
import vaeexplorer.ui.datasets.ImportOptions;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.TrainerSync;
import vaeexplorer.ui.fixtures.UserData;
import vaeexplorer.ui.latent.PlotTransform;
import vaeexplorer.ui.training.SettingsModel;

/** Sessions: save mid-training, open in a fresh explorer, go on exactly; bad files change nothing. */
@ExtendWith(ApplicationExtension.class)
class SessionTest {
    @TempDir
    Path tmp;
    private Explorer a;
    private Explorer b;
    private Stage stageA;

    private static void preset(SettingsModel s) {
        s.hidden().set("32");
        s.latent().set("3");
        s.epochs().set("100");
    }

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("vaeexplorer.home", Files.createDirectories(tmp.resolve("home")).toString());
        stageA = stage;
        stage.setWidth(1280);
        stage.setHeight(800);
        a = Explorer.open(stage, SessionTest::preset, false);
    }

    @Stop
    void stop() {
        a.shutdown();
        FxTesting.closeWindows(a.stage());
    }

    @AfterEach
    void closeB() {
        if (b == null) return;
        FxTesting.closeWindow(b.stage());
    }

    private Explorer fresh() {
        b = fx(() -> {
            Stage s = new Stage();
            s.setWidth(1280);
            s.setHeight(800);
            return Explorer.open(s, SessionTest::preset, false);
        });
        awaitReady(b);
        return b;
    }

    private static void awaitReady(Explorer x) {
        await("the first model is built", 10_000, () -> x.training().state().get() == TrainingRun.State.IDLE);
    }

    private static long step(Explorer x) {
        return fx(() -> x.training().step().get());
    }

    private static void trainUntil(Explorer x, long steps) {
        awaitReady(x);
        run(() -> x.training().train());
        await("training reaches step " + steps, 20_000, () -> x.training().step().get() >= steps);
    }

    private static void pauseAndSettle(Explorer x) {
        TrainerSync.pauseAndSettle(x.training());
    }

    /** The trainer's weights, read on the trainer thread. */
    private static List<float[]> weights(Explorer x) throws Exception {
        TrainingRun r = fx(() -> x.training().currentRun());
        return r.onTrainerThread(t -> {
            List<float[]> w = new ArrayList<>();
            for (Param p : t.vae().params()) w.add(p.value.data.clone());
            return w;
        }).get(5, TimeUnit.SECONDS);
    }

    private static void assertSameWeights(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int k = 0; k < expected.size(); k++) assertArrayEquals(expected.get(k), actual.get(k), "parameter " + k);
    }

    private static List<LossPoint> points(Explorer x) {
        return fx(() -> List.copyOf(x.training().losses().points().points()));
    }

    private static SessionService.Saved save(Explorer x, Path file) throws Exception {
        return fx(() -> x.sessions().save(file)).get(10, TimeUnit.SECONDS);
    }

    private static boolean open(Explorer x, Path file) throws Exception {
        return fx(() -> x.sessions().open(file)).get(20, TimeUnit.SECONDS);
    }

    @Test
    void aPausedSessionOpensInAFreshExplorerBitIdenticalAndStepsOnExactlyLikeTheOriginal(FxRobot robot) throws Exception {
        trainUntil(a, 40);
        pauseAndSettle(a);
        run(() -> {
            a.latent().dims().get(2).set(1.25);
            a.latent().setPlotPoint(-0.5, 0.75);
            a.latent().yDim().set(2);
            a.latent().xDim().set(1);
            a.latent().projection().set(vaeexplorer.ui.latent.LatentPlane.Kind.PCA); // the view below is in its plane
            a.view().latentPanel().plot().setView(0.5, -0.25, 5);
        });
        long s = step(a);
        List<float[]> w = weights(a);
        List<LossPoint> history = points(a);
        float[] z = fx(() -> a.latent().z().get());
        Path file = tmp.resolve(fx(() -> a.sessions().defaultFileName()));
        assertEquals("mnist-latent3-epoch0.vaesession", file.getFileName().toString());
        assertEquals(s, save(a, file).step());
        assertEquals(file, fx(() -> a.sessions().currentFile().get()));
        assertTrue(fx(() -> a.stage().getTitle()).startsWith("mnist-latent3-epoch0.vaesession"));

        Explorer x = fresh();
        assertTrue(open(x, file));
        assertEquals(s, step(x));
        assertSameWeights(w, weights(x));
        assertEquals(history, points(x), "the same loss history");
        assertArrayEquals(z, fx(() -> x.latent().z().get()), "z and the sliders");
        assertEquals(1, fx(() -> x.latent().xDim().get()));
        assertEquals(2, fx(() -> x.latent().yDim().get()));
        assertEquals(vaeexplorer.ui.latent.LatentPlane.Kind.PCA, fx(() -> x.latent().projection().get()), "the projection");
        PlotTransform view = fx(() -> x.view().latentPanel().plot().transform());
        assertEquals(0.5, view.centerX());
        assertEquals(-0.25, view.centerY());
        assertEquals(5, view.span());
        assertEquals("3", fx(() -> x.settings().latent().get()));
        assertEquals("32", fx(() -> x.settings().hidden().get()));
        assertFalse(fx(() -> x.settings().hasPendingChanges()), "the form shows the opened model's settings");
        assertEquals(TrainingRun.State.IDLE, fx(() -> x.training().state().get()));
        int chartPoints = fx(() -> a.view().chart().itemCounts()[0]);
        assertTrue(chartPoints > 0);
        await("the chart is refilled", 2_000, () -> x.view().chart().itemCounts()[0] == chartPoints);
        assertNotNull(fx(() -> x.latent().codes().get()), "the scatter shows at once");

        run(() -> a.training().stepOnce());
        run(() -> x.training().stepOnce());
        await("one more step in both", 5_000, () -> a.training().step().get() == s + 1 && x.training().step().get() == s + 1);
        assertSameWeights(weights(a), weights(x));
        await("the new loss point", 5_000, () -> x.training().losses().points().points().size() == history.size() + 1);
        List<LossPoint> after = points(x);
        assertEquals(s + 1, after.get(after.size() - 1).step(), "the curve goes on at the next step");
        assertEquals(points(a).get(points(a).size() - 1), after.get(after.size() - 1), "the same loss, bit for bit");
    }

    @Test
    void aSessionKeepsTheWarmUpTheSpeedTheDrawingAndTheInterpolationEnds(FxRobot robot) throws Exception {
        awaitReady(a);
        run(() -> a.training().stepOnce());
        await("a step", 5_000, () -> a.training().step().get() == 1);
        run(() -> {
            a.settings().klWarmup().set("2.5");
            a.settings().speedLimit().set(10);
            a.view().lessons().draw().stroke(6, 6, 20, 22, false);
            a.view().lessons().draw().normalise().set(false);
            a.view().lessons().interpolation().setNext(new float[] {1.5f, -0.5f, 0.25f});
            a.view().lessons().interpolation().setNext(new float[] {-2f, 1f, 0f});
        });
        float[] drawing = fx(() -> a.view().lessons().draw().image().get());
        Path file = tmp.resolve("set-up.vaesession");
        save(a, file);

        Explorer x = fresh();
        assertTrue(open(x, file));
        assertEquals("2.5", fx(() -> x.settings().klWarmup().get()), "the KL warm-up");
        assertEquals(10.0, fx(() -> x.settings().speedLimit().get()), "the speed");
        assertEquals(2.5, fx(() -> x.training().currentRun().trainer().klWarmupEpochs()), "and the run trains with it");
        float[] opened = fx(() -> x.view().lessons().draw().image().get());
        assertEquals(drawing.length, opened.length);
        for (int i = 0; i < drawing.length; i++) assertEquals(drawing[i], opened[i], 0.5 / 255, "drawing pixel " + i);
        assertFalse(fx(() -> x.view().lessons().draw().normalise().get()), "drawn as it was, without normalising");
        assertArrayEquals(new float[] {1.5f, -0.5f, 0.25f}, fx(() -> x.view().lessons().interpolation().a().get()), "end A");
        assertArrayEquals(new float[] {-2f, 1f, 0f}, fx(() -> x.view().lessons().interpolation().b().get()), "end B");
        String notice = fx(() -> x.notices().notice());
        assertTrue(notice.contains("does not keep the earlier epochs"), "the timeline's note: " + notice);
    }

    @Test
    void aSessionSavedWhileTrainingRunsIsConsistentAndContinuesAtTheNextStep(FxRobot robot) throws Exception {
        trainUntil(a, 30);
        Path file = tmp.resolve("running.vaesession");
        SessionService.Saved saved = save(a, file);
        assertEquals(TrainingRun.State.RUNNING, fx(() -> a.training().state().get()), "training went on");
        await("training goes on after the save", 5_000, () -> a.training().step().get() > saved.step() + 5);

        SessionFile.Session s = SessionFile.load(file);
        assertEquals(saved.step(), s.trainer().step());
        List<LossPoint> filed = s.history().points();
        assertEquals(saved.step(), filed.get(filed.size() - 1).step(), "the history ends where the weights were taken");
        List<LossPoint> original = points(a);
        assertEquals(original.subList(0, filed.size()), filed);

        Explorer x = fresh();
        assertTrue(open(x, file));
        assertEquals(saved.step(), step(x));
        List<float[]> fileWeights = new ArrayList<>();
        for (Param p : s.model().vae().params()) fileWeights.add(p.value.data);
        assertSameWeights(fileWeights, weights(x));
        assertEquals(filed, points(x));
        run(() -> x.training().stepOnce());
        await("a step", 5_000, () -> x.training().losses().points().points().size() == filed.size() + 1);
        List<LossPoint> after = points(x);
        assertEquals(saved.step() + 1, after.get(after.size() - 1).step());
        run(() -> x.training().resume());
        long t0 = step(x);
        await("training goes on", 10_000, () -> x.training().step().get() > t0 + 20);
        long last = -1;
        for (LossPoint p : points(x)) {
            assertTrue(p.step() > last, "steps only grow: no jump back");
            last = p.step();
        }
    }

    @Test
    void aSaveOntoAFullDiskSaysSoNamingTheFileKeepsTheOldFileAndLeavesNoTempFile(FxRobot robot) throws Exception {
        trainUntil(a, 10);
        Path file = tmp.resolve("full.vaesession");
        Files.writeString(file, "the old file");
        AtomicFiles.filterChannelForTests(raw -> new java.io.FilterOutputStream(raw) {
            private long written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                // as the JDK reports a full disk on Linux
                if ((written += len) > 1000) throw new IOException("No space left on device");
                out.write(b, off, len);
            }
        });
        try {
            CompletableFuture<SessionService.Saved> saved = fx(() -> a.sessions().save(file));
            ExecutionException e = assertThrows(ExecutionException.class, () -> saved.get(20, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IOException, String.valueOf(e.getCause()));
        } finally {
            AtomicFiles.filterChannelForTests(null);
        }
        await("an error dialog", () -> dialog("sessionErrorDialog") != null);
        DialogPane d = dialog("sessionErrorDialog");
        String message = fx(d::getContentText);
        assertTrue(message.contains(file.toString()) && message.contains("the disk is full"), message);
        assertFalse(message.contains(".tmp"), "the temporary file is not named: " + message);
        FxTesting.close(d);
        assertEquals("the old file", Files.readString(file));
        try (var files = Files.list(tmp)) {
            List<String> left = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertTrue(left.isEmpty(), "no temporary file left: " + left);
        }
        assertNull(fx(() -> a.sessions().currentFile().get()), "the session is not taken for saved");
        assertEquals(TrainingRun.State.RUNNING, fx(() -> a.training().state().get()), "training goes on");
    }

    @Test
    void openingACorruptTruncatedOrNewerFileShowsAnErrorAndChangesNothing(FxRobot robot) throws Exception {
        trainUntil(a, 20);
        pauseAndSettle(a);
        Path good = tmp.resolve("good.vaesession");
        save(a, good);
        byte[] bytes = Files.readAllBytes(good);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x40;
        Path corrupt = Files.write(tmp.resolve("corrupt.vaesession"), flipped);
        Path truncated = Files.write(tmp.resolve("truncated.vaesession"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        byte[] newer = bytes.clone();
        ByteBuffer.wrap(newer).putInt(4, 99);
        Path future = Files.write(tmp.resolve("newer.vaesession"), newer);
        Path text = Files.writeString(tmp.resolve("notes.vaesession"), "hello");
        Path missing = tmp.resolve("missing.vaesession");
        run(() -> a.sessions().prefs().clearRecent());
        run(() -> a.sessions().prefs().addRecent(good));

        TrainingRun runBefore = fx(() -> a.training().currentRun());
        long stepBefore = step(a);
        List<LossPoint> historyBefore = points(a);
        float[] zBefore = fx(() -> a.latent().z().get());
        String titleBefore = fx(() -> a.stage().getTitle());
        String[][] cases = {
            {corrupt.toString(), "damaged"}, {truncated.toString(), "truncated"}, {future.toString(), "newer"},
            {text.toString(), "not a VAE Explorer file"}, {missing.toString(), "no such file"}};
        for (String[] c : cases) {
            assertFalse(open(a, Path.of(c[0])), c[0]);
            DialogPane d = dialog("sessionErrorDialog");
            assertNotNull(d, "an error dialog for " + c[0]);
            String message = fx(d::getContentText);
            assertTrue(message.contains(c[1]) && message.contains("Nothing in the app was changed"), message);
            FxTesting.close(d);
            await("dialog closed", 2_000, () -> dialog("sessionErrorDialog") == null);
            assertSame(runBefore, fx(() -> a.training().currentRun()));
            assertEquals(stepBefore, step(a));
            assertEquals(historyBefore, points(a));
            assertArrayEquals(zBefore, fx(() -> a.latent().z().get()));
            assertEquals(titleBefore, fx(() -> a.stage().getTitle()));
            assertEquals(TrainingRun.State.PAUSED, fx(() -> a.training().state().get()));
            assertEquals(List.of(good.toAbsolutePath().normalize()), fx(() -> a.sessions().prefs().recent()),
                    "a failed file does not join the recent list");
        }
        run(() -> a.training().resume());
        await("training goes on", 5_000, () -> a.training().step().get() > stepBefore + 5);
    }

    @Test
    void aSessionWhoseDataHasGoneSaysSoAndChangesNothing(FxRobot robot) throws Exception {
        Path dir = UserData.pictures(tmp.resolve("pics"), 150, true, 7);
        awaitReady(a);
        run(() -> a.imports().openImageFolder(dir, ImportOptions.DEFAULTS));
        await("loaded", 20_000, () -> !a.imports().isLoading() && a.settings().dataset().get().kind() == DatasetChoice.Kind.IMAGES);
        run(() -> a.settings().batchSize().set("32"));
        run(() -> a.training().reset());
        awaitReady(a);
        run(() -> a.training().stepOnce());
        await("a step", 5_000, () -> a.training().step().get() == 1);
        Path file = tmp.resolve("pics.vaesession");
        save(a, file);
        assertEquals("images", SessionFile.load(file).view().get("data.kind"));

        Explorer x = fresh();
        Path moved = Files.move(dir, tmp.resolve("pics-moved"));
        TrainingRun before = fx(() -> x.training().currentRun());
        assertFalse(open(x, file));
        DialogPane d = dialog("sessionErrorDialog");
        String message = fx(d::getContentText);
        assertTrue(message.contains(dir.toString()) && message.contains("does not exist"), message);
        FxTesting.close(d);
        assertSame(before, fx(() -> x.training().currentRun()));
        assertEquals(DatasetChoice.MNIST, fx(() -> x.settings().dataset().get()));

        Files.move(moved, dir);
        assertTrue(open(x, file), "with the data back in place it opens");
        assertEquals(DatasetChoice.Kind.IMAGES, fx(() -> x.settings().dataset().get().kind()));
        assertEquals(1, step(x));
    }

    @Test
    void theRecentListGetsEachSavedOrOpenedFileFirstAndDropsFilesThatAreGone(FxRobot robot) throws Exception {
        trainUntil(a, 5);
        pauseAndSettle(a);
        run(() -> a.sessions().prefs().clearRecent());
        Path one = tmp.resolve("one.vaesession"), two = tmp.resolve("two.vaesession");
        save(a, one);
        save(a, two);
        assertEquals(List.of(two, one), fx(() -> a.sessions().prefs().recent()));
        assertTrue(open(a, one));
        assertEquals(List.of(one, two), fx(() -> a.sessions().prefs().recent()));
        Files.delete(two);

        robot.clickOn("File").clickOn("Open recent");
        await("the recent menu", 5_000, () -> robot.lookup("#recent0").tryQuery().isPresent());
        assertTrue(fx(() -> robot.lookup("#recentGoneNote").tryQuery().isPresent()), "a note says a file has gone");
        assertFalse(fx(() -> robot.lookup("#recent1").tryQuery().isPresent()));
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        assertEquals(List.of(one), fx(() -> a.sessions().prefs().recent()));

        SessionPrefs reread = new SessionPrefs(a.sessions().prefs().file());
        assertEquals(List.of(one), reread.recent(), "the list outlives the app");

        assertEquals(one, fx(() -> a.sessions().currentFile().get()));
        run(() -> a.training().reset());
        awaitReady(a);
        assertNull(fx(() -> a.sessions().currentFile().get()), "a new model is a new, untitled session");
        assertEquals("VAE Explorer", fx(() -> a.stage().getTitle()));
    }

    @Test
    void autosaveWritesToTheDefaultFileAfterEachEpochAndIsRemembered(FxRobot robot) throws Exception {
        awaitReady(a);
        run(() -> a.sessions().autosave().set(true));
        Path target = fx(() -> a.sessions().autosaveFile());
        assertEquals(tmp.resolve("home").resolve("autosave.vaesession"), target);
        run(() -> a.training().train());
        await("an autosave after the first epoch", 30_000, () -> Files.exists(target));
        await("the save is done", 5_000, () -> a.notices().notice().startsWith("Autosaved"));
        SessionFile.Session s = SessionFile.load(target);
        assertTrue(s.trainer().epoch() >= 1, "saved at the end of an epoch");
        assertNull(fx(() -> a.sessions().currentFile().get()), "autosave to the default file leaves the session untitled");
        assertTrue(new SessionPrefs(a.sessions().prefs().file()).autosave(), "the choice is remembered");
        run(() -> a.sessions().autosave().set(false));
    }
}
