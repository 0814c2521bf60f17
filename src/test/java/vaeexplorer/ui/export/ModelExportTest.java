package vaeexplorer.ui.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.dialog;
import static vaeexplorer.ui.fixtures.FxTesting.fx;
import static vaeexplorer.ui.fixtures.FxTesting.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.core.io.ModelFile;
import vaeexplorer.core.io.SafeTensorsModel;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.app.Explorer;
import vaeexplorer.ui.fixtures.FxTesting;

/**
 * Export › Model for PyTorch: the file holds the app's current weights under pytorch/examples' names, with the
 * metadata a reader needs; a folder that is not there gives a message and no file.
 */
@ExtendWith(ApplicationExtension.class)
class ModelExportTest {
    @TempDir
    Path tmp;
    private Explorer x;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("vaeexplorer.home", Files.createDirectories(tmp.resolve("home")).toString());
        stage.setWidth(1280);
        stage.setHeight(800);
        x = Explorer.open(stage, s -> s.hidden().set("32"), false);
    }

    @Stop
    void stop() {
        x.shutdown();
        FxTesting.closeWindows(x.stage());
    }

    private void stepTwice() {
        await("the first model is built", 30_000, () -> x.training().state().get() == TrainingRun.State.IDLE);
        for (int i = 1; i <= 2; i++) {
            run(() -> x.training().stepOnce());
            long n = i;
            await("step " + n, 10_000, () -> x.training().step().get() == n
                    && x.training().state().get() != TrainingRun.State.RUNNING);
        }
    }

    @Test
    void theExportedFileDecodesAsTheAppsModelDoes() throws Exception {
        stepTwice();
        Path file = tmp.resolve("model.safetensors");
        assertEquals(file, fx(() -> x.modelExport().export(file)).get(30, TimeUnit.SECONDS));
        // the trainer has stopped after its steps: the latest snapshot is the model that was copied
        ModelSnapshot shown = fx(() -> x.training().model().get());
        ModelFile.Loaded back = SafeTensorsModel.load(file, null);
        assertEquals(shown.config().latent(), back.vae().config().latent());
        assertEquals(shown.config().hidden(), back.vae().config().hidden());
        assertEquals(shown.config().likelihood(), back.vae().config().likelihood());
        assertEquals("mnist", back.info().getProperty("dataset"), "the data set it was trained on");
        ModelSnapshot read = back.vae().snapshot();
        for (float[] z : new float[][] {{0, 0}, {1.5f, -0.7f}, {-2, 2}})
            assertArrayEquals(shown.decode(z), read.decode(z), 1e-6f, "decoded at z = (" + z[0] + ", " + z[1] + ")");
        assertTrue(fx(() -> x.notices().notice()).contains(file.toString()), "the notice says where it went");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().contains(".tmp")).count(), "no temp files left");
        }
    }

    @Test
    void aFolderThatIsNotThereGivesAMessageAndNoFile() throws Exception {
        stepTwice();
        Path file = tmp.resolve("gone").resolve("model.safetensors");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> fx(() -> x.modelExport().export(file)).get(30, TimeUnit.SECONDS));
        assertNotNull(e.getCause());
        await("error dialog", 10_000, () -> dialog("exportErrorDialog") != null);
        DialogPane d = dialog("exportErrorDialog");
        assertEquals("Could not export the model", fx(d::getHeaderText));
        assertTrue(fx(d::getContentText).contains(tmp.resolve("gone").toString()), fx(d::getContentText));
        FxTesting.close(d);
        assertFalse(Files.exists(file));
    }
}
