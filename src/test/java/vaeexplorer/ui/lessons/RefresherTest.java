package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import vaeexplorer.ui.fixtures.QueuedTaskExecutor;

/**
 * The refresher with a hand-turned worker and clock (no threads, no waiting): coalescing, pacing, and waiting while
 * hidden. The test's thread stands for the FX thread.
 */
class RefresherTest {
    /** A clock that moves only when the test says, running what was scheduled for then. */
    private static final class ManualClock implements LessonWorker.Clock {
        private long now;
        private final List<long[]> due = new ArrayList<>();
        private final List<Runnable> tasks = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void schedule(long millis, Runnable task) {
            due.add(new long[] {now + millis * 1_000_000L});
            tasks.add(task);
        }

        /** Moves the clock on by millis, running every task that falls due on the way, in order. */
        void advance(long millis) {
            now += millis * 1_000_000L;
            for (int i = 0; i < due.size(); ) {
                if (due.get(i)[0] <= now) {
                    due.remove(i);
                    tasks.remove(i).run();
                    i = 0;
                } else {
                    i++;
                }
            }
        }
    }

    private final QueuedTaskExecutor tasks = new QueuedTaskExecutor();
    private final ManualClock clock = new ManualClock();
    private final LessonWorker worker = new LessonWorker(tasks, clock);

    @Test
    void requestsWhileAJobRunsCoalesceIntoOneMoreRunWithTheNewestInputs() {
        AtomicInteger input = new AtomicInteger();
        List<Integer> results = new ArrayList<>();
        Refresher<Integer> r = new Refresher<>(worker, 0, () -> {
            int v = input.get();
            return mm -> v;
        }, results::add);
        r.request();
        assertEquals(1, tasks.waiting(), "the first job is under way");
        for (int i = 1; i <= 10; i++) {
            input.set(i);
            r.request();
        }
        assertEquals(1, tasks.waiting(), "no second job while the first runs");
        assertEquals(2, tasks.runAll(), "the first run, then one for all ten requests made meanwhile");
        assertEquals(List.of(0, 10), results);
        assertEquals(false, r.busy());
    }

    @Test
    void nothingRunsWhileInactiveAndTheNewestRequestRunsOnShowing() {
        AtomicInteger input = new AtomicInteger();
        List<Integer> results = new ArrayList<>();
        Refresher<Integer> r = new Refresher<>(worker, 0, () -> {
            int v = input.get();
            return mm -> v;
        }, results::add);
        r.active().set(false);
        r.request();
        input.set(7);
        r.request();
        assertEquals(0, tasks.waiting(), "hidden: nothing runs");
        r.active().set(true);
        assertEquals(1, tasks.runAll(), "shown: one run");
        assertEquals(List.of(7), results, "with the newest inputs");
    }

    @Test
    void runsAreAtLeastTheIntervalApartAndARequestNeverWaitsLongerThanThat() {
        List<Long> starts = new ArrayList<>();
        Refresher<Integer> r = new Refresher<>(worker, 150, () -> {
            starts.add(clock.nanoTime() / 1_000_000L);
            return mm -> 1;
        }, v -> { });
        // a request every 5 ms for 800 ms, the jobs finishing at once
        for (int t = 0; t < 800; t += 5) {
            r.request();
            tasks.runAll();
            clock.advance(5);
            tasks.runAll();
        }
        assertTrue(starts.size() >= 5, "about one run per 150 ms in 800 ms: " + starts);
        assertEquals(0L, starts.get(0), "the first request runs at once");
        for (int i = 1; i < starts.size(); i++) {
            long gap = starts.get(i) - starts.get(i - 1);
            assertTrue(gap >= 150, "paced: " + starts);
            assertTrue(gap <= 150 + 5, "and no later than the interval allows (one 5 ms step): " + starts);
        }
    }
}
