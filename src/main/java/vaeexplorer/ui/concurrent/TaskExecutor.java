package vaeexplorer.ui.concurrent;

/**
 * The one way the ui's services run work off the FX thread and come back to it (as JabRef's TaskExecutor): the app
 * uses {@link FxTaskExecutor}; tests that need no threads use {@link CurrentThreadTaskExecutor}, which runs
 * everything at once on the caller's thread.
 */
public interface TaskExecutor {
    /** Runs task off the FX thread; the tasks of one executor run one at a time, in the order given. */
    void background(Runnable task);

    /** Runs task on the FX thread, after what it is doing now. */
    void fx(Runnable task);

    /**
     * Drops the queued background tasks and lets the one under way finish, waiting up to millis; then interrupts it if it
     * still runs. Idempotent.
     */
    void shutdown(long millis);
}
