package vaeexplorer.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DownsampledSeriesTest {

    @Test
    void keepsAtMostItsCapacityOnALongRunAndLosesNoPoint() {
        DownsampledSeries s = new DownsampledSeries(2000);
        double sum = 0;
        for (int i = 0; i < 1_000_003; i++) {
            double y = Math.sin(i * 0.01) + i * 1e-4;
            s.add(i, y);
            sum += y;
            assertTrue(s.size() <= 2000);
        }
        assertEquals(1_000_003, s.rawCount());
        assertEquals(sum, s.sumOfY(), Math.abs(sum) * 1e-9, "each raw point counted once");
        assertTrue(s.size() >= 1000, "still detailed: " + s.size());
        for (int i = 1; i < s.size(); i++) assertTrue(s.x(i) > s.x(i - 1), "x stays increasing");
    }

    @Test
    void mergesNeighbouringPairsIntoTheirMeans() {
        DownsampledSeries s = new DownsampledSeries(4);
        for (int i = 0; i < 4; i++) s.add(i, 10 * i);
        int before = s.generation();
        s.add(4, 40); // full: pairs merge, then this point waits for a partner
        assertNotEquals(before, s.generation());
        assertEquals(2, s.size());
        assertEquals(0.5, s.x(0));
        assertEquals(5, s.y(0));
        assertEquals(25, s.y(1));
        assertEquals(1, s.bucketCount());
        s.add(5, 50);
        assertEquals(3, s.size());
        assertEquals(45, s.y(2));
        assertEquals(2, s.level());
    }

    @Test
    void clearEmptiesAndTellsViewsToStartOver() {
        DownsampledSeries s = new DownsampledSeries(4);
        s.add(1, 1);
        int g = s.generation();
        s.clear();
        assertEquals(0, s.size());
        assertEquals(0, s.rawCount());
        assertNotEquals(g, s.generation());
    }
}
