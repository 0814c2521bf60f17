package vaeexplorer.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A data set could not be loaded. The message is meant for the user: it names the file or folder and says what is
 * wrong in plain words (for example {@code train-images-idx3-ubyte.gz: header says 2000000000 images of 28x28 but the
 * file holds 7840016 bytes}); it never holds a stack trace. Next to it, {@link #problem()} and {@link #args()} say the
 * same in machine-readable form (the message is the problem's English pattern filled in with the arguments), so that a
 * user interface can say it in another language.
 */
public class DataException extends Exception {
    private static final long serialVersionUID = 1L;

    private final DataProblem problem;
    private final transient List<Object> args;

    /** @param message the whole message, already naming the file or folder ({@link DataProblem#OTHER}) */
    public DataException(String message) {
        super(message);
        problem = DataProblem.OTHER;
        args = List.of();
    }

    /** The whole message, keeping the low-level cause for logs ({@link DataProblem#OTHER}). */
    public DataException(String message, Throwable cause) {
        super(message, cause);
        problem = DataProblem.OTHER;
        args = List.of();
    }

    /**
     * A known problem; the message is {@code problem.format(args)}.
     *
     * @param args the problem's arguments, the file or folder first
     */
    public DataException(DataProblem problem, Object... args) {
        super(problem.format(args));
        this.problem = problem;
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    /** A known problem, keeping the low-level cause for logs. */
    public DataException(Throwable cause, DataProblem problem, Object... args) {
        super(problem.format(args), cause);
        this.problem = problem;
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    /** What went wrong; {@link DataProblem#OTHER} when only the message says it. */
    public DataProblem problem() {
        return problem;
    }

    /** The arguments of {@link #problem()}'s pattern (the file or folder first); empty for {@link DataProblem#OTHER}. */
    public List<Object> args() {
        return args == null ? List.of() : args;
    }
}
