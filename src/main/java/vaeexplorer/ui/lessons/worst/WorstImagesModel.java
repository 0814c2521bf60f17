package vaeexplorer.ui.lessons.worst;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.vae.ImageScores;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.LessonInputs;
import vaeexplorer.ui.lessons.Refresher;
import vaeexplorer.ui.widgets.ImageTiles;

/**
 * The "Worst explained" lesson's view-model: every shown (held-out) image scored by its -ELBO under the latest model
 * ({@link ImageScores}), ranked, and the {@value #COUNT} worst and best with their reconstructions (decoded from mu),
 * computed on the lesson worker while the lesson is shown. Choosing one selects it in the scatter.
 */
public final class WorstImagesModel {
    /** Images in each strip. */
    public static final int COUNT = 6;

    /**
     * One ranking: the dataset indices of the worst (highest -ELBO first) and best (lowest first) images, their
     * scores, each strip's tiles (row 0 the images, row 1 their reconstructions), and the mean score of all.
     */
    public record Ranking(int[] worst, int[] best, double[] worstScores, double[] bestScores, ImageTiles worstTiles,
                          ImageTiles bestTiles, double mean, int images) {}

    private final LatentModel latent;
    private final Refresher<Ranking> refresher;
    private final ReadOnlyObjectWrapper<Ranking> ranking = new ReadOnlyObjectWrapper<>();

    public WorstImagesModel(LessonContext ctx) {
        this.latent = ctx.latent();
        refresher = new Refresher<>(ctx.worker(), 500, this::job, ranking::set);
        LessonInputs.onChange(refresher::request, latent.model(), latent.shown());
        refresher.request();
    }

    public Refresher<Ranking> refresher() {
        return refresher;
    }

    /** The latest ranking, or null (no model, no images). */
    public ReadOnlyObjectProperty<Ranking> ranking() {
        return ranking.getReadOnlyProperty();
    }

    /** Selects the image with this dataset index in the scatter (if it is one of the points shown there). */
    public void choose(int datasetIndex) {
        LatentCodes c = latent.codes().get();
        if (c == null) return;
        for (int i = 0; i < c.size(); i++) {
            if (c.index(i) == datasetIndex) {
                latent.select(i);
                return;
            }
        }
    }

    private Function<MatMul, Ranking> job() {
        ModelSnapshot m = LessonInputs.model(latent);
        Dataset d = latent.shown().get();
        if (m == null || d == null || d.size() == 0 || d.imageSize() != m.inputSize()) return null;
        return mm -> rank(m, mm, d);
    }

    /** On the worker: scores, the order, and the two strips. */
    static Ranking rank(ModelSnapshot m, MatMul mm, Dataset d) {
        double[] s = ImageScores.negativeElbo(m, mm, d, 0, d.size());
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        // highest -ELBO first; ties by index, so that the order is the same every time
        java.util.Arrays.sort(order, (a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a]) : Integer.compare(a, b));
        int k = Math.min(COUNT, s.length);
        int[] worst = new int[k], best = new int[k];
        double[] ws = new double[k], bs = new double[k];
        for (int i = 0; i < k; i++) {
            worst[i] = order[i];
            best[i] = order[s.length - 1 - i];
            ws[i] = s[worst[i]];
            bs[i] = s[best[i]];
        }
        double mean = 0;
        for (double v : s) mean += v / s.length;
        return new Ranking(worst, best, ws, bs, strip(m, mm, d, worst), strip(m, mm, d, best), mean, s.length);
    }

    /** The images and below them their reconstructions, decoded from mu. */
    private static ImageTiles strip(ModelSnapshot m, MatMul mm, Dataset d, int[] idx) {
        int n = idx.length, px = m.inputSize(), dim = m.latent();
        Dataset images = d.subset("strip", idx);
        float[] mu = new float[n * dim], sigma = new float[n * dim];
        m.encodeBatch(mm, images, 0, n, mu, sigma);
        float[] all = new float[2 * n * px], decoded = new float[n * px];
        for (int i = 0; i < n; i++) images.copyImage(i, all, i * px);
        m.decodeBatch(mm, mu, n, decoded);
        System.arraycopy(decoded, 0, all, n * px, decoded.length);
        return new ImageTiles(all, 2 * n, n, d.rows(), d.cols());
    }
}
