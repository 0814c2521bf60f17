package vaeexplorer.ui.lessons.truepost;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.vae.MarginalLikelihood;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.Refresher;

/**
 * The true posterior lesson's figures over the test set, once per epoch: log p(x) by importance sampling (IWAE), the
 * ELBO from the same samples, and the gap between them, averaged over the first {@value #IMAGES} shown (held-out)
 * images, for the loss chart. Computed on the lesson worker from the model at each epoch's end while active (from the
 * first time the lesson is shown on: epochs that end before wait, and the newest is computed then; epochs that end
 * faster than the estimate runs are skipped).
 */
public final class TestSetLogPx {
    /** Held-out images per estimate, and samples per image. */
    public static final int IMAGES = 500, K = 100;
    private static final long SEED = 23;

    /**
     * One epoch's estimate after the given step: means per image in nats over the images. gap = logPx - elbo, never
     * negative.
     */
    public record Point(long step, double logPx, double elbo, int images, int k, int generation) {
        public double gap() {
            return logPx - elbo;
        }
    }

    private final LatentModel latent;
    private final Refresher<Point> refresher;
    private final ReadOnlyObjectWrapper<Point> latest = new ReadOnlyObjectWrapper<>();
    private ModelSnapshot epochModel;
    private long epochStep;
    /** Bumped by {@link #clear}: estimates of an earlier model are dropped when they arrive. */
    private int generation;

    public TestSetLogPx(LessonContext ctx, ObservableBooleanValue shown) {
        this.latent = ctx.latent();
        refresher = new Refresher<>(ctx.worker(), 0, this::job, this::apply);
        refresher.active().bind(shown);
    }

    /** An epoch ended after step with model m: estimate its figures (when the lesson is shown). */
    public void epochEnded(long step, ModelSnapshot m) {
        epochModel = m;
        epochStep = step;
        refresher.request();
    }

    /** A new model (Reset, an opened session): forget the pending epoch and drop estimates under way. */
    public void clear() {
        generation++;
        epochModel = null;
        latest.set(null);
    }

    /** The newest estimate of the current model, or null. */
    public ReadOnlyObjectProperty<Point> latest() {
        return latest.getReadOnlyProperty();
    }

    private Function<MatMul, Point> job() {
        ModelSnapshot m = epochModel;
        Dataset set = latent.shown().get();
        if (m == null || set == null || set.size() == 0 || set.imageSize() != m.inputSize()) return null;
        epochModel = null;
        long step = epochStep;
        int gen = generation;
        return mm -> estimate(m, mm, set, step, gen);
    }

    /** On the worker: the mean log p(x) and ELBO of the set's first images, K samples each, one seed. */
    static Point estimate(ModelSnapshot m, MatMul mm, Dataset set, long step, int generation) {
        int n = Math.min(IMAGES, set.size()), px = set.imageSize();
        float[] x = new float[px];
        Rng rng = new Rng(SEED);
        double logPx = 0, elbo = 0;
        for (int i = 0; i < n; i++) {
            set.copyImage(i, x, 0);
            MarginalLikelihood.Importance is = MarginalLikelihood.importance(m, mm, x, K, rng);
            logPx += is.logPx() / n;
            elbo += is.elbo() / n;
        }
        return new Point(step, logPx, elbo, n, K, generation);
    }

    private void apply(Point p) {
        if (p != null && p.generation() == generation && Double.isFinite(p.logPx()) && Double.isFinite(p.elbo()))
            latest.set(p);
    }
}
