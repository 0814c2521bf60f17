package vaeexplorer.core.train;

/**
 * Everything a Trainer needs, beyond the model's weights, to continue exactly where it stopped: position in the
 * epoch and its shuffled order, the generator's state, the optimiser's moments, and the current beta and learning
 * rate.
 */
public record TrainerState(int epoch, long step, int cursor, int[] order, long[] rngState, float[][] optimizerState,
                           long optimizerSteps, double beta, double learningRate) {
    public TrainerState {
        order = order.clone();
        rngState = rngState.clone();
        float[][] copy = new float[optimizerState.length][];
        for (int i = 0; i < copy.length; i++) copy[i] = optimizerState[i].clone();
        optimizerState = copy;
    }
}
