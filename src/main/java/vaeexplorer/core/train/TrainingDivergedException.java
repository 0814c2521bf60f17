package vaeexplorer.core.train;

/**
 * Thrown when a loss, gradient or weight stops being a finite number. The model has been rolled back to its last
 * good state before this is thrown.
 */
public final class TrainingDivergedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long step;

    public TrainingDivergedException(String message, long step) {
        super(message);
        this.step = step;
    }

    /** The training step (1-based) at which the non-finite value appeared. */
    public long step() {
        return step;
    }
}
