package vaeexplorer.core.io;

import java.nio.file.Path;
import java.util.Locale;

import vaeexplorer.core.vae.Likelihood;

/**
 * Opens any model file this program reads: its own model and session files ({@link ModelFile}, magic "VAEX") and
 * PyTorch {@code .safetensors} state dicts ({@link SafeTensorsModel}), told apart by the extension or, failing that,
 * by the first bytes. The result's info has {@code format=safetensors} for the latter (no training state).
 */
public final class ModelFiles {
    private ModelFiles() {}

    /**
     * @param likelihoodIfMissing used for a .safetensors file whose metadata names no likelihood; null: such a file is
     *                            refused with a message saying so
     */
    public static ModelFile.Loaded open(Path file, Likelihood likelihoodIfMissing) throws FileFormatException {
        return isSafeTensors(file) ? SafeTensorsModel.load(file, likelihoodIfMissing) : ModelFile.load(file);
    }

    /** True for a name ending in .safetensors, or a file that starts like one. */
    public static boolean isSafeTensors(Path file) {
        Path name = file.getFileName();
        if (name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".safetensors")) return true;
        return SafeTensors.looksLike(file);
    }
}
