package vaeexplorer.core.vae;

/**
 * The smallest values offered since the last {@link #clear(int)}, at most its limit (up to the capacity), kept
 * sorted in k slots (insertion: k is small, a handful to a few dozen): by value, then by index, so that equal values
 * always keep the lower indices whatever order they come in. NaN values are never kept. No allocation after construction.
 */
final class TopK {
    private final int[] index;
    private final double[] value;
    private int size;
    private int limit;

    TopK(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        index = new int[capacity];
        value = new double[capacity];
        limit = capacity;
    }

    int capacity() {
        return index.length;
    }

    /** Empties it; from now on it keeps at most limit values (1 to the capacity). */
    void clear(int limit) {
        if (limit < 1 || limit > index.length)
            throw new IllegalArgumentException("limit must be from 1 to " + index.length + ", got " + limit);
        this.limit = limit;
        size = 0;
    }

    int size() {
        return size;
    }

    int index(int slot) {
        return index[slot];
    }

    double value(int slot) {
        return value[slot];
    }

    /** The largest value kept when full (anything not below it cannot get in), else +infinity. */
    double bound() {
        return size == limit ? value[size - 1] : Double.POSITIVE_INFINITY;
    }

    void offer(double v, int i) {
        if (Double.isNaN(v)) return;
        int last = size - 1;
        if (size == limit) {
            if (!before(v, i, value[last], index[last])) return;
            last--; // the largest goes
        } else {
            size++;
        }
        // shift the larger ones up one slot, then put (v, i) in the gap
        int s = last;
        while (s >= 0 && before(v, i, value[s], index[s])) {
            value[s + 1] = value[s];
            index[s + 1] = index[s];
            s--;
        }
        value[s + 1] = v;
        index[s + 1] = i;
    }

    private static boolean before(double v, int i, double w, int j) {
        return v < w || (v == w && i < j);
    }
}
