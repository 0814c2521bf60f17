package vaeexplorer.core.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntBinaryOperator;

import org.junit.jupiter.api.Test;

class SquareFitterTest {
    static GreyImage image(int w, int h, IntBinaryOperator value) {
        byte[] px = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) px[y * w + x] = (byte) value.applyAsInt(x, y);
        return new GreyImage(w, h, px);
    }

    @Test
    void imageOfTheTargetSizeIsUnchanged() {
        GreyImage im = image(20, 20, (x, y) -> (x * 13 + y * 7) % 256);
        assertArrayEquals(im.pixels(), SquareFitter.fit(im, 20));
    }

    @Test
    void shrinkingAveragesTheCoveredPixels() {
        GreyImage im = image(32, 32, (x, y) -> (x + y) % 2 == 0 ? 255 : 0); // fine checkerboard
        byte[] out = SquareFitter.fit(im, 16);
        for (byte b : out) assertEquals(128, b & 0xFF, 1);
        GreyImage quadrant = image(64, 64, (x, y) -> x < 32 && y < 32 ? 200 : 10);
        byte[] q = SquareFitter.fit(quadrant, 16);
        assertEquals(200, q[0] & 0xFF);
        assertEquals(200, q[7 * 16 + 7] & 0xFF);
        assertEquals(10, q[8 * 16 + 8] & 0xFF);
        assertEquals(10, q[15 * 16 + 15] & 0xFF);
    }

    @Test
    void wideImageIsCentredAndPaddedWithItsBorderValue() {
        GreyImage wide = image(64, 32, (x, y) -> x == 32 && y == 16 ? 0 : 200);
        byte[] out = SquareFitter.fit(wide, 16); // becomes 16x8 at rows 4..11
        for (int y = 0; y < 16; y++)
            for (int x = 0; x < 16; x++)
                if (y < 4 || y >= 12) assertEquals(200, out[y * 16 + x] & 0xFF, "padding at " + x + "," + y);
        int darkest = 255;
        for (byte b : out) darkest = Math.min(darkest, b & 0xFF);
        assertTrue(darkest < 200, "the dark dot survives as a darker pixel");
    }

    @Test
    void tallImageIsPaddedLeftAndRight() {
        GreyImage tall = image(10, 40, (x, y) -> 30);
        byte[] out = SquareFitter.fit(tall, 20); // becomes 5x20 at columns 7..11
        assertEquals(30, out[0] & 0xFF);
        assertEquals(30, out[10 * 20 + 9] & 0xFF);
    }

    @Test
    void smallImageIsEnlargedSmoothly() {
        GreyImage tiny = image(2, 2, (x, y) -> x == 0 ? 0 : 255);
        byte[] out = SquareFitter.fit(tiny, 16);
        assertEquals(0, out[0] & 0xFF);
        assertEquals(255, out[15] & 0xFF);
        for (int x = 1; x < 16; x++) assertTrue((out[x] & 0xFF) >= (out[x - 1] & 0xFF), "a ramp from dark to light");
    }

    @Test
    void borderMedianIsTheBackground() {
        assertEquals(250, SquareFitter.borderMedian(image(10, 10, (x, y) -> x == 0 && y < 3 ? 0 : 250)));
        assertEquals(7, SquareFitter.borderMedian(image(1, 1, (x, y) -> 7)));
    }

    @Test
    void autoInvertTurnsBrightBackgroundsDarkOnly() {
        byte[] light = SquareFitter.fit(image(16, 16, (x, y) -> x == 8 ? 0 : 240), 16);
        assertTrue(InvertMode.AUTO.applyTo(light, 0, 16));
        assertEquals(15, light[0] & 0xFF);
        assertEquals(255, light[8] & 0xFF);
        byte[] dark = SquareFitter.fit(image(16, 16, (x, y) -> x == 8 ? 255 : 5), 16);
        assertTrue(!InvertMode.AUTO.applyTo(dark, 0, 16));
        assertEquals(5, dark[0] & 0xFF);
        assertTrue(InvertMode.ALWAYS.applyTo(dark, 0, 16));
        assertEquals(250, dark[0] & 0xFF);
        assertTrue(!InvertMode.NEVER.applyTo(dark, 0, 16));
        assertEquals(250, dark[0] & 0xFF);
    }
}
