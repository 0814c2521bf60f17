package vaeexplorer.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import vaeexplorer.core.data.idx.IdxReader;

/** Builds IDX files for tests. */
public final class IdxBytes {
    private IdxBytes() {
    }

    /** An image file with the given header and pixel (i * 7 + p) % 256 for image i, pixel p. */
    public static byte[] images(int headerCount, int rows, int cols, int actualCount) {
        ByteBuffer b = ByteBuffer.allocate(16 + actualCount * rows * cols);
        b.putInt(IdxReader.IMAGE_MAGIC).putInt(headerCount).putInt(rows).putInt(cols);
        for (int i = 0; i < actualCount; i++)
            for (int p = 0; p < rows * cols; p++) b.put((byte) ((i * 7 + p) % 256));
        return b.array();
    }

    public static byte[] images(int count, int rows, int cols) {
        return images(count, rows, cols, count);
    }

    /** A label file holding the given labels. */
    public static byte[] labels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(IdxReader.LABEL_MAGIC).putInt(labels.length);
        for (int l : labels) b.put((byte) l);
        return b.array();
    }

    /** Labels 0, 1, 2, ... modulo classes. */
    public static int[] cycling(int count, int classes) {
        int[] l = new int[count];
        for (int i = 0; i < count; i++) l[i] = i % classes;
        return l;
    }

    public static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    public static Path write(Path file, byte[] data) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the four standard files (gzip) into dir. */
    public static Path folder(Path dir, int train, int test, int side, int classes) {
        write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(images(train, side, side)));
        write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(cycling(train, classes))));
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(images(test, side, side)));
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(labels(cycling(test, classes))));
        return dir;
    }
}
