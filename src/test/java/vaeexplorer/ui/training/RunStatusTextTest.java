package vaeexplorer.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.train.Evaluation;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TestPoint;
import vaeexplorer.core.train.TrainingRun.State;
import vaeexplorer.core.train.TrainingSnapshot;
import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;

/** The status wording from the run's data, without a window. */
class RunStatusTextTest {
    private final RunStatusText texts = new RunStatusText();
    private static final RunStatusText.Warmup OFF = RunStatusText.Warmup.NONE;

    @BeforeEach
    void english() {
        I18n.useOnThisThread(Locale.ENGLISH);
    }

    @AfterEach
    void back() {
        I18n.useOnThisThread(null);
    }

    /** Epoch {@code epoch} (0-based) of 5, 300 of 1,000 images into it, at 1,234.4 images/s. */
    private static TrainingSnapshot snapshot(State state, int epoch, long step) {
        return new TrainingSnapshot(state, null, step, epoch, 5, 300, 1000, 1234.4, 0, 1, 1e-3, List.of(), List.of(), null,
                null, null);
    }

    @Test
    void beforeTheFirstReportTheStatusIsTheOpenedNoteOrTheUntrainedHint() {
        assertEquals(I18n.get("status.untrained"), texts.status(State.IDLE, null, () -> "", 0, 0, null, null, OFF));
        assertEquals("opened x.vae", texts.status(State.IDLE, null, () -> "opened x.vae", 0, 0, null, null, OFF));
        assertEquals("", texts.status(null, null, () -> "", 0, 0, null, null, OFF), "no model: nothing to say");
    }

    @Test
    void aRunningRunSaysItsEpochStepSpeedAndLossesAndAPausedOneNoSpeed() {
        LossPoint loss = new LossPoint(2_345, 1.3, 150.25, 140.5, 9.75, 1);
        TestPoint test = new TestPoint(1, 2_000, new Evaluation(155.5, 145, 10.5, new double[] {10.5}, 200));
        String running = texts.status(State.RUNNING, snapshot(State.RUNNING, 1, 2_345), () -> "", 0, 12, loss, test, OFF);
        assertTrue(running.contains(I18n.format("status.epoch", 2, 5)), running);
        assertTrue(running.contains("2,345"), "the step: " + running);
        assertTrue(running.contains("1,234 images/s"), running);
        assertTrue(running.contains(I18n.format("status.loss", Formats.nats(150.25), Formats.nats(140.5), Formats.nats(9.75))), running);
        assertTrue(running.contains(I18n.format("status.test", Formats.nats(155.5))), "the test loss: " + running);
        String paused = texts.status(State.PAUSED, snapshot(State.PAUSED, 1, 2_345), () -> "", 0, 12, loss, test, OFF);
        assertFalse(paused.contains("images/s"), "a paused run shows no frozen rate: " + paused);
        String held = texts.status(State.RUNNING, snapshot(State.RUNNING, 1, 2_345), () -> "", 2.5, 12, loss, test, OFF);
        assertTrue(held.contains(I18n.format("status.held", "2.5")) && !held.contains("images/s"), held);
    }

    @Test
    void theTimeLeftAppearsOnlyOnceTheRateHasSettled() {
        String first = texts.status(State.RUNNING, snapshot(State.RUNNING, 0, 10), () -> "", 0, 0.1, null, null, OFF);
        assertFalse(first.contains("left"), first);
        String later = first;
        for (int i = 1; i <= 20 && !later.contains("left"); i++) {
            // a steady 1,000 images a second through an epoch of 100,000 images: 500 more each half second
            TrainingSnapshot s = new TrainingSnapshot(State.RUNNING, null, 10 + i, 0, 5, 500 * i, 100_000, 1000, 0, 1, 1e-3,
                    List.of(), List.of(), null, null, null);
            later = texts.status(State.RUNNING, s, () -> "", 0, 0.5 * i, null, null, OFF);
        }
        assertTrue(later.contains("left"), "a steady rate gives a time left: " + later);
        texts.clear();
        String afterClear = texts.status(State.RUNNING, snapshot(State.RUNNING, 0, 10), () -> "", 0, 0.1, null, null, OFF);
        assertFalse(afterClear.contains("left"), "a new model starts without a rate: " + afterClear);
    }

    @Test
    void duringTheWarmUpTheBadgeAndStatusSayTheBetaInEffectAndItsTarget() {
        LossPoint early = new LossPoint(10, 0.2, 150, 140, 10, 0.25);
        RunStatusText.Warmup warm = new RunStatusText.Warmup(3, 1);
        assertEquals(I18n.format("beta.badgeWarmup", "0.25", "1"), RunStatusText.betaBadge(early, warm));
        assertEquals(I18n.format("beta.badge", "0.25"), RunStatusText.betaBadge(early, OFF));
        assertEquals("", RunStatusText.betaBadge(null, warm));
        String status = texts.status(State.RUNNING, snapshot(State.RUNNING, 0, 10), () -> "", 0, 1, early, null, warm);
        assertTrue(status.contains(I18n.format("status.warmup", 0.25)), status);
        LossPoint reached = new LossPoint(500, 3.1, 150, 140, 10, 1);
        assertFalse(texts.status(State.RUNNING, snapshot(State.RUNNING, 3, 500), () -> "", 0, 1, reached, null, warm)
                .contains(I18n.format("status.warmup", 1.0)), "no warm-up note once beta is reached");
    }

    @Test
    void theStateWordsFollowTheRunAndTheLoading() {
        assertEquals(I18n.get("state.loading"), RunStatusText.state(State.RUNNING, true));
        assertEquals(I18n.get("state.noModel"), RunStatusText.state(null, false));
        for (State s : State.values()) assertFalse(RunStatusText.state(s, false).isBlank(), s.toString());
        assertEquals(I18n.get("state.diverged"), RunStatusText.state(State.DIVERGED, false));
    }
}
