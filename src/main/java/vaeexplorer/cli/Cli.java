package vaeexplorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.io.FileFormatException;
import vaeexplorer.core.io.ModelFile;
import vaeexplorer.core.io.SessionFile;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.Evaluation;
import vaeexplorer.core.train.TrainConfig;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.train.TrainingDivergedException;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

/**
 * The command line: {@code train}, {@code evaluate}, {@code bench}, {@code export-latent}, {@code help}. Every failure
 * the user can cause ends in one line on stderr and an exit code: 2 for bad arguments or files, 3 when training
 * diverged. No stack traces.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int DIVERGED = 3;

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static final String USAGE = String.join("\n",
            "usage: java -jar vae-explorer.jar [COMMAND [OPTIONS]]     (no command: open the app)",
            "",
            "  train --dataset mnist|fashion-mnist|DIR|FILE.csv [--latent 2] [--hidden 512[,256]]",
            "        [--likelihood bernoulli|gaussian] [--sigma-x 0.1] [--beta 1] [--lr 1e-3] [--optimizer adam|sgd]",
            "        [--batch 128] [--epochs 5] [--seed 1] [--threads N] [--out FILE] [--json]",
            "  evaluate --model FILE --dataset ... [--threads N] [--json]",
            "  bench [--dataset mnist] [--latent 2] [--hidden 512] [--batch 128] [--threads N] [--seconds 20] [--json]",
            "  export-latent --model FILE --dataset ... --out FILE.csv",
            "  bench-inference [--dataset mnist] [--latent 2] [--hidden 512] [--threads N] [--json]",
            "  bench-ui   (needs a display, e.g. xvfb-run: frame timing while dragging during training)",
            "  soak [--steps 100000] [--hidden 32] [--batch 32] [--json]   (memory over a long run)",
            "  help",
            "",
            "Losses are means per image in nats: loss = recon + beta * kl (test_loss on held-out data).");

    /** Runs a command and returns the process exit code. */
    public int run(String[] argv) {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help") || argv[0].equals("-h")) {
            out.println(USAGE);
            return OK;
        }
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        try {
            return switch (argv[0]) {
                case "train" -> train(rest);
                case "evaluate" -> evaluate(rest);
                case "bench" -> bench(rest);
                case "export-latent" -> ExportLatent.run(rest, out);
                case "soak" -> Soak.run(rest, out, err);
                case "bench-inference" -> InferenceBench.run(rest, out, err);
                default -> throw new UsageException("unknown command '" + argv[0] + "' (commands: train, evaluate, bench, "
                        + "export-latent, bench-inference, soak, help)");
            };
        } catch (UsageException | DataException | FileFormatException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return BAD_INPUT;
        } catch (TrainingDivergedException e) {
            err.println("error: " + e.getMessage());
            return DIVERGED;
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory; try a smaller data set, batch or model, or a larger -Xmx");
            return BAD_INPUT;
        }
    }

    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    static MatMul matMul(int threads) {
        return vaeexplorer.core.nn.backend.MatMulBackends.create(threads);
    }

    private int train(List<String> argv) throws UsageException, DataException, IOException, TrainingDivergedException {
        Args a = new Args("train", argv, Set.of("dataset", "latent", "hidden", "likelihood", "sigma-x", "beta", "lr",
                "optimizer", "batch", "epochs", "seed", "threads", "out"), Set.of("json"));
        String datasetSpec = a.required("dataset");
        int threads = a.integer("threads", defaultThreads(), 1, 256);
        TrainConfig tc = new TrainConfig(a.number("beta", 1.0), a.number("lr", 1e-3), a.integer("batch", 128, 1, TrainConfig.MAX_BATCH),
                a.integer("epochs", 5, 1, 100_000), a.longValue("seed", 1), TrainConfig.OptimizerKind.parse(a.string("optimizer", "adam")),
                threads);
        List<Integer> hidden = VaeConfig.parseHidden(a.string("hidden", "512"));
        int latent = a.integer("latent", 2, 1, VaeConfig.MAX_LATENT);
        Likelihood likelihood = Likelihood.parse(a.string("likelihood", "bernoulli"));
        double sigma = a.number("sigma-x", VaeConfig.DEFAULT_GAUSSIAN_SIGMA);
        Path outFile = a.string("out", null) == null ? null : Path.of(a.string("out", null));
        boolean json = a.flag("json");

        DataSplit data = CliData.load(datasetSpec, err);
        VaeConfig vc = new VaeConfig(data.train().imageSize(), hidden, latent, likelihood, sigma);
        Rng rng = new Rng(tc.seed());
        Vae vae = new Vae(vc, rng);
        Trainer trainer = new Trainer(vae, data, tc, matMul(threads), rng);
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
            if (!test.isFinite())
                throw new TrainingDivergedException("Training diverged in epoch " + epoch + ": the test loss is not a number."
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
        return OK;
    }

    private int evaluate(List<String> argv) throws UsageException, DataException, FileFormatException {
        Args a = new Args("evaluate", argv, Set.of("model", "dataset", "threads"), Set.of("json"));
        Path modelPath = Path.of(a.required("model"));
        String spec = a.required("dataset");
        int threads = a.integer("threads", defaultThreads(), 1, 256);
        ModelFile.Loaded loaded = ModelFile.load(modelPath);
        DataSplit data = CliData.load(spec, err);
        Vae vae = loaded.vae();
        if (vae.config().inputSize() != data.test().imageSize())
            throw new UsageException(modelPath + ": the model takes " + vae.config().inputSize() + " pixels but " + spec
                    + " has images of " + data.test().rows() + "x" + data.test().cols());
        double beta = Double.parseDouble(loaded.info().getProperty("beta", "1"));
        Evaluation e = Trainer.evaluate(vae, matMul(threads), vae.workspace(500), data.test(), beta);
        if (a.flag("json")) {
            out.println(new Json().put("test_loss", e.loss(), 3).put("test_recon", e.recon(), 3).put("test_kl", e.kl(), 3)
                    .put("test_neg_elbo", e.negativeElbo(), 3).put("test_kl_per_dim", e.klPerDim()).put("images", e.images()));
        } else {
            out.printf(Locale.ROOT, "%s on %s (%,d test images): loss %.3f = recon %.3f + %s * kl %.3f nats per image%n",
                    modelPath, spec, e.images(), e.loss(), e.recon(), beta, e.kl());
        }
        return OK;
    }

    private int bench(List<String> argv) throws UsageException, DataException, TrainingDivergedException {
        Args a = new Args("bench", argv, Set.of("dataset", "latent", "hidden", "batch", "threads", "seconds", "seed"),
                Set.of("json"));
        String spec = a.string("dataset", "mnist");
        int latent = a.integer("latent", 2, 1, VaeConfig.MAX_LATENT);
        List<Integer> hidden = VaeConfig.parseHidden(a.string("hidden", "512"));
        int batch = a.integer("batch", 128, 1, TrainConfig.MAX_BATCH);
        int threads = a.integer("threads", defaultThreads(), 1, 256);
        double seconds = a.number("seconds", 20);
        if (seconds <= 0 || seconds > 3600) throw new UsageException("bench: --seconds must be from 0 to 3600, got " + seconds);
        DataSplit data = CliData.load(spec, err);
        TrainConfig tc = new TrainConfig(1, 1e-3, batch, 1, a.longValue("seed", 1), TrainConfig.OptimizerKind.ADAM, threads);
        Rng rng = new Rng(tc.seed());
        Vae vae = new Vae(new VaeConfig(data.train().imageSize(), hidden, latent, Likelihood.BERNOULLI,
                VaeConfig.DEFAULT_GAUSSIAN_SIGMA), rng);
        MatMul mm = matMul(threads);
        Trainer trainer = new Trainer(vae, data, tc, mm, rng);
        // warm-up: let the JIT compile the hot loops before measuring
        long warmEnd = System.nanoTime() + (long) (Math.min(3, seconds / 2) * 1e9);
        int warmSteps = 0;
        while (System.nanoTime() < warmEnd || warmSteps < 20) {
            trainer.trainStep();
            warmSteps++;
        }
        long samples = 0;
        long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9);
        long t;
        while ((t = System.nanoTime()) < end) {
            long before = trainer.step();
            int cursorBefore = trainer.epochProgress();
            trainer.trainStep();
            samples += trainer.epochProgress() == 0 ? data.train().size() - cursorBefore : trainer.epochProgress() - cursorBefore;
            if (trainer.step() != before + 1) throw new IllegalStateException("step count");
        }
        double sps = samples / ((t - t0) / 1e9);
        if (a.flag("json")) {
            out.println(new Json().put("samples_per_sec", sps, 1).put("backend", mm.name()).put("threads", threads)
                    .put("latent", latent).put("hidden", VaeConfig.parseHidden(a.string("hidden", "512")).toString().replace(" ", ""))
                    .put("batch", batch).put("seconds", (t - t0) / 1e9, 2).put("java", System.getProperty("java.version")));
        } else {
            out.printf(Locale.ROOT, "%.0f samples/s (backend %s, %d threads, latent %d, hidden %s, batch %d, %.1f s)%n", sps,
                    mm.name(), threads, latent, hidden, batch, (t - t0) / 1e9);
        }
        return OK;
    }
}
