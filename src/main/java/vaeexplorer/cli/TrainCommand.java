package vaeexplorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.io.AtomicFiles;
import vaeexplorer.core.io.ModelFile;
import vaeexplorer.core.io.SessionFile;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.nn.backend.MatMulBackends;
import vaeexplorer.core.train.Evaluation;
import vaeexplorer.core.train.MemoryPlan;
import vaeexplorer.core.train.TrainConfig;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.train.TrainingDivergedException;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

/** {@code train}: trains a model on a data set, epoch by epoch, printing a table (or JSON lines) of the losses; saves the model after every epoch with {@code --out}. */
final class TrainCommand {
    private TrainCommand() {}

    /** The options that take a value. */
    static final Set<String> OPTIONS = Set.of("dataset", "latent", "hidden", "likelihood", "sigma-x", "beta", "lr",
            "optimizer", "batch", "epochs", "seed", "threads", "out");

    static int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException, DataException, IOException, TrainingDivergedException {
        Args a = new Args("train", argv, OPTIONS, Set.of("json"));
        String datasetSpec = a.required("dataset");
        int threads = a.integer("threads", Cli.defaultThreads(), 1, 256);
        TrainConfig tc = new TrainConfig(a.number("beta", 1.0, 0, TrainConfig.MAX_BETA),
                a.positive("lr", 1e-3, TrainConfig.MAX_LEARNING_RATE),
                a.integer("batch", 128, 1, TrainConfig.MAX_BATCH), a.integer("epochs", 5, 1, TrainConfig.MAX_EPOCHS),
                a.longValue("seed", 1), TrainConfig.OptimizerKind.parse(a.choice("optimizer", "adam", "adam", "sgd")), threads);
        List<Integer> hidden = a.hidden("hidden", "512");
        int latent = a.integer("latent", 2, 1, VaeConfig.MAX_LATENT);
        Likelihood likelihood = Likelihood.parse(a.choice("likelihood", "bernoulli", "bernoulli", "gaussian"));
        double sigma = a.number("sigma-x", VaeConfig.DEFAULT_GAUSSIAN_SIGMA, VaeConfig.MIN_GAUSSIAN_SIGMA,
                VaeConfig.MAX_GAUSSIAN_SIGMA);
        // (its range first, then) a meaningless combination is refused, as the others are, not silently ignored
        if (likelihood != Likelihood.GAUSSIAN && a.string("sigma-x", null) != null)
            throw new UsageException("train: --sigma-x is the Gaussian likelihood's; it means nothing with --likelihood "
                    + likelihood.id() + " (give --likelihood gaussian, or leave --sigma-x out)");
        new VaeConfig(1, hidden, latent, likelihood, sigma); // every model setting checked before the data is loaded
        Path outFile = a.string("out", null) == null ? null : Path.of(a.string("out", null));
        // --out checked before the data is loaded and training starts, not after the first epoch
        if (outFile != null) AtomicFiles.checkTarget(outFile);
        boolean json = a.flag("json");

        // compile the vector kernels while the data loads, so that the first epoch runs at full speed
        MatMulBackends.warmUpInBackground();
        DataSplit data = CliData.load(datasetSpec, err);
        VaeConfig vc = new VaeConfig(data.train().imageSize(), hidden, latent, likelihood, sigma);
        MemoryPlan.checkTraining(vc, Math.min(tc.batchSize(), data.train().size()));
        Rng rng = new Rng(tc.seed());
        Vae vae = new Vae(vc, rng);
        MatMulBackends.awaitWarmUp();
        Trainer trainer = new Trainer(vae, data, tc, Cli.matMul(threads), rng);
        Progress progress = new Progress(err, !json && System.console() != null);
        if (!json) {
            out.printf(Locale.ROOT, "Training a VAE (latent %d, hidden %s, %s) on %s: %,d train / %,d test images, %d threads%n",
                    latent, vc.hiddenText(), likelihood.id(), data.name(), data.train().size(), data.test().size(), threads);
            out.println("epoch  train_loss  train_recon  train_kl   test_loss  test_recon  test_kl   samples/s  seconds");
        }
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= tc.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            boolean done = false;
            while (!done) {
                done = trainer.trainStep();
                progress.show(epoch, tc.epochs(), trainer.epochProgress() == 0 ? data.train().size() : trainer.epochProgress(),
                        data.train().size());
            }
            double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
            Evaluation train = trainer.epochLosses();
            Evaluation test = trainer.evaluateTest();
            if (!test.isFinite() || !train.isFinite())
                throw new TrainingDivergedException("Training diverged in epoch " + epoch + ": the loss is not a number."
                        + " Try a lower learning rate (now " + tc.learningRate() + ").", trainer.step());
            double seconds = (System.nanoTime() - start) / 1e9;
            double sps = data.train().size() / trainSeconds;
            progress.clear();
            if (json) {
                out.println(new Json().put("epoch", epoch).put("train_loss", train.loss(), 3).put("train_recon", train.recon(), 3)
                        .put("train_kl", train.kl(), 3).put("test_loss", test.loss(), 3).put("test_recon", test.recon(), 3)
                        .put("test_kl", test.kl(), 3).put("samples_per_sec", sps, 1).put("seconds", seconds, 2)
                        .put("test_neg_elbo", test.negativeElbo(), 3).put("test_kl_per_dim", test.klPerDim()));
            } else {
                out.printf(Locale.ROOT, "%5d  %10.3f  %11.3f  %8.3f  %10.3f  %10.3f  %7.3f  %10.0f  %7.1f%n", epoch, train.loss(),
                        train.recon(), train.kl(), test.loss(), test.recon(), test.kl(), sps, seconds);
            }
            out.flush();
            if (outFile != null) ModelFile.save(outFile, vae, SessionFile.trainInfo(trainer, datasetSpec));
        }
        if (outFile != null && !json) out.println("Saved the model to " + outFile);
        return Cli.OK;
    }
}
