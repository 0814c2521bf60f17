package vaeexplorer.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.ui.app.Explorer;

/**
 * File › Open takes a PyTorch model (.safetensors of pytorch/examples' MLP VAE, hidden 16, made by the PyTorch
 * reference): it is explored in the app like a model trained here, on the data set chosen now when it names none.
 */
@ExtendWith(ApplicationExtension.class)
class OpenPyTorchModelTest {
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
    }

    @Test
    void aPyTorchModelOpensAndIsExplored() throws Exception {
        await("the first model is built", 30_000, () -> x.training().state().get() == TrainingRun.State.IDLE);
        Path model = Path.of("src/test/resources/vaeexplorer/core/io/examples-h16.safetensors");
        boolean opened = fx(() -> x.sessions().open(model)).get(60, TimeUnit.SECONDS);
        assertTrue(opened, "opened");
        assertEquals(16, (int) fx(() -> x.training().model().get().config().hidden().get(0)), "its hidden size");
        assertEquals(2, (int) fx(() -> x.training().model().get().latent()));
        await("its codes are shown", 30_000, () -> x.latent().codes().get() != null
                && x.latent().codes().get().size() > 0);
        float[] decoded = fx(() -> x.latent().decoded().get());
        assertEquals(784, decoded.length, "it decodes the dragged point");
    }
}
