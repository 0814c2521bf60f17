package vaeexplorer.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Splits one set of images into training and held-out test images: a seeded random choice of
 * {@code round(count * fraction)} images (at least 1, at most count - 1) is the test set. Both parts keep the images'
 * original order.
 */
public final class HeldOutSplit {
    private HeldOutSplit() {
    }

    /**
     * @param pixels holds count images of side x side from index 0 (it may be longer)
     * @param labels holds count labels from index 0 (it may be longer)
     */
    public static DataSplit split(String name, int side, byte[] pixels, int[] labels, int count, List<String> classNames,
            double fraction, long seed) throws DataException {
        if (count < 2)
            throw new DataException(DataProblem.TOO_FEW_IMAGES, name, count);
        int tests = (int) Math.max(1, Math.min(count - 1, Math.round(count * fraction)));
        int[] order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        Random random = new Random(seed);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] test = Arrays.copyOf(order, tests), train = Arrays.copyOfRange(order, tests, count);
        Arrays.sort(test);
        Arrays.sort(train);
        return new DataSplit(part(name, side, pixels, labels, train, classNames),
                part(name, side, pixels, labels, test, classNames));
    }

    private static Dataset part(String name, int side, byte[] pixels, int[] labels, int[] indices,
            List<String> classNames) {
        int d = side * side;
        byte[] px = new byte[indices.length * d];
        int[] lb = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * d, px, k * d, d);
            lb[k] = labels[indices[k]];
        }
        return new Dataset(name, side, side, px, lb, classNames);
    }
}
