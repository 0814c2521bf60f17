package vaeexplorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.io.FileFormatException;
import vaeexplorer.core.io.LatentCsv;
import vaeexplorer.core.io.ModelFile;
import vaeexplorer.core.vae.ModelSnapshot;

/** {@code export-latent}: the latent code (mu and sigma) of every image of a data set, as CSV. */
final class ExportLatent {
    private ExportLatent() {}

    static int run(List<String> argv, PrintStream out) throws UsageException, DataException, FileFormatException, IOException {
        Args a = new Args("export-latent", argv, Set.of("model", "dataset", "out", "likelihood"), Set.of());
        Path modelPath = Path.of(a.required("model"));
        String spec = a.required("dataset");
        Path outFile = Path.of(a.required("out"));
        ModelFile.Loaded loaded = EvaluateCommand.loadModel(a, modelPath);
        DataSplit data = CliData.load(spec, System.err);
        if (loaded.vae().config().inputSize() != data.train().imageSize())
            throw new UsageException(modelPath + ": the model takes " + loaded.vae().config().inputSize() + " pixels but "
                    + spec + " has images of " + data.train().rows() + "x" + data.train().cols());
        ModelSnapshot model = loaded.vae().snapshot();
        vaeexplorer.core.io.AtomicFiles.write(outFile, o -> {
            java.io.Writer w = new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8);
            LatentCsv.writeHeader(w, model.latent(), true);
            for (Dataset set : List.of(data.train(), data.test()))
                LatentCsv.writeRows(w, model, set, set == data.train() ? "train" : "test");
            w.flush();
        });
        out.println("Wrote the latent codes of " + (data.train().size() + data.test().size()) + " images to " + outFile);
        return Cli.OK;
    }
}
