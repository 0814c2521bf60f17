package vaeexplorer.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see either the old contents or the complete new ones, never half a file: the bytes go
 * to a temporary file beside the target, are forced to disk, and the temporary file is then moved over the target.
 * If anything fails, the temporary file is removed and the target is untouched.
 *
 * <ul>
 * <li><b>Only regular files are replaced.</b> A target that is a folder, a device (such as {@code /dev/null}), a FIFO
 * or a socket is refused before anything is written, so a special file is never replaced by a regular one.</li>
 * <li><b>Short temporary names.</b> The temporary file is {@code .NAME.RANDOM.tmp} with NAME cut so that the whole
 * name stays within {@value #MAX_NAME_BYTES} bytes: any legal target name can be saved.</li>
 * <li><b>Messages name the user's file and the reason</b> ({@code model.bin: cannot be saved (permission denied:
 * the folder /x is not writable)}, {@code ... (No space left on device)}), never the temporary file.</li>
 * <li><b>Leftovers are cleaned.</b> While it is written, a temporary file is locked; a save removes the unlocked
 * temporary files of the same target (those of a save that was killed), whoever left them.</li>
 * </ul>
 */
public final class AtomicFiles {
    /** The longest file name most file systems take, in bytes. */
    public static final int MAX_NAME_BYTES = 255;
    private static final int RANDOM_CHARS = 8;
    /** "." + NAME + "." + RANDOM + ".tmp": the bytes around NAME. */
    private static final int TEMP_EXTRA_BYTES = 1 + 1 + RANDOM_CHARS + 4;

    private AtomicFiles() {}

    /** What every save's bytes go through on their way to the temporary file: nothing, unless a test says. */
    private static volatile java.util.function.UnaryOperator<OutputStream> channelFilter = java.util.function.UnaryOperator.identity();

    /**
     * Test seam: wraps the stream of the temporary file of every following save (say, one that fails with "No space
     * left on device" after some bytes, as a full disk does); null restores the plain stream.
     */
    public static void filterChannelForTests(java.util.function.UnaryOperator<OutputStream> filter) {
        channelFilter = filter == null ? java.util.function.UnaryOperator.identity() : filter;
    }

    /** What writes the contents. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Checks, before any work is done, that target can be saved: its folder exists and is writable, and target is
     * not a folder nor a special file (a device, FIFO or socket). Creates nothing.
     *
     * @throws IOException whose message names target and says what is wrong
     */
    public static void checkTarget(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (absolute.getFileName() == null || dir == null) throw refused(target, "not a file name");
        if (Files.isDirectory(absolute)) throw refused(target, "is a folder; give the name of a file to save to");
        if (Files.exists(absolute) && !Files.isRegularFile(absolute))
            throw refused(target, "is not a regular file (a device, FIFO or socket); VAE Explorer only replaces regular "
                    + "files");
        if (!Files.exists(dir))
            throw new NoSuchFileException(target.toString(), null, "cannot be saved (the folder " + dir + " does not exist)");
        if (!Files.isDirectory(dir)) throw refused(target, "cannot be saved (" + dir + " is not a folder)");
        if (!Files.isWritable(dir))
            throw new AccessDeniedException(target.toString(), null, "cannot be saved (permission denied: the folder "
                    + dir + " is not writable)");
        if (absolute.getFileName().toString().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES)
            throw refused(target, "the file name is longer than " + MAX_NAME_BYTES + " bytes");
    }

    private static FileSystemException refused(Path target, String reason) {
        return new FileSystemException(target.toString(), null, reason);
    }

    /**
     * Temporary files are created as ordinary new files; the result should have the permissions the target had,
     * or those of an ordinary new file.
     */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (!Files.exists(target)) return;
        if (!Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) return;
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
    }

    public static void write(Path target, Writer writer) throws IOException {
        checkTarget(target);
        Path absolute = target.toAbsolutePath();
        removeLeftovers(absolute);
        Path tmp = null;
        boolean done = false;
        try {
            FileChannel ch = null;
            for (int attempt = 0; ch == null; attempt++) {
                tmp = absolute.resolveSibling(tempPrefix(absolute) + randomPart() + ".tmp");
                try {
                    ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 100) throw e;
                }
            }
            try (FileChannel c = ch;
                 OutputStream out = new java.io.BufferedOutputStream(channelFilter.apply(java.nio.channels.Channels.newOutputStream(c)),
                         1 << 16)) {
                tryLock(c); // released when the channel closes
                keepPermissions(absolute, tmp);
                writer.write(out);
                out.flush();
                c.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            throw failed(target, e);
        } finally {
            if (!done && tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the next save to this target removes it
                }
            }
        }
    }

    /**
     * A failure named by the user's file with the reason in words, never the temporary file, keeping the kind (access
     * denied, no such file, other) so that a user interface can word it in its language.
     */
    static IOException failed(Path target, IOException e) {
        Path dir = target.toAbsolutePath().getParent();
        String t = target.toString();
        FileSystemException f;
        if (e instanceof AccessDeniedException)
            f = new AccessDeniedException(t, null, "cannot be saved (permission denied: the folder " + dir
                    + " is not writable)");
        else if (e instanceof NoSuchFileException && (dir == null || !Files.isDirectory(dir)))
            f = new NoSuchFileException(t, null, "cannot be saved (the folder " + dir + " does not exist)");
        else if (e instanceof NoSuchFileException) // the folder is there but takes no new files (/proc, even for root)
            f = new AccessDeniedException(t, null, "cannot be saved (the folder " + dir + " does not take new files)");
        else {
            String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e instanceof FileSystemException ? e.getClass().getSimpleName()
                    : e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            f = new FileSystemException(t, null, "cannot be saved (" + reason + ")");
        }
        f.initCause(e);
        return f;
    }

    private static void tryLock(FileChannel ch) {
        try {
            ch.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            // a file system without locks: the file is still written, only not protected from cleaning
        }
    }

    /** ".NAME." with NAME cut (at a character boundary) so that the temporary name fits {@value #MAX_NAME_BYTES} bytes. */
    static String tempPrefix(Path target) {
        String name = target.getFileName().toString();
        int budget = MAX_NAME_BYTES - TEMP_EXTRA_BYTES, bytes = 0, end = 0;
        while (end < name.length()) {
            int cp = name.codePointAt(end);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > budget) break;
            bytes += n;
            end += Character.charCount(cp);
        }
        return "." + name.substring(0, end) + ".";
    }

    private static String randomPart() {
        StringBuilder b = new StringBuilder(RANDOM_CHARS);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < RANDOM_CHARS; i++) b.append(Character.forDigit(r.nextInt(36), 36));
        return b.toString();
    }

    /**
     * Removes the temporary files of target that no save holds locked: those of a save that was killed (or of an
     * older version of this program, which named them {@code .NAME.DIGITS.tmp}). Best effort: what cannot be removed
     * stays until a later save.
     */
    static void removeLeftovers(Path target) {
        String prefix = tempPrefix(target);
        Pattern ours = Pattern.compile(Pattern.quote(prefix) + "[0-9a-z]{1,20}\\.tmp");
        try (DirectoryStream<Path> s = Files.newDirectoryStream(target.getParent(),
                p -> ours.matcher(p.getFileName().toString()).matches())) {
            for (Path p : s) {
                if (!Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                    FileLock lock;
                    try {
                        lock = ch.tryLock();
                    } catch (OverlappingFileLockException e) {
                        continue; // being written by this program, now
                    }
                    if (lock == null) continue; // being written by another program
                    Files.deleteIfExists(p); // the lock goes with the channel
                } catch (IOException e) {
                    // cannot tell whether it is in use: leave it
                }
            }
        } catch (IOException | RuntimeException e) {
            // the folder cannot be listed: the save itself says what is wrong
        }
    }
}
