package vaeexplorer.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rate behind "~N min left": recent, and unknown until it has settled. Synthetic clocks, no waiting. */
class RateWindowTest {
    @Test
    void aSteadyRateIsKnownOnceTheWindowIsHalfFull() {
        RateWindow w = new RateWindow(4);
        for (int i = 0; i <= 4; i++) w.add(i * 0.5, i * 10_000L); // 20k images/s for 2 s
        assertEquals(20_000, w.settledRate(), 1e-6);
    }

    @Test
    void whileTheProgramIsStillSpeedingUpThereIsNoEstimate() {
        RateWindow w = new RateWindow(4);
        long images = 0;
        for (int i = 0; i <= 8; i++) {
            w.add(i * 0.5, images);
            images += i < 6 ? 200 : 10_000; // 400 images/s for 3 s (JIT), then 20k/s
        }
        assertTrue(Double.isNaN(w.settledRate()), "the halves disagree: " + w.settledRate());
        for (int i = 9; i <= 16; i++) {
            w.add(i * 0.5, images);
            images += 10_000;
        }
        assertEquals(20_000, w.settledRate(), 1e-6, "the slow start has left the window");
    }

    @Test
    void tooShortAWindowOrANewRunGivesNoEstimate() {
        RateWindow w = new RateWindow(4);
        w.add(0, 0);
        w.add(0.5, 10_000);
        w.add(1, 20_000);
        assertTrue(Double.isNaN(w.settledRate()), "one second of a four-second window");
        w.add(1.5, 30_000);
        w.add(2, 40_000);
        assertEquals(20_000, w.settledRate(), 1e-6);
        w.add(2.5, 100); // Reset: a new run counts from 0
        assertTrue(Double.isNaN(w.settledRate()));
    }
}
