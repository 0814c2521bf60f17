package vaeexplorer.core.nn.backend;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A tiny fork-join for data-parallel kernels: a fixed set of daemon worker threads plus the calling thread run one
 * {@link Task} together, each with its own part index. Nothing is allocated per {@link #run}: the task is an object the
 * caller already has (typically the backend itself, holding the current operands in fields).
 *
 * <p>Workers spin briefly after each task (a training step issues products back to back) and then park, so an idle
 * pool costs no CPU. One {@code run} at a time: calls are serialised on the pool.
 */
public final class WorkerPool implements AutoCloseable {
    /** Work split in {@code parts} pieces; piece {@code part} runs on one thread. Part 0 runs on the caller. */
    public interface Task {
        void run(int part, int parts);
    }

    /**
     * How long a waiting thread spins (with {@link Thread#onSpinWait}) before it parks: longer than the element-wise
     * work between two products of a training step, far shorter than a time slice. Waking a parked thread costs
     * some 10-50 microseconds.
     */
    private static final long SPIN_NANOS = 100_000;

    private final Worker[] workers;
    private Thread caller; // written before the epoch bump, read after it
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile boolean callerParked;
    private volatile int epoch;
    private volatile boolean closed;
    private Task task;
    private int parts;
    private volatile Throwable failure;

    /** A pool for {@code threads} threads in all: the caller and {@code threads - 1} daemon workers. */
    public WorkerPool(int threads, String name) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            Thread t = new Thread(workers[i], name + "-" + (i + 1));
            t.setDaemon(true);
            workers[i].thread = t;
            t.start();
        }
    }

    /** Threads taking part in a {@link #run}, the caller included. */
    public int threads() {
        return workers.length + 1;
    }

    /** Runs {@code task} split in {@code parts} pieces (1 to {@link #threads()}), part 0 on the calling thread. */
    public synchronized void run(Task task, int parts) {
        if (parts < 1 || parts > threads()) throw new IllegalArgumentException("parts " + parts + " not in 1.." + threads());
        if (closed) throw new IllegalStateException("pool closed");
        if (parts == 1) {
            task.run(0, 1);
            return;
        }
        this.task = task;
        this.parts = parts;
        this.failure = null;
        caller = Thread.currentThread();
        remaining.set(parts - 1);
        epoch++; // volatile write publishes task, parts and remaining
        for (int i = 0; i < parts - 1; i++) {
            Worker w = workers[i];
            if (w.parked) LockSupport.unpark(w.thread);
        }
        Throwable own = null;
        try {
            task.run(0, parts);
        } catch (Throwable t) {
            own = t;
        }
        awaitWorkers();
        this.task = null;
        Throwable f = own != null ? own : failure;
        if (f instanceof RuntimeException) throw (RuntimeException) f;
        if (f instanceof Error) throw (Error) f;
        if (f != null) throw new IllegalStateException(f);
    }

    private void awaitWorkers() {
        long start = System.nanoTime();
        while (remaining.get() != 0) {
            if (System.nanoTime() - start > SPIN_NANOS) break;
            Thread.onSpinWait();
        }
        while (remaining.get() != 0) {
            callerParked = true;
            if (remaining.get() != 0) LockSupport.park(this);
            callerParked = false;
        }
    }

    /** Stops the workers (they are daemons, so this is optional). */
    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) LockSupport.unpark(w.thread);
    }

    private final class Worker implements Runnable {
        final int index;
        Thread thread;
        volatile boolean parked;

        Worker(int index) {
            this.index = index;
        }

        @Override
        public void run() {
            int seen = 0; // the epoch at construction: a task published before this thread got going still counts
            while (!closed) {
                int e = awaitEpoch(seen);
                if (e == seen) continue; // closed
                seen = e;
                int p = parts;
                if (index < p) {
                    try {
                        task.run(index, p);
                    } catch (Throwable t) {
                        failure = t;
                    }
                    if (remaining.decrementAndGet() == 0 && callerParked) LockSupport.unpark(caller);
                }
            }
        }

        private int awaitEpoch(int seen) {
            long start = System.nanoTime();
            do {
                int e = epoch;
                if (e != seen) return e;
                Thread.onSpinWait();
            } while (System.nanoTime() - start < SPIN_NANOS);
            while (!closed) {
                parked = true;
                int e = epoch;
                if (e != seen) {
                    parked = false;
                    return e;
                }
                LockSupport.park(this);
                parked = false;
                e = epoch;
                if (e != seen) return e;
            }
            return seen;
        }
    }
}
