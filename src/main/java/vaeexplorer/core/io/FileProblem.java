package vaeexplorer.core.io;

import java.util.Locale;

/**
 * What is wrong with a model or session file, as a machine-readable reason next to the English message of a
 * {@link FileFormatException}, so that a user interface can say it in another language. Each problem has the English
 * pattern its message is made from ({@link String#format} with {@link Locale#ROOT}); the first argument names the file.
 * Arguments are numbers, strings (names, details from the system) and {@link Part} values, whose {@code toString} is
 * their English name.
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
            + "(bernoulli or gaussian; on the command line --likelihood)");

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
