package vaeexplorer.core.io;

import java.util.Locale;

/**
 * What is wrong with a model or session file, as a machine-readable reason next to the English message of a
 * {@link FileFormatException}, so that a user interface can say it in another language. Each problem has the English
 * pattern its message is made from ({@link String#format} with {@link Locale#ROOT}); the first argument names the file.
 * Arguments are numbers, strings (names, details from the system) and {@link Part} values, whose {@code toString} is
 * their English name. The {@code SAFETENSORS_*} and {@code PYTORCH_*} problems are those of PyTorch {@code .safetensors}
 * files: the container, then the state dict it holds.
 */
public enum FileProblem implements vaeexplorer.core.data.MessagePattern {
    /** Any other problem: only the message says what it is. */
    OTHER(null),
    NO_SUCH_FILE("%1$s: no such file"),
    /** Args: the file, the system's detail. */
    UNREADABLE("%1$s: cannot be read (%2$s)"),
    /** Args: the file, its size in bytes. */
    TOO_LARGE("%1$s: %2$d bytes is too large for a model file"),
    /** Args: the file, its size in bytes. */
    TOO_SHORT("%1$s: not a VAE Explorer file (only %2$d bytes)"),
    NOT_VAE_EXPLORER("%1$s: not a VAE Explorer model or session file"),
    /** Args: the file, its format version, the newest this program reads. */
    NEWER_VERSION("%1$s: written by a newer VAE Explorer (file format %2$d); this version reads format %3$d and older"),
    /** Args: the file, its format version. */
    UNKNOWN_VERSION("%1$s: unknown file format %2$d"),
    CHECKSUM("%1$s: the file is damaged or truncated (checksum mismatch)"),
    /** Args: the file, the number of sections it claims. */
    DAMAGED_HEADER("%1$s: damaged header (%2$d sections)"),
    SECTION_PAST_END("%1$s: the file is truncated or damaged (a section runs past its end)"),
    /** Args: the file, the bytes after the last section. */
    TRAILING_BYTES("%1$s: %2$d unexpected bytes after the last section"),
    NOT_A_MODEL("%1$s: not a model file (the config or params section is missing)"),
    /** Args: the file, the detail. */
    CONFIG_INVALID("%1$s: the model's configuration is invalid (%2$s)"),
    /** Args: the file, the arrays it holds, the arrays the model needs. */
    PARAM_COUNT("%1$s: holds %2$d parameter arrays; the model needs %3$d"),
    /** Args: the file, its parameter's name, rows, columns, the model's parameter name, rows, columns. */
    PARAM_SHAPE("%1$s: parameter %2$s is %3$dx%4$d but the model expects %5$s %6$dx%7$d"),
    /** Args: the file, the parameter's name. */
    PARAM_NOT_FINITE("%1$s: parameter %2$s holds a NaN or infinite value"),
    PARAMS_TRUNCATED("%1$s: the parameters are truncated"),
    /** Args: the file, the detail. */
    TRAINING_SETTINGS_INVALID("%1$s: the training settings are invalid (%2$s)"),
    /** Args: the file, the {@link Part}. */
    PART_DAMAGED("%1$s: the %2$s is damaged"),
    /** Args: the file, the {@link Part}, the entries it claims. */
    PART_DAMAGED_ENTRIES("%1$s: the %2$s is damaged (claims %3$d entries)"),
    /** Args: the file, the {@link Part}. */
    PART_TRAILING("%1$s: unexpected bytes after the %2$s"),
    /** Args: the file, the {@link Part}. */
    PART_TRUNCATED("%1$s: the %2$s is truncated"),
    /** Args: the file. A .safetensors model whose metadata names no likelihood: the caller must say which. */
    NO_LIKELIHOOD("%1$s: the file's __metadata__ names no likelihood; say which one the model was trained with "
            + "(bernoulli or gaussian; on the command line --likelihood)"),

    // ---- .safetensors files (SafeTensors): the container ----
    /** Args: the file, its size in bytes. */
    SAFETENSORS_TOO_SHORT("%1$s: not a .safetensors file (only %2$d bytes)"),
    /** Args: the file, its size in bytes, the largest size read. */
    SAFETENSORS_TOO_LARGE("%1$s: %2$d bytes is too large for a model (at most %3$d)"),
    /** Args: the file, the length its header claims (unsigned, as text), the bytes after the length field. */
    SAFETENSORS_HEADER_LENGTH("%1$s: not a .safetensors file: the header claims %2$s bytes, but the file has %3$d after "
            + "the length field"),
    /** Args: the file, the length its header claims, the most a header may have. */
    SAFETENSORS_HEADER_TOO_LARGE("%1$s: the header claims %2$d bytes; a .safetensors header may have at most %3$d"),
    SAFETENSORS_TRUNCATED("%1$s: the file is truncated"),
    SAFETENSORS_HEADER_NOT_UTF8("%1$s: the header is not UTF-8 text"),
    /** Args: the file, the parser's detail (English). */
    SAFETENSORS_HEADER_NOT_JSON("%1$s: the header is not valid JSON (%2$s)"),
    SAFETENSORS_HEADER_NOT_OBJECT("%1$s: the header is not a JSON object"),
    SAFETENSORS_METADATA_NOT_OBJECT("%1$s: __metadata__ must be an object of strings"),
    /** Args: the file, the key, the value found. */
    SAFETENSORS_METADATA_NOT_STRING("%1$s: __metadata__ entry \"%2$s\" must be a string, found %3$s"),
    /** Args: the file, the tensor, the value found. */
    SAFETENSORS_TENSOR_NOT_OBJECT("%1$s: tensor %2$s: expected an object, found %3$s"),
    /** Args: the file, the tensor, the field. */
    SAFETENSORS_TENSOR_FIELD("%1$s: tensor %2$s: unexpected field \"%3$s\" (expected dtype, shape, data_offsets)"),
    /** Args: the file, the tensor. */
    SAFETENSORS_DTYPE_MISSING("%1$s: tensor %2$s: dtype is missing or not a string"),
    /** Args: the file, the tensor, its dtype. */
    SAFETENSORS_DTYPE("%1$s: tensor %2$s: dtype %3$s is not supported (F32, F16 and BF16 are read)"),
    /** Args: the file, the tensor. */
    SAFETENSORS_SHAPE_MISSING("%1$s: tensor %2$s: shape is missing or not a list"),
    /** Args: the file, the tensor, its number of dimensions, the most read. */
    SAFETENSORS_SHAPE_RANK("%1$s: tensor %2$s: shape has %3$d dimensions (at most %4$d)"),
    /** Args: the file, the tensor, the shape as found. */
    SAFETENSORS_SHAPE_NOT_WHOLE("%1$s: tensor %2$s: shape %3$s must hold whole numbers >= 0"),
    /** Args: the file, the tensor, the shape, the bytes of data in the file. */
    SAFETENSORS_SHAPE_TOO_LARGE("%1$s: tensor %2$s: shape %3$s needs more bytes than the file's %4$d bytes of data"),
    /** Args: the file, the tensor, the value found. */
    SAFETENSORS_OFFSETS_FORM("%1$s: tensor %2$s: data_offsets must be [begin, end], found %3$s"),
    /** Args: the file, the tensor, begin, end. */
    SAFETENSORS_OFFSETS_RANGE("%1$s: tensor %2$s: data_offsets [%3$d, %4$d] are not a byte range"),
    /** Args: the file, the tensor, begin, end, the bytes of data in the file. */
    SAFETENSORS_OFFSETS_PAST_END("%1$s: tensor %2$s: data_offsets [%3$d, %4$d] run past the end of the data (%5$d bytes)"),
    /** Args: the file, the tensor, dtype, shape, the bytes they need, begin, end, end - begin. */
    SAFETENSORS_BYTE_COUNT("%1$s: tensor %2$s: %3$s %4$s needs %5$d bytes, but data_offsets [%6$d, %7$d] give %8$d"),
    /** Args: the file, one tensor, its begin, end, the other tensor, its begin, end. */
    SAFETENSORS_OVERLAP("%1$s: tensors %2$s (bytes %3$d..%4$d) and %5$s (bytes %6$d..%7$d) overlap"),
    /** Args: the file, the first byte no tensor holds, the next byte a tensor holds (or the end of the data). */
    SAFETENSORS_GAP("%1$s: no tensor holds bytes %2$d..%3$d of the data (the tensors must fill it, one after another)"),
    /** Args: the file, the tensor, the value (NaN, Infinity, -Infinity), its index. */
    SAFETENSORS_NOT_FINITE("%1$s: tensor %2$s holds %3$s at element %4$d (expected finite numbers)"),
    /** Args: the file, the values of all tensors, the MiB they need as floats, the MiB free. */
    SAFETENSORS_NO_MEMORY("%1$s: its tensors hold %2$,d values (%3$,d MiB as floats), but only %4$,d MiB of memory are "
            + "free"),

    // ---- .safetensors files (SafeTensorsModel): the state dict of a VAE ----
    /** Args: the file, the tensors found. */
    PYTORCH_UNKNOWN_LAYOUT("%1$s: not a VAE this program knows: found tensors %2$s; " + SafeTensorsModel.EXPECTED),
    /** Args: the file, the naming scheme, the missing tensors. */
    PYTORCH_LACKS("%1$s: looks like %2$s but lacks %3$s; " + SafeTensorsModel.EXPECTED),
    /** Args: the file, the naming scheme, the extra tensors. */
    PYTORCH_EXTRA("%1$s: looks like %2$s but also holds %3$s; " + SafeTensorsModel.EXPECTED),
    /** Args: the file, the naming scheme, the missing tensors, the extra tensors. */
    PYTORCH_LACKS_AND_EXTRA("%1$s: looks like %2$s but lacks %3$s and also holds %4$s; " + SafeTensorsModel.EXPECTED),
    /** Args: the file, the layer, its weight's shape. */
    PYTORCH_WEIGHT_RANK("%1$s: %2$s.weight has shape %3$s; expected 2 dimensions [out, in]"),
    /** Args: the file, the layer, its weight's shape, the expected shape, input, hidden, latent, the two layers read. */
    PYTORCH_WEIGHT_SHAPE("%1$s: %2$s.weight has shape %3$s, expected %4$s for input %5$d, hidden %6$s, latent %7$d "
            + "(from %8$s and %9$s)"),
    /** As {@link #PYTORCH_WEIGHT_SHAPE}, for a decoder layer. */
    PYTORCH_DECODER_SHAPE("%1$s: %2$s.weight has shape %3$s, expected %4$s for input %5$d, hidden %6$s, latent %7$d "
            + "(from %8$s and %9$s); the decoder must mirror the encoder"),
    /** Args: the file, the layer, its bias's shape, its weight's outputs. */
    PYTORCH_BIAS_SHAPE("%1$s: %2$s.bias has shape %3$s, expected [%4$d]");

    private final String pattern;

    FileProblem(String pattern) {
        this.pattern = pattern;
    }

    /** The English pattern of the message ({@link String#format}); null for {@link #OTHER}. */
    @Override
    public String pattern() {
        return pattern;
    }

    /** The parts of a file that problems name; {@code toString} gives the English. */
    public enum Part {
        CONFIG("config section"),
        VIEW("view section"),
        PARAMETERS("parameters"),
        TRAINING_STATE("training state"),
        OPTIMIZER_STATE("optimizer state"),
        LOSS_HISTORY("loss history");

        private final String english;

        Part(String english) {
            this.english = english;
        }

        @Override
        public String toString() {
            return english;
        }
    }
}
