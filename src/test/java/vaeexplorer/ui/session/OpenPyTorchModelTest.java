package vaeexplorer.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import vaeexplorer.core.io.SafeTensors;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.ui.app.Explorer;

/**
 * File › Open takes a PyTorch model (.safetensors of pytorch/examples' MLP VAE, hidden 16, made by the PyTorch
 * reference): it is explored in the app like a model trained here, on the data set chosen now when it names none;
 * one that does not name its likelihood is opened after the user has said which (Cancel opens nothing).
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

    /** The example model with its metadata's likelihood (and sigma_x) taken out, as a PyTorch user might save one. */
    private Path withoutLikelihood() throws Exception {
        SafeTensors.Contents c = SafeTensors.read(Path.of("src/test/resources/vaeexplorer/core/io/examples-h16.safetensors"));
        java.util.Map<String, String> meta = new java.util.HashMap<>(c.metadata());
        meta.remove("likelihood");
        meta.remove("sigma_x");
        Path file = tmp.resolve("no-likelihood.safetensors");
        SafeTensors.write(file, new java.util.ArrayList<>(c.tensors().values()), meta);
        return file;
    }

    @Test
    void aModelThatDoesNotNameItsLikelihoodIsOpenedWithTheOneTheUserChooses(org.testfx.api.FxRobot robot) throws Exception {
        await("the first model is built", 30_000, () -> x.training().state().get() == TrainingRun.State.IDLE);
        Path model = withoutLikelihood();
        java.util.concurrent.CompletableFuture<Boolean> opening = fx(() -> x.sessions().open(model));
        await("the question", 30_000, () -> robot.lookup("#likelihoodDialog").tryQuery().isPresent());
        String message = fx(() -> robot.lookup("#likelihoodDialog").queryAs(javafx.scene.control.DialogPane.class)
                .getContentText());
        assertTrue(message.contains("no-likelihood.safetensors"), message);
        robot.clickOn("#likelihoodDialog-1"); // Gaussian
        assertTrue(opening.get(60, TimeUnit.SECONDS), "opened");
        assertEquals(Likelihood.GAUSSIAN, fx(() -> x.training().model().get().config().likelihood()));
        assertEquals(16, (int) fx(() -> x.training().model().get().config().hidden().get(0)));
    }

    @Test
    void cancellingTheLikelihoodQuestionOpensNothing(org.testfx.api.FxRobot robot) throws Exception {
        await("the first model is built", 30_000, () -> x.training().state().get() == TrainingRun.State.IDLE);
        int hidden = fx(() -> x.training().model().get().config().hidden().get(0));
        Path model = withoutLikelihood();
        java.util.concurrent.CompletableFuture<Boolean> opening = fx(() -> x.sessions().open(model));
        await("the question", 30_000, () -> robot.lookup("#likelihoodDialog").tryQuery().isPresent());
        robot.clickOn("#likelihoodDialog-2"); // Cancel
        assertFalse(opening.get(60, TimeUnit.SECONDS), "nothing opened");
        assertEquals(hidden, (int) fx(() -> x.training().model().get().config().hidden().get(0)), "the model is kept");
        assertFalse(fx(() -> x.sessions().open(model).isDone()), "and another open may start at once");
        await("asked again", 30_000, () -> robot.lookup("#likelihoodDialog").tryQuery().isPresent());
        robot.clickOn("#likelihoodDialog-0");
    }
}
