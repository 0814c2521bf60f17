package vaeexplorer.core.data.images;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import vaeexplorer.core.data.DataProblem;

/**
 * An image file that an {@link ImageDecoder} could not read, with the reason in machine-readable form: one of the
 * {@code IMAGE_} problems of {@link DataProblem} and its arguments; the message is {@code problem.format(args)}.
 * Decoders may throw a plain {@link IOException} instead; its message is then the reason.
 */
public final class ImageDecodeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final DataProblem problem;
    private final transient List<Object> args;

    public ImageDecodeException(DataProblem problem, Object... args) {
        this(null, problem, args);
    }

    public ImageDecodeException(Throwable cause, DataProblem problem, Object... args) {
        super(problem.format(args), cause);
        this.problem = problem;
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    public DataProblem problem() {
        return problem;
    }

    public List<Object> args() {
        return args == null ? List.of() : args;
    }
}
