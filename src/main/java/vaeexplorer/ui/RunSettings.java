package vaeexplorer.ui;

import java.util.ArrayList;
import java.util.List;

import vaeexplorer.core.train.TrainConfig;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.VaeConfig;

/** Valid settings of one run, as parsed from the controls. */
public record RunSettings(DatasetChoice dataset, int latent, List<Integer> hidden, Likelihood likelihood, double beta,
                          double learningRate, int batchSize, int epochs, long seed) {
    public RunSettings {
        hidden = List.copyOf(hidden);
    }

    public VaeConfig vaeConfig(int inputSize) {
        return new VaeConfig(inputSize, hidden, latent, likelihood, VaeConfig.DEFAULT_GAUSSIAN_SIGMA);
    }

    public TrainConfig trainConfig(int threads) {
        return new TrainConfig(beta, learningRate, batchSize, epochs, seed, TrainConfig.OptimizerKind.ADAM, threads);
    }

    /** The settings that need a new model and differ from other's, as words for the user. */
    public List<String> modelChangesFrom(RunSettings other) {
        List<String> out = new ArrayList<>();
        if (!dataset.equals(other.dataset)) out.add("data set");
        if (latent != other.latent) out.add("latent size");
        if (!hidden.equals(other.hidden)) out.add("hidden sizes");
        if (likelihood != other.likelihood) out.add("likelihood");
        if (batchSize != other.batchSize) out.add("batch size");
        if (epochs != other.epochs) out.add("epochs");
        if (seed != other.seed) out.add("seed");
        return out;
    }
}
