package vaeexplorer.core.data;

import java.util.Locale;

/**
 * What went wrong when loading data, as a machine-readable reason next to the English message: a user interface can
 * say it in another language from the problem and its arguments ({@link DataException#problem()},
 * {@link DataException#args()}, {@link SkippedFile#problem()}). Each problem has the English pattern its message is
 * made from ({@link String#format} with {@link Locale#ROOT}); for the problems of a {@link DataException} the first
 * argument names the file or folder, the problems of a {@link SkippedFile} (the {@code SKIP_} and {@code IMAGE_} ones)
 * are reasons without it. Arguments are numbers, strings (paths, names, details from the system), and the values of
 * {@link Term}, {@link Declared} and {@link SkippedFile}, whose {@code toString} is their English text.
 */
public enum DataProblem implements MessagePattern {
    /** Any other problem: only the message says what it is. */
    OTHER(null),
    /** Loading was cancelled. */
    CANCELLED("%1$s: loading was cancelled"),

    // ---- files and folders ----
    NO_SUCH_FILE("%1$s: no such file"),
    NO_SUCH_FILE_OR_FOLDER("no such file or folder: %1$s"),
    INVALID_NAME("%1$s: not a valid file or folder name"),
    /** Args: the spec, the built-in names joined by ", ". */
    NOT_A_DATA_SET("%1$s: not a data set: expected %2$s, a folder (of IDX files or images) or a .csv file"),
    /** Args: the file, the system's detail. */
    UNREADABLE("%1$s: could not be read (%2$s)"),
    /** Args: the resource, the data set's name. */
    BUILT_IN_MISSING("%1$s: missing from the application (built-in data set %2$s)"),
    EMPTY_FILE("%1$s: the file is empty"),

    // ---- IDX files ----
    /** Args: the folder, the missing file names joined by ", ". */
    IDX_INCOMPLETE("%1$s: not a complete IDX data set: missing %2$s"),
    COMPRESSED_DATA_EMPTY("%1$s: the compressed data is empty"),
    /** Args: the file, bytes there are, bytes of a header. */
    IDX_HEADER_TRUNCATED("%1$s: the file ends inside the IDX header (%2$d of %3$d bytes)"),
    /** Args: the file, the {@link Term} expected, the first bytes in hex. */
    NOT_IDX("%1$s: not an IDX or gzip file: expected %2$s but the file starts with bytes %3$s"),
    /** Args: the file, the {@link Term} expected, the first bytes in hex. */
    NOT_IDX_UNCOMPRESSED("%1$s: not an IDX file: expected %2$s but the uncompressed data starts with bytes %3$s"),
    /** Args: the file, the {@link Term} expected. */
    IDX_LABELS_NOT_IMAGES("%1$s: this is an IDX label file (magic 2049), expected %2$s"),
    /** Args: the file, the {@link Term} expected. */
    IDX_IMAGES_NOT_LABELS("%1$s: this is an IDX image file (magic 2051), expected %2$s"),
    /** Args: the file, the data type (an int), the {@link Term} expected. */
    IDX_UNSUPPORTED_TYPE("%1$s: IDX data type 0x%2$02X is not supported (only unsigned bytes, 0x08); expected %3$s"),
    /** Args: the file, the dimensions, the magic number, the {@link Term} expected. */
    IDX_WRONG_DIMENSIONS("%1$s: IDX file with %2$d dimensions (magic %3$d), expected %4$s"),
    /** Args: the file, rows, columns, the largest side. */
    IDX_BAD_IMAGE_SIZE("%1$s: header says images of %2$dx%3$d pixels; sizes from 1x1 to %4$dx%4$d are supported"),
    IDX_NO_IMAGES("%1$s: holds no images (its header says 0)"),
    IDX_NO_LABELS("%1$s: holds no labels (its header says 0)"),
    /** Args: the file, the label, the item, the largest label. */
    IDX_LABEL_OUT_OF_RANGE("%1$s: label %2$d of item %3$d is out of range (0 to %4$d)"),
    /** Args: the file, the {@link Declared} header, the bytes there are. */
    IDX_SHORTER("%1$s: %2$s but the file holds %3$d bytes"),
    /** Args: the file, the {@link Declared} header, the bytes there are. */
    IDX_SHORTER_UNCOMPRESSED("%1$s: %2$s but the file holds %3$d bytes when uncompressed"),
    /** Args: the file, the bytes there are, the {@link Declared} header, the bytes it needs. */
    IDX_LONGER("%1$s: the file holds %2$d bytes, more than its %3$s (%4$d bytes)"),
    /** Args: the file, the {@link Declared} header, the limit (such as "1024 MiB"), the {@link Term} of the items. */
    IDX_TOO_LARGE("%1$s: %2$s: more than the %3$s of %4$s this app can load"),
    /** Args: the file, the {@link Declared} header. */
    IDX_TRAILING_DATA("%1$s: the file holds more data than its %2$s (trailing data)"),
    /** Args: image file, images, label file, labels. */
    IDX_COUNT_MISMATCH("%1$s holds %2$d images but %3$s holds %4$d labels; there must be one label per image"),
    /** Args: train image file, rows, columns, test image file, rows, columns. */
    IDX_TRAIN_TEST_SIZES("%1$s holds %2$dx%3$d images but %4$s holds %5$dx%6$d images; train and test images must be "
            + "the same size"),

    // ---- gzip (inside IDX files) ----
    GZIP_CORRUPT("%1$s: corrupt gzip data"),
    /** Args: the file, the decompressor's detail. */
    GZIP_CORRUPT_DETAIL("%1$s: corrupt gzip data (%2$s)"),
    GZIP_PRESET_DICTIONARY("%1$s: corrupt gzip data (asks for a preset dictionary)"),
    GZIP_TRUNCATED("%1$s: the gzip data ends early (the file is truncated)"),
    NOT_GZIP("%1$s: not gzip data"),
    GZIP_TRAILING("%1$s: unexpected data after the end of the gzip data"),
    GZIP_UNSUPPORTED_METHOD("%1$s: unsupported gzip compression method"),
    GZIP_BAD_HEADER("%1$s: corrupt gzip header (reserved flags set)"),
    GZIP_CHECKSUM("%1$s: gzip checksum mismatch (the file is corrupt)"),
    GZIP_LENGTH("%1$s: gzip length mismatch (the file is corrupt)"),

    // ---- class names ----
    /** Args: the file (or what names the classes), the names, the largest label, the classes it needs. */
    TOO_FEW_CLASS_NAMES("%1$s: names %2$d classes but the labels go up to %3$d (%4$d classes)"),
    CLASSES_NOT_UTF8("%1$s: is not UTF-8 text"),
    CLASSES_EMPTY("%1$s: holds no class names"),
    /** Args: the file, the line. */
    CLASSES_EMPTY_LINE("%1$s: line %2$d is empty (one class name per line)"),
    /** Args: the file, the line, the name, the line it was first on. */
    CLASSES_REPEATED("%1$s: line %2$d repeats the class name '%3$s' of line %4$d"),

    // ---- users' images ----
    /** Args: the source, the usable images. */
    TOO_FEW_IMAGES("%1$s: only %2$d usable image; at least 2 are needed (one to train on, one held out for testing)"),
    FOLDER_EMPTY("%1$s: the folder holds no files"),
    /** Args: the folder, 1, an example file. */
    FOLDER_NO_IMAGES_ONE("%1$s: the folder holds no image files (PNG, JPEG, BMP or GIF), only %2$d other file such as "
            + "%3$s"),
    /** Args: the folder, the other files, an example file. */
    FOLDER_NO_IMAGES("%1$s: the folder holds no image files (PNG, JPEG, BMP or GIF), only %2$d other files such as "
            + "%3$s"),
    /** Args: the folder, the images, the side, the limit in MiB. */
    FOLDER_TOO_MANY_IMAGES("%1$s: %2$d images of %3$dx%3$d are more than the %4$d MiB this app can load; use a smaller "
            + "image size or fewer images"),
    /** Args: the folder, the image files, the first {@link SkippedFile}. */
    FOLDER_NONE_READABLE("%1$s: none of the %2$d image files could be read; the first: %3$s"),
    /** Args: the folder, the system's detail. */
    FOLDER_UNREADABLE("%1$s: the folder could not be read (%2$s)"),

    // ---- CSV files (lines and columns count from 1) ----
    /** Args: the file, the line. */
    CSV_LABEL_EMPTY("%1$s: line %2$d, column 1: the label is empty"),
    /** Args: the file, the line, the limit in MiB. */
    CSV_TOO_MANY_IMAGES("%1$s: line %2$d: more images than the %3$d MiB this app can load"),
    CSV_HEADER_ONLY("%1$s: holds a header but no data lines"),
    CSV_NO_DATA("%1$s: holds no data"),
    CSV_CHANGED("%1$s: the file changed while it was being read"),
    /** Args: the file, the line, its columns, the header's columns. */
    CSV_COLUMN_COUNT_HEADER("%1$s: line %2$d has %3$d columns but the first line has %4$d"),
    /** Args: the file, the line, its columns, the first data line's columns. */
    CSV_COLUMN_COUNT("%1$s: line %2$d has %3$d columns but the first data line has %4$d"),
    /** Args: the file, the line, the pixel columns. */
    CSV_HEADER_NOT_SQUARE("%1$s: line %2$d: %3$d pixel columns do not make a square image (side x side, such as 784 = "
            + "28x28)"),
    /** Args: the file, the line, the pixel columns. */
    CSV_HEADER_NOT_SQUARE_UNNAMED("%1$s: line %2$d: %3$d pixel columns do not make a square image (side x side, such "
            + "as 784 = 28x28); if the first column holds labels, name it 'label'"),
    /** Args: the file, the line, the columns. */
    CSV_NOT_SQUARE("%1$s: line %2$d has %3$d columns: the pixel columns must make a square image (side x side, such as "
            + "784 = 28x28), after an optional label column"),
    /** Args: the file, the line, the side, the largest side. */
    CSV_IMAGE_TOO_LARGE("%1$s: line %2$d: images of %3$dx%3$d are larger than the %4$dx%4$d supported"),
    /** Args: the file, the line, the column. */
    CSV_CELL_EMPTY("%1$s: line %2$d, column %3$d: the cell is empty, expected a pixel value from 0 to 255"),
    /** Args: the file, the line, the column, the cell (shortened). */
    CSV_CELL_NOT_A_NUMBER("%1$s: line %2$d, column %3$d: '%4$s' is not a number, expected a pixel value from 0 to 255"),
    /** Args: the file, the line, the column, the cell (shortened). */
    CSV_CELL_OUT_OF_RANGE("%1$s: line %2$d, column %3$d: %4$s is not a pixel value from 0 to 255"),
    /** Args: the file, the labels, the most classes. */
    CSV_TOO_MANY_LABELS("%1$s: has %2$d different labels; at most %3$d classes are supported"),

    // ---- why a file of a folder was skipped (no file argument) ----
    SKIP_HIDDEN_FOLDER("hidden or system folder, not read"),
    SKIP_NOT_IMAGE_FILE("not an image file"),
    SKIP_OUTSIDE_CLASS_FOLDERS("image outside the class folders (in a folder with subfolders, each subfolder holds one "
            + "class)"),
    SKIP_FOLDER_UNREADABLE("folder could not be read"),
    /** The decoder gave no reason. */
    IMAGE_UNREADABLE("unreadable image"),
    IMAGE_NO_SUCH_FILE("no such file"),
    IMAGE_CANNOT_OPEN("cannot be opened"),
    IMAGE_UNKNOWN_FORMAT("not a PNG, JPEG, BMP or GIF image"),
    /** Args: width, height, the limit in megapixels. */
    IMAGE_TOO_LARGE("the image is %1$dx%2$d pixels, more than the %3$d megapixels this app reads"),
    /** Args: the image library's detail. */
    IMAGE_CORRUPT_OR_UNSUPPORTED("corrupt or unsupported image (%1$s)"),
    /** Args: the image library's detail. */
    IMAGE_CORRUPT("corrupt image (%1$s)");

    private final String pattern;

    DataProblem(String pattern) {
        this.pattern = pattern;
    }

    /** The English pattern of the message ({@link String#format}); null for {@link #OTHER}. */
    @Override
    public String pattern() {
        return pattern;
    }

    /** Words that problems' messages use as arguments; {@code toString} gives the English. */
    public enum Term {
        IMAGE_FILE("an image file (magic 2051)"),
        LABEL_FILE("a label file (magic 2049)"),
        IMAGES("images"),
        LABELS("labels");

        private final String english;

        Term(String english) {
            this.english = english;
        }

        @Override
        public String toString() {
            return english;
        }
    }

    /**
     * What an IDX header declares: count images of rows x cols, or count labels (rows and cols 0). {@code toString}
     * gives the English ("header says 60000 images of 28x28", "header says 60000 labels").
     */
    public record Declared(long count, long rows, long cols) {
        /** The English pattern for images (count, rows, cols). */
        public static final String IMAGES_PATTERN = "header says %d images of %dx%d";
        /** The English pattern for labels (count). */
        public static final String LABELS_PATTERN = "header says %d labels";

        public static Declared labels(long count) {
            return new Declared(count, 0, 0);
        }

        public boolean isLabels() {
            return rows == 0;
        }

        @Override
        public String toString() {
            return isLabels() ? String.format(Locale.ROOT, LABELS_PATTERN, count)
                    : String.format(Locale.ROOT, IMAGES_PATTERN, count, rows, cols);
        }
    }
}
