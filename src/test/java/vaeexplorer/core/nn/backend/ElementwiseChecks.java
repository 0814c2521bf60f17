package vaeexplorer.core.nn.backend;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.Elementwise;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.vae.BruteForceNearest;
import vaeexplorer.core.vae.NearestByPixels;

/**
 * Compares a backend's fused element-wise kernels with the scalar ones; run as a main in a JVM that has the backend.
 * Prints one line per case: {@code PASS name} or {@code FAIL name message}.
 */
final class ElementwiseChecks {
    private ElementwiseChecks() {}

    public static void main(String[] args) {
        Elementwise e = Elementwise.of(MatMulBackends.create(args.length > 0 ? args[0] : "auto", 1));
        if (e == Elementwise.SCALAR) {
            System.out.println("UNAVAILABLE the backend has no element-wise kernels");
            return;
        }
        for (int n : new int[] {1, 7, 16, 100, 784, 128 * 784 + 5}) {
            for (double spread : new double[] {1, 8, 200}) report("bce n=" + n + " spread=" + spread, bce(e, n, spread));
            report("adam n=" + n, adam(e, n));
            report("sigmoid n=" + n, sigmoid(e, n));
            report("softplusSum n=" + n, softplusSum(e, n));
            report("allFinite n=" + n, allFinite(e, n));
        }
        // two threads: the big passes are shared out in chunks (sizes above the parallel threshold, odd tails too)
        Elementwise two = Elementwise.of(MatMulBackends.create(args.length > 0 ? args[0] : "auto", 2));
        for (int n : PARALLEL_SIZES) {
            report("bce-2-threads n=" + n + " spread=8", bce(two, n, 8));
            report("adam-2-threads n=" + n, adam(two, n));
        }
        for (int[] shape : BIAS_SHAPES)
            for (Elementwise k : new Elementwise[] {e, two}) {
                String t = (k == e ? "1" : "2") + "-threads";
                for (boolean relu : new boolean[] {false, true}) {
                    report("addBias-" + t + " rows=" + shape[0] + " cols=" + shape[1] + " relu=" + relu,
                            addBias(k, shape[0], shape[1], relu));
                    report("biasGradient-" + t + " rows=" + shape[0] + " cols=" + shape[1] + " relu=" + relu,
                            biasGradient(k, shape[0], shape[1], relu));
                }
            }
        for (int[] shape : VECTOR_TIMES_MATRIX_SHAPES)
            for (boolean relu : new boolean[] {false, true})
                report("vectorTimesMatrix in=" + shape[0] + " out=" + shape[1] + " relu=" + relu,
                        vectorTimesMatrix(e, shape[0], shape[1], relu));
        for (int[] shape : BYTE_DOT_SHAPES) report("byteRowDots n=" + shape[0] + " len=" + shape[1], byteRowDots(e, shape[0], shape[1]));
        report("nearestByPixels random", nearestByPixels(e, BruteForceNearest.randomImages(1300, 9, 7, 5, false,
                new int[] {5, 17}, new int[] {5, 1299})));
        report("nearestByPixels fashion-mnist", nearestByPixels(e, fashionMnist()));
        report("kernels() is this backend's", MatMulBackends.kernels().getClass() == Elementwise.SCALAR.getClass()
                ? "MatMulBackends.kernels() fell back to the scalar kernels" : null);
    }

    /** allFinite agrees with the scalar check on finite data and with one NaN, +inf or -inf at the start, middle, end. */
    static String allFinite(Elementwise e, int n) {
        Rng rng = new Rng(n);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (rng.nextGaussian() * 1e30);
        if (e.allFinite(a, n) != Elementwise.SCALAR.allFinite(a, n) || !e.allFinite(a, n)) return "finite data reported as not finite";
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            for (int at : new int[] {0, n / 2, n - 1}) {
                float keep = a[at];
                a[at] = bad;
                boolean got = e.allFinite(a, n), want = Elementwise.SCALAR.allFinite(a, n);
                a[at] = keep;
                if (got || got != want) return bad + " at " + at + ": backend says " + got + ", scalar " + want;
            }
        }
        return null;
    }

    /** in x out: the decoder's and encoder's layers, and sizes that leave tails after the 4-vector blocks. */
    static final int[][] VECTOR_TIMES_MATRIX_SHAPES = {{2, 512}, {512, 784}, {784, 512}, {512, 4}, {3, 7}, {5, 16}, {9, 65},
            {20, 200}};

    private static final int[] PARALLEL_SIZES = {40_007, 128 * 784, 784 * 512 + 3};

    /** A batch through the model's layers (the big ones above the parallel threshold), and odd small shapes. */
    private static final int[][] BIAS_SHAPES = {{128, 512}, {128, 784}, {128, 40}, {7, 13}, {3, 100}, {64, 1000}};

    /** Cases main prints, so a test can check that the child JVM ran all of them. */
    static int caseCount() {
        return 6 * (3 + 4) + 2 * PARALLEL_SIZES.length + BYTE_DOT_SHAPES.length + 2 + BIAS_SHAPES.length * 2 * 2 * 2 + VECTOR_TIMES_MATRIX_SHAPES.length * 2 + 1;
    }

    static String sigmoid(Elementwise e, int n) {
        Rng r = new Rng(n + 2);
        int off = 3;
        float[] a = new float[n + off + 2];
        for (int i = 0; i < a.length; i++) a[i] = (float) (r.nextGaussian() * 10);
        if (n > 5) { a[off] = 0f; a[off + 1] = 1e30f; a[off + 2] = -1e30f; a[off + 3] = 88.7f; a[off + 4] = -104f; }
        float[] b = a.clone();
        e.sigmoid(a, off, n);
        Elementwise.SCALAR.sigmoid(b, off, n);
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= 1e-6f)) return "a[" + i + "] " + a[i] + " vs " + b[i];
            if ((i < off || i >= off + n) && a[i] != b[i]) return "wrote outside [off, off + n) at " + i;
        }
        return null;
    }

    /** The vector sum of softplus over [off, off + n) against the definition log(1 + e^a) in double. */
    static String softplusSum(Elementwise e, int n) {
        Rng r = new Rng(n + 5);
        int off = 2;
        float[] a = new float[n + off + 3];
        for (int i = 0; i < a.length; i++) a[i] = (float) (r.nextGaussian() * 12);
        if (n > 3) { a[off] = 60f; a[off + 1] = -60f; a[off + 2] = 0f; }
        double want = 0, scale = 0;
        for (int i = off; i < off + n; i++) {
            double v = a[i];
            want += v > 30 ? v + Math.exp(-v) : Math.log1p(Math.exp(v));
            scale += Math.abs(v) + 1;
        }
        double got = e.softplusSum(a, off, n);
        return Math.abs(got - want) <= 1e-6 * scale ? null : "softplusSum " + got + " vs " + want;
    }

    static String vectorTimesMatrix(Elementwise e, int in, int out, boolean relu) {
        Rng r = new Rng(31L * in + out);
        float[] x = new float[in], w = new float[in * out], b = new float[out];
        for (int i = 0; i < in; i++) x[i] = i % 3 == 1 ? 0f : (float) r.nextGaussian(); // some zeros, as after a ReLU
        for (int i = 0; i < w.length; i++) w[i] = (float) (r.nextGaussian() * 0.1);
        for (int j = 0; j < out; j++) b[j] = (float) r.nextGaussian();
        float[] y1 = new float[out + 1], y2 = new float[out + 1];
        y1[out] = y2[out] = 42f;
        e.vectorTimesMatrix(x, in, w, out, b, y1, relu);
        // the definition, in double: y_j = b_j + sum_i x_i W[i, j], then max(0, y_j) when asked
        for (int j = 0; j < out; j++) {
            double acc = b[j];
            for (int i = 0; i < in; i++) acc += (double) x[i] * w[i * out + j];
            y2[j] = (float) (relu ? Math.max(0, acc) : acc);
        }
        for (int j = 0; j <= out; j++)
            if (!(Math.abs(y1[j] - y2[j]) <= 1e-4f * (1 + Math.abs(y2[j])))) return "y[" + j + "] " + y1[j] + " vs " + y2[j];
        return null;
    }

    /** n x len: a block of four and a row left over, tails of len mod 16 and mod 8, 28 x 28 images. */
    static final int[][] BYTE_DOT_SHAPES = {{1, 784}, {4, 784}, {9, 784}, {7, 63}, {5, 7}, {3, 16}, {1000, 784}};

    /** byteRowDots agrees with the scalar kernel (and the exact sum) within float rounding. */
    static String byteRowDots(Elementwise e, int n, int len) {
        Rng r = new Rng(17L * n + len);
        byte[] rows = new byte[3 + n * len];
        for (int i = 0; i < rows.length; i++) rows[i] = (byte) (r.nextInt(256) - 128);
        float[] q = new float[len], got = new float[n + 1], scalar = new float[n + 1];
        for (int p = 0; p < len; p++) q[p] = (float) r.nextDouble();
        got[n] = 42f;
        e.byteRowDots(rows, 3, n, len, q, got);
        Elementwise.SCALAR.byteRowDots(rows, 3, n, len, q, scalar);
        if (got[n] != 42f) return "wrote past n";
        for (int i = 0; i < n; i++) {
            double exact = 0, scale = 0;
            for (int p = 0; p < len; p++) {
                exact += rows[3 + i * len + p] * (double) q[p];
                scale += Math.abs(rows[3 + i * len + p] * (double) q[p]);
            }
            if (!(Math.abs(got[i] - exact) <= 1e-5 * scale + 1e-6)) return "row " + i + ": " + got[i] + " vs exact " + exact;
            if (!(Math.abs(got[i] - scalar[i]) <= 1e-5 * scale + 1e-6)) return "row " + i + ": " + got[i] + " vs scalar " + scalar[i];
        }
        return null;
    }

    /** The search with these kernels finds what a brute-force search finds (queries: random, and the set's images). */
    static String nearestByPixels(Elementwise e, Dataset set) {
        NearestByPixels search = new NearestByPixels(set, e);
        Rng r = new Rng(set.size());
        float[] q = new float[set.imageSize()];
        for (int t = 0; t < 30; t++) {
            if (t % 2 == 0) for (int p = 0; p < q.length; p++) q[p] = (float) r.nextDouble();
            else set.copyImage(r.nextInt(set.size()), q, 0);
            String d = BruteForceNearest.difference(BruteForceNearest.byPixels(set, q, 5), search.nearest(q, 5));
            if (d != null) return "query " + t + ": " + d;
        }
        return null;
    }

    private static Dataset fashionMnist() {
        try {
            return BuiltInDatasets.load(BuiltInDatasets.FASHION_MNIST).train();
        } catch (DataException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void report(String name, String problem) {
        System.out.println(problem == null ? "PASS " + name : "FAIL " + name + " " + problem);
    }

    static String bce(Elementwise e, int n, double spread) {
        Rng r = new Rng(n);
        float[] l = new float[n], x = new float[n], g1 = new float[n], g2 = new float[n];
        for (int i = 0; i < n; i++) {
            l[i] = (float) (r.nextGaussian() * spread);
            x[i] = i % 3 == 0 ? 0f : (float) r.nextDouble();
        }
        if (n > 5) { l[0] = 0f; l[1] = 1e30f; l[2] = -1e30f; l[3] = 88.7f; l[4] = -104f; }
        double a = e.bernoulliLossAndGradient(l, x, g1, n, 0.01f), b = Elementwise.SCALAR.bernoulliLossAndGradient(l, x, g2, n, 0.01f);
        if (!(Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b)))) return "loss " + a + " vs " + b;
        for (int i = 0; i < n; i++) if (!(Math.abs(g1[i] - g2[i]) <= 1e-6f)) return "grad[" + i + "] " + g1[i] + " vs " + g2[i];
        return null;
    }

    static String adam(Elementwise e, int n) {
        Rng r = new Rng(n + 1);
        float[] p1 = new float[n], g = new float[n], m1 = new float[n], v1 = new float[n];
        for (int i = 0; i < n; i++) {
            p1[i] = (float) r.nextGaussian();
            g[i] = (float) (r.nextGaussian() * 0.1);
            m1[i] = (float) (r.nextGaussian() * 0.01);
            v1[i] = (float) (r.nextDouble() * 1e-3);
        }
        float[] p2 = p1.clone(), m2 = m1.clone(), v2 = v1.clone();
        e.adamUpdate(p1, g, m1, v1, n, 0.9f, 0.999f, 1e-3f / 0.1f, 1 / 0.001f, 1e-8f);
        Elementwise.SCALAR.adamUpdate(p2, g, m2, v2, n, 0.9f, 0.999f, 1e-3f / 0.1f, 1 / 0.001f, 1e-8f);
        for (int i = 0; i < n; i++) {
            if (!(Math.abs(p1[i] - p2[i]) <= 1e-6f * (1 + Math.abs(p2[i])))) return "p[" + i + "] " + p1[i] + " vs " + p2[i];
            if (m1[i] != m2[i] || Math.abs(v1[i] - v2[i]) > 1e-9f) return "moments differ at " + i;
        }
        return null;
    }

    /** y = relu(y + 1 b) agrees with the scalar epilogue exactly (one add and a max per element). */
    static String addBias(Elementwise e, int rows, int cols, boolean relu) {
        Rng r = new Rng(rows * 31 + cols);
        float[] y1 = new float[rows * cols], b = new float[cols];
        for (int i = 0; i < y1.length; i++) y1[i] = (float) r.nextGaussian();
        for (int j = 0; j < cols; j++) b[j] = (float) r.nextGaussian();
        float[] y2 = y1.clone();
        e.addBias(y1, b, rows, cols, relu);
        Elementwise.SCALAR.addBias(y2, b, rows, cols, relu);
        for (int i = 0; i < y1.length; i++) if (y1[i] != y2[i]) return "y[" + i + "] " + y1[i] + " vs " + y2[i];
        return null;
    }

    /**
     * The ReLU mask and the column sums agree with the scalar pass (each column summed down the rows in the same
     * order, so exactly); db holds garbage before, as a reused gradient does.
     */
    static String biasGradient(Elementwise e, int rows, int cols, boolean relu) {
        Rng r = new Rng(rows * 17 + cols);
        float[] g1 = new float[rows * cols], act = new float[rows * cols], db1 = new float[cols], db2 = new float[cols];
        for (int i = 0; i < g1.length; i++) {
            g1[i] = (float) r.nextGaussian();
            act[i] = i % 5 == 0 ? 0f : (float) r.nextGaussian();
        }
        java.util.Arrays.fill(db1, 7f);
        java.util.Arrays.fill(db2, -3f);
        float[] g2 = g1.clone();
        e.biasGradient(g1, relu ? act : null, db1, rows, cols);
        Elementwise.SCALAR.biasGradient(g2, relu ? act : null, db2, rows, cols);
        for (int i = 0; i < g1.length; i++) if (g1[i] != g2[i]) return "grad[" + i + "] " + g1[i] + " vs " + g2[i];
        for (int j = 0; j < cols; j++) if (db1[j] != db2[j]) return "db[" + j + "] " + db1[j] + " vs " + db2[j];
        return null;
    }
}
