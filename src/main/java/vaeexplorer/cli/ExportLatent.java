package vaeexplorer.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.io.FileFormatException;
import vaeexplorer.core.io.LatentCsv;
import vaeexplorer.core.io.ModelFile;
import vaeexplorer.core.io.AtomicFiles;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.train.LatentPca;
import vaeexplorer.core.vae.ImageScores;
import vaeexplorer.core.vae.ModelSnapshot;

/**
 * {@code export-latent}: the latent code (mu and sigma) of every image of a data set, as CSV, and its -ELBO in nats
 * (the last column, {@code neg_elbo}: how well the model explains it, see {@link ImageScores}); with
 * {@code --projection pca} also each image's coordinates along the principal components of all the means
 * ({@code pc_1..pc_d}), and the components themselves (variance, share of the total, direction) in a side file
 * {@code NAME.pca.csv}.
 */
final class ExportLatent {
    private ExportLatent() {}

    /** The options that take a value. */
    static final Set<String> OPTIONS = Set.of("model", "dataset", "out", "likelihood", "projection");

    static int run(List<String> argv, PrintStream out) throws UsageException, DataException, FileFormatException, IOException {
        Args a = new Args("export-latent", argv, OPTIONS, Set.of());
        Path modelPath = Path.of(a.required("model"));
        String spec = a.required("dataset");
        Path outFile = Path.of(a.required("out"));
        String projection = a.choice("projection", "none", "none", "pca");
        ModelFile.Loaded loaded = EvaluateCommand.loadModel(a, modelPath);
        DataSplit data = CliData.load(spec, System.err);
        if (loaded.vae().config().inputSize() != data.train().imageSize())
            throw new UsageException(modelPath + ": the model takes " + loaded.vae().config().inputSize() + " pixels but "
                    + spec + " has images of " + data.train().rows() + "x" + data.train().cols());
        ModelSnapshot model = loaded.vae().snapshot();
        int d = model.latent(), nTrain = data.train().size(), n = nTrain + data.test().size();
        // mu and sigma of every image, in batched products: train rows first, then test
        float[] mu = new float[n * d], sigma = new float[n * d];
        float[] part = new float[Math.max(nTrain, data.test().size()) * d], partSigma = new float[part.length];
        MatMul mm = Cli.matMul(Cli.defaultThreads());
        int from = 0;
        for (Dataset set : List.of(data.train(), data.test())) {
            model.encodeBatch(mm, set, 0, set.size(), part, partSigma);
            System.arraycopy(part, 0, mu, from * d, set.size() * d);
            System.arraycopy(partSigma, 0, sigma, from * d, set.size() * d);
            from += set.size();
        }
        LatentPca pca = projection.equals("pca") ? pca(mu, n, d) : null;
        double[] trainScores = ImageScores.negativeElbo(model, mm, data.train(), 0, nTrain);
        double[] testScores = ImageScores.negativeElbo(model, mm, data.test(), 0, data.test().size());
        Path pcaFile = pca == null ? null : pcaFile(outFile);
        AtomicFiles.write(outFile, o -> {
            Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
            LatentCsv.writeHeader(w, d, true, pca == null ? 0 : d, true);
            LatentCsv.writeRows(w, data.train(), "train", mu, sigma, 0, d, pca, d, trainScores);
            LatentCsv.writeRows(w, data.test(), "test", mu, sigma, nTrain, d, pca, d, testScores);
            w.flush();
        });
        if (pca != null) {
            AtomicFiles.write(pcaFile, o -> {
                Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
                LatentCsv.writeComponents(w, pca);
                w.flush();
            });
        }
        out.println("Wrote the latent codes of " + n + " images to " + outFile);
        if (pca != null) {
            StringBuilder shares = new StringBuilder();
            for (int k = 0; k < Math.min(d, 3); k++)
                shares.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "pc_%d %.1f%%", k + 1, 100 * pca.explained(k)));
            out.println("Principal components (" + shares + (d > 3 ? ", ..." : "") + " of the variance) in " + pcaFile);
        }
        return Cli.OK;
    }

    private static LatentPca pca(float[] mu, int n, int d) throws UsageException {
        try {
            return LatentPca.fit(mu, n, d);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--projection pca: " + e.getMessage());
        }
    }

    /** latent.csv -> latent.pca.csv; other names get .pca.csv appended. */
    static Path pcaFile(Path out) {
        String name = out.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(base + ".pca.csv");
    }
}
