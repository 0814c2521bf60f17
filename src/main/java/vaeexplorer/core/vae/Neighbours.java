package vaeexplorer.core.vae;

/**
 * The k nearest images found by a search: their indices in the data set and their squared distances, nearest first
 * (equal distances: the lower index first).
 */
public record Neighbours(int[] indices, double[] distances) {
    public Neighbours {
        if (indices.length != distances.length)
            throw new IllegalArgumentException(indices.length + " indices but " + distances.length + " distances");
    }

    public int size() {
        return indices.length;
    }
}
