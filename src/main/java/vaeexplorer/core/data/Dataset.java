package vaeexplorer.core.data;

import java.util.List;
import java.util.Objects;

/**
 * An immutable set of greyscale images of one size, stored compactly as bytes (0 = black, 255 = white), with optional
 * integer labels and class names. Pixels reach the model scaled to [0, 1].
 */
public final class Dataset {
    /** The label of an unlabelled image. */
    public static final int NO_LABEL = -1;

    private final String name;
    private final int rows;
    private final int cols;
    private final byte[] pixels;
    private final int[] labels;
    private final List<String> classNames;

    /**
     * @param pixels     size * rows * cols bytes, image after image, row-major; not copied (the caller hands it over)
     * @param labels     one label per image in [0, classNames.size()), or {@link #NO_LABEL}; not copied
     * @param classNames names of the classes (may be empty when unlabelled)
     */
    public Dataset(String name, int rows, int cols, byte[] pixels, int[] labels, List<String> classNames) {
        this.name = Objects.requireNonNull(name);
        if (rows <= 0 || cols <= 0) throw new IllegalArgumentException(name + ": image size " + rows + "x" + cols);
        long image = (long) rows * cols;
        if (pixels.length % image != 0)
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel bytes is not a whole number of "
                    + rows + "x" + cols + " images");
        int n = (int) (pixels.length / image);
        if (labels.length != n)
            throw new IllegalArgumentException(name + ": " + n + " images but " + labels.length + " labels");
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        for (int i = 0; i < n; i++) {
            int l = labels[i];
            if (l != NO_LABEL && (l < 0 || l >= this.classNames.size()))
                throw new IllegalArgumentException(name + ": label " + l + " of image " + i + " is not one of the "
                        + this.classNames.size() + " classes");
        }
    }

    public String name() { return name; }
    public int size() { return labels.length; }
    public int rows() { return rows; }
    public int cols() { return cols; }
    /** Pixels per image: the model's input size. */
    public int imageSize() { return rows * cols; }
    public int label(int i) { return labels[i]; }
    public List<String> classNames() { return classNames; }
    public boolean isLabelled() { return !classNames.isEmpty(); }

    /**
     * Whether two sets come from the same data set (the same name, image size and classes), e.g. the shown images of a
     * model and of the next one built after Reset: what a user made for one (a drawing, interpolation ends) still
     * means something for the other. False when either is null.
     */
    public static boolean sameSource(Dataset a, Dataset b) {
        return a != null && b != null && a.name.equals(b.name) && a.rows == b.rows && a.cols == b.cols
                && a.classNames.equals(b.classNames);
    }

    /** The class name of image i, or "" when unlabelled. */
    public String className(int i) {
        int l = labels[i];
        return l == NO_LABEL ? "" : classNames.get(l);
    }

    /** Copies image i into dst[off .. off + imageSize()), scaled to [0, 1]. */
    public void copyImage(int i, float[] dst, int off) {
        int d = imageSize();
        int src = i * d;
        for (int p = 0; p < d; p++) dst[off + p] = (pixels[src + p] & 0xFF) * (1f / 255f);
    }

    /** The raw byte of pixel p of image i (0..255). */
    public int pixel(int i, int p) { return pixels[i * imageSize() + p] & 0xFF; }

    /** Copies the raw bytes of images [from, from + n) (0..255 each, as Java's signed bytes) into dst at off. */
    public void copyPixelBytes(int from, int n, byte[] dst, int off) {
        System.arraycopy(pixels, from * imageSize(), dst, off, n * imageSize());
    }

    /** The images at the given indices, in that order. */
    public Dataset subset(String newName, int[] indices) {
        int d = imageSize();
        byte[] px = new byte[indices.length * d];
        int[] lb = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * d, px, k * d, d);
            lb[k] = labels[indices[k]];
        }
        return new Dataset(newName, rows, cols, px, lb, classNames);
    }
}
