package vaeexplorer.ui.training;

import java.util.function.Supplier;

import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.RunProblem;
import vaeexplorer.core.train.TestPoint;
import vaeexplorer.core.train.TrainingRun.State;
import vaeexplorer.core.train.TrainingSnapshot;
import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;

/**
 * The words of the training status, in the UI's language, from the run's data: the state ("Training"), the status
 * line (epoch, step, speed, time spent and left, losses) and beta's badge. No JavaFX: the view-model asks again when
 * its data or the language changes. Keeps the recent rate for the time left.
 */
public final class RunStatusText {
    private static final String SEP = "  ·  ";
    /** The recent training rate, for the time left. */
    private final RateWindow recentRate = new RateWindow(6);

    /** What the warm-up does now: over how many epochs (0: off) towards which beta. */
    record Warmup(double epochs, double targetBeta) {
        static final Warmup NONE = new Warmup(0, Double.NaN);

        boolean holdsBack(LossPoint p) {
            return epochs > 0 && p.beta() < targetBeta;
        }
    }

    /** Forgets the rate (a new model). */
    void clear() {
        recentRate.clear();
    }

    /** "Training", "Paused", ...; "Loading" while a data set loads for a new model; "No model" before any. */
    static String state(State st, boolean resetting) {
        return I18n.get(resetting ? "state.loading" : st == null ? "state.noModel" : switch (st) {
            case IDLE -> "state.ready";
            case RUNNING -> "state.training";
            case PAUSED -> "state.paused";
            case FINISHED -> "state.finished";
            case STOPPED -> "state.stopped";
            case DIVERGED -> "state.diverged";
            case FAILED -> "state.failed";
        });
    }

    /**
     * The status line.
     *
     * @param last the newest (merged) snapshot, or null before the first
     * @param openedNote what an opened session says until it trains
     * @param speedLimit the steps per second training is held to (0: none)
     * @param elapsedSeconds wall time spent running, pauses excluded
     */
    String status(State st, TrainingSnapshot last, Supplier<String> openedNote, double speedLimit, double elapsedSeconds,
            LossPoint lastLoss, TestPoint lastTest, Warmup warmup) {
        if (last == null) {
            String note = openedNote.get();
            return !note.isEmpty() ? note : st == State.IDLE ? I18n.get("status.untrained") : "";
        }
        TrainingSnapshot s = last;
        StringBuilder b = new StringBuilder();
        int shownEpoch = Math.min(s.epochs(), s.epoch() + (s.imagesInEpoch() > 0 || s.epoch() == 0 ? 1 : 0));
        b.append(I18n.format("status.epoch", Math.max(1, shownEpoch), s.epochs()));
        b.append(SEP).append(I18n.format("status.step", Formats.count(s.step())));
        // the rate is of the training now: a paused or finished run shows none rather than a frozen one
        if (st == State.RUNNING && speedLimit > 0)
            b.append(SEP).append(speedLimit == 1 ? I18n.get("status.heldOne") : I18n.format("status.held", Formats.plain(speedLimit)));
        else if (st == State.RUNNING)
            b.append(SEP).append(I18n.format("status.speed", Formats.count(Math.round(s.samplesPerSecond()))));
        b.append(SEP).append(I18n.format("status.elapsed", Formats.duration(elapsedSeconds)));
        long imagesDone = (long) s.epoch() * s.epochSize() + s.imagesInEpoch();
        long imagesLeft = (long) s.epochs() * s.epochSize() - imagesDone;
        // the wall-clock rate of the last seconds (it includes encoding the plotted images), and only once it has
        // settled: the first seconds of a fresh program run far below full speed
        recentRate.add(elapsedSeconds, imagesDone);
        double rate = recentRate.settledRate();
        if (!s.state().isOver() && imagesLeft > 0 && rate > 0)
            b.append(I18n.format("status.left", Formats.duration(imagesLeft / rate)));
        if (lastLoss != null)
            b.append(SEP).append(I18n.format("status.loss", Formats.nats(lastLoss.loss()), Formats.nats(lastLoss.recon()),
                    Formats.nats(lastLoss.beta() * lastLoss.kl())));
        if (lastLoss != null && warmup.holdsBack(lastLoss))
            b.append(SEP).append(I18n.format("status.warmup", lastLoss.beta()));
        if (lastTest != null) b.append(SEP).append(I18n.format("status.test", Formats.nats(lastTest.evaluation().loss())));
        return b.toString();
    }

    /** The beta the model trains with now, for the large figure over the plot: "β = 0.35 (KL warm-up to 1)"; "" before the first loss. */
    static String betaBadge(LossPoint lastLoss, Warmup warmup) {
        if (lastLoss == null) return "";
        if (warmup.holdsBack(lastLoss))
            return I18n.format("beta.badgeWarmup", Formats.plain(round3(lastLoss.beta())), Formats.plain(warmup.targetBeta()));
        return I18n.format("beta.badge", Formats.plain(round3(lastLoss.beta())));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Why a run ended early, in the UI's language. */
    public static String describe(RunProblem p) {
        String cause = switch (p.kind()) {
            case LOSS_NOT_FINITE -> I18n.format("run.cause.loss", p.value());
            case GRADIENT_NOT_FINITE -> I18n.get("run.cause.gradient");
            case WEIGHT_NOT_FINITE -> I18n.get("run.cause.weight");
            case INTERNAL_ERROR -> null;
        };
        if (cause == null) return I18n.format("run.failed", p.error());
        return I18n.format("run.diverged", Formats.count(p.step()), cause, Formats.count(p.rolledBackTo()),
                Formats.plain(p.learningRate()));
    }
}
