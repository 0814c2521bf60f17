package vaeexplorer.ui.training;

/**
 * A line of (x, y) points in bounded memory. Every stored point is the mean of the same number of raw points (its
 * level); when the store is full, neighbouring pairs are merged and the level doubles. Raw points that do not yet fill
 * a point of the current level wait in a bucket. So a long run keeps an even resolution and nothing is dropped:
 * each raw point counts once, in a stored point or in the bucket.
 */
public final class DownsampledSeries {
    private final int capacity;
    private final double[] x;
    private final double[] y;
    private int size;
    private long level = 1;
    private double bucketX;
    private double bucketY;
    private long bucketCount;
    private long rawCount;
    private int generation;

    /** @param capacity the most points kept (even, at least 2) */
    public DownsampledSeries(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) throw new IllegalArgumentException("capacity must be even and >= 2");
        this.capacity = capacity;
        x = new double[capacity];
        y = new double[capacity];
    }

    public void add(double px, double py) {
        rawCount++;
        bucketX += px;
        bucketY += py;
        bucketCount++;
        if (bucketCount < level) return;
        if (size == capacity) {
            compact();
            if (bucketCount < level) return; // the level doubled: this point waits for a partner
        }
        x[size] = bucketX / bucketCount;
        y[size] = bucketY / bucketCount;
        size++;
        bucketX = bucketY = 0;
        bucketCount = 0;
    }

    private void compact() {
        for (int i = 0; i < capacity / 2; i++) {
            x[i] = (x[2 * i] + x[2 * i + 1]) / 2;
            y[i] = (y[2 * i] + y[2 * i + 1]) / 2;
        }
        size = capacity / 2;
        level *= 2;
        generation++;
    }

    public void clear() {
        size = 0;
        level = 1;
        bucketX = bucketY = 0;
        bucketCount = 0;
        rawCount = 0;
        generation++;
    }

    /** Stored points (not counting the bucket). */
    public int size() { return size; }
    public double x(int i) { return x[i]; }
    public double y(int i) { return y[i]; }
    /** Raw points per stored point. */
    public long level() { return level; }
    /** Raw points added since the last clear. */
    public long rawCount() { return rawCount; }
    /** Raw points waiting to fill the next stored point. */
    public long bucketCount() { return bucketCount; }
    /** Changes whenever stored points are rewritten (merged or cleared), so views know to copy all of them again. */
    public int generation() { return generation; }

    /** The sum of all raw y values added since the last clear, rebuilt from the stored points and the bucket. */
    public double sumOfY() {
        double s = bucketY;
        for (int i = 0; i < size; i++) s += y[i] * level;
        return s;
    }
}
