package vaeexplorer.core.io;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A model or session file that cannot be read: the message names the file and what is wrong with it. Next to it,
 * {@link #problem()} and {@link #args()} say the same in machine-readable form (the message is the problem's English
 * pattern filled in with the arguments), so that a user interface can say it in another language.
 */
public final class FileFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final FileProblem problem;
    private final transient List<Object> args;

    /** A problem only the message describes ({@link FileProblem#OTHER}). */
    public FileFormatException(String message) {
        super(message);
        problem = FileProblem.OTHER;
        args = List.of();
    }

    /** A problem only the message describes ({@link FileProblem#OTHER}). */
    public FileFormatException(String message, Throwable cause) {
        super(message, cause);
        problem = FileProblem.OTHER;
        args = List.of();
    }

    /**
     * A known problem; the message is {@code problem.format(args)}.
     *
     * @param args the problem's arguments, the file first
     */
    public FileFormatException(FileProblem problem, Object... args) {
        super(problem.format(args));
        this.problem = problem;
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    /** A known problem, keeping the low-level cause for logs. */
    public FileFormatException(Throwable cause, FileProblem problem, Object... args) {
        super(problem.format(args), cause);
        this.problem = problem;
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    /** What is wrong; {@link FileProblem#OTHER} when only the message says it. */
    public FileProblem problem() {
        return problem;
    }

    /** The arguments of {@link #problem()}'s pattern (the file first); empty for {@link FileProblem#OTHER}. */
    public List<Object> args() {
        return args == null ? List.of() : args;
    }
}
