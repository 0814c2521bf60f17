package vaeexplorer.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.train.TrainingRun.State;
import vaeexplorer.ui.concurrent.FxTaskExecutor;
import vaeexplorer.ui.datasets.DatasetLibrary;
import vaeexplorer.ui.fixtures.SmallData;
import vaeexplorer.ui.i18n.I18n;

/**
 * Train on a finished model goes on with the same model for as many more epochs as the Epochs field says; nothing of
 * what it learnt is lost. A view-model test without a window: one plain thread stands in for the FX thread.
 */
class TrainMoreTest {
    private final ExecutorService fx = Executors.newSingleThreadExecutor();
    private TrainingModel model;
    private SettingsModel settings;

    @AfterEach
    void stop() throws Exception {
        if (model != null) on(() -> {
            model.shutdown();
            return null;
        });
        fx.shutdownNow();
    }

    private <T> T on(Callable<T> c) throws Exception {
        return fx.submit(c).get(60, TimeUnit.SECONDS);
    }

    /** Runs command on the stand-in FX thread and waits until the model has finished its run. */
    private void trainUntilFinished(Runnable command) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        on(() -> {
            model.state().addListener((o, a, s) -> {
                if (s == State.FINISHED) finished.countDown();
            });
            command.run();
            return null;
        });
        assertTrue(finished.await(5, TimeUnit.MINUTES), "the run finishes");
    }

    @Test
    void trainAfterFinishedGoesOnWithTheSameModelForTheEpochsAsked() throws Exception {
        on(() -> {
            I18n.useOnThisThread(Locale.ENGLISH);
            settings = new SettingsModel();
            SmallData.smallModel(settings);
            settings.epochs().set("1");
            model = new TrainingModel(settings, new DatasetLibrary(new FxTaskExecutor("test-data", fx)), fx);
            return null;
        });
        trainUntilFinished(() -> model.train());
        Trainer first = on(() -> model.currentRun().trainer());
        long steps = on(() -> model.step().get());
        int version = on(() -> model.modelVersion().get());
        assertEquals(1, on(() -> model.losses().points().tests().size()), "one epoch, one test loss");

        on(() -> {
            settings.epochs().set("2");
            return null;
        });
        trainUntilFinished(() -> model.train());
        assertSame(first, on(() -> model.currentRun().trainer()), "the same trainer, so the same weights and Adam state");
        assertEquals(version, on(() -> model.modelVersion().get()), "no new model");
        assertEquals(3, first.epoch(), "1 epoch, then 2 more");
        assertEquals(3 * steps, on(() -> model.step().get()), "the step count goes on");
        assertEquals(3, on(() -> model.losses().points().tests().size()), "the history goes on");
    }
}
