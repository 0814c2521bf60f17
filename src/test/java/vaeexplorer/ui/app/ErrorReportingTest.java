package vaeexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.TrainConfig;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.SmallData;

/** The app's last line of defence: errors nothing else caught end in a short dialog and a log, never in silence. */
@ExtendWith(ApplicationExtension.class)
class ErrorReportingTest {
    private Explorer explorer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        explorer = Explorer.open(stage, SmallData::smallModel, false);
    }

    @Stop
    void stop() {
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
    }

    private static String dialogText(FxRobot robot) {
        return fx(() -> {
            DialogPane pane = robot.lookup("#errorDialog").queryAs(DialogPane.class);
            return pane.getHeaderText() + "\n" + ((Label) pane.getContent()).getText();
        });
    }

    private static void closeDialog(FxRobot robot) {
        robot.clickOn("OK");
        await("the dialog closes", 5_000, () -> robot.lookup("#errorDialog").tryQuery().isEmpty());
    }

    @Test
    void anUncaughtExceptionShowsAMessageAndIsLogged(FxRobot robot, @TempDir Path dir) throws Exception {
        Path log = dir.resolve("vae-explorer.log");
        ErrorReporter reporter = new ErrorReporter(log);
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.UncaughtExceptionHandler fxBefore = fx(() -> Thread.currentThread().getUncaughtExceptionHandler());
        robot.interact(() -> {
            reporter.install();
            reporter.setDialogOwner(stage);
        });
        try {
            // on the FX thread, as from an event handler
            Platform.runLater(() -> {
                throw new IllegalStateException("boom on the FX thread");
            });
            await("a dialog", 5_000, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
            String text = dialogText(robot);
            assertTrue(text.contains("Something went wrong") && text.contains("boom on the FX thread"), text);
            assertTrue(text.contains("keeps running"), text);
            String logged = Files.readString(log);
            assertTrue(logged.contains("boom on the FX thread") && logged.contains("java.lang.IllegalStateException"), logged);
            assertTrue(logged.contains("\tat "), "the stack trace is in the log");
            closeDialog(robot);

            // on the trainer thread: the run ends FAILED and the error shows the same way
            DataSplit d = BuiltInDatasets.load(BuiltInDatasets.MNIST);
            Rng rng = new Rng(1);
            Trainer t = new Trainer(new Vae(VaeConfig.of(784, 16, 2), rng), d,
                    new TrainConfig(1, 1e-3, 64, 1, 1, TrainConfig.OptimizerKind.ADAM, 1), brokenBackend(), rng);
            TrainingRun run = new TrainingRun(t, d.test(), s -> { });
            run.start(false);
            await("a dialog for the trainer", 5_000, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
            assertEquals(TrainingRun.State.FAILED, run.state());
            String trainerText = dialogText(robot);
            assertTrue(trainerText.contains("vae-trainer") && trainerText.contains("broken backend"), trainerText);
            assertTrue(Files.readString(log).contains("broken backend"));
            closeDialog(robot);
            assertEquals(2, reporter.reportedCount());
            assertTrue(fx(stage::isShowing), "the window is still there");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
            robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(fxBefore));
        }
    }

    private static MatMul brokenBackend() {
        return new MatMul() {
            @Override
            public void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
                throw new IllegalStateException("broken backend");
            }

            @Override
            public void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
                throw new IllegalStateException("broken backend");
            }

            @Override
            public void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
                throw new IllegalStateException("broken backend");
            }

            @Override
            public String name() {
                return "broken";
            }
        };
    }
}
