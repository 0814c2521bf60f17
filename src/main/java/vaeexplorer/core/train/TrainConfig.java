package vaeexplorer.core.train;

import java.util.Locale;

/**
 * How to train: KL weight beta, learning rate, batch size, epochs, seed, optimiser, and threads for matrix products.
 * Absurd values are refused here, with a message that says which setting and why.
 */
public record TrainConfig(double beta, double learningRate, int batchSize, int epochs, long seed,
                          OptimizerKind optimizer, int threads) {
    public static final double MAX_BETA = 1000;
    public static final double MAX_LEARNING_RATE = 100;
    public static final int MAX_BATCH = 8192;
    public static final int MAX_EPOCHS = 100_000;

    /** The optimisers on offer. */
    public enum OptimizerKind {
        ADAM, SGD;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static OptimizerKind parse(String s) {
            for (OptimizerKind k : values()) if (k.id().equalsIgnoreCase(s)) return k;
            throw new IllegalArgumentException("optimizer must be adam or sgd, got '" + s + "'");
        }
    }

    public TrainConfig {
        checkBeta(beta);
        checkLearningRate(learningRate);
        if (batchSize < 1 || batchSize > MAX_BATCH)
            throw new IllegalArgumentException("batch size must be 1.." + MAX_BATCH + ", got " + batchSize);
        if (epochs < 1 || epochs > MAX_EPOCHS)
            throw new IllegalArgumentException("epochs must be 1.." + MAX_EPOCHS + ", got " + epochs);
        if (optimizer == null) throw new IllegalArgumentException("optimizer is missing");
        if (threads < 1 || threads > 256) throw new IllegalArgumentException("threads must be 1..256, got " + threads);
    }

    /** The defaults of the app and the CLI: beta 1, Adam 1e-3, batch 128, 5 epochs, seed 1, one thread. */
    public static TrainConfig defaults() {
        return new TrainConfig(1.0, 1e-3, 128, 5, 1, OptimizerKind.ADAM, 1);
    }

    public static void checkBeta(double beta) {
        if (!(beta >= 0 && beta <= MAX_BETA))
            throw new IllegalArgumentException("beta must be a number from 0 to " + (int) MAX_BETA + ", got " + beta);
    }

    public static void checkLearningRate(double lr) {
        if (!(lr > 0 && lr <= MAX_LEARNING_RATE))
            throw new IllegalArgumentException("learning rate must be a positive number up to " + (int) MAX_LEARNING_RATE
                    + ", got " + lr);
    }

    public TrainConfig withEpochs(int e) {
        return new TrainConfig(beta, learningRate, batchSize, e, seed, optimizer, threads);
    }

    public TrainConfig withBeta(double b) {
        return new TrainConfig(b, learningRate, batchSize, epochs, seed, optimizer, threads);
    }

    public TrainConfig withThreads(int t) {
        return new TrainConfig(beta, learningRate, batchSize, epochs, seed, optimizer, t);
    }
}
