package vaeexplorer.ui.lessons;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import vaeexplorer.core.nn.backend.MatMulBackends;
import vaeexplorer.core.nn.MatMul;

import vaeexplorer.ui.concurrent.FxTaskExecutor;
import vaeexplorer.ui.concurrent.TaskExecutor;

/**
 * The one background thread of the lesson views: batched decodes and encodes for grids, strips and maps, so that the
 * FX thread never waits for them. Jobs run one at a time, in order. The thread ends after a few idle seconds and starts
 * again when needed, so there is nothing to shut down. {@link #newMatMul()} is the one place that picks the matrix
 * backend for this inference.
 */
final class LessonWorker {
    /** Where the worker's time comes from: the system's clock, or a test's hand-turned one. */
    interface Clock {
        long nanoTime();

        /** Runs task (on any thread) once millis have passed. */
        void schedule(long millis, Runnable task);
    }

    /** The system's clock. */
    static final Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void schedule(long millis, Runnable task) {
            CompletableFuture.delayedExecutor(Math.max(0, millis), TimeUnit.MILLISECONDS).execute(task);
        }
    };

    private final TaskExecutor tasks;
    private final Clock clock;
    /** Used on the worker thread only (jobs run one after another). */
    private MatMul mm;

    LessonWorker() {
        this(new FxTaskExecutor("vae-lessons"));
    }

    LessonWorker(TaskExecutor tasks) {
        this(tasks, SYSTEM);
    }

    LessonWorker(TaskExecutor tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The worker's clock, in nanoseconds. */
    long nanoTime() {
        return clock.nanoTime();
    }

    /**
     * The backend for the lesson views' batched products: the fastest one, single-threaded, so the trainer and the FX
     * thread keep their cores. Tasks run one at a time, so the one instance is never used concurrently.
     */
    static MatMul newMatMul() {
        return MatMulBackends.create(1);
    }

    /** Runs job on the worker; its result (or error) goes to onResult (or onError) on the FX executor. */
    <R> void run(Function<MatMul, R> job, Consumer<R> onResult, Consumer<RuntimeException> onError) {
        tasks.background(() -> {
            R result;
            try {
                if (mm == null) mm = newMatMul();
                result = job.apply(mm);
            } catch (RuntimeException e) {
                tasks.fx(() -> onError.accept(e));
                return;
            }
            tasks.fx(() -> onResult.accept(result));
        });
    }

    /** Runs task on the FX executor after a delay. */
    void later(long millis, Runnable task) {
        clock.schedule(millis, () -> tasks.fx(task));
    }
}
