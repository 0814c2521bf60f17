package vaeexplorer.ui.lessons;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.application.Platform;
import vaeexplorer.core.nn.backend.MatMulBackends;
import vaeexplorer.core.nn.MatMul;

/**
 * The one background thread of the lesson views: batched decodes and encodes for grids, strips and maps, so that the
 * FX thread never waits for them. Jobs run one at a time, in order. The thread ends after a few idle seconds and starts
 * again when needed, so there is nothing to shut down. {@link #newMatMul()} is the one place that picks the matrix
 * backend for this inference.
 */
final class LessonWorker {
    private final Executor fx;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 1, 3, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            r -> {
                Thread t = new Thread(r, "vae-lessons");
                t.setDaemon(true);
                return t;
            });
    /** Used on the worker thread only (jobs run one after another). */
    private MatMul mm;

    LessonWorker() {
        this(Platform::runLater);
    }

    /** @param fx where results are delivered (the FX thread in the app) */
    LessonWorker(Executor fx) {
        this.fx = fx;
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
        pool.execute(() -> {
            R result;
            try {
                if (mm == null) mm = newMatMul();
                result = job.apply(mm);
            } catch (RuntimeException e) {
                fx.execute(() -> onError.accept(e));
                return;
            }
            fx.execute(() -> onResult.accept(result));
        });
    }

    /** Runs task on the FX executor after a delay. */
    void later(long millis, Runnable task) {
        CompletableFuture.delayedExecutor(Math.max(0, millis), TimeUnit.MILLISECONDS, fx).execute(task);
    }
}
