package vaeexplorer.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.io.FileFormatException;
import vaeexplorer.core.io.ModelFile;
import vaeexplorer.core.io.ModelFiles;
import vaeexplorer.core.io.SessionFile;
import vaeexplorer.core.train.Evaluation;
import vaeexplorer.core.train.MemoryPlan;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.Vae;

/** {@code evaluate}: the test losses of a saved model (ours, or a PyTorch .safetensors) on a data set. */
final class EvaluateCommand {
    private EvaluateCommand() {}

    static int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException, DataException, FileFormatException {
        Args a = new Args("evaluate", argv, Set.of("model", "dataset", "threads", "likelihood"), Set.of("json"));
        Path modelPath = Path.of(a.required("model"));
        String spec = a.required("dataset");
        int threads = a.integer("threads", Cli.defaultThreads(), 1, 256);
        // our files: every setting checked, beta among them; a PyTorch model has no beta of its own (1: the ELBO)
        SessionFile.Session session = ModelFiles.isSafeTensors(modelPath) ? null : SessionFile.load(modelPath);
        ModelFile.Loaded loaded = session != null ? session.model() : loadModel(a, modelPath);
        DataSplit data = CliData.load(spec, err);
        Vae vae = loaded.vae();
        if (vae.config().inputSize() != data.test().imageSize())
            throw new UsageException(modelPath + ": the model takes " + vae.config().inputSize() + " pixels but " + spec
                    + " has images of " + data.test().rows() + "x" + data.test().cols());
        double beta = session != null ? session.trainConfig().beta() : 1;
        Evaluation e = Trainer.evaluate(vae, Cli.matMul(threads), vae.workspace(MemoryPlan.evalBatch(vae.config())),
                data.test(), beta);
        if (!e.isFinite())
            throw new UsageException(modelPath + ": the model's loss on " + spec + " is not a number (recon " + e.recon()
                    + ", kl " + e.kl() + "); its weights or settings do not fit these images");
        if (a.flag("json")) {
            out.println(new Json().put("test_loss", e.loss(), 3).put("test_recon", e.recon(), 3).put("test_kl", e.kl(), 3)
                    .put("test_neg_elbo", e.negativeElbo(), 3).put("test_kl_per_dim", e.klPerDim()).put("images", e.images()));
        } else {
            out.printf(Locale.ROOT, "%s on %s (%,d test images): loss %.3f = recon %.3f + %s * kl %.3f nats per image%n",
                    modelPath, spec, e.images(), e.loss(), e.recon(), beta, e.kl());
        }
        return Cli.OK;
    }

    /**
     * A model or session file, or a PyTorch .safetensors file; {@code --likelihood} is used for the latter when its
     * metadata names none.
     */
    static ModelFile.Loaded loadModel(Args a, Path modelPath) throws UsageException, FileFormatException {
        String l = a.string("likelihood", null);
        Likelihood likelihood;
        try {
            likelihood = l == null ? null : Likelihood.parse(l);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--likelihood: " + e.getMessage());
        }
        return ModelFiles.open(modelPath, likelihood);
    }
}
