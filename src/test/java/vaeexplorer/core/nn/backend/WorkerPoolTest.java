package vaeexplorer.core.nn.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    @Test
    void everyChunkRunsOncePerCall() {
        try (WorkerPool pool = new WorkerPool(3, "test-pool")) {
            int chunks = 7;
            AtomicIntegerArray counts = new AtomicIntegerArray(chunks);
            AtomicIntegerArray byThread = new AtomicIntegerArray(3);
            WorkerPool.Task task = (chunk, thread) -> {
                counts.incrementAndGet(chunk);
                byThread.incrementAndGet(thread);
            };
            // many back-to-back calls, the first one right after the threads start: no lost wake-up, no stray claim
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 0; i < 3_000; i++) pool.run(task, chunks);
                for (int i = 0; i < 1_000; i++) pool.run(task, 2);
            });
            for (int c = 0; c < chunks; c++) assertEquals(c < 2 ? 4_000 : 3_000, counts.get(c), "chunk " + c);
            assertEquals(3_000 * chunks + 2_000, byThread.get(0) + byThread.get(1) + byThread.get(2));
        }
    }

    @Test
    void firstCallRightAfterConstruction() {
        for (int i = 0; i < 50; i++) {
            try (WorkerPool pool = new WorkerPool(2, "test-pool")) {
                AtomicIntegerArray seen = new AtomicIntegerArray(4);
                Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> pool.run((chunk, thread) -> seen.incrementAndGet(chunk), 4));
                for (int c = 0; c < 4; c++) assertEquals(1, seen.get(c));
            }
        }
    }

    @Test
    void failureInAChunkReachesTheCaller() {
        try (WorkerPool pool = new WorkerPool(2, "test-pool")) {
            IllegalStateException boom = new IllegalStateException("boom");
            WorkerPool.Task task = (chunk, thread) -> {
                if (chunk == 3) throw boom;
            };
            assertSame(boom, assertThrows(IllegalStateException.class, () -> pool.run(task, 6)));
            AtomicIntegerArray ok = new AtomicIntegerArray(6);
            pool.run((chunk, thread) -> ok.incrementAndGet(chunk), 6); // still usable afterwards
            for (int c = 0; c < 6; c++) assertEquals(1, ok.get(c));
        }
    }

    @Test
    void rejectsBadChunkCounts() {
        try (WorkerPool pool = new WorkerPool(2, "test-pool")) {
            assertThrows(IllegalArgumentException.class, () -> pool.run((c, t) -> { }, -1));
            assertThrows(IllegalArgumentException.class, () -> pool.run((c, t) -> { }, WorkerPool.MAX_CHUNKS + 1));
            pool.run((c, t) -> { }, 0);
        }
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0, "x"));
    }
}
