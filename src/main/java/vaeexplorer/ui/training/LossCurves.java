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
    private final DownsampledSeries testNegElbo = new DownsampledSeries(MAX_POINTS);

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
     * -ELBO - (-log p(x)) on the same images, in nats per image (from the true posterior lesson); with them the -ELBO
     * of those images, nll + gap, so that the chart shows all three terms of log p(x) = ELBO + gap.
     */
    public void addLogPx(long step, double nll, double gap) {
        testNll.add(step, nll);
        testGap.add(step, gap);
        testNegElbo.add(step, nll + gap);
    }

    public void clear() {
        total.clear();
        recon.clear();
        kl.clear();
        test.clear();
        testNll.clear();
        testGap.clear();
        testNegElbo.clear();
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
    /** The -ELBO of the same images, from the same samples: -log p(x) + gap. */
    public DownsampledSeries testNegElbo() { return testNegElbo; }

    public boolean isEmpty() {
        return total.rawCount() == 0 && test.rawCount() == 0;
    }
}
