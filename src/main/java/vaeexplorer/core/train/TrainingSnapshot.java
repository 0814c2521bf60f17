package vaeexplorer.core.train;

import java.util.ArrayList;
import java.util.List;

import vaeexplorer.core.vae.ModelSnapshot;

/**
 * What the trainer thread publishes, immutable: the losses and test results since the previous snapshot, the latest
 * model copy and latent encodings, and progress. Observers may drop snapshots if they merge them with
 * {@link #followedBy}: the merge keeps every loss point and the newest of everything else. {@code problem} tells why
 * the run ended DIVERGED or FAILED (null otherwise).
 */
public record TrainingSnapshot(
        TrainingRun.State state,
        RunProblem problem,
        long step,
        int epoch,
        int epochs,
        int imagesInEpoch,
        int epochSize,
        double samplesPerSecond,
        long elapsedNanos,
        double beta,
        double learningRate,
        List<LossPoint> losses,
        List<TestPoint> tests,
        double[] klPerDim,
        ModelSnapshot model,
        LatentCodes latent) {

    public TrainingSnapshot {
        losses = List.copyOf(losses);
        tests = List.copyOf(tests);
        klPerDim = klPerDim == null ? null : klPerDim.clone();
    }

    @Override
    public double[] klPerDim() {
        return klPerDim == null ? null : klPerDim.clone();
    }

    /** Why the run ended early, in English, or "" (see {@link RunProblem#message()}). */
    public String message() {
        return problem == null ? "" : problem.message();
    }

    /** Fraction of the whole run done, 0..1. */
    public double runProgress() {
        if (epochSize == 0 || epochs == 0) return 0;
        return Math.min(1, (epoch + (double) imagesInEpoch / epochSize) / epochs);
    }

    /** Fraction of the current epoch done, 0..1. */
    public double epochProgress() {
        return epochSize == 0 ? 0 : (double) imagesInEpoch / epochSize;
    }

    /** This snapshot and a later one as one: all loss and test points of both, the later one's everything else. */
    public TrainingSnapshot followedBy(TrainingSnapshot later) {
        List<LossPoint> l = new ArrayList<>(losses);
        l.addAll(later.losses);
        List<TestPoint> t = new ArrayList<>(tests);
        t.addAll(later.tests);
        return new TrainingSnapshot(later.state, later.problem, later.step, later.epoch, later.epochs, later.imagesInEpoch,
                later.epochSize, later.samplesPerSecond, later.elapsedNanos, later.beta, later.learningRate, l, t,
                later.klPerDim != null ? later.klPerDim : klPerDim, later.model != null ? later.model : model,
                later.latent != null ? later.latent : latent);
    }
}
