package vaeexplorer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.io.FileFormatException;
import vaeexplorer.core.io.ModelFile;
import vaeexplorer.core.io.ModelFiles;
import vaeexplorer.core.io.SessionFile;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.Evaluation;
import vaeexplorer.core.train.MemoryPlan;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.MarginalLikelihood;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.core.vae.Vae;

/** {@code evaluate}: the test losses of a saved model (ours, or a PyTorch .safetensors) on a data set. */
final class EvaluateCommand {
    private EvaluateCommand() {}

    /** The options that take a value. */
    static final Set<String> OPTIONS = Set.of("model", "dataset", "threads", "likelihood", "iwae", "grid");

    static int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException, DataException, FileFormatException {
        Args a = new Args("evaluate", argv, OPTIONS, Set.of("json"));
        Path modelPath = Path.of(a.required("model"));
        String spec = a.required("dataset");
        int threads = a.integer("threads", Cli.defaultThreads(), 1, 256);
        int iwaeK = a.integer("iwae", 0, 1, MAX_IWAE);
        int grid = a.integer("grid", 0, MarginalLikelihood.MIN_GRID, MarginalLikelihood.MAX_GRID);
        a.choice("likelihood", null, "bernoulli", "gaussian"); // checked before the model is read, whichever kind it is
        // our files: every setting checked, beta among them; a PyTorch model has no beta of its own (1: the ELBO)
        SessionFile.Session session = ModelFiles.isSafeTensors(modelPath) ? null : SessionFile.load(modelPath);
        ModelFile.Loaded loaded = session != null ? session.model() : loadModel(a, modelPath);
        Vae vae = loaded.vae();
        if (grid > 0 && vae.config().latent() != 2)
            throw new UsageException("evaluate: --grid integrates over a 2-D latent; " + modelPath + " has a latent of "
                    + vae.config().latent() + " (--iwae works for any latent size)");
        if (grid > 0 && (long) MarginalLikelihood.PRIOR_CELLS * MarginalLikelihood.PRIOR_CELLS * vae.config().inputSize()
                > MAX_GRID_FLOATS)
            throw new UsageException("evaluate: --grid: images of " + vae.config().inputSize() + " pixels are too large for "
                    + "the grid's decodes (at most " + MAX_GRID_FLOATS / ((long) MarginalLikelihood.PRIOR_CELLS
                    * MarginalLikelihood.PRIOR_CELLS) + " pixels); use --iwae");
        DataSplit data = CliData.load(spec, err);
        if (vae.config().inputSize() != data.test().imageSize())
            throw new UsageException(modelPath + ": the model takes " + vae.config().inputSize() + " pixels but " + spec
                    + " has images of " + data.test().rows() + "x" + data.test().cols());
        double beta = session != null ? session.trainConfig().beta() : 1;
        Evaluation e = Trainer.evaluate(vae, Cli.matMul(threads), vae.workspace(MemoryPlan.evalBatch(vae.config())),
                data.test(), beta);
        if (!e.isFinite())
            throw new UsageException(modelPath + ": the model's loss on " + spec + " is not a number (recon " + e.recon()
                    + ", kl " + e.kl() + "); its weights or settings do not fit these images");
        ModelSnapshot snapshot = vae.snapshot();
        MatMul mm = Cli.matMul(threads);
        Estimate iwae = iwaeK < 1 ? null : estimate(modelPath, spec, data.test(), "IWAE", () -> {
            Rng rng = new Rng(Trainer.EVAL_SEED);
            return (xs, count) -> MarginalLikelihood.iwae(snapshot, mm, xs, count, iwaeK, rng);
        });
        Estimate gridNll = grid < 1 ? null : estimate(modelPath, spec, data.test(), "grid", () -> {
            MarginalLikelihood.PriorGrid pg = MarginalLikelihood.priorGrid(snapshot, mm);
            return (xs, count) -> MarginalLikelihood.grid(pg, mm, xs, count, grid);
        });
        if (a.flag("json")) {
            Json j = new Json().put("test_loss", e.loss(), 3).put("test_recon", e.recon(), 3).put("test_kl", e.kl(), 3)
                    .put("test_neg_elbo", e.negativeElbo(), 3).put("test_kl_per_dim", e.klPerDim()).put("images", e.images());
            if (iwae != null) j.put("test_nll_iwae", iwae.nll, 3).put("iwae_k", iwaeK).put("iwae_seconds", iwae.seconds, 2);
            if (gridNll != null) j.put("test_nll_grid", gridNll.nll, 3).put("grid_n", grid).put("grid_seconds", gridNll.seconds, 2);
            out.println(j);
        } else {
            out.printf(Locale.ROOT, "%s on %s (%,d test images): loss %.3f = recon %.3f + %s * kl %.3f nats per image%n",
                    modelPath, spec, e.images(), e.loss(), e.recon(), beta, e.kl());
            if (iwae != null || gridNll != null)
                out.printf(Locale.ROOT, "-ELBO = recon + kl = %.3f nats per image (an upper bound on -log p(x))%n",
                        e.negativeElbo());
            if (iwae != null)
                out.printf(Locale.ROOT, "-log p(x) by IWAE, K = %d: %.3f nats per image; gap -ELBO - (-log p(x)) = %.3f (%.1f s)%n",
                        iwaeK, iwae.nll, e.negativeElbo() - iwae.nll, iwae.seconds);
            if (gridNll != null)
                out.printf(Locale.ROOT, "-log p(x) on a %dx%d grid: %.3f nats per image; gap -ELBO - (-log p(x)) = %.3f (%.1f s)%n",
                        grid, grid, gridNll.nll, e.negativeElbo() - gridNll.nll, gridNll.seconds);
        }
        return Cli.OK;
    }

    /** The most IWAE samples per image. */
    static final int MAX_IWAE = 1_000_000;
    /** The most floats the grid's shared decodes may take (512 MiB). */
    private static final long MAX_GRID_FLOATS = 128L << 20;
    /** Test images handed to an estimator at a time. */
    private static final int CHUNK = 250;

    /** log p(x) of count images (rows of xs). */
    private interface LogPx {
        double[] of(float[] xs, int count);
    }

    /** The mean of -log p(x) over a set's images, in nats, and the seconds it took. */
    private record Estimate(double nll, double seconds) {}

    /** Runs an estimator (made once, e.g. with its shared decodes, inside the timing) over the set in chunks. */
    private static Estimate estimate(Path modelPath, String spec, Dataset set, String what,
                                     java.util.function.Supplier<LogPx> make) throws UsageException {
        long t0 = System.nanoTime();
        LogPx f = make.get();
        int px = set.imageSize();
        float[] xs = new float[Math.min(CHUNK, set.size()) * px];
        double sum = 0;
        for (int start = 0; start < set.size(); start += CHUNK) {
            int n = Math.min(CHUNK, set.size() - start);
            for (int i = 0; i < n; i++) set.copyImage(start + i, xs, i * px);
            for (double v : f.of(xs, n)) sum -= v;
        }
        double nll = sum / set.size();
        if (!Double.isFinite(nll))
            throw new UsageException(modelPath + ": -log p(x) by " + what + " on " + spec + " is not a number (" + nll
                    + "); the model's weights or settings do not fit these images");
        return new Estimate(nll, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * A model or session file, or a PyTorch .safetensors file; {@code --likelihood} is used for the latter when its
     * metadata names none.
     */
    static ModelFile.Loaded loadModel(Args a, Path modelPath) throws UsageException, FileFormatException {
        String l = a.choice("likelihood", null, "bernoulli", "gaussian");
        Likelihood likelihood = l == null ? null : Likelihood.parse(l);
        return ModelFiles.open(modelPath, likelihood);
    }
}
