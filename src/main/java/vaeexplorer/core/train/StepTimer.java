package vaeexplorer.core.train;

/**
 * A timing hook for the phases of one training step, for benchmarks only. The trainer calls it only when a timer
 * other than {@link #OFF} is set, so training without one reads no clock.
 */
public interface StepTimer {
    /** The phases of a step, in the order they run. */
    enum Phase {
        /** Gathering the batch's images into the input matrix (and the shuffle at an epoch's start). */
        DATA,
        /** Forward and backward through the model: the products and the element-wise work around them. */
        MODEL,
        /** The finiteness checks of the gradients and the weights. */
        CHECKS,
        /** The optimiser's update of every parameter. */
        OPTIMISER
    }

    /** No timing at all (the default). */
    StepTimer OFF = (phase, nanos) -> { };

    /** Called once per phase of each step with the phase's wall time. */
    void record(Phase phase, long nanos);
}
