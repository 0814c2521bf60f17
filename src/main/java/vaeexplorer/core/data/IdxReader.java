package vaeexplorer.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format): images (magic 2051: unsigned bytes, 3 dimensions: count, rows, columns) and
 * labels (magic 2049: unsigned bytes, 1 dimension). A file may be raw or gzip-compressed; gzip is recognised by its
 * magic bytes, not by the file name.
 *
 * <p>Nothing is trusted before it is checked: the header (magic, non-zero counts and sizes, images at most
 * {@value #MAX_SIDE}x{@value #MAX_SIDE}) and, for raw files, the file length are validated before the pixel array is
 * allocated, and the whole data may be at most {@value #MAX_BYTES} bytes. Gzip data is read incrementally into a
 * growing buffer, so a header that promises more than the file holds fails when the data runs out, using memory in
 * proportion to the real data. Data after what the header declares (trailing garbage, in the file or after the gzip
 * data) is an error too. Every problem is a {@link DataException} naming the file.
 */
public final class IdxReader {
    /** Magic number of an IDX image file: unsigned bytes, 3 dimensions. */
    public static final int IMAGE_MAGIC = 0x0803;
    /** Magic number of an IDX label file: unsigned bytes, 1 dimension. */
    public static final int LABEL_MAGIC = 0x0801;
    /** Largest image side accepted. */
    public static final int MAX_SIDE = 4096;
    /** Largest amount of pixel or label data accepted (1 GiB). */
    public static final long MAX_BYTES = 1L << 30;
    /** Largest label accepted (255 is refused: it is too often a "missing" marker). */
    public static final int MAX_LABEL = 254;

    private static final int IMAGE_HEADER = 16, LABEL_HEADER = 8;
    private static final int FIRST_CHUNK = 4 << 20;

    /** The images of an IDX image file: {@code count} images of {@code rows x cols} bytes, row-major, not copied. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
    }

    private IdxReader() {
    }

    /** Reads an IDX image file, raw or gzip. */
    public static Images readImages(Path file) throws DataException {
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(in, file.toString(), Files.size(file), MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new DataException(file, "no such file");
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    /**
     * Reads an IDX image file, raw or gzip, from a stream of unknown length (the caller closes it).
     *
     * @param name how the file is called in messages
     */
    public static Images readImages(InputStream in, String name) throws DataException {
        try {
            return readImages(in, name, -1, MAX_BYTES);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /** Reads an IDX label file, raw or gzip; every label is in 0..{@value #MAX_LABEL}. */
    public static int[] readLabels(Path file) throws DataException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.toString(), Files.size(file));
        } catch (NoSuchFileException e) {
            throw new DataException(file, "no such file");
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    /** Reads an IDX label file, raw or gzip, from a stream of unknown length (the caller closes it). */
    public static int[] readLabels(InputStream in, String name) throws DataException {
        try {
            return readLabels(in, name, -1);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /** As {@link #readImages(InputStream, String)} with a smaller memory limit, for tests. */
    static Images readImages(InputStream in, String name, long maxBytes) throws DataException {
        try {
            return readImages(in, name, -1, maxBytes);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /** @param fileLength length of the file when known, else -1 */
    private static Images readImages(InputStream raw, String name, long fileLength, long maxBytes)
            throws IOException, DataException {
        Opened f = open(raw, fileLength);
        byte[] h = readHeader(f, name, IMAGE_HEADER, IMAGE_MAGIC);
        long n = uint(h, 4), rows = uint(h, 8), cols = uint(h, 12);
        if (rows == 0 || cols == 0 || rows > MAX_SIDE || cols > MAX_SIDE)
            throw new DataException(name, "header says images of " + rows + "x" + cols + " pixels; sizes from 1x1 to "
                    + MAX_SIDE + "x" + MAX_SIDE + " are supported");
        if (n == 0) throw new DataException(name, "holds no images (its header says 0)");
        String declared = "header says " + n + " images of " + rows + "x" + cols;
        byte[] pixels = readBody(f, name, IMAGE_HEADER, n * rows * cols, maxBytes, declared, "images");
        return new Images((int) n, (int) rows, (int) cols, pixels);
    }

    private static int[] readLabels(InputStream raw, String name, long fileLength) throws IOException, DataException {
        Opened f = open(raw, fileLength);
        byte[] h = readHeader(f, name, LABEL_HEADER, LABEL_MAGIC);
        long n = uint(h, 4);
        if (n == 0) throw new DataException(name, "holds no labels (its header says 0)");
        byte[] bytes = readBody(f, name, LABEL_HEADER, n, MAX_BYTES, "header says " + n + " labels", "labels");
        int[] labels = new int[bytes.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = bytes[i] & 0xFF;
            if (labels[i] > MAX_LABEL)
                throw new DataException(name, "label " + labels[i] + " of item " + i + " is out of range (0 to "
                        + MAX_LABEL + ")");
        }
        return labels;
    }

    /** A stream positioned at the start of the (uncompressed) IDX data. */
    private record Opened(InputStream in, boolean gzip, long rawLength) {
    }

    private static Opened open(InputStream raw, long fileLength) throws IOException {
        BufferedInputStream b = new BufferedInputStream(raw, 64 * 1024);
        b.mark(2);
        int b0 = b.read(), b1 = b.read();
        b.reset();
        if (StrictGzipInputStream.isGzipMagic(b0, b1)) return new Opened(new StrictGzipInputStream(b), true, -1);
        return new Opened(b, false, fileLength);
    }

    /** Reads the header and checks its magic number. */
    private static byte[] readHeader(Opened f, String name, int size, int magic) throws IOException, DataException {
        byte[] h = new byte[size];
        int got = readFully(f.in, h, size);
        if (got == 0) throw new DataException(name, f.gzip ? "the compressed data is empty" : "the file is empty");
        checkMagic(name, h, got, f.gzip, magic);
        if (got < size)
            throw new DataException(name, "the file ends inside the IDX header (" + got + " of " + size + " bytes)");
        return h;
    }

    /** Checks the magic number in the first {@code got} bytes of the header, as far as they go. */
    private static void checkMagic(String name, byte[] h, int got, boolean gzip, int expected) throws DataException {
        String what = expected == IMAGE_MAGIC ? "an image file (magic 2051)" : "a label file (magic 2049)";
        if (h[0] != 0 || (got > 1 && h[1] != 0)) {
            StringBuilder start = new StringBuilder();
            for (int i = 0; i < Math.min(got, 4); i++) start.append(i == 0 ? "" : " ").append(String.format("%02X", h[i]));
            throw new DataException(name, "not an IDX " + (gzip ? "" : "or gzip ") + "file: expected " + what
                    + " but " + (gzip ? "the uncompressed data" : "the file") + " starts with bytes " + start);
        }
        if (got < 4) return;
        int type = h[2] & 0xFF, dims = h[3] & 0xFF, magic = type << 8 | dims;
        if (magic == expected) return;
        if (magic == LABEL_MAGIC) throw new DataException(name, "this is an IDX label file (magic 2049), expected " + what);
        if (magic == IMAGE_MAGIC) throw new DataException(name, "this is an IDX image file (magic 2051), expected " + what);
        if (type != 0x08)
            throw new DataException(name, String.format("IDX data type 0x%02X is not supported (only unsigned bytes, "
                    + "0x08); expected %s", type, what));
        throw new DataException(name, "IDX file with " + dims + " dimensions (magic " + magic + "), expected " + what);
    }

    /**
     * Reads exactly {@code size} data bytes, checking first that a raw file has exactly that many and that the amount
     * is within maxBytes.
     */
    private static byte[] readBody(Opened f, String name, int header, long size, long maxBytes, String declared,
            String items)
            throws IOException, DataException {
        String uncompressed = f.gzip ? " when uncompressed" : "";
        if (f.rawLength >= 0) {
            if (f.rawLength < header + size)
                throw new DataException(name, declared + " but the file holds " + f.rawLength + " bytes");
            if (f.rawLength > header + size)
                throw new DataException(name, "the file holds " + f.rawLength + " bytes, more than its " + declared
                        + " (" + (header + size) + " bytes)");
        }
        if (size > maxBytes) {
            long held = count(f.in, maxBytes + 1); // ends early (< size) or passes the limit
            if (held <= maxBytes)
                throw new DataException(name, declared + " but the file holds " + (header + held) + " bytes"
                        + uncompressed);
            throw new DataException(name, declared + ": more than the " + describeBytes(maxBytes) + " of " + items
                    + " this app can load");
        }
        byte[] data = new byte[(int) Math.min(size, FIRST_CHUNK)];
        int filled = 0;
        while (filled < size) {
            if (filled == data.length) data = Arrays.copyOf(data, (int) Math.min(size, 2L * data.length));
            int n = f.in.read(data, filled, data.length - filled);
            if (n < 0)
                throw new DataException(name, declared + " but the file holds " + (header + filled) + " bytes"
                        + uncompressed);
            filled += n;
        }
        if (f.in.read() >= 0)
            throw new DataException(name, "the file holds more data than its " + declared + " (trailing data)");
        return data;
    }

    private static int readFully(InputStream in, byte[] b, int len) throws IOException {
        int got = 0;
        while (got < len) {
            int n = in.read(b, got, len - got);
            if (n < 0) break;
            got += n;
        }
        return got;
    }

    /** Reads and discards up to max bytes, returning how many there were. */
    private static long count(InputStream in, long max) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        while (total < max) {
            int n = in.read(sink, 0, (int) Math.min(sink.length, max - total));
            if (n < 0) break;
            total += n;
        }
        return total;
    }

    private static String describeBytes(long n) {
        return n % (1 << 20) == 0 ? (n >> 20) + " MiB" : n + " bytes";
    }

    private static long uint(byte[] b, int off) {
        return ((b[off] & 0xFFL) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    private static DataException unreadable(String name, IOException e) {
        if (e instanceof ZipException) return new DataException(name, e.getMessage(), e);
        return new DataException(name, "could not be read (" + e.getMessage() + ")", e);
    }
}
