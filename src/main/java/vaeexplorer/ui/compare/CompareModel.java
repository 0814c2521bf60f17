package vaeexplorer.ui.compare;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;

import vaeexplorer.ui.datasets.DatasetLibrary;
import vaeexplorer.ui.training.RunCommands;
import vaeexplorer.ui.training.SettingsModel;
import vaeexplorer.ui.training.TrainingModel;

/**
 * Compare mode: a plain auto-encoder (beta = 0) and a VAE (beta = 1) trained side by side on the same data, from the
 * same seed and with the same settings, so that the only difference is the KL term. Each is a {@link TrainingModel}
 * of its own (its own trainer thread, one matrix thread) whose settings follow the explorer's, except beta. Commands
 * go to both; a button is enabled when its command applies to either.
 */
public final class CompareModel implements RunCommands {
    private final TrainingModel autoEncoder;
    private final TrainingModel vae;
    private final BooleanBinding canTrain;
    private final BooleanBinding canPause;
    private final BooleanBinding canResume;
    private final BooleanBinding canStep;
    private final BooleanBinding canReset;

    public CompareModel(SettingsModel settings, DatasetLibrary library) {
        autoEncoder = new TrainingModel(following(settings, "0"), library);
        vae = new TrainingModel(following(settings, "1"), library);
        canTrain = either(autoEncoder.canTrain(), vae.canTrain());
        canPause = either(autoEncoder.canPause(), vae.canPause());
        canResume = either(autoEncoder.canResume(), vae.canResume());
        canStep = either(autoEncoder.canStep(), vae.canStep());
        canReset = either(autoEncoder.canReset(), vae.canReset());
    }

    /** Settings bound to the explorer's, except beta. */
    private static SettingsModel following(SettingsModel main, String beta) {
        SettingsModel s = new SettingsModel();
        s.dataset().bind(main.dataset());
        s.latent().bind(main.latent());
        s.hidden().bind(main.hidden());
        s.likelihood().bind(main.likelihood());
        s.learningRate().bind(main.learningRate());
        s.klWarmup().bind(main.klWarmup());
        s.batchSize().bind(main.batchSize());
        s.epochs().bind(main.epochs());
        s.seed().bind(main.seed());
        s.beta().set(beta);
        return s;
    }

    private static BooleanBinding either(BooleanExpression a, BooleanExpression b) {
        return Bindings.createBooleanBinding(() -> a.get() || b.get(), a, b);
    }

    /** The beta = 0 run. */
    public TrainingModel autoEncoder() { return autoEncoder; }
    /** The beta = 1 run. */
    public TrainingModel vae() { return vae; }
    public List<TrainingModel> both() { return List.of(autoEncoder, vae); }

    @Override public BooleanBinding canTrain() { return canTrain; }
    @Override public BooleanBinding canPause() { return canPause; }
    @Override public BooleanBinding canResume() { return canResume; }
    @Override public BooleanBinding canStep() { return canStep; }
    @Override public BooleanBinding canReset() { return canReset; }

    @Override
    public void train() {
        for (TrainingModel t : both()) t.train();
    }

    @Override
    public void pause() {
        for (TrainingModel t : both()) t.pause();
    }

    @Override
    public void resume() {
        for (TrainingModel t : both()) t.resume();
    }

    @Override
    public void stepOnce() {
        for (TrainingModel t : both()) t.stepOnce();
    }

    @Override
    public void reset() {
        for (TrainingModel t : both()) t.reset();
    }

    /** On entering compare mode: both train (from a new model if needed) or go on after a pause. */
    public void start() {
        for (TrainingModel t : both()) {
            if (t.state().get() == vaeexplorer.core.train.TrainingRun.State.PAUSED) t.resume();
            else t.train();
        }
    }

    /** Ends both trainer threads, waiting for each up to two seconds. */
    public void shutdown() {
        for (TrainingModel t : both()) t.shutdown();
    }
}
