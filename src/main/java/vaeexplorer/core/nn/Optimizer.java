package vaeexplorer.core.nn;

/** Updates parameters from their gradients. Holds its own state (moments, step count); no allocation per step. */
public interface Optimizer {
    /** One update of every parameter with the given learning rate. */
    void step(double learningRate);

    /** Updates done so far. */
    long steps();

    /** The state to save (moments and step count), in a fixed order; see {@link #restore}. */
    float[][] state();

    /** Restores what {@link #state()} returned, for the same parameters. */
    void restore(float[][] state, long steps);
}
