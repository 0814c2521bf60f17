package vaeexplorer.ui.concurrent;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * Hands values from a producer thread (the trainer) to the FX thread with at most one pending hand-over: a value that
 * arrives while one is still waiting is merged into it. Neither side ever waits for the other; the FX thread gets the
 * newest state (and, with a lossless merge, every loss point) as fast as it can take it. The explorer uses it with
 * {@code TrainingSnapshot::followedBy} and {@code Platform::runLater}:
 * {@code if (pending.getAndAccumulate(s, merge) == null) Platform.runLater(drain)}.
 */
public final class Coalescer<T> {
    private final AtomicReference<T> pending = new AtomicReference<>();
    private final BinaryOperator<T> merge;
    private final Consumer<? super T> sink;
    private final Executor executor;

    /**
     * @param merge    combines an older pending value with a newer one; may run more than once per offer under
     *                 contention, so it must be free of side effects
     * @param sink     receives the merged values, on the executor's thread
     * @param executor where the sink runs (Platform::runLater in the app)
     */
    public Coalescer(BinaryOperator<T> merge, Consumer<? super T> sink, Executor executor) {
        this.merge = Objects.requireNonNull(merge);
        this.sink = Objects.requireNonNull(sink);
        this.executor = Objects.requireNonNull(executor);
    }

    /**
     * Offers a value; schedules one drain only when none is pending. Any thread; never blocks. An executor that has
     * shut down (the window closed while a trainer thread made its last report) drops the value: no one is left to
     * receive it.
     */
    public void offer(T value) {
        Objects.requireNonNull(value);
        if (pending.getAndAccumulate(value, (old, v) -> old == null ? v : merge.apply(old, v)) == null) {
            try {
                executor.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException gone) {
                pending.set(null);
            }
        }
    }

    /** True while a value waits for the sink. */
    public boolean hasPending() {
        return pending.get() != null;
    }

    private void drain() {
        T value = pending.getAndSet(null);
        if (value != null) sink.accept(value);
    }
}
