package vaeexplorer.ui.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.core.train.TrainingSnapshot;

class CoalescerTest {

    /** An executor standing in for Platform.runLater: a queue drained by a "UI" thread, counting what waits. */
    private static final class CountingExecutor implements Executor {
        final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
        final AtomicInteger waiting = new AtomicInteger();
        final AtomicInteger mostWaiting = new AtomicInteger();

        @Override
        public void execute(Runnable r) {
            mostWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
            queue.add(() -> {
                waiting.decrementAndGet();
                r.run();
            });
        }
    }

    private static TrainingSnapshot snapshot(long step, TrainingRun.State state) {
        List<LossPoint> losses = List.of(new LossPoint(step, step / 100.0, 200 - step * 1e-3, 190, 10, 1));
        return new TrainingSnapshot(state, null, step, 0, 5, 0, 100, 0, 0, 1, 1e-3, losses, List.of(), null, null, null);
    }

    @Test
    void neverHasMoreThanOnePendingRunLaterAndMergesLossesWithoutDroppingAny() throws Exception {
        CountingExecutor ui = new CountingExecutor();
        List<Long> delivered = new ArrayList<>();
        List<TrainingSnapshot> received = new ArrayList<>();
        Coalescer<TrainingSnapshot> c = new Coalescer<>(TrainingSnapshot::followedBy, s -> {
            received.add(s);
            for (LossPoint p : s.losses()) delivered.add(p.step());
        }, ui);
        int n = 20_000;
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread trainer = new Thread(() -> {
            for (int i = 1; i <= n; i++) c.offer(snapshot(i, i == n ? TrainingRun.State.FINISHED : TrainingRun.State.RUNNING));
            producing.set(false);
        });
        trainer.start();
        // the UI thread: slow and irregular, so that snapshots pile up and must be merged
        int turns = 0;
        while (producing.get() || !ui.queue.isEmpty()) {
            Runnable r = ui.queue.poll(5, TimeUnit.MILLISECONDS);
            if (r == null) continue;
            if (++turns % 7 == 0) Thread.sleep(1);
            r.run();
        }
        trainer.join();

        assertTrue(ui.mostWaiting.get() <= 1, "at most one runLater pending, saw " + ui.mostWaiting.get());
        assertEquals(n, delivered.size(), "every loss point arrives once");
        for (int i = 0; i < n; i++) assertEquals(i + 1, delivered.get(i), "in order");
        assertTrue(received.size() < n, "snapshots were merged (" + received.size() + " hand-overs for " + n + ")");
        TrainingSnapshot lastOne = received.get(received.size() - 1);
        assertEquals(n, lastOne.step(), "the newest state wins");
        assertEquals(TrainingRun.State.FINISHED, lastOne.state());
        assertFalse(c.hasPending());
    }

    @Test
    void aValueOfferedWhileTheSinkRunsIsDeliveredByTheNextHandOver() throws Exception {
        CountingExecutor ui = new CountingExecutor();
        List<Integer> got = new ArrayList<>();
        CountDownLatch inSink = new CountDownLatch(1), offered = new CountDownLatch(1);
        Coalescer<Integer> c = new Coalescer<>(Integer::sum, v -> {
            got.add(v);
            if (got.size() == 1) {
                inSink.countDown();
                try {
                    offered.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, ui);
        c.offer(1);
        Thread uiThread = new Thread(() -> ui.queue.poll().run());
        uiThread.start();
        inSink.await();
        c.offer(2);
        c.offer(3);
        offered.countDown();
        uiThread.join();
        assertEquals(1, ui.queue.size(), "one new hand-over for the values offered meanwhile");
        ui.queue.poll().run();
        assertEquals(List.of(1, 5), got);
    }

    @Test
    void anExecutorThatHasShutDownDropsTheValueInsteadOfThrowingAtTheProducer() {
        java.util.concurrent.ExecutorService gone = java.util.concurrent.Executors.newSingleThreadExecutor();
        gone.shutdownNow();
        java.util.List<Integer> got = new java.util.ArrayList<>();
        Coalescer<Integer> c = new Coalescer<>(Integer::sum, got::add, gone);
        c.offer(1); // a trainer thread's last report after the window closed
        org.junit.jupiter.api.Assertions.assertFalse(c.hasPending(), "nothing is left waiting");
        c.offer(2);
        org.junit.jupiter.api.Assertions.assertTrue(got.isEmpty());
    }
}
