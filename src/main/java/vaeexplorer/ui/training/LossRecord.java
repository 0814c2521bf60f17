package vaeexplorer.ui.training;

import java.util.List;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import vaeexplorer.core.train.LossHistory;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TestPoint;

/**
 * Everything the current model's run has reported about its losses, in one place fed in one way: the curves the
 * chart draws ({@link LossCurves}, downsampled), the points themselves for sessions and exports ({@link LossHistory},
 * bounded), the newest of each, and a version that changes with every addition. FX thread.
 */
public final class LossRecord {
    private final LossCurves curves = new LossCurves();
    private final LossHistory points = new LossHistory();
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();
    private LossPoint lastLoss;
    private TestPoint lastTest;

    /** Adds what one report (or a saved session) holds, in step order; true if there was anything. */
    public boolean add(List<LossPoint> losses, List<TestPoint> tests) {
        for (LossPoint p : losses) {
            curves.add(p);
            lastLoss = p;
        }
        for (TestPoint t : tests) {
            curves.add(t);
            lastTest = t;
        }
        points.addAll(losses, tests);
        boolean any = !losses.isEmpty() || !tests.isEmpty();
        if (any) changed();
        return any;
    }

    /** A test-set -log p(x) estimate after the given step and the gap -ELBO - (-log p(x)); ignored when not finite. */
    public void addTestLogPx(long step, double nll, double gap) {
        if (!Double.isFinite(nll) || !Double.isFinite(gap)) return;
        curves.addLogPx(step, nll, gap);
        changed();
    }

    public void clear() {
        curves.clear();
        points.clear();
        lastLoss = null;
        lastTest = null;
        changed();
    }

    private void changed() {
        version.set(version.get() + 1);
    }

    /** The curves the chart draws. */
    public LossCurves curves() { return curves; }
    /** The loss and test points (bounded, merged when long), for sessions and exports. */
    public LossHistory points() { return points; }
    /** The newest training loss point, or null. */
    public LossPoint lastLoss() { return lastLoss; }
    /** The newest held-out evaluation, or null. */
    public TestPoint lastTest() { return lastTest; }
    /** Changes whenever anything is added or the record is cleared. */
    public ReadOnlyIntegerProperty version() { return version.getReadOnlyProperty(); }
}
