package vaeexplorer.ui.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

/**
 * Background work on one daemon thread of its own (named, so a thread dump says whose it is), which ends after a few
 * idle seconds and starts again when needed; results go to the FX thread through
 * {@code Platform.runLater}.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ThreadPoolExecutor pool;
    private final Executor fx;

    /** @param threadName the background thread's name ("vae-session-io") */
    public FxTaskExecutor(String threadName) {
        this(threadName, Platform::runLater);
    }

    /** @param fx where {@link #fx} runs its tasks (the FX thread in the app; a stand-in thread in some tests) */
    public FxTaskExecutor(String threadName, Executor fx) {
        this.fx = fx;
        pool = new ThreadPoolExecutor(0, 1, 3, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void background(Runnable task) {
        pool.execute(task);
    }

    @Override
    public void fx(Runnable task) {
        fx.execute(task);
    }

    @Override
    public void shutdown(long millis) {
        pool.shutdown();
        pool.getQueue().clear();
        try {
            pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow(); // a task still running is asked to stop (interrupted)
    }
}
