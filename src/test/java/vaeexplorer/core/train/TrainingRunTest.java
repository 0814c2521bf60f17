package vaeexplorer.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.nn.Rng;

class TrainingRunTest {
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

    /** A small trainer of 1,000 epochs of 10 steps: a run of it cannot finish on its own, however the threads are scheduled. */
    static Trainer endless(DataSplit d) {
        Rng seeded = new Rng(1);
        vaeexplorer.core.vae.Vae vae = new vaeexplorer.core.vae.Vae(vaeexplorer.core.vae.VaeConfig.of(784, 16, 2), seeded);
        return new Trainer(vae, d, new TrainConfig(1, 1e-3, 64, 1000, 1, TrainConfig.OptimizerKind.ADAM, 1),
                new vaeexplorer.core.nn.EjmlMatMul(1), seeded);
    }

    @Test
    void runsPausesStepsAndStopsWhilePublishingEveryLossPoint() throws Exception {
        DataSplit d = data();
        Trainer t = endless(d);
        List<TrainingSnapshot> seen = new CopyOnWriteArrayList<>();
        TrainingRun run = new TrainingRun(t, d.test(), seen::add);
        run.start(false);
        await(() -> t.step() > 20, "20 steps");
        run.pause();
        await(() -> run.state() == TrainingRun.State.PAUSED, "pause");
        long paused = t.step();
        run.stepOnce();
        await(() -> seen.stream().anyMatch(s -> s.step() == paused + 1 && s.state() == TrainingRun.State.PAUSED), "one step reported");
        assertEquals(paused + 1, t.step(), "paused: exactly the one step asked for, none on its own");
        run.setBeta(0.25);
        run.resume();
        await(() -> t.step() > paused + 3, "resumed");
        assertEquals(0.25, t.beta());
        assertTrue(run.stop(1000), "the thread ends within a second");
        assertFalse(run.isAlive());

        TrainingSnapshot merged = seen.get(0);
        for (int i = 1; i < seen.size(); i++) merged = merged.followedBy(seen.get(i));
        assertTrue(merged.state() == TrainingRun.State.STOPPED || merged.state() == TrainingRun.State.FINISHED, merged.state().toString());
        assertNotNull(merged.model());
        assertNotNull(merged.latent());
        assertEquals(200, merged.latent().size());
        long last = 0;
        for (LossPoint p : merged.losses()) {
            assertTrue(p.step() > last, "loss points in step order");
            last = p.step();
        }
        assertTrue(merged.losses().size() >= 2);
        assertEquals(0.25, merged.losses().get(merged.losses().size() - 1).beta());
    }

    @Test
    void pacingWaitsOutTheRestOfEachStepsShare() {
        assertEquals(0, TrainingRun.pacingNanos(0, 5_000_000, 0), "no limit: no wait");
        assertEquals(70_000_000, TrainingRun.pacingNanos(0, 30_000_000, 10), "10 steps/s: 100 ms a step");
        assertEquals(0, TrainingRun.pacingNanos(0, 150_000_000, 10), "a step that took longer: no wait");
        assertEquals(0, TrainingRun.pacingNanos(0, 1, Double.NaN));
    }

    @Test
    void aSpeedLimitHoldsTheRunBackUntilItIsLifted() throws Exception {
        DataSplit d = data();
        Rng seeded = new Rng(1);
        vaeexplorer.core.vae.Vae vae = new vaeexplorer.core.vae.Vae(vaeexplorer.core.vae.VaeConfig.of(784, 16, 2), seeded);
        Trainer t = new Trainer(vae, d, new TrainConfig(1, 1e-3, 64, 50, 1, TrainConfig.OptimizerKind.ADAM, 1),
                new vaeexplorer.core.nn.EjmlMatMul(1), seeded); // 50 epochs of 10 steps: far more than the test needs
        List<TrainingSnapshot> seen = new CopyOnWriteArrayList<>();
        TrainingRun run = new TrainingRun(t, d.test(), seen::add);
        run.setSpeedLimit(0.2); // a step every five seconds
        run.start(false);
        await(() -> t.step() >= 1, "the first step");
        assertEquals(0.2, run.speedLimit());
        assertTrue(t.step() <= 2, "held back: step " + t.step());
        await(() -> seen.stream().anyMatch(s -> s.step() == 1 && s.latent() != null), "a slow step reported with its codes");
        run.setSpeedLimit(0); // lifted in the middle of a wait
        await(() -> t.step() > 30, "full speed again (30 held steps would take 150 s)");
        run.setSpeedLimit(0.2);
        long held = t.step();
        assertTrue(run.stop(20_000), "a stop ends a wait at once");
        assertTrue(t.step() <= held + 2, "no more than the step under way: " + held + " -> " + t.step());
    }

    @Test
    void aRunEndsFinishedWithATestPointPerEpoch() throws Exception {
        DataSplit d = data();
        Rng seeded = new Rng(1);
        vaeexplorer.core.vae.Vae vae = new vaeexplorer.core.vae.Vae(vaeexplorer.core.vae.VaeConfig.of(784, 16, 2), seeded);
        Trainer t = new Trainer(vae, d, new TrainConfig(1, 1e-3, 100, 2, 1, TrainConfig.OptimizerKind.ADAM, 1),
                new vaeexplorer.core.nn.EjmlMatMul(1), seeded);
        List<TrainingSnapshot> seen = new CopyOnWriteArrayList<>();
        TrainingRun run = new TrainingRun(t, d.test(), seen::add);
        run.start(false);
        await(() -> run.state() == TrainingRun.State.FINISHED && !run.isAlive(), "the end of the run");
        TrainingSnapshot merged = seen.stream().reduce(TrainingSnapshot::followedBy).orElseThrow();
        assertEquals(2, merged.tests().size());
        assertEquals(12, merged.step());
        assertEquals(1.0, merged.runProgress());
    }

    @Test
    void anErrorOnTheTrainerThreadEndsTheRunFailedAndReachesTheUncaughtExceptionHandler() throws Exception {
        DataSplit d = data();
        Rng seeded = new Rng(1);
        vaeexplorer.core.vae.Vae vae = new vaeexplorer.core.vae.Vae(vaeexplorer.core.vae.VaeConfig.of(784, 16, 2), seeded);
        vaeexplorer.core.nn.MatMul broken = new vaeexplorer.core.nn.MatMul() {
            @Override public void mult(org.ejml.data.FMatrixRMaj a, org.ejml.data.FMatrixRMaj b, org.ejml.data.FMatrixRMaj c) {
                throw new IllegalStateException("broken backend");
            }
            @Override public void multTransA(org.ejml.data.FMatrixRMaj a, org.ejml.data.FMatrixRMaj b, org.ejml.data.FMatrixRMaj c) {
                throw new IllegalStateException("broken backend");
            }
            @Override public void multTransB(org.ejml.data.FMatrixRMaj a, org.ejml.data.FMatrixRMaj b, org.ejml.data.FMatrixRMaj c) {
                throw new IllegalStateException("broken backend");
            }
            @Override public String name() { return "broken"; }
        };
        Trainer t = new Trainer(vae, d, new TrainConfig(1, 1e-3, 100, 2, 1, TrainConfig.OptimizerKind.ADAM, 1), broken, seeded);
        List<TrainingSnapshot> seen = new CopyOnWriteArrayList<>();
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        try {
            TrainingRun run = new TrainingRun(t, d.test(), seen::add);
            run.start(false); // the very first publication encodes the shown images, and fails
            await(() -> !run.isAlive(), "the thread ends");
            assertEquals(TrainingRun.State.FAILED, run.state());
            assertEquals(TrainingRun.State.FAILED, seen.get(seen.size() - 1).state());
            assertTrue(seen.get(seen.size() - 1).message().contains("broken backend"));
            await(() -> uncaught.size() == 1, "the handler sees the error");
            assertEquals("broken backend", uncaught.get(0).getMessage());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
