package vaeexplorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import vaeexplorer.core.io.FileFormatException;
import vaeexplorer.core.io.ModelFile;
import vaeexplorer.core.io.SafeTensorsModel;
import vaeexplorer.core.vae.Vae;

/**
 * {@code convert}: a model (or session) file to a PyTorch {@code .safetensors} state dict, or back: the output's
 * extension chooses. Names: pytorch/examples' for one hidden layer, VAE Explorer's documented scheme otherwise (see
 * {@link SafeTensorsModel}).
 */
final class ConvertCommand {
    private ConvertCommand() {}

    /** The options that take a value. */
    static final Set<String> OPTIONS = Set.of("model", "out", "likelihood");

    static int run(List<String> argv, PrintStream out) throws UsageException, FileFormatException, IOException {
        Args a = new Args("convert", argv, OPTIONS, Set.of());
        Path modelPath = Path.of(a.required("model"));
        Path outFile = Path.of(a.required("out"));
        ModelFile.Loaded loaded = EvaluateCommand.loadModel(a, modelPath);
        Vae vae = loaded.vae();
        boolean toSafeTensors = outFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".safetensors");
        if (toSafeTensors) {
            SafeTensorsModel.save(outFile, vae, loaded.info());
            out.printf(Locale.ROOT, "Wrote %s (PyTorch state dict, %s names; latent %d, hidden %s, %s)%n", outFile,
                    SafeTensorsModel.namesFor(vae.config()).name().toLowerCase(Locale.ROOT), vae.config().latent(),
                    vae.config().hiddenText(), vae.config().likelihood().id());
        } else {
            Map<String, String> info = new LinkedHashMap<>();
            for (String k : loaded.info().stringPropertyNames())
                if (!Set.of("input_size", "hidden", "latent", "likelihood", "gaussian_sigma").contains(k))
                    info.put(k, loaded.info().getProperty(k));
            ModelFile.save(outFile, vae, info);
            out.printf(Locale.ROOT, "Wrote %s (VAE Explorer model; latent %d, hidden %s, %s)%n", outFile,
                    vae.config().latent(), vae.config().hiddenText(), vae.config().likelihood().id());
        }
        return Cli.OK;
    }
}
