package vaeexplorer.ui.training;

import java.util.function.Consumer;

import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.backend.MatMulBackends;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.core.train.TrainingSnapshot;
import vaeexplorer.core.vae.Vae;

/** The one place where the app builds models and training runs (and picks the matrix backend). */
public final class RunFactory {
    /** Held-out images shown in the latent scatter (all of them if the test set is smaller). */
    static final int SHOWN_IMAGES = 2000;
    /** Matrix threads of the trainer: all cores but one, so that the FX thread keeps a core (-Dvaeexplorer.threads). */
    public static final int THREADS = Math.max(1, Integer.getInteger("vaeexplorer.threads",
            Runtime.getRuntime().availableProcessors() - 1));

    private RunFactory() {}

    public static MatMul matMul() {
        return MatMulBackends.create(THREADS);
    }

    /** The first SHOWN_IMAGES test images. */
    public static Dataset shownImages(DataSplit split) {
        Dataset test = split.test();
        int n = Math.min(SHOWN_IMAGES, test.size());
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        return test.subset(test.name() + " (shown)", idx);
    }

    /**
     * A new model and a run, not yet started.
     *
     * @throws IllegalArgumentException when the settings do not fit the data (say the batch is larger than the set)
     */
    static TrainingRun create(DataSplit split, RunSettings s, Dataset shown, Consumer<TrainingSnapshot> listener) {
        Rng rng = new Rng(s.seed());
        Vae vae = new Vae(s.vaeConfig(split.train().imageSize()), rng);
        Trainer trainer = new Trainer(vae, split, s.trainConfig(THREADS), matMul(), rng);
        return new TrainingRun(trainer, shown, listener);
    }

    /** A run that goes on with the trainer of an ended one (after divergence, say with a lower learning rate). */
    static TrainingRun continueWith(Trainer trainer, Dataset shown, Consumer<TrainingSnapshot> listener) {
        return new TrainingRun(trainer, shown, listener);
    }
}
