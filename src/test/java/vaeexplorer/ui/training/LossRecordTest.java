package vaeexplorer.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.train.Evaluation;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TestPoint;

class LossRecordTest {
    private static LossPoint loss(long step) {
        return new LossPoint(step, step / 100.0, 200 - step / 10.0, 190 - step / 10.0, 10, 1);
    }

    private static TestPoint test(int epoch, long step) {
        return new TestPoint(epoch, step, new Evaluation(180 - epoch, 170 - epoch, 10, new double[] {10}, 100));
    }

    @Test
    void oneReportFeedsTheChartAndTheSessionPointsAlikeAndMovesTheVersion() {
        LossRecord r = new LossRecord();
        int v0 = r.version().get();
        assertTrue(r.add(List.of(loss(10), loss(20)), List.of(test(1, 20))));
        assertEquals(v0 + 1, r.version().get(), "one change per report");
        assertEquals(List.of(loss(10), loss(20)), r.points().points());
        assertEquals(2, r.curves().total().rawCount());
        assertEquals(1, r.curves().test().rawCount());
        assertEquals(loss(20), r.lastLoss());
        assertSame(r.points().tests().get(0), r.lastTest());
        assertFalse(r.add(List.of(), List.of()), "an empty report");
        assertEquals(v0 + 1, r.version().get(), "nothing new: no change");
    }

    @Test
    void logPxEstimatesGoToTheChartOnlyAndNonFiniteOnesAreDropped() {
        LossRecord r = new LossRecord();
        r.addTestLogPx(100, 170.5, 1.5);
        int v = r.version().get();
        r.addTestLogPx(200, Double.NaN, 1.0);
        r.addTestLogPx(200, 160, Double.POSITIVE_INFINITY);
        assertEquals(v, r.version().get());
        assertEquals(1, r.curves().testNll().rawCount());
        assertEquals(1, r.curves().testGap().rawCount());
        assertTrue(r.points().points().isEmpty(), "sessions keep the trainer's points only");
    }

    @Test
    void clearingForgetsEverythingAndSaysSo() {
        LossRecord r = new LossRecord();
        r.add(List.of(loss(10)), List.of(test(1, 10)));
        r.addTestLogPx(10, 170, 1);
        int v = r.version().get();
        r.clear();
        assertEquals(v + 1, r.version().get());
        assertTrue(r.curves().isEmpty() && r.curves().testNll().rawCount() == 0);
        assertTrue(r.points().points().isEmpty() && r.points().tests().isEmpty());
        assertNull(r.lastLoss());
        assertNull(r.lastTest());
    }
}
