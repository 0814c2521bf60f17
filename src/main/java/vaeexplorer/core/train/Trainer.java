package vaeexplorer.core.train;

import java.util.List;

import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.Adam;
import vaeexplorer.core.nn.Elementwise;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Optimizer;
import vaeexplorer.core.nn.Param;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.nn.Sgd;
import vaeexplorer.core.vae.Vae;

/**
 * The training loop of one run, one batch at a time: seeded shuffling per epoch, forward and backward, an optimiser
 * step, running loss sums, held-out evaluation. One thread owns a Trainer; beta and the learning rate may be changed
 * from any thread and take effect at the next step.
 */
public final class Trainer {
    /** The eps seed of every evaluation, so the same model always gets the same numbers. */
    public static final long EVAL_SEED = 123;
    /** The longest KL warm-up, in epochs. */
    public static final double MAX_KL_WARMUP = 10_000;
    /** Steps between copies of the weights kept to roll back to when training diverges. */
    private static final int GOOD_STATE_EVERY = 100;

    private final Vae vae;
    private final DataSplit data;
    private TrainConfig config;
    private final MatMul mm;
    private final Rng rng;
    private final Optimizer optimizer;
    private final Elementwise kernels;
    private final Vae.Workspace ws;
    private Vae.Workspace evalWs;
    private final int[] order;
    private final float[][] lastGood;
    private long lastGoodStep;
    private int cursor;
    private int epoch;
    private long step;
    private volatile double beta;
    private volatile double learningRate;
    private volatile double klWarmupEpochs;
    private final LossAccumulator sinceReport;
    private final LossAccumulator thisEpoch;
    private StepTimer timer = StepTimer.OFF;

    /**
     * @param rng the run's seeded generator (the one that initialised the model), used for shuffling and eps
     */
    public Trainer(Vae vae, DataSplit data, TrainConfig config, MatMul mm, Rng rng) {
        if (data.train().imageSize() != vae.config().inputSize())
            throw new IllegalArgumentException("the model takes " + vae.config().inputSize() + " pixels but the images of "
                    + data.name() + " have " + data.train().imageSize());
        if (config.batchSize() > data.train().size())
            throw new IllegalArgumentException("batch size " + config.batchSize() + " is larger than the "
                    + data.train().size() + " training images");
        this.vae = vae;
        this.data = data;
        this.config = config;
        this.mm = mm;
        this.rng = rng;
        this.beta = config.beta();
        this.learningRate = config.learningRate();
        this.kernels = Elementwise.of(mm);
        this.optimizer = switch (config.optimizer()) {
            case ADAM -> new Adam(vae.params(), Elementwise.of(mm));
            case SGD -> new Sgd(vae.params(), 0.9);
        };
        ws = vae.workspace(config.batchSize());
        order = new int[data.train().size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        List<Param> ps = vae.params();
        lastGood = new float[ps.size()][];
        for (int k = 0; k < ps.size(); k++) lastGood[k] = ps.get(k).value.data.clone();
        sinceReport = new LossAccumulator(vae.config().latent());
        thisEpoch = new LossAccumulator(vae.config().latent());
    }

    /** Times the phases of every following step (benchmarks only); {@link StepTimer#OFF} stops it. */
    public void setStepTimer(StepTimer timer) {
        this.timer = java.util.Objects.requireNonNull(timer, "timer");
    }

    public Vae vae() { return vae; }
    public DataSplit data() { return data; }
    public TrainConfig config() { return config; }

    /**
     * Raises the run's length by more epochs, so that a finished run can go on where it ended (weights, optimiser
     * state, step count and history stay). Call it while no thread trains with this trainer.
     */
    public void trainMoreEpochs(int more) {
        if (more < 1) throw new IllegalArgumentException("more epochs must be at least 1, got " + more);
        config = config.withEpochs(Math.addExact(config.epochs(), more));
    }
    public Optimizer optimizer() { return optimizer; }
    public MatMul matMul() { return mm; }
    /** Completed epochs. */
    public int epoch() { return epoch; }
    /** Completed steps (batches). */
    public long step() { return step; }
    /** Images done in the current epoch. */
    public int epochProgress() { return cursor; }
    public int stepsPerEpoch() { return (data.train().size() + config.batchSize() - 1) / config.batchSize(); }
    public double beta() { return beta; }
    public double learningRate() { return learningRate; }

    /**
     * KL warm-up: beta grows linearly from 0 to its set value over the first {@code epochs} epochs (0 turns it off),
     * so the decoder learns to use z before the KL term pulls the codes towards the prior.
     */
    public void setKlWarmupEpochs(double epochs) {
        if (!(epochs >= 0 && epochs <= MAX_KL_WARMUP))
            throw new IllegalArgumentException("KL warm-up must be 0 to " + (int) MAX_KL_WARMUP + " epochs, got " + epochs);
        klWarmupEpochs = epochs;
    }

    public double klWarmupEpochs() {
        return klWarmupEpochs;
    }

    /** The beta the next step uses: the set beta, scaled down during KL warm-up. */
    public double effectiveBeta() {
        double w = klWarmupEpochs, b = beta;
        if (w <= 0) return b;
        double position = epoch + (double) cursor / order.length;
        return b * Math.min(1, position / w);
    }

    public void setBeta(double b) {
        TrainConfig.checkBeta(b);
        beta = b;
    }

    public void setLearningRate(double lr) {
        TrainConfig.checkLearningRate(lr);
        learningRate = lr;
    }

    /** Loss sums since the last time they were taken; {@link #takeReport()} reads and clears them. */
    public Evaluation takeReport() {
        Evaluation e = sinceReport.mean();
        sinceReport.reset();
        return e;
    }

    /** Images covered by the report being collected. */
    public long reportImages() {
        return sinceReport.images();
    }

    /** Mean training losses of the current (or just finished) epoch; cleared when the next epoch starts. */
    public Evaluation epochLosses() {
        return thisEpoch.mean();
    }

    /**
     * Trains on one batch. Returns true when this batch completed an epoch.
     *
     * @throws TrainingDivergedException when a loss, gradient or weight became NaN or infinite; the weights are rolled
     *                                    back to the last good state (taken every 100 steps while all was finite), and
     *                                    the trainer may go on (say with a lower learning rate)
     */
    public boolean trainStep() throws TrainingDivergedException {
        boolean timed = timer != StepTimer.OFF;
        long t0 = timed ? System.nanoTime() : 0;
        Dataset train = data.train();
        if (cursor == 0) {
            rng.shuffle(order);
            thisEpoch.reset();
        }
        int batch = Math.min(config.batchSize(), order.length - cursor);
        ws.resize(batch);
        int d = train.imageSize();
        float[] x = ws.x.data;
        for (int r = 0; r < batch; r++) train.copyImage(order[cursor + r], x, r * d);
        double b = effectiveBeta();
        long t1 = timed ? System.nanoTime() : 0;
        vae.forwardBackward(mm, ws, batch, b, rng);
        long t2 = timed ? System.nanoTime() : 0;
        long thisStep = step + 1;
        if (!Double.isFinite(ws.reconSum) || !Double.isFinite(ws.klSum))
            throw diverged(RunProblem.Kind.LOSS_NOT_FINITE, Double.isFinite(ws.reconSum) ? ws.klSum : ws.reconSum, thisStep);
        if (!gradientsFinite()) throw diverged(RunProblem.Kind.GRADIENT_NOT_FINITE, Double.NaN, thisStep);
        long t3 = timed ? System.nanoTime() : 0;
        optimizer.step(learningRate);
        long t4 = timed ? System.nanoTime() : 0;
        if (!weightsFinite()) throw diverged(RunProblem.Kind.WEIGHT_NOT_FINITE, Double.NaN, thisStep);
        if (timed) {
            long t5 = System.nanoTime();
            timer.record(StepTimer.Phase.DATA, t1 - t0);
            timer.record(StepTimer.Phase.MODEL, t2 - t1);
            timer.record(StepTimer.Phase.CHECKS, (t3 - t2) + (t5 - t4));
            timer.record(StepTimer.Phase.OPTIMISER, t4 - t3);
        }
        step = thisStep;
        if (step % GOOD_STATE_EVERY == 0) saveGood();
        sinceReport.add(batch, ws.reconSum, ws.klSum, b, ws.klPerDimSum);
        thisEpoch.add(batch, ws.reconSum, ws.klSum, b, ws.klPerDimSum);
        cursor += batch;
        if (cursor == order.length) {
            cursor = 0;
            epoch++;
            return true;
        }
        return false;
    }

    private TrainingDivergedException diverged(RunProblem.Kind what, double value, long atStep) {
        rollBack();
        return new TrainingDivergedException(RunProblem.diverged(what, atStep, value, lastGoodStep, learningRate));
    }

    private boolean gradientsFinite() {
        for (Param p : vae.params()) if (!kernels.allFinite(p.grad.data, p.size())) return false;
        return true;
    }

    private boolean weightsFinite() {
        for (Param p : vae.params()) if (!kernels.allFinite(p.value.data, p.size())) return false;
        return true;
    }

    /** True when no value is NaN or infinite (the scalar check; steps use the backend's kernel). */
    static boolean allFinite(float[] a, int n) {
        return Elementwise.SCALAR.allFinite(a, n);
    }

    private void saveGood() {
        List<Param> ps = vae.params();
        for (int k = 0; k < ps.size(); k++) System.arraycopy(ps.get(k).value.data, 0, lastGood[k], 0, lastGood[k].length);
        lastGoodStep = step;
    }

    private void rollBack() {
        List<Param> ps = vae.params();
        for (int k = 0; k < ps.size(); k++) System.arraycopy(lastGood[k], 0, ps.get(k).value.data, 0, lastGood[k].length);
    }

    /** The state to save with the weights, so that a later {@link #restore} continues exactly from here. */
    public TrainerState state() {
        return new TrainerState(epoch, step, cursor, order, rng.state(), optimizer.state(), optimizer.steps(), beta,
                learningRate);
    }

    /**
     * Continues from a saved state (the weights are restored separately, into the model this trainer was made with).
     *
     * @throws IllegalArgumentException when the state does not fit this trainer's data or model
     */
    public void restore(TrainerState s) {
        if (s.order().length != order.length)
            throw new IllegalArgumentException("the session was trained on " + s.order().length + " training images, but "
                    + data.name() + " has " + order.length);
        boolean[] seen = new boolean[order.length];
        for (int i : s.order()) {
            if (i < 0 || i >= order.length || seen[i]) throw new IllegalArgumentException("the saved image order is damaged");
            seen[i] = true;
        }
        if (s.cursor() < 0 || s.cursor() >= order.length || s.epoch() < 0 || s.step() < 0)
            throw new IllegalArgumentException("the saved training position is damaged");
        setBeta(s.beta());
        setLearningRate(s.learningRate());
        optimizer.restore(s.optimizerState(), s.optimizerSteps());
        rng.restore(s.rngState());
        System.arraycopy(s.order(), 0, order, 0, order.length);
        cursor = s.cursor();
        epoch = s.epoch();
        step = s.step();
        sinceReport.reset();
        thisEpoch.reset();
        saveGood();
    }

    /** Held-out evaluation of the current model on the test set. */
    public Evaluation evaluateTest() {
        return evaluate(data.test());
    }

    /** Mean losses on a data set, with eps from a fixed seed so that the same model gives the same numbers. */
    public Evaluation evaluate(Dataset set) {
        if (evalWs == null) evalWs = vae.workspace(MemoryPlan.evalBatch(vae.config())); // rows from a memory budget
        return evaluate(vae, mm, evalWs, set, beta);
    }

    /** Mean losses of a model on a data set, with eps from {@link #EVAL_SEED}. */
    public static Evaluation evaluate(Vae vae, MatMul mm, Vae.Workspace ws, Dataset set, double beta) {
        Rng epsRng = new Rng(EVAL_SEED);
        LossAccumulator acc = new LossAccumulator(vae.config().latent());
        int d = set.imageSize();
        for (int start = 0; start < set.size(); start += ws.maxBatch) {
            int batch = Math.min(ws.maxBatch, set.size() - start);
            ws.resize(batch);
            for (int r = 0; r < batch; r++) set.copyImage(start + r, ws.x.data, r * d);
            vae.evaluate(mm, ws, batch, epsRng);
            acc.add(batch, ws.reconSum, ws.klSum, beta, ws.klPerDimSum);
        }
        return acc.mean();
    }
}
