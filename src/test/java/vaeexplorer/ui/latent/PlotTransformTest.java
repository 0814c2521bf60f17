package vaeexplorer.ui.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import vaeexplorer.ui.widgets.NiceTicks;

class PlotTransformTest {

    @Test
    void showsMinusFourToFourAcrossTheShorterSideWithEqualScales() {
        PlotTransform t = new PlotTransform();
        t.setArea(10, 20, 600, 400);
        assertEquals(50, t.scale(), 1e-12);
        assertEquals(-4, t.minY(), 1e-12);
        assertEquals(4, t.maxY(), 1e-12);
        assertEquals(-6, t.minX(), 1e-12);
        assertEquals(310, t.toScreenX(0), 1e-12);
        assertEquals(220 - 50, t.toScreenY(1), 1e-12, "up is positive");
    }

    @Test
    void zoomKeepsThePointUnderTheCursorAndPanFollowsTheDrag() {
        PlotTransform t = new PlotTransform();
        t.setArea(0, 0, 500, 500);
        double lx = t.toLatentX(123), ly = t.toLatentY(321);
        t.zoomAt(123, 321, 2.5);
        assertEquals(lx, t.toLatentX(123), 1e-9);
        assertEquals(ly, t.toLatentY(321), 1e-9);
        assertEquals(8 / 2.5, t.span(), 1e-12);
        double sx = t.toScreenX(1), sy = t.toScreenY(1);
        t.panBy(30, -20);
        assertEquals(sx + 30, t.toScreenX(1), 1e-9);
        assertEquals(sy - 20, t.toScreenY(1), 1e-9);
        t.reset();
        assertEquals(250, t.toScreenX(0), 1e-9);
    }

    @Test
    void ticksAreRoundNumbersInsideTheRange() {
        double step = NiceTicks.step(-4, 4, 8);
        assertEquals(1, step);
        assertArrayEquals(new double[] {-2, 0, 2}, NiceTicks.ticks(-3.1, 2.5, 2));
        assertEquals(0.2, NiceTicks.step(0, 1.7, 8), 1e-12);
        assertEquals("0.4", NiceTicks.label(0.4000000001, 0.2));
        assertEquals("0", NiceTicks.label(-1e-17, 1));
        assertEquals("0.0", NiceTicks.label(-1e-17, 0.5), "no minus zero");
        assertEquals("-2", NiceTicks.label(-2, 1));
    }
}
