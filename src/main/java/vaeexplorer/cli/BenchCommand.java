package vaeexplorer.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.TrainConfig;
import vaeexplorer.core.train.StepTimer;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.train.TrainingDivergedException;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

/** {@code bench}: training throughput (samples/s) after a warm-up, for comparison with the PyTorch reference. */
final class BenchCommand {
    private BenchCommand() {}

    /** The options that take a value. */
    static final Set<String> OPTIONS = Set.of("dataset", "latent", "hidden", "batch", "threads", "seconds", "seed");

    static int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException, DataException, TrainingDivergedException {
        Args a = new Args("bench", argv, OPTIONS, Set.of("json"));
        String spec = a.string("dataset", "mnist");
        int latent = a.integer("latent", 2, 1, VaeConfig.MAX_LATENT);
        List<Integer> hidden = a.hidden("hidden", "512");
        int batch = a.integer("batch", 128, 1, TrainConfig.MAX_BATCH);
        int threads = a.integer("threads", Cli.defaultThreads(), 1, 256);
        double seconds = a.number("seconds", 20, 0.1, 3600);
        long seed = a.longValue("seed", 1);
        DataSplit data = CliData.load(spec, err);
        TrainConfig tc = new TrainConfig(1, 1e-3, batch, 1, seed, TrainConfig.OptimizerKind.ADAM, threads);
        Rng rng = new Rng(tc.seed());
        Vae vae = new Vae(new VaeConfig(data.train().imageSize(), hidden, latent, Likelihood.BERNOULLI,
                VaeConfig.DEFAULT_GAUSSIAN_SIGMA), rng);
        MatMul backend = Cli.matMul(threads);
        TimedMatMul mm = new TimedMatMul(backend);
        Trainer trainer = new Trainer(vae, data, tc, mm, rng);
        long[] phaseNanos = new long[StepTimer.Phase.values().length];
        // warm-up: let the JIT compile the hot loops before measuring
        long warmEnd = System.nanoTime() + (long) (Math.min(3, seconds / 2) * 1e9);
        int warmSteps = 0;
        while (System.nanoTime() < warmEnd || warmSteps < 20) {
            trainer.trainStep();
            warmSteps++;
        }
        mm.reset();
        trainer.setStepTimer((phase, nanos) -> phaseNanos[phase.ordinal()] += nanos);
        long steps = 0;
        long samples = 0;
        long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9);
        long t;
        while ((t = System.nanoTime()) < end) {
            long before = trainer.step();
            int cursorBefore = trainer.epochProgress();
            trainer.trainStep();
            samples += trainer.epochProgress() == 0 ? data.train().size() - cursorBefore : trainer.epochProgress() - cursorBefore;
            if (trainer.step() != before + 1) throw new IllegalStateException("step count");
            steps++;
        }
        trainer.setStepTimer(StepTimer.OFF);
        // mean ms per step: products (every MatMul call), element-wise (the rest of forward and backward: bias,
        // ReLU, sigmoid/BCE, reparameterisation, KL), optimiser, finiteness checks, data (batch gathering)
        double perStep = 1e-6 / Math.max(1, steps);
        double products = mm.nanos() * perStep;
        double elementwise = phaseNanos[StepTimer.Phase.MODEL.ordinal()] * perStep - products;
        double optimiser = phaseNanos[StepTimer.Phase.OPTIMISER.ordinal()] * perStep;
        double checks = phaseNanos[StepTimer.Phase.CHECKS.ordinal()] * perStep;
        double dataMs = phaseNanos[StepTimer.Phase.DATA.ordinal()] * perStep;
        double stepMs = (t - t0) * perStep;
        double sps = samples / ((t - t0) / 1e9);
        if (a.flag("json")) {
            out.println(new Json().put("samples_per_sec", sps, 1).put("backend", mm.name()).put("threads", threads)
                    .put("latent", latent).put("hidden", hidden.toString().replace(" ", ""))
                    .put("batch", batch).put("seconds", (t - t0) / 1e9, 2).put("java", System.getProperty("java.version"))
                    .put("steps", steps).put("ms_per_step", stepMs, 3)
                    .put("ms_products", products, 3).put("ms_elementwise", elementwise, 3)
                    .put("ms_optimiser", optimiser, 3).put("ms_checks", checks, 3).put("ms_data", dataMs, 3)
                    .put("products_per_step", (double) mm.calls() / Math.max(1, steps), 1));
        } else {
            out.printf(Locale.ROOT, "%.0f samples/s (backend %s, %d threads, latent %d, hidden %s, batch %d, %.1f s)%n", sps,
                    mm.name(), threads, latent, hidden, batch, (t - t0) / 1e9);
            out.printf(Locale.ROOT, "per step %.3f ms: products %.3f, element-wise %.3f, optimiser %.3f, checks %.3f, data %.3f%n",
                    stepMs, products, elementwise, optimiser, checks, dataMs);
        }
        return Cli.OK;
    }
}
