package vaeexplorer.core.train;

/**
 * Why a run ended early, as data: a loss, gradient or weight stopped being a finite number (the run diverged and the
 * model was rolled back), or an internal error stopped it. {@link #message()} words it in English for logs and the
 * command line; a user interface words it in its own language from the fields.
 *
 * @param kind         what happened
 * @param step         the training step (1-based) at which it diverged; for an internal error, the steps done before
 * @param value        the loss that was not finite (NaN or infinite) for {@link Kind#LOSS_NOT_FINITE}, else NaN
 * @param rolledBackTo the step whose weights the model went back to after a divergence, else -1
 * @param learningRate the learning rate in use
 * @param error        the internal error's own text for {@link Kind#INTERNAL_ERROR} (not translated), else ""
 */
public record RunProblem(Kind kind, long step, double value, long rolledBackTo, double learningRate, String error) {
    /** What went wrong. */
    public enum Kind {
        LOSS_NOT_FINITE, GRADIENT_NOT_FINITE, WEIGHT_NOT_FINITE, INTERNAL_ERROR;

        /** True for the kinds that end a run DIVERGED (the model rolled back, able to go on). */
        public boolean isDivergence() {
            return this != INTERNAL_ERROR;
        }
    }

    public RunProblem {
        if (kind == null) throw new IllegalArgumentException("kind is missing");
        error = error == null ? "" : error;
    }

    /** A divergence at step, after which the model was rolled back to the weights of step rolledBackTo. */
    public static RunProblem diverged(Kind kind, long step, double value, long rolledBackTo, double learningRate) {
        if (!kind.isDivergence()) throw new IllegalArgumentException(kind + " is not a divergence");
        return new RunProblem(kind, step, value, rolledBackTo, learningRate, "");
    }

    /** An internal error (a bug or a failing backend) after step steps. */
    public static RunProblem internalError(long step, double learningRate, Throwable e) {
        return new RunProblem(Kind.INTERNAL_ERROR, step, Double.NaN, -1, learningRate, String.valueOf(e));
    }

    /** The problem in English, as one or more sentences. */
    public String message() {
        String what = switch (kind) {
            case LOSS_NOT_FINITE -> "the loss became " + value;
            case GRADIENT_NOT_FINITE -> "a gradient became infinite or NaN";
            case WEIGHT_NOT_FINITE -> "a weight became infinite or NaN";
            case INTERNAL_ERROR -> null;
        };
        if (what == null) return "Training stopped because of an internal error: " + error;
        return "Training diverged at step " + step + ": " + what + ". The model was rolled back to step " + rolledBackTo
                + ". Try a lower learning rate (now " + learningRate + ").";
    }
}
