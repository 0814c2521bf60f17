package vaeexplorer.core.data;

import java.util.Locale;

/**
 * A kind of problem whose English message is made from one {@link String#format} pattern and arguments, so that a UI
 * can word the same problem in another language from the arguments ({@link DataProblem}, and the model and session
 * files' {@code FileProblem}).
 */
public interface MessagePattern {
    /** The English pattern of the message ({@link String#format}); null for a problem given only as free text. */
    String pattern();

    /** The English message for these arguments. */
    default String format(Object... args) {
        if (pattern() == null) throw new IllegalStateException(this + " has no pattern");
        return String.format(Locale.ROOT, pattern(), args);
    }
}
