package vaeexplorer.ui.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Posterior ellipses stay visible at any zoom without losing their shape. */
class PlotMarksTest {
    @Test
    void anEllipseLargeEnoughIsDrawnAsItIs() {
        assertArrayEquals(new double[] {40, 25}, PlotMarks.drawnRadii(40, 25, 12), 1e-12);
    }

    @Test
    void aSpeckIsScaledUpToTheMinimumKeepingItsShape() {
        double[] r = PlotMarks.drawnRadii(2, 0.5, 12);
        assertEquals(12, Math.max(r[0], r[1]), 1e-12, "the larger radius reaches the minimum");
        assertEquals(2 / 0.5, r[0] / r[1], 1e-12, "the shape (the ratio of the sigmas) is kept");
    }

    @Test
    void aBarAndADegenerateSigmaGetTheMinimumLength() {
        assertArrayEquals(new double[] {12, 0}, PlotMarks.drawnRadii(3, 0, 12), 1e-12);
        assertArrayEquals(new double[] {12, 0}, PlotMarks.drawnRadii(0, 0, 12), 1e-12);
        assertArrayEquals(new double[] {12, 0}, PlotMarks.drawnRadii(Double.NaN, 0, 12), 1e-12);
    }

    @Test
    void theMinimumClearsTheCrosshairAndGrowsWithTheText() {
        assertTrue(PlotMarks.minRadius(13) >= 10, "outside the crosshair's 8-pixel ring");
        assertTrue(PlotMarks.minRadius(30) > PlotMarks.minRadius(13), "larger text, larger marks");
    }
}
