package vaeexplorer.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The check every loader makes before it opens a file: that it exists and is a regular file. A FIFO would block the
 * reader for ever, a device such as {@code /dev/zero} would never end; neither is opened.
 */
public final class RegularFile {
    private RegularFile() {
    }

    /**
     * @return the file's size in bytes
     * @throws DataException naming the file when it is missing, unreadable or not a regular file
     */
    public static long size(Path file) throws DataException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new DataException(DataProblem.NO_SUCH_FILE, file);
        } catch (IOException e) {
            throw new DataException(e, DataProblem.UNREADABLE, file, e.getMessage());
        }
        if (!a.isRegularFile())
            throw new DataException(DataProblem.UNREADABLE, file, a.isDirectory() ? "a folder, not a file"
                    : "not a regular file: a FIFO, device or socket is not opened");
        return a.size();
    }
}
