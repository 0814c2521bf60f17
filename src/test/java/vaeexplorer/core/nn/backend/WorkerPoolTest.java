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
    void everyPartRunsOncePerCall() {
        try (WorkerPool pool = new WorkerPool(3, "test-pool")) {
            AtomicIntegerArray counts = new AtomicIntegerArray(3);
            WorkerPool.Task task = (part, parts) -> counts.incrementAndGet(part);
            // many back-to-back calls, the first one right after the threads start: no lost wake-up
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int i = 0; i < 2_000; i++) pool.run(task, 3);
                for (int i = 0; i < 1_000; i++) pool.run(task, 2);
            });
            assertEquals(3_000, counts.get(0));
            assertEquals(3_000, counts.get(1));
            assertEquals(2_000, counts.get(2));
        }
    }

    @Test
    void firstCallRightAfterConstruction() {
        for (int i = 0; i < 50; i++) {
            try (WorkerPool pool = new WorkerPool(2, "test-pool")) {
                int[] seen = new int[2];
                Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> pool.run((p, n) -> seen[p]++, 2));
                assertEquals(1, seen[0]);
                assertEquals(1, seen[1]);
            }
        }
    }

    @Test
    void failureInAWorkerReachesTheCaller() {
        try (WorkerPool pool = new WorkerPool(2, "test-pool")) {
            IllegalStateException boom = new IllegalStateException("boom");
            WorkerPool.Task task = (part, parts) -> {
                if (part == 1) throw boom;
            };
            assertSame(boom, assertThrows(IllegalStateException.class, () -> pool.run(task, 2)));
            int[] ok = new int[1];
            pool.run((p, n) -> ok[0] += p == 0 ? 1 : 0, 2); // still usable afterwards
            assertEquals(1, ok[0]);
        }
    }

    @Test
    void rejectsBadPartCounts() {
        try (WorkerPool pool = new WorkerPool(2, "test-pool")) {
            assertThrows(IllegalArgumentException.class, () -> pool.run((p, n) -> { }, 0));
            assertThrows(IllegalArgumentException.class, () -> pool.run((p, n) -> { }, 3));
        }
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0, "x"));
    }
}
