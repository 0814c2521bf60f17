package vaeexplorer.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A file in a user's folder that did not become an image, with the reason in plain words (for example "not an image
 * file" or "corrupt or unsupported image (...)") and the same reason in machine-readable form: problem and args, where
 * the reason is {@code problem.format(args)} ({@link DataProblem#OTHER}: only the reason says it).
 *
 * @param path    the file's path
 * @param reason  why it was skipped
 * @param problem why it was skipped: a {@code SKIP_} or {@code IMAGE_} problem, or OTHER
 * @param args    the arguments of the problem's pattern (none for most)
 */
public record SkippedFile(String path, String reason, DataProblem problem, List<Object> args) {
    /** Why a FIFO, device or socket in a data folder was passed over (it is never opened: that could block). */
    public static final String NOT_REGULAR = "not a regular file (a FIFO, device or socket), not opened";

    public SkippedFile {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    /** A file skipped for a reason only the text says ({@link DataProblem#OTHER}). */
    public SkippedFile(String path, String reason) {
        this(path, reason, DataProblem.OTHER, List.of());
    }

    /** A file skipped for a known reason. */
    public static SkippedFile of(Object path, DataProblem problem, Object... args) {
        return new SkippedFile(String.valueOf(path), problem.format(args), problem, Arrays.asList(args));
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
