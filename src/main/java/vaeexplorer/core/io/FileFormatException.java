package vaeexplorer.core.io;

/** A model or session file that cannot be read: the message names the file and what is wrong with it. */
public final class FileFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public FileFormatException(String message) {
        super(message);
    }

    public FileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
