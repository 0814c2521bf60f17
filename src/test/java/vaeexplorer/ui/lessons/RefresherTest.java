package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The refresher on a stand-in FX thread (one plain thread): coalescing, pacing, and waiting while hidden. */
class RefresherTest {
    private final ExecutorService fx = Executors.newSingleThreadExecutor();
    private final LessonWorker worker = new LessonWorker(fx);

    @AfterEach
    void stop() {
        fx.shutdownNow();
    }

    private void onFx(Runnable r) throws Exception {
        fx.submit(r).get(5, TimeUnit.SECONDS);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void requestsWhileAJobRunsCoalesceIntoOneMoreRunWithTheNewestInputs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger input = new AtomicInteger();
        List<Integer> results = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Refresher<Integer>> r = new AtomicReference<>();
        onFx(() -> r.set(new Refresher<>(worker, 0, () -> {
            int v = input.get();
            return mm -> {
                runs.incrementAndGet();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return v;
            };
        }, results::add)));
        onFx(() -> r.get().request());
        for (int i = 1; i <= 10; i++) {
            int v = i;
            onFx(() -> {
                input.set(v);
                r.get().request();
            });
        }
        release.countDown();
        long end = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < end) {
            boolean[] busy = new boolean[1];
            onFx(() -> busy[0] = r.get().busy());
            if (!busy[0]) break;
            sleep(10);
        }
        onFx(() -> { });
        assertEquals(2, runs.get(), "the first run, then one for all ten requests made meanwhile");
        assertEquals(List.of(0, 10), results);
    }

    @Test
    void nothingRunsWhileInactiveAndTheNewestRequestRunsOnShowing() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<Integer> results = new ArrayList<>();
        AtomicReference<Refresher<Integer>> r = new AtomicReference<>();
        onFx(() -> {
            r.set(new Refresher<>(worker, 0, () -> mm -> runs.incrementAndGet(), results::add));
            r.get().active().set(false);
            r.get().request();
            r.get().request();
        });
        sleep(200);
        assertEquals(0, runs.get());
        onFx(() -> r.get().active().set(true));
        long end = System.nanoTime() + 5_000_000_000L;
        while (runs.get() == 0 && System.nanoTime() < end) sleep(10);
        sleep(100);
        assertEquals(1, runs.get());
    }

    @Test
    void runsAreAtLeastTheIntervalApart() throws Exception {
        List<Long> starts = new ArrayList<>();
        AtomicReference<Refresher<Integer>> r = new AtomicReference<>();
        onFx(() -> r.set(new Refresher<>(worker, 150, () -> {
            starts.add(System.nanoTime());
            return mm -> 1;
        }, v -> { })));
        long end = System.nanoTime() + 800_000_000L;
        while (System.nanoTime() < end) {
            onFx(() -> r.get().request());
            sleep(5);
        }
        sleep(300);
        int[] n = new int[1];
        onFx(() -> n[0] = starts.size());
        assertTrue(n[0] >= 3 && n[0] <= 7, "about one run per 150 ms in 800 ms, got " + n[0]);
        for (int i = 1; i < n[0]; i++) assertTrue(starts.get(i) - starts.get(i - 1) >= 145_000_000L, "paced");
    }
}
