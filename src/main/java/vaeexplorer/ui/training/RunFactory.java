package vaeexplorer.ui.training;

import java.util.function.Consumer;

import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.backend.MatMulBackends;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.MemoryPlan;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.core.train.TrainingSnapshot;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

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
     * A new model and a run, not yet started. What it needs is worked out before anything is allocated, as the CLI's
     * train does ({@link MemoryPlan#checkTraining}): a network or batch too large for a Java array or for the free
     * memory is refused in words, not met with an OutOfMemoryError.
     *
     * @throws IllegalArgumentException when the settings do not fit the data (say the batch is larger than the set) or
     *                                  the memory, saying what and the figures
     */
    /**
     * What the app keeps beside a trainer, in whole copies of the weights: three snapshots (the one shown, one pending
     * on its way to the FX thread, one being made), a session save's copy of the weights and Adam's two moments (3),
     * and the epoch timeline's fewest entries (8).
     */
    static final MemoryPlan.Keeps KEEPS = new MemoryPlan.Keeps(3 + 3 + 8, 0);

    static TrainingRun create(DataSplit split, RunSettings s, Dataset shown, Consumer<TrainingSnapshot> listener) {
        VaeConfig config = s.vaeConfig(split.train().imageSize());
        MemoryPlan.checkTraining(config, Math.min(s.batchSize(), split.train().size()), KEEPS);
        Rng rng = new Rng(s.seed());
        Vae vae = new Vae(config, rng);
        Trainer trainer = new Trainer(vae, split, s.trainConfig(THREADS), matMul(), rng);
        return new TrainingRun(trainer, shown, listener);
    }

    /**
     * Refuses, as {@link #create} does, a model that cannot be trained here with this batch; for an opened model or
     * session, before its trainer (optimiser state, workspaces) is made.
     *
     * @throws IllegalArgumentException saying what does not fit and the figures
     */
    public static void checkTraining(VaeConfig config, int batch, int trainingImages) {
        MemoryPlan.checkTraining(config, Math.min(batch, trainingImages), KEEPS);
    }

    /** A run that goes on with the trainer of an ended one (after divergence, say with a lower learning rate). */
    static TrainingRun continueWith(Trainer trainer, Dataset shown, Consumer<TrainingSnapshot> listener) {
        return new TrainingRun(trainer, shown, listener);
    }
}
