package vaeexplorer.ui.lessons.truepost;

import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.vae.MarginalLikelihood;
import vaeexplorer.core.vae.MarginalLikelihood.PriorGrid;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.LessonInputs;
import vaeexplorer.ui.lessons.Refresher;
import vaeexplorer.ui.lessons.draw.DrawModel;

/**
 * The "True posterior" lesson's view-model: for the chosen image (the clicked point, or the drawing, whichever changed
 * last) and the latest model, the true posterior p(z|x) on a grid with log p(x), the ELBO and the gap, computed on the
 * lesson worker (one job at a time, the newest request wins) while the lesson is shown, again for every new model
 * snapshot. The coarse grid's decodes are made once per snapshot and kept for the next images.
 */
public final class TruePosteriorModel {
    /** What the lesson can show now. */
    public enum Status { NO_MODEL, NEEDS_2D, NO_IMAGE, COMPUTING, READY, FAILED }

    /** Samples from q(z|x) for log p(x) by importance sampling, where the latent is larger than 2. */
    public static final int IWAE_K = 2000;

    /** Which image is explained. */
    public enum Source { SELECTED, DRAWN }

    /**
     * One finished request: the map for the image (or the reason there is none). For a 2-D latent the map is p(z|x)
     * and its grid gives the numbers; for a larger one the map is the conditional posterior on the slice through
     * dimensions dimX and dimY (the others at q's mean) and the numbers come from importance sampling.
     */
    public record Result(Status status, TruePosteriorMap map, Source source, int latent, String error, int dimX, int dimY,
                         MarginalLikelihood.Importance importance) {
        Result(Status status, TruePosteriorMap map, Source source, int latent, String error) {
            this(status, map, source, latent, error, 0, 1, null);
        }

        /** Whether the map is a slice of a larger latent. */
        public boolean isSlice() {
            return latent > 2;
        }

        /** log p(x), the ELBO and the KL term: from the grid (2-D) or by importance sampling (a slice). */
        public double logPx() {
            return importance != null ? importance.logPx() : map.posterior().logPx();
        }

        public double expectedLogLikelihood() {
            return importance != null ? importance.expectedLogLikelihood() : map.posterior().expectedLogLikelihood();
        }

        public double kl() {
            return importance != null ? importance.kl() : map.posterior().kl();
        }
    }

    private final LatentModel latent;
    private final DrawModel draw;
    private final Refresher<Result> refresher;
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(
            new Result(Status.NO_MODEL, null, Source.SELECTED, 0, null));
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final TestSetLogPx testSet;
    private Source source = Source.SELECTED;
    /** The coarse grid of the last snapshot: read and written on the worker thread only (jobs run one at a time). */
    private PriorGrid grid;

    public TruePosteriorModel(LessonContext ctx, DrawModel draw) {
        this.latent = ctx.latent();
        this.draw = draw;
        refresher = new Refresher<>(ctx.worker(), 150, this::job, this::apply);
        refresher.active().bind(shown);
        // the test set's figures, from the first time the lesson is shown on (so they go on while the loss chart shows)
        BooleanProperty opened = new SimpleBooleanProperty(false);
        shown.addListener((o, a, b) -> {
            if (b) opened.set(true);
        });
        testSet = new TestSetLogPx(ctx, opened);
        latent.selectedOriginal().addListener((o, a, x) -> {
            if (x != null) source = Source.SELECTED;
            refresher.request();
        });
        draw.input().addListener((o, a, x) -> {
            if (!draw.empty().get()) source = Source.DRAWN;
            else if (latent.selectedOriginal().get() != null) source = Source.SELECTED;
            refresher.request();
        });
        LessonInputs.onChange(refresher::request, latent.model(), latent.size(), latent.xDim(), latent.yDim());
        refresher.request();
    }

    /** Whether the lesson is showing (bind to its tab): only then it computes, and the scatter shows the map. */
    public BooleanProperty shown() {
        return shown;
    }

    /** The test set's log p(x), ELBO and gap per epoch (fed by whoever sees the epochs end). */
    public TestSetLogPx testSet() {
        return testSet;
    }

    /** The latest result. */
    public ReadOnlyObjectProperty<Result> result() {
        return result.getReadOnlyProperty();
    }

    public Refresher<Result> refresher() {
        return refresher;
    }

    /** The image the lesson explains now, or null. */
    float[] image() {
        float[] drawn = draw.empty().get() ? null : draw.input().get();
        float[] picked = latent.selectedOriginal().get();
        return source == Source.DRAWN && drawn != null ? drawn : picked != null ? picked : drawn;
    }

    private Function<MatMul, Result> job() {
        ModelSnapshot m = latent.model().get();
        if (m == null) return mm -> new Result(Status.NO_MODEL, null, source, 0, null);
        if (m.latent() < 2) return mm -> new Result(Status.NEEDS_2D, null, source, m.latent(), null);
        float[] x = image();
        Source s = x == null ? source : x == latent.selectedOriginal().get() ? Source.SELECTED : Source.DRAWN;
        if (x == null || x.length != m.inputSize()) return mm -> new Result(Status.NO_IMAGE, null, s, m.latent(), null);
        float[] image = x.clone();
        if (m.latent() == 2) return mm -> compute(m, mm, image, s);
        int dx = latent.xDim().get(), dy = latent.yDim().get();
        return mm -> slice(m, mm, image, s, dx, dy);
    }

    /** On the worker, a latent above 2: the slice through the plot's two dimensions, the numbers by IWAE. */
    private Result slice(ModelSnapshot m, MatMul mm, float[] x, Source s, int dx, int dy) {
        try {
            TruePosteriorMap map = TruePosteriorMap.of(MarginalLikelihood.slicePosterior(m, mm, x, dx, dy, TruePosteriorMap.FINE));
            // one seed for every request: the same image under the same model gives the same numbers
            MarginalLikelihood.Importance is = MarginalLikelihood.importance(m, mm, x, IWAE_K, new Rng(IWAE_SEED));
            return new Result(Status.READY, map, s, m.latent(), null, dx, dy, is);
        } catch (IllegalArgumentException e) {
            return new Result(Status.FAILED, null, s, m.latent(), e.getMessage(), dx, dy, null);
        }
    }

    private static final long IWAE_SEED = 14;

    /** On the worker: the map of x under m, reusing the coarse grid while the snapshot is the same. */
    private Result compute(ModelSnapshot m, MatMul mm, float[] x, Source s) {
        try {
            if (grid == null || grid.model() != m) grid = MarginalLikelihood.priorGrid(m, mm);
            return new Result(Status.READY, TruePosteriorMap.of(grid, mm, x), s, 2, null);
        } catch (IllegalArgumentException e) {
            return new Result(Status.FAILED, null, s, 2, e.getMessage());
        }
    }

    private void apply(Result r) {
        if (r != null) result.set(r);
    }
}
