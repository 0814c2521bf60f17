package vaeexplorer.core.train;

/**
 * Thrown when a loss, gradient or weight stops being a finite number. The model has been rolled back to its last
 * good state before this is thrown.
 */
public final class TrainingDivergedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long step;
    private final transient RunProblem problem;

    public TrainingDivergedException(String message, long step) {
        super(message);
        this.step = step;
        this.problem = null;
    }

    /** A divergence described as data (the message is its English wording). */
    public TrainingDivergedException(RunProblem problem) {
        super(problem.message());
        this.step = problem.step();
        this.problem = problem;
    }

    /** The training step (1-based) at which the non-finite value appeared. */
    public long step() {
        return step;
    }

    /** What diverged, where and what was done about it, as data; null when only the message tells. */
    public RunProblem problem() {
        return problem;
    }
}
