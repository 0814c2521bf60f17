package vaeexplorer.ui.concurrent;

/** Runs background and FX tasks at once, on the caller's thread: for tests of services without threads or waits. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public void background(Runnable task) {
        task.run();
    }

    @Override
    public void fx(Runnable task) {
        task.run();
    }

    @Override
    public void shutdown(long millis) {
        // nothing runs apart
    }
}
