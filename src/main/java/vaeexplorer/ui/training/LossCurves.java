package vaeexplorer.ui.training;

import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TestPoint;

/**
 * The loss curves drawn in the chart, against the training step, each kept to at most {@link #MAX_POINTS} points
 * (the core's LossHistory keeps the loss points themselves, for sessions and exports).
 */
public final class LossCurves {
    public static final int MAX_POINTS = 2000;

    private final DownsampledSeries total = new DownsampledSeries(MAX_POINTS);
    private final DownsampledSeries recon = new DownsampledSeries(MAX_POINTS);
    private final DownsampledSeries kl = new DownsampledSeries(MAX_POINTS);
    private final DownsampledSeries test = new DownsampledSeries(MAX_POINTS);
    private final DownsampledSeries testNll = new DownsampledSeries(MAX_POINTS);
    private final DownsampledSeries testGap = new DownsampledSeries(MAX_POINTS);

    public void add(LossPoint p) {
        total.add(p.step(), p.loss());
        recon.add(p.step(), p.recon());
        kl.add(p.step(), p.kl());
    }

    public void add(TestPoint t) {
        test.add(t.step(), t.evaluation().loss());
    }

    /**
     * -log p(x) over (part of) the test set by importance sampling after the given step, and the gap
     * -ELBO - (-log p(x)) on the same images, in nats per image (from the true posterior lesson).
     */
    public void addLogPx(long step, double nll, double gap) {
        testNll.add(step, nll);
        testGap.add(step, gap);
    }

    public void clear() {
        total.clear();
        recon.clear();
        kl.clear();
        test.clear();
        testNll.clear();
        testGap.clear();
    }

    /** Training objective recon + beta * KL, per reporting interval. */
    public DownsampledSeries total() { return total; }
    public DownsampledSeries recon() { return recon; }
    public DownsampledSeries kl() { return kl; }
    /** Held-out loss at the end of each epoch. */
    public DownsampledSeries test() { return test; }
    /** -log p(x) of test images, when the true posterior lesson estimated it. */
    public DownsampledSeries testNll() { return testNll; }
    /** The gap -ELBO - (-log p(x)) on the same images. */
    public DownsampledSeries testGap() { return testGap; }

    public boolean isEmpty() {
        return total.rawCount() == 0 && test.rawCount() == 0;
    }
}
