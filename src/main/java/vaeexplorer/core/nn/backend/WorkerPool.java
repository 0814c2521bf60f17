package vaeexplorer.core.nn.backend;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A tiny fork-join for data-parallel kernels: a fixed set of daemon worker threads and the calling thread share out
 * the chunks of one {@link Task}, each thread claiming the next unclaimed chunk until none is left. On a busy machine
 * (two cores shared with the UI, the GC, other programs) a worker that is slow to wake simply gets fewer chunks, and
 * the caller never waits for a thread that has not started: at worst it does all the work itself.
 *
 * <p>Nothing is allocated per {@link #run}: the task is an object the caller already has (typically the backend,
 * holding the operands of the current product in fields). Workers spin briefly after each task (a training step
 * issues products back to back) and then park, so an idle pool costs no CPU. One {@code run} at a time.
 */
public final class WorkerPool implements AutoCloseable {
    /** Work cut in chunks; {@code thread} is 0 for the caller and 1.. for the workers (for per-thread buffers). */
    public interface Task {
        void runChunk(int chunk, int thread);
    }

    /**
     * How long a waiting thread spins (with {@link Thread#onSpinWait}) before it parks: longer than the element-wise
     * work between two products of a training step, far shorter than a time slice. Waking a parked thread costs
     * some 10-50 microseconds.
     */
    private static final long SPIN_NANOS = 100_000;

    private final Worker[] workers;
    /** Most chunks one {@link #run} takes (the count shares the ticket with the epoch and the next chunk). */
    public static final int MAX_CHUNKS = 0xFFFF;

    /** epoch (32 bits) | chunk count (16) | next unclaimed chunk (16): a claim only counts for its own epoch. */
    private final AtomicLong ticket = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    private volatile int epoch;
    private volatile boolean callerParked;
    private volatile boolean closed;
    private volatile Throwable failure;
    // written before the epoch bump, read after it
    private Thread caller;
    private Task task;

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

    /** Runs chunks 0..chunks-1 of {@code task} on the pool's threads and this one; returns when all are done. */
    public synchronized void run(Task task, int chunks) {
        if (chunks < 0 || chunks > MAX_CHUNKS) throw new IllegalArgumentException("chunks not in 0.." + MAX_CHUNKS);
        if (closed) throw new IllegalStateException("pool closed");
        if (chunks <= 1 || workers.length == 0) {
            for (int i = 0; i < chunks; i++) task.runChunk(i, 0);
            return;
        }
        this.task = task;
        this.failure = null;
        this.caller = Thread.currentThread();
        done.set(0);
        int e = epoch + 1;
        ticket.set((long) e << 32 | (long) chunks << 16);
        epoch = e; // volatile write publishes all of the above
        for (Worker w : workers) {
            if (w.parked) LockSupport.unpark(w.thread);
        }
        work(e, 0);
        awaitDone(chunks);
        this.task = null;
        Throwable f = failure;
        if (f instanceof RuntimeException) throw (RuntimeException) f;
        if (f instanceof Error) throw (Error) f;
        if (f != null) throw new IllegalStateException(f);
    }

    /** Claims and runs chunks of epoch e until none is left. */
    private void work(int e, int thread) {
        while (true) {
            long t = ticket.get();
            if ((int) (t >>> 32) != e) return; // a later product already: nothing of ours left
            int n = (int) (t >>> 16) & 0xFFFF;
            int next = (int) t & 0xFFFF;
            if (next >= n) return;
            if (!ticket.compareAndSet(t, t + 1)) continue;
            // claimed: epoch e cannot end before this chunk is done, so task is still e's
            try {
                task.runChunk(next, thread);
            } catch (Throwable ex) {
                failure = ex;
            }
            if (done.incrementAndGet() == n && thread != 0 && callerParked) LockSupport.unpark(caller);
        }
    }

    private void awaitDone(int n) {
        long start = System.nanoTime();
        while (done.get() != n) {
            if (System.nanoTime() - start > SPIN_NANOS) break;
            Thread.onSpinWait();
        }
        while (done.get() != n) {
            callerParked = true;
            if (done.get() != n) LockSupport.park(this);
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
                work(e, index);
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
