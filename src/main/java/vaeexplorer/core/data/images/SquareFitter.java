package vaeexplorer.core.data.images;

import java.util.Arrays;

/**
 * Fits a greyscale image of any size into a square of {@code side x side}: the image is scaled so its longer side
 * fills the square (aspect ratio kept; area averaging when shrinking, bilinear when enlarging), centred, and the rest
 * is padded with the image's background value: the median of its border pixels.
 */
public final class SquareFitter {
    private SquareFitter() {
    }

    /** Returns side * side bytes, row-major. */
    public static byte[] fit(GreyImage image, int side) {
        byte[] out = new byte[side * side];
        fitInto(image, side, out, 0);
        return out;
    }

    /** Writes the fitted image into out[off .. off + side * side). */
    public static void fitInto(GreyImage image, int side, byte[] out, int off) {
        int w = image.width(), h = image.height();
        int tw = Math.max(1, (int) Math.round((double) w * side / Math.max(w, h)));
        int th = Math.max(1, (int) Math.round((double) h * side / Math.max(w, h)));
        Arrays.fill(out, off, off + side * side, (byte) borderMedian(image));
        Weights across = Weights.of(w, tw), down = Weights.of(h, th);
        float[] rows = new float[h * tw]; // each source row resampled to tw
        byte[] px = image.pixels();
        for (int y = 0; y < h; y++)
            for (int x = 0; x < tw; x++) {
                float s = 0;
                int first = across.first[x];
                float[] wt = across.weight[x];
                for (int k = 0; k < wt.length; k++) s += wt[k] * (px[y * w + first + k] & 0xFF);
                rows[y * tw + x] = s;
            }
        int x0 = (side - tw) / 2, y0 = (side - th) / 2;
        for (int y = 0; y < th; y++) {
            int first = down.first[y];
            float[] wt = down.weight[y];
            for (int x = 0; x < tw; x++) {
                float s = 0;
                for (int k = 0; k < wt.length; k++) s += wt[k] * rows[(first + k) * tw + x];
                out[off + (y0 + y) * side + x0 + x] = (byte) Math.max(0, Math.min(255, Math.round(s)));
            }
        }
    }

    /** The median of the image's outermost rows and columns: its background value. */
    public static int borderMedian(GreyImage image) {
        int w = image.width(), h = image.height();
        int[] hist = new int[256];
        int n = 0;
        for (int x = 0; x < w; x++) {
            hist[image.get(x, 0)]++;
            n++;
            if (h > 1) {
                hist[image.get(x, h - 1)]++;
                n++;
            }
        }
        for (int y = 1; y < h - 1; y++) {
            hist[image.get(0, y)]++;
            n++;
            if (w > 1) {
                hist[image.get(w - 1, y)]++;
                n++;
            }
        }
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (2 * seen >= n) return v;
        }
        return 255;
    }

    /** For each output index, the weights of a run of consecutive source indices starting at first. */
    private static final class Weights {
        final int[] first;
        final float[][] weight;

        private Weights(int n) {
            first = new int[n];
            weight = new float[n][];
        }

        static Weights of(int in, int out) {
            Weights w = new Weights(out);
            double scale = (double) in / out; // source pixels per output pixel
            for (int j = 0; j < out; j++) {
                if (scale >= 1) { // area average over [j * scale, (j + 1) * scale)
                    double a = j * scale, b = Math.min(in, (j + 1) * scale);
                    int i0 = (int) Math.floor(a), i1 = Math.min(in, (int) Math.ceil(b));
                    float[] wt = new float[i1 - i0];
                    for (int i = i0; i < i1; i++)
                        wt[i - i0] = (float) ((Math.min(b, i + 1) - Math.max(a, i)) / (b - a));
                    w.first[j] = i0;
                    w.weight[j] = wt;
                } else { // bilinear between the two nearest source centres
                    double u = Math.max(0, Math.min(in - 1, (j + 0.5) * scale - 0.5));
                    int i0 = Math.min((int) Math.floor(u), Math.max(0, in - 2));
                    float f = (float) (u - i0);
                    w.first[j] = i0;
                    w.weight[j] = in == 1 ? new float[] {1} : new float[] {1 - f, f};
                }
            }
            return w;
        }
    }
}
