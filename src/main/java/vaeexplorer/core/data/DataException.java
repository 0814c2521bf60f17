package vaeexplorer.core.data;

/**
 * A data set could not be loaded. The message is meant for the user: it names the file or folder and says what is
 * wrong in plain words (for example {@code train-images-idx3-ubyte.gz: header says 2000000000 images of 28x28 but the
 * file holds 7840016 bytes}); it never holds a stack trace.
 */
public class DataException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message the whole message, already naming the file or folder */
    public DataException(String message) {
        super(message);
    }

    /** A message of the form {@code "<where>: <problem>"}. */
    public DataException(Object where, String problem) {
        super(where + ": " + problem);
    }

    /** A message of the form {@code "<where>: <problem>"}, keeping the low-level cause for logs. */
    public DataException(Object where, String problem, Throwable cause) {
        super(where + ": " + problem, cause);
    }
}
