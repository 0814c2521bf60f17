package vaeexplorer.core.data.idx;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipException;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataProblem;
import vaeexplorer.core.data.RegularFile;

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
        long size = RegularFile.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(in, file.toString(), size, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new DataException(DataProblem.NO_SUCH_FILE, file);
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
        long size = RegularFile.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.toString(), size);
        } catch (NoSuchFileException e) {
            throw new DataException(DataProblem.NO_SUCH_FILE, file);
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
            throw new DataException(DataProblem.IDX_BAD_IMAGE_SIZE, name, rows, cols, MAX_SIDE);
        if (n == 0) throw new DataException(DataProblem.IDX_NO_IMAGES, name);
        DataProblem.Declared declared = new DataProblem.Declared(n, rows, cols);
        byte[] pixels = readBody(f, name, IMAGE_HEADER, n * rows * cols, maxBytes, declared, DataProblem.Term.IMAGES);
        return new Images((int) n, (int) rows, (int) cols, pixels);
    }

    private static int[] readLabels(InputStream raw, String name, long fileLength) throws IOException, DataException {
        Opened f = open(raw, fileLength);
        byte[] h = readHeader(f, name, LABEL_HEADER, LABEL_MAGIC);
        long n = uint(h, 4);
        if (n == 0) throw new DataException(DataProblem.IDX_NO_LABELS, name);
        byte[] bytes = readBody(f, name, LABEL_HEADER, n, MAX_BYTES, DataProblem.Declared.labels(n), DataProblem.Term.LABELS);
        int[] labels = new int[bytes.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = bytes[i] & 0xFF;
            if (labels[i] > MAX_LABEL)
                throw new DataException(DataProblem.IDX_LABEL_OUT_OF_RANGE, name, labels[i], i, MAX_LABEL);
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
        if (got == 0) throw new DataException(f.gzip ? DataProblem.COMPRESSED_DATA_EMPTY : DataProblem.EMPTY_FILE, name);
        checkMagic(name, h, got, f.gzip, magic);
        if (got < size)
            throw new DataException(DataProblem.IDX_HEADER_TRUNCATED, name, got, size);
        return h;
    }

    /** Checks the magic number in the first {@code got} bytes of the header, as far as they go. */
    private static void checkMagic(String name, byte[] h, int got, boolean gzip, int expected) throws DataException {
        DataProblem.Term what = expected == IMAGE_MAGIC ? DataProblem.Term.IMAGE_FILE : DataProblem.Term.LABEL_FILE;
        if (h[0] != 0 || (got > 1 && h[1] != 0)) {
            StringBuilder start = new StringBuilder();
            for (int i = 0; i < Math.min(got, 4); i++) start.append(i == 0 ? "" : " ").append(String.format("%02X", h[i]));
            throw new DataException(gzip ? DataProblem.NOT_IDX_UNCOMPRESSED : DataProblem.NOT_IDX, name, what,
                    start.toString());
        }
        if (got < 4) return;
        int type = h[2] & 0xFF, dims = h[3] & 0xFF, magic = type << 8 | dims;
        if (magic == expected) return;
        if (magic == LABEL_MAGIC) throw new DataException(DataProblem.IDX_LABELS_NOT_IMAGES, name, what);
        if (magic == IMAGE_MAGIC) throw new DataException(DataProblem.IDX_IMAGES_NOT_LABELS, name, what);
        if (type != 0x08) throw new DataException(DataProblem.IDX_UNSUPPORTED_TYPE, name, type, what);
        throw new DataException(DataProblem.IDX_WRONG_DIMENSIONS, name, dims, magic, what);
    }

    /**
     * Reads exactly {@code size} data bytes, checking first that a raw file has exactly that many and that the amount
     * is within maxBytes.
     */
    private static byte[] readBody(Opened f, String name, int header, long size, long maxBytes,
            DataProblem.Declared declared, DataProblem.Term items)
            throws IOException, DataException {
        DataProblem shorter = f.gzip ? DataProblem.IDX_SHORTER_UNCOMPRESSED : DataProblem.IDX_SHORTER;
        if (f.rawLength >= 0) {
            if (f.rawLength < header + size)
                throw new DataException(DataProblem.IDX_SHORTER, name, declared, f.rawLength);
            if (f.rawLength > header + size)
                throw new DataException(DataProblem.IDX_LONGER, name, f.rawLength, declared, header + size);
        }
        if (size > maxBytes) {
            long held = count(f.in, maxBytes + 1); // ends early (< size) or passes the limit
            if (held <= maxBytes) throw new DataException(shorter, name, declared, header + held);
            throw new DataException(DataProblem.IDX_TOO_LARGE, name, declared, describeBytes(maxBytes), items);
        }
        byte[] data = new byte[(int) Math.min(size, FIRST_CHUNK)];
        int filled = 0;
        while (filled < size) {
            if (filled == data.length) data = Arrays.copyOf(data, (int) Math.min(size, 2L * data.length));
            int n = f.in.read(data, filled, data.length - filled);
            if (n < 0) throw new DataException(shorter, name, declared, header + filled);
            filled += n;
        }
        if (f.in.read() >= 0)
            throw new DataException(DataProblem.IDX_TRAILING_DATA, name, declared);
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
        if (e instanceof GzipDataException g) return g.named(name);
        if (e instanceof ZipException) return new DataException(name + ": " + e.getMessage(), e);
        return new DataException(e, DataProblem.UNREADABLE, name, e.getMessage());
    }
}
