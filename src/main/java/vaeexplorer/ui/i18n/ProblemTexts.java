package vaeexplorer.ui.i18n;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataProblem;
import vaeexplorer.core.data.SkippedFile;
import vaeexplorer.core.io.FileFormatException;
import vaeexplorer.core.io.FileProblem;

/**
 * The engine's errors in the UI's language. The engine gives each error a machine-readable problem and its arguments
 * ({@link DataProblem}, {@link FileProblem}) next to its English message; here each problem becomes a headline (the
 * kind of failure, such as "The file is incomplete"), the explanation (the engine's message said in the UI's language,
 * naming the file and the position: {@code dataProblem.*} and {@code fileProblem.*}, whose English is the engine's
 * pattern, so English reads exactly as before) and, for most kinds, a hint on what to do. Problems the engine only
 * describes in words ({@code OTHER}) keep their English message under a translated headline.
 */
public final class ProblemTexts {
    private ProblemTexts() {}

    /** The prefix of the keys of {@link #memory}, one per {@link vaeexplorer.core.train.MemoryPlan.TooLarge.Kind}. */
    private static final String MEMORY = "memory.";

    /** What does not fit in memory, in the UI's language: key {@code memory.<KIND>} over the refusal's figures. */
    public static String memory(vaeexplorer.core.train.MemoryPlan.TooLarge e) {
        long[] f = e.figures();
        Object[] args = new Object[f.length];
        for (int i = 0; i < f.length; i++) args[i] = f[i];
        return I18n.format(MEMORY + e.kind().name(), args);
    }

    /** The words for a refusal by the core's own checks: a memory refusal in the UI's language, else the core's. */
    public static String refusal(IllegalArgumentException e) {
        return e instanceof vaeexplorer.core.train.MemoryPlan.TooLarge t ? memory(t) : e.getMessage();
    }

    /** The kinds of failure, each with a headline ({@code problemKind.*}) and maybe a hint ({@code problemHint.*}). */
    public enum Kind {
        MISSING(true), UNREADABLE(true), INVALID_NAME(false), NOT_A_DATA_SET(false), IDX_INCOMPLETE(true),
        NOT_VAE_EXPLORER(true), NOT_IDX(true), WRONG_IDX(true), TRUNCATED(true), CHECKSUM(true), DAMAGED(true),
        NEWER(true), TOO_LARGE(true), SIZE_MISMATCH(false), COUNT_MISMATCH(false), EMPTY(false),
        NO_READABLE_IMAGES(false), TOO_FEW_IMAGES(false), CSV_ROW(true), CSV_LAYOUT(true), CHANGED(true), LABELS(false),
        CLASS_NAMES(true), CANCELLED(false), OTHER_DATA(false), OTHER_FILE(false), NOT_SAFETENSORS(true),
        NOT_A_KNOWN_VAE(true), LAYER_SIZES(true), UNSUPPORTED_DTYPE(true), NOT_FINITE(true), MODEL_TOO_LARGE(true);

        final boolean hinted;

        Kind(boolean hinted) {
            this.hinted = hinted;
        }

        public String headline() {
            return I18n.get(key("problemKind.", name()));
        }

        /** The hint, or null. */
        String hint() {
            return hinted ? I18n.get(key("problemHint.", name())) : null;
        }
    }

    /** What the user is told about a failure, in the language of the moment it was made. */
    public record Text(String headline, String explanation, String hint) {
        /** The headline, the explanation and the hint (if any), one to a line. */
        public String lines() {
            return headline + "\n" + explanation + (hint == null ? "" : "\n" + hint);
        }
    }

    // ---- data ----

    public static Text of(DataException e) {
        Kind k = kind(e.problem());
        return new Text(k.headline(), explanation(e), k.hint());
    }

    /** The engine's message in the UI's language. */
    static String explanation(DataException e) {
        return say("dataProblem.", e.problem() == DataProblem.OTHER ? null : e.problem().name(), e.args(), e.getMessage());
    }

    /** Why a file of a folder was skipped, in the UI's language. */
    public static String reason(SkippedFile f) {
        return say("dataProblem.", f.problem() == DataProblem.OTHER ? null : f.problem().name(), f.args(), f.reason());
    }

    static Kind kind(DataProblem p) {
        return switch (p) {
            case OTHER, SKIP_HIDDEN_FOLDER, SKIP_NOT_IMAGE_FILE, SKIP_OUTSIDE_CLASS_FOLDERS, SKIP_FOLDER_UNREADABLE,
                    IMAGE_UNREADABLE, IMAGE_NO_SUCH_FILE, IMAGE_CANNOT_OPEN, IMAGE_UNKNOWN_FORMAT, IMAGE_TOO_LARGE,
                    IMAGE_CORRUPT_OR_UNSUPPORTED, IMAGE_CORRUPT -> Kind.OTHER_DATA;
            case CANCELLED -> Kind.CANCELLED;
            case NO_SUCH_FILE, NO_SUCH_FILE_OR_FOLDER, BUILT_IN_MISSING -> Kind.MISSING;
            case INVALID_NAME -> Kind.INVALID_NAME;
            case NOT_A_DATA_SET -> Kind.NOT_A_DATA_SET;
            case UNREADABLE, FOLDER_UNREADABLE -> Kind.UNREADABLE;
            case EMPTY_FILE, COMPRESSED_DATA_EMPTY, IDX_NO_IMAGES, IDX_NO_LABELS, CSV_HEADER_ONLY, CSV_NO_DATA,
                    FOLDER_EMPTY, FOLDER_NO_IMAGES_ONE, FOLDER_NO_IMAGES -> Kind.EMPTY;
            case IDX_INCOMPLETE -> Kind.IDX_INCOMPLETE;
            case IDX_HEADER_TRUNCATED, IDX_SHORTER, IDX_SHORTER_UNCOMPRESSED, GZIP_TRUNCATED -> Kind.TRUNCATED;
            case NOT_IDX, NOT_IDX_UNCOMPRESSED, IDX_UNSUPPORTED_TYPE, IDX_WRONG_DIMENSIONS, NOT_GZIP -> Kind.NOT_IDX;
            case IDX_LABELS_NOT_IMAGES, IDX_IMAGES_NOT_LABELS -> Kind.WRONG_IDX;
            case IDX_BAD_IMAGE_SIZE, IDX_LONGER, IDX_TRAILING_DATA, GZIP_CORRUPT, GZIP_CORRUPT_DETAIL,
                    GZIP_PRESET_DICTIONARY, GZIP_TRAILING, GZIP_UNSUPPORTED_METHOD, GZIP_BAD_HEADER -> Kind.DAMAGED;
            case GZIP_CHECKSUM, GZIP_LENGTH -> Kind.CHECKSUM;
            case IDX_LABEL_OUT_OF_RANGE, CSV_TOO_MANY_LABELS -> Kind.LABELS;
            case IDX_TOO_LARGE, FOLDER_TOO_MANY_IMAGES, CSV_TOO_MANY_IMAGES, CSV_IMAGE_TOO_LARGE -> Kind.TOO_LARGE;
            case IDX_COUNT_MISMATCH -> Kind.COUNT_MISMATCH;
            case IDX_TRAIN_TEST_SIZES -> Kind.SIZE_MISMATCH;
            case TOO_FEW_CLASS_NAMES, CLASSES_NOT_UTF8, CLASSES_EMPTY, CLASSES_EMPTY_LINE, CLASSES_REPEATED ->
                    Kind.CLASS_NAMES;
            case TOO_FEW_IMAGES -> Kind.TOO_FEW_IMAGES;
            case FOLDER_NONE_READABLE -> Kind.NO_READABLE_IMAGES;
            case CSV_LABEL_EMPTY, CSV_COLUMN_COUNT_HEADER, CSV_COLUMN_COUNT, CSV_CELL_EMPTY, CSV_CELL_NOT_A_NUMBER,
                    CSV_CELL_OUT_OF_RANGE -> Kind.CSV_ROW;
            case CSV_HEADER_NOT_SQUARE, CSV_HEADER_NOT_SQUARE_UNNAMED, CSV_NOT_SQUARE -> Kind.CSV_LAYOUT;
            case CSV_CHANGED -> Kind.CHANGED;
        };
    }

    // ---- model and session files ----

    public static Text of(FileFormatException e) {
        Kind k = kind(e.problem());
        return new Text(k.headline(), explanation(e), k.hint());
    }

    /** The engine's message in the UI's language. */
    static String explanation(FileFormatException e) {
        return say("fileProblem.", e.problem() == FileProblem.OTHER ? null : e.problem().name(), e.args(), e.getMessage());
    }

    static Kind kind(FileProblem p) {
        return switch (p) {
            case OTHER, NO_LIKELIHOOD -> Kind.OTHER_FILE;
            case NO_SUCH_FILE -> Kind.MISSING;
            case UNREADABLE -> Kind.UNREADABLE;
            case TOO_LARGE, SAFETENSORS_TOO_LARGE, SAFETENSORS_NO_MEMORY -> Kind.MODEL_TOO_LARGE;
            case TOO_SHORT, NOT_VAE_EXPLORER -> Kind.NOT_VAE_EXPLORER;
            case NEWER_VERSION -> Kind.NEWER;
            case CHECKSUM -> Kind.CHECKSUM;
            case SECTION_PAST_END, PARAMS_TRUNCATED, PART_TRUNCATED, SAFETENSORS_TRUNCATED, SAFETENSORS_OFFSETS_PAST_END ->
                    Kind.TRUNCATED;
            case UNKNOWN_VERSION, DAMAGED_HEADER, TRAILING_BYTES, NOT_A_MODEL, CONFIG_INVALID, PARAM_COUNT, PARAM_SHAPE,
                    TRAINING_SETTINGS_INVALID, PART_DAMAGED, PART_DAMAGED_ENTRIES, PART_TRAILING,
                    SAFETENSORS_METADATA_NOT_OBJECT, SAFETENSORS_METADATA_NOT_STRING, SAFETENSORS_TENSOR_NOT_OBJECT,
                    SAFETENSORS_TENSOR_FIELD, SAFETENSORS_DTYPE_MISSING, SAFETENSORS_SHAPE_MISSING, SAFETENSORS_SHAPE_RANK,
                    SAFETENSORS_SHAPE_NOT_WHOLE, SAFETENSORS_SHAPE_TOO_LARGE, SAFETENSORS_OFFSETS_FORM,
                    SAFETENSORS_OFFSETS_RANGE, SAFETENSORS_BYTE_COUNT, SAFETENSORS_OVERLAP, SAFETENSORS_GAP -> Kind.DAMAGED;
            case PARAM_NOT_FINITE, SAFETENSORS_NOT_FINITE -> Kind.NOT_FINITE;
            case SAFETENSORS_TOO_SHORT, SAFETENSORS_HEADER_LENGTH, SAFETENSORS_HEADER_TOO_LARGE,
                    SAFETENSORS_HEADER_NOT_UTF8, SAFETENSORS_HEADER_NOT_JSON, SAFETENSORS_HEADER_NOT_OBJECT ->
                    Kind.NOT_SAFETENSORS;
            case SAFETENSORS_DTYPE -> Kind.UNSUPPORTED_DTYPE;
            case PYTORCH_UNKNOWN_LAYOUT, PYTORCH_LACKS, PYTORCH_EXTRA, PYTORCH_LACKS_AND_EXTRA -> Kind.NOT_A_KNOWN_VAE;
            case PYTORCH_WEIGHT_RANK, PYTORCH_WEIGHT_SHAPE, PYTORCH_DECODER_SHAPE, PYTORCH_BIAS_SHAPE -> Kind.LAYER_SIZES;
        };
    }

    // ---- files the UI writes ----

    /**
     * Why writing or reading file failed, in the UI's language, naming the file: common failures of the file system
     * are translated, anything else keeps the system's words.
     */
    public static String io(Path file, Throwable e) {
        Path dir = file.toAbsolutePath().getParent();
        if (e instanceof AccessDeniedException) return I18n.format("io.accessDenied", file);
        if (dir != null && !Files.isDirectory(dir)) return I18n.format("io.noSuchFolder", dir);
        if (e instanceof NoSuchFileException) return I18n.format("io.noSuchFile", file);
        if (e instanceof FileSystemException fs && fs.getReason() != null
                && fs.getReason().toLowerCase(Locale.ROOT).contains("no space"))
            return I18n.format("io.diskFull", file);
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        return I18n.format("io.other", file, m);
    }

    // ---- shared ----

    /**
     * The problem's pattern in the UI's language filled in with its arguments (words of the engine translated), or
     * the English message when there is no problem or the pattern does not take the arguments.
     */
    private static String say(String prefix, String problem, List<Object> args, String english) {
        if (problem == null) return english;
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) values[i] = word(args.get(i));
        try {
            return I18n.format(key(prefix, problem), values);
        } catch (IllegalFormatException e) {
            return english;
        }
    }

    /** An argument in the UI's language: the engine's words are translated, numbers, names and paths kept. */
    static Object word(Object arg) {
        if (arg instanceof DataProblem.Term t) return I18n.get(key("dataTerm.", t.name()));
        if (arg instanceof FileProblem.Part p) return I18n.get(key("filePart.", p.name()));
        if (arg instanceof DataProblem.Declared d)
            return d.isLabels() ? I18n.format("dataTerm.declaredLabels", d.count())
                    : I18n.format("dataTerm.declaredImages", d.count(), d.rows(), d.cols());
        if (arg instanceof SkippedFile f) return I18n.format("skipped.item", f.path(), reason(f));
        return arg;
    }

    /** The key of an enum constant: ("dataProblem.", "NOT_IDX") becomes dataProblem.notIdx. */
    static String key(String prefix, String constant) {
        return prefix + camel(constant);
    }

    /** NOT_IDX_UNCOMPRESSED becomes notIdxUncompressed. */
    static String camel(String constant) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : constant.toCharArray()) {
            if (c == '_') {
                up = true;
                continue;
            }
            b.append(up ? c : Character.toLowerCase(c));
            up = false;
        }
        return b.toString();
    }
}
