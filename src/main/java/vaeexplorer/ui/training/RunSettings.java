package vaeexplorer.ui.training;

import java.util.ArrayList;
import java.util.List;

import vaeexplorer.core.train.TrainConfig;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.VaeConfig;

import vaeexplorer.ui.datasets.DatasetChoice;
import vaeexplorer.ui.i18n.I18n;

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

    /** The settings that need a new model and differ from other's, as words for the user (in the UI's language). */
    public List<String> modelChangesFrom(RunSettings other) {
        List<String> out = new ArrayList<>();
        if (!dataset.equals(other.dataset)) out.add(I18n.get("settings.change.dataset"));
        if (latent != other.latent) out.add(I18n.get("settings.change.latent"));
        if (!hidden.equals(other.hidden)) out.add(I18n.get("settings.change.hidden"));
        if (likelihood != other.likelihood) out.add(I18n.get("settings.change.likelihood"));
        if (batchSize != other.batchSize) out.add(I18n.get("settings.change.batchSize"));
        if (epochs != other.epochs) out.add(I18n.get("settings.change.epochs"));
        if (seed != other.seed) out.add(I18n.get("settings.change.seed"));
        return out;
    }
}
