package vaeexplorer.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.vae.LatentGrid;
import vaeexplorer.core.vae.MarginalLikelihood;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.core.vae.NearestByLatent;
import vaeexplorer.core.vae.NearestByPixels;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

/**
 * {@code bench-inference}: what the UI does while the user explores, timed after warm-up (median of repeats): decode
 * one latent point (the dragged point), decode a 20 x 20 manifold grid, encode 10,000 images (the scatter), and at
 * latent 2 the true posterior lesson's map of one image; and the nearest-images lesson's searches over the training set
 * (one query by pixels, one by latent distance), on the set itself and on 60,000 images (the set repeated, when it
 * is smaller: a query's cost depends on the number of images, not on what they show), with the dot products of the
 * pixel search also through the {@link MatMul} on a float copy, for comparison.
 */
final class InferenceBench {
    private InferenceBench() {}

    /** The options that take a value. */
    static final Set<String> OPTIONS = Set.of("dataset", "latent", "hidden", "threads");

    static int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException, DataException {
        Args a = new Args("bench-inference", argv, OPTIONS, Set.of("json"));
        int latent = a.integer("latent", 2, 1, VaeConfig.MAX_LATENT);
        int threads = a.integer("threads", Cli.defaultThreads(), 1, 256);
        List<Integer> hidden = a.hidden("hidden", "512");
        DataSplit data = CliData.load(a.string("dataset", "mnist"), err);
        Vae vae = new Vae(new VaeConfig(data.train().imageSize(), hidden, latent,
                vaeexplorer.core.vae.Likelihood.BERNOULLI, 0.1), new Rng(1));
        ModelSnapshot m = vae.snapshot();
        MatMul mm = Cli.matMul(threads);
        Dataset images = data.train().size() >= 10_000 ? data.train() : concat(data);
        int n = Math.min(10_000, images.size());

        float[] z = new float[latent], image = new float[m.inputSize()];
        Rng r = new Rng(2);
        Runnable one = () -> {
            z[0] = (float) r.nextGaussian();
            m.decode(z, image);
        };
        // one decode is short: the JIT needs some 40,000 of them (2-3 s) before its code is at full speed
        for (int i = 0; i < 80_000; i++) one.run();
        double decodeOne = median(2000, one);
        float[] grid = LatentGrid.codes(LatentGrid.axis(20, LatentGrid.Spacing.GAUSSIAN_QUANTILES, 0, 0),
                LatentGrid.axis(20, LatentGrid.Spacing.GAUSSIAN_QUANTILES, 0, 0), latent, 0, Math.min(1, latent - 1),
                new float[latent]);
        float[] gridImages = new float[400 * m.inputSize()];
        double decodeGrid = median(60, () -> m.decodeBatch(mm, grid, 400, gridImages));
        float[] mu = new float[n * latent], sigma = new float[n * latent];
        double encode = median(7, () -> m.encodeBatch(mm, images, 0, n, mu, sigma));
        // the true posterior lesson (latent 2): the coarse grid's decodes once per model snapshot, then one image's map
        double priorGrid = Double.NaN, posterior = Double.NaN;
        if (latent == 2) {
            MarginalLikelihood.PriorGrid[] pg = new MarginalLikelihood.PriorGrid[1];
            priorGrid = median(5, () -> pg[0] = MarginalLikelihood.priorGrid(m, mm));
            float[] x = new float[m.inputSize()];
            int[] next = {0};
            posterior = median(9, () -> {
                images.copyImage(next[0]++ % n, x, 0);
                MarginalLikelihood.posterior(pg[0], mm, x, POSTERIOR_GRID);
            });
        }
        Nearest near = nearest(m, mm, data.train());
        if (a.flag("json")) {
            out.println(new Json().put("decode_one_us", decodeOne / 1e3, 1).put("decode_grid_20x20_ms", decodeGrid / 1e6, 2)
                    .put("encode_images", n).put("encode_ms", encode / 1e6, 1).put("backend", mm.name()).put("threads", threads)
                    .put("latent", latent).put("hidden", vae.config().hiddenText())
                    .put("posterior_prior_grid_ms", priorGrid / 1e6, 1).put("posterior_map_100x100_ms", posterior / 1e6, 1)
                    .put("nearest_images", near.images).put("nearest_pixels_ms", near.pixels / 1e6, 2)
                    .put("nearest_pixels_dots_matmul_ms", near.matmulDots / 1e6, 2)
                    .put("nearest_latent_ms", near.latent / 1e6, 3)
                    .put("nearest_images_large", LARGE).put("nearest_pixels_large_ms", near.pixelsLarge / 1e6, 2)
                    .put("nearest_pixels_dots_matmul_large_ms", near.matmulDotsLarge / 1e6, 2)
                    .put("nearest_latent_large_ms", near.latentLarge / 1e6, 3)
                    .put("encode_large_ms", near.encodeLarge / 1e6, 1));
        } else {
            out.printf(Locale.ROOT, "decode one z: %.1f us; 20x20 grid: %.2f ms; encode %,d images: %.1f ms (backend %s, %d threads)%n",
                    decodeOne / 1e3, decodeGrid / 1e6, n, encode / 1e6, mm.name(), threads);
            if (latent == 2)
                out.printf(Locale.ROOT, "true posterior: the grid's decodes per model snapshot %.1f ms; one image's %dx%d map %.1f ms%n",
                        priorGrid / 1e6, POSTERIOR_GRID, POSTERIOR_GRID, posterior / 1e6);
            out.printf(Locale.ROOT, "nearest %d of %,d training images to one query: by pixels %.2f ms (the dots through the "
                    + "matrix product on floats: %.2f ms), by latent distance %.3f ms%n", KNN, near.images,
                    near.pixels / 1e6, near.matmulDots / 1e6, near.latent / 1e6);
            out.printf(Locale.ROOT, "the same over %,d images: by pixels %.2f ms (matrix product %.2f ms), by latent "
                    + "distance %.3f ms; encoding them %.1f ms%n", LARGE, near.pixelsLarge / 1e6,
                    near.matmulDotsLarge / 1e6, near.latentLarge / 1e6, near.encodeLarge / 1e6);
        }
        return Cli.OK;
    }

    /** The neighbours the lesson shows. */
    private static final int KNN = 5;
    /** Images of the larger search: Fashion-MNIST's full training set. */
    private static final int LARGE = 60_000;

    /** Median nanoseconds of the nearest-image searches, over the training set and over {@link #LARGE} images. */
    private record Nearest(int images, double pixels, double matmulDots, double latent, double pixelsLarge,
                           double matmulDotsLarge, double latentLarge, double encodeLarge) {}

    private static Nearest nearest(ModelSnapshot m, MatMul mm, Dataset train) {
        Dataset large = repeated(train, LARGE);
        double[] small = nearestTimes(m, mm, train, 201);
        double encodeLarge = median(3, () -> NearestByLatent.encode(m, mm, large));
        double[] big = nearestTimes(m, mm, large, 41);
        return new Nearest(train.size(), small[0], small[1], small[2], big[0], big[1], big[2], encodeLarge);
    }

    /** By pixels, the same dots through the MatMul (q times a float copy of the images), by latent distance. */
    private static double[] nearestTimes(ModelSnapshot m, MatMul mm, Dataset set, int repeats) {
        NearestByPixels byPixels = new NearestByPixels(set);
        NearestByLatent byLatent = NearestByLatent.encode(m, mm, set);
        int px = set.imageSize(), d = m.latent();
        // decoded images of points along a line, as a drag makes them
        Rng r = new Rng(3);
        float[][] queries = new float[16][];
        float[][] zs = new float[16][];
        for (int i = 0; i < queries.length; i++) {
            zs[i] = new float[d];
            for (int j = 0; j < d; j++) zs[i][j] = (float) r.nextGaussian();
            queries[i] = m.decode(zs[i]);
        }
        int[] idx = new int[KNN];
        double[] dist = new double[KNN];
        int[] next = {0};
        double pixels = median(repeats, () -> byPixels.nearest(queries[next[0]++ % queries.length], KNN, idx, dist));
        double latent = median(repeats, () -> byLatent.nearest(zs[next[0]++ % zs.length], KNN, idx, dist));
        // x_i . q for every image by the matrix product: q (1 x px) times X^T, X the images as floats (n x px)
        org.ejml.data.FMatrixRMaj x = new org.ejml.data.FMatrixRMaj(set.size(), px);
        for (int i = 0; i < set.size(); i++) set.copyImage(i, x.data, i * px);
        org.ejml.data.FMatrixRMaj q = new org.ejml.data.FMatrixRMaj(1, px), dots = new org.ejml.data.FMatrixRMaj(1, set.size());
        double matmul = median(repeats, () -> {
            System.arraycopy(queries[next[0]++ % queries.length], 0, q.data, 0, px);
            mm.multTransB(q, x, dots);
        });
        return new double[] {pixels, matmul, latent};
    }

    /** n images: the set's, over and over (a set at least n large is cut to n). */
    private static Dataset repeated(Dataset set, int n) {
        int px = set.imageSize();
        byte[] pixels = new byte[n * px];
        int[] labels = new int[n];
        for (int from = 0; from < n; from += set.size()) {
            int count = Math.min(set.size(), n - from);
            set.copyPixelBytes(0, count, pixels, from * px);
            for (int i = 0; i < count; i++) labels[from + i] = set.label(i);
        }
        return new Dataset(set.name() + " x" + n, set.rows(), set.cols(), pixels, labels, set.classNames());
    }

    /** Fine cells per axis of the true posterior lesson's map. */
    private static final int POSTERIOR_GRID = 100;

    /** Training and test images together (the built-in sets have 8,000 + 2,000, so 10,000 to encode). */
    private static Dataset concat(DataSplit d) {
        Dataset tr = d.train(), te = d.test();
        int px = tr.imageSize(), n = tr.size() + te.size();
        byte[] pixels = new byte[n * px];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            Dataset from = i < tr.size() ? tr : te;
            int k = i < tr.size() ? i : i - tr.size();
            for (int p = 0; p < px; p++) pixels[i * px + p] = (byte) from.pixel(k, p);
            labels[i] = from.label(k);
        }
        return new Dataset("train+test", tr.rows(), tr.cols(), pixels, labels, tr.classNames());
    }

    /** Median nanoseconds of one run, after as many warm-up runs. */
    private static double median(int repeats, Runnable task) {
        for (int i = 0; i < repeats; i++) task.run();
        long[] t = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            task.run();
            t[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(t);
        return t[repeats / 2];
    }
}
