package vaeexplorer.core.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.Dataset;

/** A drawing is brought into MNIST's shape: its longer side 20 of 28 pixels, its centre of mass at the centre. */
class DigitNormaliserTest {
    private static final int N = 28;

    /** rows, cols of the ink's bounding box and its centre of mass (row, col). */
    private static double[] shape(float[] img) {
        int r0 = N, r1 = -1, c0 = N, c1 = -1;
        double m = 0, my = 0, mx = 0;
        for (int r = 0; r < N; r++)
            for (int c = 0; c < N; c++) {
                float v = img[r * N + c];
                if (v <= 0) continue;
                r0 = Math.min(r0, r);
                r1 = Math.max(r1, r + 1);
                c0 = Math.min(c0, c);
                c1 = Math.max(c1, c + 1);
                m += v;
                my += v * (r + 0.5);
                mx += v * (c + 0.5);
            }
        return new double[] {r1 - r0, c1 - c0, my / m, mx / m};
    }

    /** A "7" over the whole canvas: a bar along the top and a thick diagonal down to the bottom left. */
    private static float[] bigSeven(int shift) {
        float[] img = new float[N * N];
        for (int c = 1; c < 27; c++) for (int r = 1; r < 4; r++) img[r * N + c] = 1;
        for (int r = 4; r < 27; r++) {
            int c = 26 - (r - 4) * 20 / 23;
            for (int k = -1; k <= 1; k++) img[r * N + c + k] = 1;
        }
        if (shift == 0) return img;
        float[] moved = new float[N * N];
        for (int r = 0; r < N; r++)
            for (int c = 0; c < N; c++) {
                int rr = r - shift, cc = c - shift;
                if (rr >= 0 && cc >= 0 && rr < N && cc < N) moved[r * N + c] = img[rr * N + cc];
            }
        return moved;
    }

    @Test
    void aFullFrameDrawingIsScaledIntoTwentyPixelsAndCentredByMass() {
        float[] img = bigSeven(0);
        assertTrue(shape(img)[1] >= 26, "the drawing spans the canvas");
        double[] s = shape(DigitNormaliser.likeMnist(img, N, N));
        assertEquals(20, Math.max(s[0], s[1]), 1.0, "its longer side is 20 pixels");
        assertEquals(14, s[2], 0.5, "centre of mass, row");
        assertEquals(14, s[3], 0.5, "centre of mass, column");
    }

    @Test
    void whereOnTheCanvasItWasDrawnDoesNotMatter() {
        float[] a = DigitNormaliser.likeMnist(bigSeven(0), N, N);
        float[] small = new float[N * N]; // the same 7 at half size in the top left corner
        float[] big = bigSeven(0);
        for (int r = 0; r < N / 2; r++)
            for (int c = 0; c < N / 2; c++)
                small[r * N + c] = (big[2 * r * N + 2 * c] + big[2 * r * N + 2 * c + 1] + big[(2 * r + 1) * N + 2 * c]
                        + big[(2 * r + 1) * N + 2 * c + 1]) / 4;
        assertArrayEquals(a, DigitNormaliser.likeMnist(bigSeven(-1), N, N), 1e-6f, "moved by a pixel: the same input");
        float[] b = DigitNormaliser.likeMnist(small, N, N);
        assertTrue(cosine(big, small) < 0.5, "as drawn, the two hardly overlap: " + cosine(big, small));
        assertTrue(cosine(a, b) > 0.75, "normalised, they are nearly the same input: " + cosine(a, b));
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void mnistsOwnDigitsAreAlreadyInThatShape() throws Exception {
        Dataset test = BuiltInDatasets.load(BuiltInDatasets.MNIST).test();
        float[] img = new float[N * N];
        int n = 300;
        double worstCentre = 0, sizeOff = 0;
        for (int i = 0; i < n; i++) {
            test.copyImage(i, img, 0);
            double[] before = shape(img), after = shape(DigitNormaliser.likeMnist(img, N, N));
            worstCentre = Math.max(worstCentre, Math.hypot(before[2] - after[2], before[3] - after[3]));
            sizeOff += Math.abs(Math.max(before[0], before[1]) - Math.max(after[0], after[1]));
        }
        assertTrue(worstCentre <= 1.5, "the centre of mass moves by a pixel at most each way: " + worstCentre);
        assertTrue(sizeOff / n < 1.5, "the size stays within a pixel or so on average: " + sizeOff / n);
    }

    @Test
    void aBlankDrawingStaysBlankAndAWrongSizeIsRefused() {
        assertArrayEquals(new float[N * N], DigitNormaliser.likeMnist(new float[N * N], N, N));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DigitNormaliser.likeMnist(new float[10], N, N));
    }
}
