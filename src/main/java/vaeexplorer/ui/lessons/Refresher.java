package vaeexplorer.ui.lessons;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import vaeexplorer.core.nn.MatMul;

/**
 * Keeps one view's computed result (a decoded grid, a film strip) up to date without flooding the worker: call
 * {@link #request()} whenever an input changes. The job for the newest inputs runs on the {@link LessonWorker} at most
 * once per interval, never two at a time, and only while the view is {@link #active()} (shown); requests that arrive
 * meanwhile coalesce into one more run. Used on the FX thread only.
 */
public final class Refresher<R> {
    private final LessonWorker worker;
    private final long intervalNanos;
    private final Supplier<Function<MatMul, R>> capture;
    private final Consumer<R> apply;
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private boolean dirty;
    private boolean running;
    private boolean timerSet;
    private long lastStart;
    private boolean started;
    private int completed;

    /**
     * @param capture  on the FX thread: the job for the current inputs (it must not read FX state), or null when there
     *                 is nothing to compute (then apply gets null at once)
     * @param apply    on the FX thread: the job's result
     */
    public Refresher(LessonWorker worker, long intervalMillis, Supplier<Function<MatMul, R>> capture, Consumer<R> apply) {
        this.worker = worker;
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.capture = capture;
        this.apply = apply;
        active.addListener((o, a, b) -> pump());
    }

    /** False while the view is hidden: requests wait, and the newest runs when it shows again. */
    public BooleanProperty active() {
        return active;
    }

    /** Asks for a run with the current inputs. */
    public void request() {
        dirty = true;
        pump();
    }

    /** Results delivered so far (for tests). */
    int completed() {
        return completed;
    }

    /** True while a request waits or runs (for tests). */
    boolean busy() {
        return dirty || running;
    }

    private void pump() {
        if (!dirty || running || !active.get()) return;
        long wait = started ? lastStart + intervalNanos - worker.nanoTime() : 0;
        if (wait > 0) {
            if (!timerSet) {
                timerSet = true;
                worker.later(wait / 1_000_000L + 1, () -> {
                    timerSet = false;
                    pump();
                });
            }
            return;
        }
        dirty = false;
        Function<MatMul, R> job = capture.get();
        if (job == null) {
            completed++;
            apply.accept(null);
            return;
        }
        running = true;
        started = true;
        lastStart = worker.nanoTime();
        worker.run(job, r -> {
            running = false;
            completed++;
            apply.accept(r);
            pump();
        }, e -> {
            running = false;
            throw e; // to the FX thread's uncaught-exception handler (the error reporter)
        });
    }
}
