package vaeexplorer.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.DataSplit;

/** {@link TrainingRun#onTrainerThread}: work with the trainer on its own thread, e.g. taking a session's state. */
class TrainingRunTaskTest {
    private static DataSplit data() throws Exception {
        DataSplit m = BuiltInDatasets.load("mnist");
        int[] idx = new int[600];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        return new DataSplit(m.train().subset("small", idx), m.test().subset("small-test", java.util.Arrays.copyOf(idx, 200)));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(5);
        }
    }

    private static long lastLossStep(List<TrainingSnapshot> seen) {
        long last = -1;
        for (TrainingSnapshot s : seen) for (LossPoint p : s.losses()) last = p.step();
        return last;
    }

    @Test
    void aTaskRunsOnTheTrainerThreadWhileRunningAfterPublishingEveryLossUpToItsStep() throws Exception {
        DataSplit d = data();
        Trainer t = TrainingRunTest.endless(d);
        List<TrainingSnapshot> seen = new CopyOnWriteArrayList<>();
        TrainingRun run = new TrainingRun(t, d.test(), seen::add);
        run.start(false);
        await(() -> t.step() > 10, "10 steps");
        long[] stepAndPublished = run.onTrainerThread(tr -> {
            assertEquals("vae-trainer", Thread.currentThread().getName());
            return new long[] {tr.step(), lastLossStep(seen), tr.state().step()};
        }).get(5, TimeUnit.SECONDS);
        assertEquals(stepAndPublished[0], stepAndPublished[1], "the losses up to the task's step were published first");
        assertEquals(stepAndPublished[0], stepAndPublished[2]);
        await(() -> t.step() > stepAndPublished[0] + 5, "training goes on");
        run.stop(1000);
    }

    @Test
    void aTaskRunsWhilePausedAndTheRunStaysPaused() throws Exception {
        DataSplit d = data();
        Trainer t = TrainingRunTest.endless(d);
        TrainingRun run = new TrainingRun(t, d.test(), s -> { });
        run.start(true);
        await(() -> run.state() == TrainingRun.State.PAUSED, "paused");
        TrainerState s = run.onTrainerThread(Trainer::state).get(5, TimeUnit.SECONDS);
        assertEquals(0, s.step());
        assertEquals(TrainingRun.State.PAUSED, run.state());
        run.stepOnce();
        await(() -> t.step() == 1, "one step");
        assertEquals(1L, run.onTrainerThread(Trainer::step).get(5, TimeUnit.SECONDS), "the one step asked for, none on its own");
        assertEquals(TrainingRun.State.PAUSED, run.state());
        run.stop(1000);
    }

    @Test
    void beforeTheStartAndAfterTheEndATaskRunsOnTheCaller() throws Exception {
        DataSplit d = data();
        Trainer t = TrainingRunTest.endless(d);
        TrainingRun run = new TrainingRun(t, d.test(), s -> { });
        Thread caller = Thread.currentThread();
        assertSame(caller, run.onTrainerThread(tr -> Thread.currentThread()).get());
        run.start(false);
        await(() -> t.step() > 3, "a few steps");
        assertTrue(run.stop(2000));
        long end = t.step();
        assertSame(caller, run.onTrainerThread(tr -> Thread.currentThread()).get());
        assertEquals(end, run.onTrainerThread(Trainer::step).get());
    }

    @Test
    void aTaskQueuedWhenTheRunStopsStillRunsAndAFailingTaskFailsItsFuture() throws Exception {
        DataSplit d = data();
        Trainer t = TrainingRunTest.endless(d);
        TrainingRun run = new TrainingRun(t, d.test(), s -> { });
        run.start(false);
        await(() -> t.step() > 3, "a few steps");
        var failing = run.onTrainerThread(tr -> {
            throw new IllegalStateException("boom");
        });
        ExecutionException e = assertThrows(ExecutionException.class, () -> failing.get(5, TimeUnit.SECONDS));
        assertEquals("boom", e.getCause().getMessage());
        var late = run.onTrainerThread(Trainer::step);
        run.stop(0);
        assertTrue(late.get(5, TimeUnit.SECONDS) > 3);
        run.stop(2000);
    }
}
