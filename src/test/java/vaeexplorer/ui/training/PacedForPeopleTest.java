package vaeexplorer.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.train.TrainingRun.State;
import vaeexplorer.ui.concurrent.FxTaskExecutor;
import vaeexplorer.ui.datasets.DatasetLibrary;
import vaeexplorer.ui.fixtures.SmallData;
import vaeexplorer.ui.i18n.I18n;

/**
 * Training paced for a class: a speed limit that reaches the run, the beta in use worded for the large figure, the
 * changes of beta and learning rate kept for the chart's markers, and no frozen images/s while paused. A view-model
 * test without a window: one plain thread stands in for the FX thread.
 */
class PacedForPeopleTest {
    private final ExecutorService fx = Executors.newSingleThreadExecutor();
    private TrainingModel model;
    private SettingsModel settings;

    @BeforeEach
    void build() throws Exception {
        on(() -> {
            I18n.useOnThisThread(Locale.ENGLISH);
            settings = new SettingsModel();
            SmallData.smallModel(settings);
            model = new TrainingModel(settings, new DatasetLibrary(new FxTaskExecutor("test-data", fx)), fx);
            model.reset();
            return null;
        });
        awaitOn(() -> model.state().get() == State.IDLE, "a model is built");
    }

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

    private void awaitOn(BooleanSupplier condition, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!on(condition::getAsBoolean)) {
            if (System.nanoTime() > end) throw new AssertionError("never: " + what);
            Thread.sleep(5);
        }
    }

    private void stepOnce() throws Exception {
        long before = on(() -> model.step().get());
        on(() -> {
            model.stepOnce();
            return null;
        });
        awaitOn(() -> model.step().get() > before && model.latestLoss().get() != null, "a step");
    }

    @Test
    void theSpeedChoiceReachesTheRunAtOnce() throws Exception {
        on(() -> {
            settings.speedLimit().set(3);
            return null;
        });
        stepOnce(); // the run exists once it has started
        assertEquals(3.0, on(() -> model.currentRun().speedLimit()));
        on(() -> {
            settings.speedLimit().set(0);
            return null;
        });
        assertEquals(0.0, on(() -> model.currentRun().speedLimit()), "full speed again");
    }

    @Test
    void theBetaInUseIsWordedAlsoDuringTheWarmUp() throws Exception {
        assertEquals("", on(() -> model.betaText().get()), "nothing before the first loss");
        stepOnce();
        assertEquals("β = 1", on(() -> model.betaText().get()));
        on(() -> {
            settings.klWarmup().set("5");
            return null;
        });
        stepOnce();
        String text = on(() -> model.betaText().get());
        assertTrue(text.startsWith("β = 0.") && text.endsWith("(KL warm-up to 1)"), text);
    }

    @Test
    void changesOfBetaAndLearningRateAreKeptOncePerEditAndGoOnReset() throws Exception {
        on(() -> {
            settings.beta().set("3");
            return null;
        });
        assertTrue(on(() -> model.settingChanges().isEmpty()), "before the first step a change is just the setting");
        stepOnce();
        long at = on(() -> model.step().get());
        on(() -> {
            settings.beta().set("0"); // typing "0.5" key by key
            settings.beta().set("0.");
            settings.beta().set("0.5");
            settings.learningRate().set("0.01");
            return null;
        });
        List<SettingChange> changes = on(() -> List.copyOf(model.settingChanges()));
        assertEquals(List.of(new SettingChange(at, SettingChange.Kind.BETA, 3, 0.5),
                new SettingChange(at, SettingChange.Kind.LEARNING_RATE, 0.001, 0.01)), changes);
        on(() -> {
            settings.beta().set("3"); // and back within the same edit: no change at all
            return null;
        });
        assertEquals(1, on(() -> model.settingChanges().size()));
        assertEquals("lr 0.001 → 0.01", LossChartView.markerLabel(on(() -> model.settingChanges().get(0))));
        on(() -> {
            model.reset();
            return null;
        });
        awaitOn(() -> model.state().get() == State.IDLE && model.step().get() == 0, "a new model");
        assertTrue(on(() -> model.settingChanges().isEmpty()), "a new model starts without markers");
    }

    @Test
    void aPausedRunShowsNoImagesPerSecond() throws Exception {
        stepOnce();
        String paused = on(() -> model.status().get());
        assertTrue(paused.contains("step 1"), paused);
        assertFalse(paused.contains("images/s"), "no frozen rate while paused: " + paused);
    }

    @Test
    void oneStepASecondIsSingular() throws Exception {
        on(() -> {
            assertEquals("1 step/s", ControlsView.speedName(1));
            assertEquals("30 steps/s", ControlsView.speedName(30));
            assertEquals("Full speed", ControlsView.speedName(0));
            return null;
        });
    }
}
