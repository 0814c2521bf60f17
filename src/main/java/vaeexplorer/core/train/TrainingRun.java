package vaeexplorer.core.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.vae.Vae;

/**
 * Runs a {@link Trainer} on a thread of its own, which alone touches the model, and publishes
 * {@link TrainingSnapshot}s to a listener about every {@link #REPORT_NANOS}: the losses since the last one, the
 * latest model copy, and (about once a second) the encodings of the shown points. Commands (pause, resume, one step,
 * stop, beta, KL warm-up and learning rate) may come from any thread and never wait for the trainer, except {@link #stop}, which
 * waits a bounded time for the thread to end. The listener runs on the trainer thread and must return quickly
 * (hand the snapshot over, do not render it there).
 */
public final class TrainingRun {
    /** The run's life: it is created IDLE, and ends FINISHED, STOPPED, DIVERGED or FAILED. */
    public enum State { IDLE, RUNNING, PAUSED, FINISHED, STOPPED, DIVERGED, FAILED;
        public boolean isOver() {
            return this == FINISHED || this == STOPPED || this == DIVERGED || this == FAILED;
        }
    }

    public static final long REPORT_NANOS = 80_000_000L;
    /** Latent encodings are refreshed at least this often... */
    public static final long LATENT_MAX_NANOS = 1_000_000_000L;
    /** ...and at most this often, spending no more than about a fifth of the training time on them. */
    public static final long LATENT_MIN_NANOS = 250_000_000L;

    private final Trainer trainer;
    private final Dataset shown;
    private final Consumer<TrainingSnapshot> listener;
    private final Object lock = new Object();
    private Thread thread;
    private volatile State state = State.IDLE;
    private boolean pauseRequested;
    private int stepsRequested;
    private volatile boolean stopRequested;
    private volatile double speedLimit;
    /** Work for the trainer thread (see {@link #onTrainerThread}); guarded by lock. */
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    /** True once the thread takes no more tasks; guarded by lock. */
    private boolean ended;

    // owned by the trainer thread
    private final List<LossPoint> pendingLosses = new ArrayList<>();
    private final List<TestPoint> pendingTests = new ArrayList<>();
    private Vae.Workspace encodeWs;
    private long activeNanos;
    private long rateImages;
    private long rateNanos;
    private double samplesPerSecond;
    private double[] pendingKl;
    /** Why the run ended early, or null. */
    private RunProblem problem;
    private long latentInterval = LATENT_MIN_NANOS;

    /**
     * @param shown the images whose encodings are published for the scatter (e.g. up to 2,000 test images)
     */
    public TrainingRun(Trainer trainer, Dataset shown, Consumer<TrainingSnapshot> listener) {
        this.trainer = trainer;
        this.shown = shown;
        this.listener = listener;
    }

    public Trainer trainer() {
        return trainer;
    }

    public State state() {
        return state;
    }

    /** Starts the thread, running or paused. Once only. */
    public void start(boolean paused) {
        synchronized (lock) {
            if (thread != null) throw new IllegalStateException("a training run starts once");
            pauseRequested = paused;
            state = paused ? State.PAUSED : State.RUNNING;
            thread = new Thread(this::loop, "vae-trainer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    public void pause() {
        synchronized (lock) {
            if (state.isOver()) return;
            pauseRequested = true;
        }
    }

    public void resume() {
        synchronized (lock) {
            if (state.isOver()) return;
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    /** Trains one batch while paused (ignored while running). */
    public void stepOnce() {
        synchronized (lock) {
            if (state.isOver() || !pauseRequested) return;
            stepsRequested++;
            lock.notifyAll();
        }
    }

    public void setBeta(double beta) {
        trainer.setBeta(beta);
    }

    public void setLearningRate(double lr) {
        trainer.setLearningRate(lr);
    }

    /** KL warm-up over this many epochs (0: off); see {@link Trainer#setKlWarmupEpochs}. */
    public void setKlWarmupEpochs(double epochs) {
        trainer.setKlWarmupEpochs(epochs);
    }

    /** Asks the thread to end and waits for it up to the given time (0: not at all); true if it has ended. */
    public boolean stop(long waitMillis) {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) return true;
        if (waitMillis <= 0) return !t.isAlive();
        try {
            t.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    /**
     * Runs task with the trainer on the thread that owns it, between two steps (also while paused), after publishing
     * a snapshot with every loss up to now; so a listener that hands snapshots over in order has them all before it
     * sees the result. Before the thread starts and after it has ended, the task runs at once on the calling thread
     * (then nothing else touches the trainer). The future fails with the task's exception. Any thread; never waits.
     */
    public <T> CompletableFuture<T> onTrainerThread(Function<? super Trainer, ? extends T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable r = () -> {
            try {
                result.complete(task.apply(trainer));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        };
        Thread t;
        synchronized (lock) {
            t = thread;
            if (t != null && !ended) {
                tasks.add(r);
                lock.notifyAll();
                return result;
            }
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(); // it has ended: only its last tasks and snapshot are left
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.completeExceptionally(e);
                return result;
            }
        }
        r.run();
        return result;
    }

    /** True while the trainer thread is alive. */
    public boolean isAlive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    private void loop() {
        try {
            // the first steps run at full speed only once the JIT has compiled the vector kernels: the app starts that
            // at launch, so by the time a person presses Train this returns at once (a few seconds at most otherwise)
            vaeexplorer.core.nn.backend.MatMulBackends.awaitWarmUp();
            train();
        } finally {
            List<Runnable> last;
            synchronized (lock) {
                ended = true;
                last = new ArrayList<>(tasks);
                tasks.clear();
            }
            for (Runnable r : last) r.run();
        }
    }

    /** Runs the queued tasks (see {@link #onTrainerThread}); true if there were any. */
    private boolean runTasks() {
        List<Runnable> now;
        synchronized (lock) {
            if (tasks.isEmpty()) return false;
            now = new ArrayList<>(tasks);
            tasks.clear();
        }
        publish(false);
        for (Runnable r : now) r.run();
        return true;
    }

    /**
     * Holds training to at most this many steps per second (0 or less: as fast as it can), so that a class can watch
     * it happen; takes effect at once, also in the middle of a wait.
     */
    public void setSpeedLimit(double stepsPerSecond) {
        synchronized (lock) {
            speedLimit = stepsPerSecond > 0 && Double.isFinite(stepsPerSecond) ? stepsPerSecond : 0;
            lock.notifyAll();
        }
    }

    /** Steps per second training is held to, or 0 for full speed. */
    public double speedLimit() {
        return speedLimit;
    }

    /** How long to wait before the next step: a step every 1/limit seconds from the last one's start (0: none). */
    static long pacingNanos(long stepStart, long now, double limit) {
        if (!(limit > 0)) return 0;
        return Math.max(0, stepStart + Math.round(1e9 / limit) - now);
    }

    /** Waits out the rest of a paced step; a stop, a pause, a task or a new limit ends the wait early. */
    private void pace(long stepStart) throws InterruptedException {
        synchronized (lock) {
            while (true) {
                long left = pacingNanos(stepStart, System.nanoTime(), speedLimit);
                if (left <= 0 || stopRequested || pauseRequested || !tasks.isEmpty()) return;
                lock.wait(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
    }

    private void train() {
        long lastReport = System.nanoTime();
        long lastLatent = 0;
        try {
            publish(true); // inside: a failure while encoding the first codes also ends the run FAILED
            while (true) {
                runTasks();
                boolean stepOnly;
                synchronized (lock) {
                    if (pauseRequested && stepsRequested == 0 && !stopRequested && tasks.isEmpty()) {
                        if (state != State.PAUSED) {
                            state = State.PAUSED;
                            publish(true);
                        }
                        while (pauseRequested && stepsRequested == 0 && !stopRequested && tasks.isEmpty()) lock.wait();
                    }
                    if (stopRequested) break;
                    if (!tasks.isEmpty()) continue;
                    stepOnly = pauseRequested;
                    if (stepOnly) stepsRequested--;
                    state = stepOnly ? State.PAUSED : State.RUNNING;
                }
                long t0 = System.nanoTime();
                int before = trainer.epochProgress();
                boolean epochEnded = trainer.trainStep();
                long t1 = System.nanoTime();
                activeNanos += t1 - t0;
                rateNanos += t1 - t0;
                rateImages += epochEnded ? trainer.data().train().size() - before : trainer.epochProgress() - before;
                if (epochEnded) {
                    flushLosses();
                    pendingTests.add(new TestPoint(trainer.epoch(), trainer.step(), trainer.evaluateTest()));
                    if (trainer.epoch() >= trainer.config().epochs()) {
                        state = State.FINISHED;
                        publish(true);
                        return;
                    }
                }
                long now = System.nanoTime();
                boolean paced = !stepOnly && speedLimit > 0;
                if (stepOnly || epochEnded || paced || now - lastReport >= REPORT_NANOS) {
                    if (rateNanos > 0) samplesPerSecond = rateImages / (rateNanos / 1e9);
                    if (rateNanos > 2_000_000_000L) { rateImages /= 2; rateNanos /= 2; }
                    // slowed down for watching, every step moves the points
                    boolean latent = stepOnly || epochEnded || (paced && speedLimit <= 30) || now - lastLatent >= latentInterval;
                    if (latent) lastLatent = now;
                    publish(latent);
                    lastReport = System.nanoTime();
                }
                if (paced) pace(t0);
            }
            state = State.STOPPED;
            publish(false);
        } catch (TrainingDivergedException e) {
            state = State.DIVERGED;
            problem = e.problem() != null ? e.problem() : RunProblem.internalError(trainer.step(), trainer.learningRate(), e);
            publish(true);
        } catch (InterruptedException e) {
            state = State.STOPPED;
            publish(false);
        } catch (RuntimeException | Error e) {
            state = State.FAILED;
            problem = RunProblem.internalError(trainer.step(), trainer.learningRate(), e);
            publish(false);
            throw e;
        }
    }

    /** Turns the losses gathered since the last report into a loss point. */
    private void flushLosses() {
        if (trainer.reportImages() == 0) return;
        Evaluation e = trainer.takeReport();
        double position = trainer.epoch() + (double) trainer.epochProgress() / trainer.data().train().size();
        pendingLosses.add(new LossPoint(trainer.step(), position, e.loss(), e.recon(), e.kl(), trainer.effectiveBeta()));
        pendingKl = e.klPerDim();
    }

    private void publish(boolean withLatent) {
        flushLosses();
        TrainingSnapshot s = new TrainingSnapshot(state, problem, trainer.step(), trainer.epoch(), trainer.config().epochs(),
                trainer.epochProgress(), trainer.data().train().size(), samplesPerSecond, activeNanos, trainer.effectiveBeta(),
                trainer.learningRate(), pendingLosses, pendingTests, pendingKl, trainer.vae().snapshot(),
                withLatent ? encodeShown() : null);
        pendingLosses.clear();
        pendingTests.clear();
        listener.accept(s);
    }

    /**
     * Encodes the shown images with the live model (mu and sigma per point) in a work buffer kept for the run, not a
     * snapshot's (which would allocate its own on every encoding), and paces the next encoding by its cost.
     */
    private LatentCodes encodeShown() {
        Vae vae = trainer.vae();
        int d = vae.config().latent(), n = shown.size(), px = shown.imageSize();
        if (encodeWs == null) encodeWs = vae.workspace(Math.min(500, Math.max(1, n)));
        long t0 = System.nanoTime();
        float[] mu = new float[n * d], sigma = new float[n * d];
        for (int start = 0; start < n; start += encodeWs.maxBatch) {
            int rows = Math.min(encodeWs.maxBatch, n - start);
            encodeWs.resize(rows);
            for (int r = 0; r < rows; r++) shown.copyImage(start + r, encodeWs.x.data, r * px);
            vae.encode(trainer.matMul(), encodeWs, rows);
            float[] h = encodeWs.head.data;
            // head row = (mu, log sigma^2); sigma = exp(0.5 log sigma^2)
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < d; j++) {
                    mu[(start + r) * d + j] = h[r * 2 * d + j];
                    sigma[(start + r) * d + j] = (float) Math.exp(0.5 * h[r * 2 * d + d + j]);
                }
        }
        long cost = System.nanoTime() - t0;
        latentInterval = Math.max(LATENT_MIN_NANOS, Math.min(LATENT_MAX_NANOS, 5 * cost));
        return LatentCodes.ofAll(trainer.step(), shown, d, mu, sigma);
    }
}
