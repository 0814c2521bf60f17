package vaeexplorer.ui.lessons.nearest;

import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.core.vae.NearestByLatent;
import vaeexplorer.core.vae.NearestByPixels;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.LessonInputs;
import vaeexplorer.ui.lessons.Refresher;
import vaeexplorer.ui.widgets.ImageTiles;

/**
 * The "Nearest training images" lesson's view-model: the {@value #COUNT} training images nearest the image decoded at
 * z, by pixels ({@link NearestByPixels}) and by the distance from z to their codes mu ({@link NearestByLatent}),
 * found again whenever the decoded image changes (every move of a drag), while the lesson is shown.
 *
 * <p>Two {@link Refresher}s on the lesson worker: one builds the searches (the pixel index once per training set, with
 * its yardstick; the codes of every training image once per model snapshot, at most once a second while training
 * runs), the other answers the query; requests made while one runs coalesce into one more run, so a drag never
 * queues up work. The searches' buffers are only touched by jobs, which run one at a time on the worker.
 */
public final class NearestModel {
    /** Neighbours in each strip. */
    public static final int COUNT = 5;
    /** Training images whose nearest other image gives the yardstick. */
    static final int YARDSTICK_SAMPLES = 64;
    /**
     * The nearest image counts as recalled when it is closer than this share of both the yardstick and the
     * {@value #COUNT}th nearest's distance (squared distances).
     */
    static final double RECALL_SHARE = 0.5;

    /** The searches for one training set and one model's codes of it. */
    record Index(NearestByPixels pixels, double yardstick, NearestByLatent latent) {}

    /**
     * One answer: the training images nearest the decoded image, by pixels and by latent distance (indices into the
     * training set, squared distances, nearest first), each strip's tiles (the decoded image first, then the
     * neighbours), the yardstick (the median squared distance from a training image to its nearest other one), and
     * whether the codes are the current model's (false for a moment while training runs).
     */
    public record Result(Dataset training, int[] byPixels, double[] pixelDistances, int[] byLatent, double[] latentDistances,
                         ImageTiles pixelTiles, ImageTiles latentTiles, double yardstick, boolean codesCurrent) {
        /** Whether the nearest by pixels is much closer than the others and than training images are to each other. */
        public boolean recalls() {
            double d1 = pixelDistances[0], dk = pixelDistances[pixelDistances.length - 1];
            return pixelDistances.length > 1 && d1 < RECALL_SHARE * yardstick && d1 < RECALL_SHARE * dk;
        }
    }

    private final LatentModel latent;
    private final ObservableValue<Dataset> training;
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final Refresher<Index> indexer;
    private final Refresher<Result> searcher;
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    /** The latest searches (FX thread); their insides are used by jobs only. */
    private Index index;

    public NearestModel(LessonContext ctx) {
        latent = ctx.latent();
        training = ctx.training();
        searcher = new Refresher<>(ctx.worker(), 0, this::searchJob, result::set);
        indexer = new Refresher<>(ctx.worker(), 1000, this::indexJob, this::indexed);
        indexer.active().bind(shown);
        searcher.active().bind(shown);
        LessonInputs.onChange(indexer::request, latent.model(), training);
        LessonInputs.onChange(searcher::request, latent.decoded());
        indexer.request();
    }

    /** Bind to whether the lesson is shown: only then are the searches run. */
    public BooleanProperty shown() {
        return shown;
    }

    /** The latest answer, or null (no model, no training set, or a set of other images). */
    public ReadOnlyObjectProperty<Result> result() {
        return result.getReadOnlyProperty();
    }

    private void indexed(Index i) {
        index = i;
        searcher.request();
    }

    Refresher<Result> searcher() {
        return searcher;
    }

    private Function<MatMul, Index> indexJob() {
        ModelSnapshot m = LessonInputs.model(latent);
        Dataset set = training.getValue();
        if (m == null || set == null || set.size() == 0 || set.imageSize() != m.inputSize()) return null;
        Index before = index;
        return mm -> {
            // the pixel index and its yardstick once per training set; the codes for every model
            boolean sameSet = before != null && before.pixels().dataset() == set;
            NearestByPixels pixels = sameSet ? before.pixels() : new NearestByPixels(set);
            double yardstick = sameSet ? before.yardstick() : pixels.medianNearestOther(YARDSTICK_SAMPLES);
            return new Index(pixels, yardstick, NearestByLatent.encode(m, mm, set));
        };
    }

    private Function<MatMul, Result> searchJob() {
        ModelSnapshot m = LessonInputs.model(latent);
        float[] decoded = latent.decoded().get(), z = latent.z().get();
        Index i = index;
        if (m == null || decoded == null || i == null || i.pixels().dataset() != training.getValue()
                || i.latent().latent() != m.latent() || z.length != m.latent() || decoded.length != m.inputSize())
            return null;
        boolean current = i.latent().model() == m;
        return mm -> search(i, decoded, z, current);
    }

    /** On the worker: both searches and the two strips. */
    static Result search(Index i, float[] decoded, float[] z, boolean current) {
        Dataset set = i.pixels().dataset();
        int k = Math.min(COUNT, set.size());
        int[] byPixels = new int[k], byLatent = new int[k];
        double[] pd = new double[k], ld = new double[k];
        i.pixels().nearest(decoded, k, byPixels, pd);
        i.latent().nearest(z, k, byLatent, ld);
        return new Result(set, byPixels, pd, byLatent, ld, strip(set, decoded, byPixels), strip(set, decoded, byLatent),
                i.yardstick(), current);
    }

    /** The decoded image, then the neighbours, in one row. */
    private static ImageTiles strip(Dataset set, float[] decoded, int[] idx) {
        int px = set.imageSize();
        float[] all = new float[(idx.length + 1) * px];
        System.arraycopy(decoded, 0, all, 0, px);
        for (int s = 0; s < idx.length; s++) set.copyImage(idx[s], all, (s + 1) * px);
        return new ImageTiles(all, idx.length + 1, idx.length + 1, set.rows(), set.cols());
    }
}
