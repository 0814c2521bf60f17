package vaeexplorer.core.nn.backend.vector;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.FMatrixRMaj;

import vaeexplorer.core.nn.Elementwise;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.backend.WorkerPool;

/**
 * Register-blocked float GEMM on the JDK Vector API ({@code jdk.incubator.vector}), single- or multi-threaded.
 *
 * <p>Only load this class when the module is in the boot layer (see {@code MatMulBackends}); it needs
 * {@code --add-modules jdk.incubator.vector} at run time.
 *
 * <p>Scheme (GotoBLAS-like, minus packing of A): C is cut in panels of {@code NR = 2} vectors of columns; for each
 * panel and each block of {@code KC} steps of the inner dimension, the matching slice of B is packed into a small
 * contiguous buffer ({@code KC x NR}, fits L1), zero-padded at the right edge, then a micro-kernel of 8 (or 4, or 1)
 * rows x NR columns keeps its 16 accumulators in registers over the whole slice. A is read in place through two
 * strides, so {@code multTransA} needs no transpose; {@code multTransB} transposes B (with gathers) while packing.
 * The last columns go in panels of one vector, and products with n &lt;= {@code SMALL_N} take a path of their own,
 * so that latent-sized products waste little. Threads claim panels (or blocks of rows, when panels are few) one
 * chunk at a time from a {@link WorkerPool}. Nothing is allocated per call.
 *
 * <p>Not thread-safe: one product at a time per instance.
 */
public final class VectorMatMul implements MatMul, Elementwise, WorkerPool.Task {
    private final VectorElementwise elementwise = new VectorElementwise();

    @Override
    public boolean allFinite(float[] a, int n) {
        return elementwise.allFinite(a, n);
    }

    @Override
    public void sigmoid(float[] a, int off, int n) {
        elementwise.sigmoid(a, off, n);
    }

    @Override
    public void vectorTimesMatrix(float[] x, int in, float[] w, int out, float[] b, float[] y, boolean relu) {
        elementwise.vectorTimesMatrix(x, in, w, out, b, y, relu);
    }

    @Override
    public double bernoulliLossAndGradient(float[] logits, float[] x, float[] grad, int n, float gradScale) {
        if (pool == null || n < PARALLEL_MIN_ELEMENTS) return elementwise.bernoulliLossAndGradient(logits, x, grad, n, gradScale);
        ElementwiseTask t = runShared(elementwiseTask.bce(logits, x, grad, n, gradScale));
        // summed in chunk order, whichever thread ran which chunk: the same figure every time
        double sum = 0;
        for (int c = 0; c < t.chunks; c++) sum += t.sums[c];
        return sum;
    }

    @Override
    public void adamUpdate(float[] p, float[] g, float[] m, float[] v, int n, float b1, float b2, float stepSize,
                           float vScale, float eps) {
        // on the caller alone: shared out over the pool it ran 3x slower in the training step (bench --threads 2:
        // 0.73 -> 2.2 ms per step), as the checks before it outlast the workers' spin and waking them costs more
        // here than the update itself
        elementwise.adamUpdate(p, g, m, v, n, b1, b2, stepSize, vScale, eps);
    }

    @Override
    public void addBias(float[] y, float[] b, int rows, int cols, boolean relu) {
        if (pool == null || rows * cols < PARALLEL_MIN_ELEMENTS) {
            elementwise.addBias(y, b, rows, cols, relu);
            return;
        }
        runShared(elementwiseTask.bias(y, b, rows, cols, relu));
    }

    @Override
    public void biasGradient(float[] grad, float[] activated, float[] db, int rows, int cols) {
        if (pool == null || rows * cols < PARALLEL_MIN_ELEMENTS) {
            elementwise.biasGradient(grad, activated, db, rows, cols);
            return;
        }
        runShared(elementwiseTask.biasGradient(grad, activated, db, rows, cols));
    }

    /** Runs the task's chunks on the pool, then lets go of its arrays. */
    private ElementwiseTask runShared(ElementwiseTask t) {
        pool.run(t, t.chunks);
        t.clear();
        return t;
    }

    /**
     * Below this many elements a fused pass (the Bernoulli loss, a layer's bias epilogue) runs on the caller alone: a
     * batch's 100k logits and 64k hidden values are shared out, latent-sized arrays are not worth a wake-up.
     */
    private static final int PARALLEL_MIN_ELEMENTS = 1 << 15;

    private final ElementwiseTask elementwiseTask;

    /**
     * The fused element-wise passes that run between two products (while the workers still spin) shared out over the pool: the elements are cut in a few chunks of whole
     * vectors (more chunks than threads, so a late worker takes fewer), each the single-thread kernel on its range.
     */
    private final class ElementwiseTask implements WorkerPool.Task {
        private static final int BCE = 0, BIAS = 1, BIAS_GRADIENT = 2;
        final int chunks;
        final double[] sums;
        private int kind, n, rows, cols;
        private boolean relu;
        private float[] a0, a1, a2;
        private float s0;

        ElementwiseTask(int threads) {
            chunks = 2 * threads;
            sums = new double[chunks];
        }

        ElementwiseTask bce(float[] logits, float[] x, float[] grad, int n, float gradScale) {
            kind = BCE;
            this.n = n;
            a0 = logits;
            a1 = x;
            a2 = grad;
            s0 = gradScale;
            return this;
        }

        /** The bias (and ReLU) epilogue, shared out by rows. */
        ElementwiseTask bias(float[] y, float[] b, int rows, int cols, boolean relu) {
            kind = BIAS;
            a0 = y;
            a1 = b;
            this.rows = rows;
            this.cols = cols;
            this.relu = relu;
            return this;
        }

        /** The ReLU mask and column sums, shared out by columns (each column's sum stays in one thread). */
        ElementwiseTask biasGradient(float[] grad, float[] activated, float[] db, int rows, int cols) {
            kind = BIAS_GRADIENT;
            a0 = grad;
            a1 = activated;
            a2 = db;
            this.rows = rows;
            this.cols = cols;
            return this;
        }

        void clear() {
            a0 = a1 = a2 = null;
        }

        @Override
        public void runChunk(int chunk, int thread) {
            if (kind == BIAS) {
                elementwise.addBias(a0, a1, rows * chunk / chunks, rows * (chunk + 1) / chunks, cols, relu);
                return;
            }
            if (kind == BIAS_GRADIENT) {
                int per = (cols / chunks + L - 1) / L * L;
                int c0 = Math.min(cols, chunk * per), c1 = chunk == chunks - 1 ? cols : Math.min(cols, c0 + per);
                elementwise.biasGradient(a0, a1, a2, c0, c1, rows, cols);
                return;
            }
            // chunk bounds on whole vectors; the last chunk takes the rest
            int perChunk = (n / chunks + L - 1) / L * L;
            int from = Math.min(n, chunk * perChunk), to = chunk == chunks - 1 ? n : Math.min(n, from + perChunk);
            sums[chunk] = elementwise.bernoulliLossAndGradient(a0, a1, a2, from, to, s0);
        }
    }

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Columns per panel: two vectors. */
    private static final int NR = 2 * L;
    /** Rows per main micro-kernel: 8 needs 16 + 3 vector registers, so only with 32 registers (AVX-512). */
    private static final int MR = L >= 16 ? 8 : 4;
    /** Inner-dimension block: a KC x NR panel of 256 x 32 floats is 32 KiB and stays in L1. */
    private static final int KC = 256;
    /**
     * Up to this many columns, C has its own path, in groups of 4 columns: dot products along k (mult, multTransB) or
     * C^T = B^T A with A's rows as vectors (multTransA). Latent-sized products (n = d or 2d) then run near the
     * speed of the big ones instead of padding n up to a panel.
     */
    private static final int SMALL_N = vaeexplorer.core.nn.MatMul.NARROW_COLUMNS;
    private static final int G = 4;
    /** Below this many flops a product runs on the caller alone: waking a worker would cost more than it saves. */
    private static final long PARALLEL_MIN_FLOPS = 1L << 21;

    private static final int MULT = 0, TRANS_A = 1, TRANS_B = 2;
    /** How a parallel product is shared out: row blocks of the small-n path, panels, or row blocks. */
    private static final int SPLIT_SMALL = 0, SPLIT_PANELS = 1, SPLIT_ROWS = 2;

    private final int threads;
    private final WorkerPool pool;
    private final float[][] panels;
    private final float[][] tails;
    /** Per thread: gather offsets {0, k, 2k, ..} for packing B^T (multTransB), refilled when k changes. */
    private final int[][] gathers;
    /** B reshaped for the small-n path (see prepareSmall), zero-padded; grown on demand, then reused. */
    private float[] small = new float[0];

    // The product in progress, read by the pool's threads (published by the pool's hand-off).
    private int op;
    private float[] a, b, c;
    private int m, k, n;
    private int split, items, chunks;

    public VectorMatMul(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.threads = threads;
        this.pool = threads > 1 ? new WorkerPool(threads, "vae-matmul") : null;
        this.panels = new float[threads][KC * NR];
        this.tails = new float[threads][G * NR];
        this.gathers = new int[threads][L];
        this.elementwiseTask = new ElementwiseTask(threads);
    }

    @Override
    public void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (a.numCols != b.numRows) throw mismatch("mult", a, b);
        run(MULT, a, b, c, a.numRows, a.numCols, b.numCols);
    }

    @Override
    public void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (a.numRows != b.numRows) throw mismatch("multTransA", a, b);
        run(TRANS_A, a, b, c, a.numCols, a.numRows, b.numCols);
    }

    @Override
    public void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (a.numCols != b.numCols) throw mismatch("multTransB", a, b);
        run(TRANS_B, a, b, c, a.numRows, a.numCols, b.numRows);
    }

    @Override
    public String name() {
        String base = "vector" + S.vectorBitSize();
        return threads > 1 ? base + "-mt(" + threads + ")" : base;
    }

    private static IllegalArgumentException mismatch(String op, FMatrixRMaj a, FMatrixRMaj b) {
        return new IllegalArgumentException(op + ": incompatible shapes " + a.numRows + "x" + a.numCols + " and "
                + b.numRows + "x" + b.numCols);
    }

    private void run(int op, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c, int m, int k, int n) {
        if (c == a || c == b) throw new IllegalArgumentException("c must not be a or b");
        if (c.numRows != m || c.numCols != n) c.reshape(m, n);
        if (m == 0 || n == 0) return;
        if (k == 0) {
            Arrays.fill(c.data, 0, m * n, 0f);
            return;
        }
        long flops = 2L * m * n * k;
        boolean parallel = pool != null && flops >= PARALLEL_MIN_FLOPS;
        if (n <= SMALL_N) {
            // exactly what this product needs (MemoryPlan counts it: roundUp(n) * k floats for the narrowest layers)
            if (small.length < roundUp(n) * k) small = new float[roundUp(n) * k];
            prepareSmall(op, b.data, k, n, small);
        }
        if (!parallel) {
            if (n <= SMALL_N) computeSmall(op, a.data, c.data, m, k, n, 0, m, small, tails[0]);
            else compute(op, a.data, b.data, c.data, m, k, n, 0, m, 0, panelCount(n), panels[0], tails[0],
                    gathers[0]);
            return;
        }
        this.op = op;
        this.a = a.data;
        this.b = b.data;
        this.c = c.data;
        this.m = m;
        this.k = k;
        this.n = n;
        // Work items shared out dynamically: row blocks (small n), panels, or row blocks when panels are few
        int np = panelCount(n);
        if (n <= SMALL_N) {
            split = SPLIT_SMALL;
            items = (m + NR - 1) / NR;
        } else if (np >= 2 * threads) {
            split = SPLIT_PANELS;
            items = np;
        } else {
            split = SPLIT_ROWS; // each chunk packs all panels again, so one chunk per thread
            items = (m + MR - 1) / MR;
        }
        chunks = Math.min(items, split == SPLIT_ROWS ? threads : WorkerPool.MAX_CHUNKS);
        try {
            pool.run(this, chunks);
        } finally {
            this.a = this.b = this.c = null;
        }
    }

    /** One chunk of the product in progress: an even share of its items (panels or row blocks). */
    @Override
    public void runChunk(int chunk, int thread) {
        int i0 = (int) ((long) items * chunk / chunks), i1 = (int) ((long) items * (chunk + 1) / chunks);
        switch (split) {
            case SPLIT_SMALL -> computeSmall(op, a, c, m, k, n, Math.min(m, i0 * NR), Math.min(m, i1 * NR), small,
                    tails[thread]);
            case SPLIT_PANELS -> compute(op, a, b, c, m, k, n, 0, m, i0, i1, panels[thread], tails[thread],
                    gathers[thread]);
            default -> compute(op, a, b, c, m, k, n, Math.min(m, i0 * MR), Math.min(m, i1 * MR), 0, panelCount(n),
                    panels[thread], tails[thread], gathers[thread]);
        }
    }

    /**
     * Panels: n / NR full ones, then the rest r = n % NR in at most two of one vector (L columns): one if r &gt;= L,
     * then whatever is left, zero-padded. (One species only: mixing in a 128-bit one made C2 box the vectors.)
     */
    private static int panelCount(int n) {
        int r = n % NR;
        return n / NR + (r == 0 ? 0 : r == L ? 1 : r > L ? 2 : 1);
    }

    private static int panelColumn(int n, int pj) {
        int full = n / NR;
        return pj <= full ? pj * NR : full * NR + L;
    }

    private static int panelLanes(int n, int pj) {
        return pj < n / NR ? NR : L;
    }

    /** C[i0..i1, panels pj0..pj1] for one operation; see the class comment. */
    private static void compute(int op, float[] a, float[] b, float[] c, int m, int k, int n,
                                int i0, int i1, int pj0, int pj1, float[] panel, float[] tail, int[] gather) {
        if (i0 >= i1) return;
        if (op == TRANS_B && gather[L - 1] != (L - 1) * k) {
            for (int q = 0; q < L; q++) gather[q] = q * k;
        }
        // a(i, p) = a[i * ars + p * aps]
        int ars = op == TRANS_A ? 1 : k;
        int aps = op == TRANS_A ? m : 1;
        for (int pj = pj0; pj < pj1; pj++) {
            int j = panelColumn(n, pj);
            int lanes = panelLanes(n, pj);
            int w = Math.min(lanes, n - j);
            int blocks = (k + KC - 1) / KC; // even blocks: 784 = 4 x 196 rather than 3 x 256 + 16
            for (int kb = 0, p0 = 0; kb < blocks; kb++) {
                int kc = (int) ((long) k * (kb + 1) / blocks) - p0;
                if (op == TRANS_B) packTransposed(b, k, j, w, p0, kc, panel, lanes, gather);
                else pack(b, n, j, w, p0, kc, panel, lanes);
                boolean acc = p0 > 0;
                int i = i0;
                if (lanes == NR) {
                    if (MR == 8) {
                        for (; i + 8 <= i1; i += 8)
                            kernel8(a, i * ars + p0 * aps, ars, aps, panel, kc, c, i * n + j, n, w, acc, tail);
                    }
                    for (; i + 4 <= i1; i += 4)
                        kernel4(a, i * ars + p0 * aps, ars, aps, panel, kc, c, i * n + j, n, w, acc, tail);
                    for (; i < i1; i++)
                        kernel1(a, i * ars + p0 * aps, ars, aps, panel, kc, c, i * n + j, n, w, acc, tail);
                } else {
                    for (; i + 8 <= i1; i += 8)
                        kernelHalf8(a, i * ars + p0 * aps, ars, aps, panel, kc, c, i * n + j, n, w, acc, tail);
                    for (; i < i1; i++)
                        kernelHalf1(a, i * ars + p0 * aps, ars, aps, panel, kc, c, i * n + j, n, w, acc, tail);
                }
                p0 += kc;
            }
        }
    }

    /** n rounded up to whole groups of G columns. */
    private static int roundUp(int n) {
        return (n + G - 1) / G * G;
    }

    /**
     * Small-n scratch, with np = n rounded up to groups of G: for mult and multTransB, B^T as np rows of k (row j =
     * column j of C); for multTransA, B as k rows of np. Rows or columns past n are zero.
     */
    private static void prepareSmall(int op, float[] b, int k, int n, float[] s) {
        int np = roundUp(n);
        if (op == TRANS_A) {
            for (int p = 0; p < k; p++) {
                System.arraycopy(b, p * n, s, p * np, n);
                for (int j = n; j < np; j++) s[p * np + j] = 0f;
            }
        } else if (op == TRANS_B) {
            System.arraycopy(b, 0, s, 0, n * k);
            Arrays.fill(s, n * k, np * k, 0f);
        } else {
            for (int p = 0; p < k; p++) {
                for (int j = 0, src = p * n; j < n; j++) s[j * k + p] = b[src + j];
            }
            Arrays.fill(s, n * k, np * k, 0f);
        }
    }

    /** Rows i0..i1 of C for n &lt;= SMALL_N, from A and the prepared B, G columns at a time. */
    private static void computeSmall(int op, float[] a, float[] c, int m, int k, int n, int i0, int i1, float[] s,
                                     float[] tail) {
        int np = roundUp(n);
        for (int j0 = 0; j0 < n; j0 += G) {
            int cols = Math.min(G, n - j0);
            if (op == TRANS_A) {
                // C^T = B^T A: A's rows give vectors along i, B's entries are broadcast
                int i = i0;
                for (; i + NR <= i1; i += NR) smallTransA2(a, m, k, i, s, j0, np, c, n, cols, NR, tail);
                for (; i + L <= i1; i += L) smallTransA1(a, m, k, i, s, j0, np, c, n, cols, L, tail);
                for (; i < i1; i++) {
                    for (int j = 0; j < cols; j++) {
                        float sum = 0f;
                        for (int p = 0; p < k; p++) sum += a[p * m + i] * s[p * np + j0 + j];
                        c[i * n + j0 + j] = sum;
                    }
                }
            } else {
                // C[i, j] = dot(A row i, B^T row j), vectors along k
                int i = i0;
                for (; i + 4 <= i1; i += 4) dot4(a, i * k, k, s, j0 * k, c, i * n + j0, n, cols);
                for (; i < i1; i++) dot1(a, i * k, k, s, j0 * k, c, i * n + j0, n, cols);
            }
        }
    }

    /** panel[p][jj] = B[p0 + p][j + jj] for B k x n (row-major, row length n), rows of {@code lanes}; zero beyond w. */
    private static void pack(float[] b, int n, int j, int w, int p0, int kc, float[] panel, int lanes) {
        for (int p = 0, src = p0 * n + j, dst = 0; p < kc; p++, src += n, dst += lanes) {
            System.arraycopy(b, src, panel, dst, w);
            if (w < lanes) Arrays.fill(panel, dst + w, dst + lanes, 0f);
        }
    }

    /**
     * panel[p][jj] = B[j + jj][p0 + p] for B n x k (row length k), rows of {@code lanes}; zero beyond w. Full-width
     * panels use gathers (offsets {@code gather} = {0, k, 2k, ..}): some 1.5x faster than scalar moves here.
     */
    private static void packTransposed(float[] b, int k, int j, int w, int p0, int kc, float[] panel, int lanes,
                                       int[] gather) {
        if (w == lanes) {
            int base = j * k + p0;
            if (lanes == NR) {
                int base1 = base + L * k;
                for (int p = 0, dst = 0; p < kc; p++, dst += NR) {
                    FloatVector.fromArray(S, b, base + p, gather, 0).intoArray(panel, dst);
                    FloatVector.fromArray(S, b, base1 + p, gather, 0).intoArray(panel, dst + L);
                }
            } else {
                for (int p = 0, dst = 0; p < kc; p++, dst += L) {
                    FloatVector.fromArray(S, b, base + p, gather, 0).intoArray(panel, dst);
                }
            }
            return;
        }
        int jj = 0;
        for (; jj + 4 <= w; jj += 4) {
            int s0 = (j + jj) * k + p0, s1 = s0 + k, s2 = s1 + k, s3 = s2 + k;
            for (int p = 0, dst = jj; p < kc; p++, dst += lanes) {
                panel[dst] = b[s0 + p];
                panel[dst + 1] = b[s1 + p];
                panel[dst + 2] = b[s2 + p];
                panel[dst + 3] = b[s3 + p];
            }
        }
        for (; jj < w; jj++) {
            int s = (j + jj) * k + p0;
            for (int p = 0, dst = jj; p < kc; p++, dst += lanes) panel[dst] = b[s + p];
        }
        for (int p = 0, dst = 0; p < kc; p++, dst += lanes) Arrays.fill(panel, dst + w, dst + lanes, 0f);
    }

    /** Stores (or adds, when {@code acc}) the first w floats of tail at c[ic..]: a micro-tile row at the right edge. */
    private static void storeTail(float[] tail, float[] c, int ic, int w, boolean acc) {
        if (acc) {
            for (int q = 0; q < w; q++) c[ic + q] += tail[q];
        } else {
            System.arraycopy(tail, 0, c, ic, w);
        }
    }

    /**
     * C[8 rows, w &lt;= NR columns] (+)= A[8 rows, kc] * panel (rows of NR), with
     * a(r, p) = a[ia + r * ars + p * aps].
     */
    private static void kernel8(float[] a, int ia, int ars, int aps, float[] panel, int kc,
            float[] c, int ic, int ldc, int w, boolean acc, float[] tail) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z;
        FloatVector c10 = z, c11 = z;
        FloatVector c20 = z, c21 = z;
        FloatVector c30 = z, c31 = z;
        FloatVector c40 = z, c41 = z;
        FloatVector c50 = z, c51 = z;
        FloatVector c60 = z, c61 = z;
        FloatVector c70 = z, c71 = z;
        for (int p = 0, ib = 0; p < kc; p++, ib += NR, ia += aps) {
            FloatVector b0 = FloatVector.fromArray(S, panel, ib);
            FloatVector b1 = FloatVector.fromArray(S, panel, ib + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ia]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ia + ars]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ia + 2 * ars]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ia + 3 * ars]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ia + 4 * ars]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ia + 5 * ars]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, a[ia + 6 * ars]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, a[ia + 7 * ars]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        if (w == NR) {
            if (acc) {
                c00 = c00.add(FloatVector.fromArray(S, c, ic));
                c01 = c01.add(FloatVector.fromArray(S, c, ic + L));
                c10 = c10.add(FloatVector.fromArray(S, c, ic + ldc));
                c11 = c11.add(FloatVector.fromArray(S, c, ic + ldc + L));
                c20 = c20.add(FloatVector.fromArray(S, c, ic + 2 * ldc));
                c21 = c21.add(FloatVector.fromArray(S, c, ic + 2 * ldc + L));
                c30 = c30.add(FloatVector.fromArray(S, c, ic + 3 * ldc));
                c31 = c31.add(FloatVector.fromArray(S, c, ic + 3 * ldc + L));
                c40 = c40.add(FloatVector.fromArray(S, c, ic + 4 * ldc));
                c41 = c41.add(FloatVector.fromArray(S, c, ic + 4 * ldc + L));
                c50 = c50.add(FloatVector.fromArray(S, c, ic + 5 * ldc));
                c51 = c51.add(FloatVector.fromArray(S, c, ic + 5 * ldc + L));
                c60 = c60.add(FloatVector.fromArray(S, c, ic + 6 * ldc));
                c61 = c61.add(FloatVector.fromArray(S, c, ic + 6 * ldc + L));
                c70 = c70.add(FloatVector.fromArray(S, c, ic + 7 * ldc));
                c71 = c71.add(FloatVector.fromArray(S, c, ic + 7 * ldc + L));
            }
            c00.intoArray(c, ic);
            c01.intoArray(c, ic + L);
            c10.intoArray(c, ic + ldc);
            c11.intoArray(c, ic + ldc + L);
            c20.intoArray(c, ic + 2 * ldc);
            c21.intoArray(c, ic + 2 * ldc + L);
            c30.intoArray(c, ic + 3 * ldc);
            c31.intoArray(c, ic + 3 * ldc + L);
            c40.intoArray(c, ic + 4 * ldc);
            c41.intoArray(c, ic + 4 * ldc + L);
            c50.intoArray(c, ic + 5 * ldc);
            c51.intoArray(c, ic + 5 * ldc + L);
            c60.intoArray(c, ic + 6 * ldc);
            c61.intoArray(c, ic + 6 * ldc + L);
            c70.intoArray(c, ic + 7 * ldc);
            c71.intoArray(c, ic + 7 * ldc + L);
        } else {
            c00.intoArray(tail, 0);
            c01.intoArray(tail, 0 + L);
            storeTail(tail, c, ic, w, acc);
            c10.intoArray(tail, 0);
            c11.intoArray(tail, 0 + L);
            storeTail(tail, c, ic + ldc, w, acc);
            c20.intoArray(tail, 0);
            c21.intoArray(tail, 0 + L);
            storeTail(tail, c, ic + 2 * ldc, w, acc);
            c30.intoArray(tail, 0);
            c31.intoArray(tail, 0 + L);
            storeTail(tail, c, ic + 3 * ldc, w, acc);
            c40.intoArray(tail, 0);
            c41.intoArray(tail, 0 + L);
            storeTail(tail, c, ic + 4 * ldc, w, acc);
            c50.intoArray(tail, 0);
            c51.intoArray(tail, 0 + L);
            storeTail(tail, c, ic + 5 * ldc, w, acc);
            c60.intoArray(tail, 0);
            c61.intoArray(tail, 0 + L);
            storeTail(tail, c, ic + 6 * ldc, w, acc);
            c70.intoArray(tail, 0);
            c71.intoArray(tail, 0 + L);
            storeTail(tail, c, ic + 7 * ldc, w, acc);
        }
    }

    /**
     * C[4 rows, w &lt;= NR columns] (+)= A[4 rows, kc] * panel (rows of NR), with
     * a(r, p) = a[ia + r * ars + p * aps].
     */
    private static void kernel4(float[] a, int ia, int ars, int aps, float[] panel, int kc,
            float[] c, int ic, int ldc, int w, boolean acc, float[] tail) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z;
        FloatVector c10 = z, c11 = z;
        FloatVector c20 = z, c21 = z;
        FloatVector c30 = z, c31 = z;
        for (int p = 0, ib = 0; p < kc; p++, ib += NR, ia += aps) {
            FloatVector b0 = FloatVector.fromArray(S, panel, ib);
            FloatVector b1 = FloatVector.fromArray(S, panel, ib + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ia]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ia + ars]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ia + 2 * ars]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ia + 3 * ars]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        if (w == NR) {
            if (acc) {
                c00 = c00.add(FloatVector.fromArray(S, c, ic));
                c01 = c01.add(FloatVector.fromArray(S, c, ic + L));
                c10 = c10.add(FloatVector.fromArray(S, c, ic + ldc));
                c11 = c11.add(FloatVector.fromArray(S, c, ic + ldc + L));
                c20 = c20.add(FloatVector.fromArray(S, c, ic + 2 * ldc));
                c21 = c21.add(FloatVector.fromArray(S, c, ic + 2 * ldc + L));
                c30 = c30.add(FloatVector.fromArray(S, c, ic + 3 * ldc));
                c31 = c31.add(FloatVector.fromArray(S, c, ic + 3 * ldc + L));
            }
            c00.intoArray(c, ic);
            c01.intoArray(c, ic + L);
            c10.intoArray(c, ic + ldc);
            c11.intoArray(c, ic + ldc + L);
            c20.intoArray(c, ic + 2 * ldc);
            c21.intoArray(c, ic + 2 * ldc + L);
            c30.intoArray(c, ic + 3 * ldc);
            c31.intoArray(c, ic + 3 * ldc + L);
        } else {
            c00.intoArray(tail, 0);
            c01.intoArray(tail, 0 + L);
            storeTail(tail, c, ic, w, acc);
            c10.intoArray(tail, 0);
            c11.intoArray(tail, 0 + L);
            storeTail(tail, c, ic + ldc, w, acc);
            c20.intoArray(tail, 0);
            c21.intoArray(tail, 0 + L);
            storeTail(tail, c, ic + 2 * ldc, w, acc);
            c30.intoArray(tail, 0);
            c31.intoArray(tail, 0 + L);
            storeTail(tail, c, ic + 3 * ldc, w, acc);
        }
    }

    /**
     * C[1 row, w &lt;= NR columns] (+)= A[1 row, kc] * panel (rows of NR), with
     * a(r, p) = a[ia + r * ars + p * aps].
     */
    private static void kernel1(float[] a, int ia, int ars, int aps, float[] panel, int kc,
            float[] c, int ic, int ldc, int w, boolean acc, float[] tail) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z;
        for (int p = 0, ib = 0; p < kc; p++, ib += NR, ia += aps) {
            FloatVector b0 = FloatVector.fromArray(S, panel, ib);
            FloatVector b1 = FloatVector.fromArray(S, panel, ib + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ia]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
        }
        if (w == NR) {
            if (acc) {
                c00 = c00.add(FloatVector.fromArray(S, c, ic));
                c01 = c01.add(FloatVector.fromArray(S, c, ic + L));
            }
            c00.intoArray(c, ic);
            c01.intoArray(c, ic + L);
        } else {
            c00.intoArray(tail, 0);
            c01.intoArray(tail, 0 + L);
            storeTail(tail, c, ic, w, acc);
        }
    }

    /**
     * C[8 rows, w &lt;= L columns] (+)= A[8 rows, kc] * panel (rows of L), with
     * a(r, p) = a[ia + r * ars + p * aps].
     */
    private static void kernelHalf8(float[] a, int ia, int ars, int aps, float[] panel, int kc,
            float[] c, int ic, int ldc, int w, boolean acc, float[] tail) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c10 = z;
        FloatVector c20 = z;
        FloatVector c30 = z;
        FloatVector c40 = z;
        FloatVector c50 = z;
        FloatVector c60 = z;
        FloatVector c70 = z;
        for (int p = 0, ib = 0; p < kc; p++, ib += L, ia += aps) {
            FloatVector b0 = FloatVector.fromArray(S, panel, ib);
            FloatVector a0 = FloatVector.broadcast(S, a[ia]);
            c00 = a0.fma(b0, c00);
            FloatVector a1 = FloatVector.broadcast(S, a[ia + ars]);
            c10 = a1.fma(b0, c10);
            FloatVector a2 = FloatVector.broadcast(S, a[ia + 2 * ars]);
            c20 = a2.fma(b0, c20);
            FloatVector a3 = FloatVector.broadcast(S, a[ia + 3 * ars]);
            c30 = a3.fma(b0, c30);
            FloatVector a4 = FloatVector.broadcast(S, a[ia + 4 * ars]);
            c40 = a4.fma(b0, c40);
            FloatVector a5 = FloatVector.broadcast(S, a[ia + 5 * ars]);
            c50 = a5.fma(b0, c50);
            FloatVector a6 = FloatVector.broadcast(S, a[ia + 6 * ars]);
            c60 = a6.fma(b0, c60);
            FloatVector a7 = FloatVector.broadcast(S, a[ia + 7 * ars]);
            c70 = a7.fma(b0, c70);
        }
        if (w == L) {
            if (acc) {
                c00 = c00.add(FloatVector.fromArray(S, c, ic));
                c10 = c10.add(FloatVector.fromArray(S, c, ic + ldc));
                c20 = c20.add(FloatVector.fromArray(S, c, ic + 2 * ldc));
                c30 = c30.add(FloatVector.fromArray(S, c, ic + 3 * ldc));
                c40 = c40.add(FloatVector.fromArray(S, c, ic + 4 * ldc));
                c50 = c50.add(FloatVector.fromArray(S, c, ic + 5 * ldc));
                c60 = c60.add(FloatVector.fromArray(S, c, ic + 6 * ldc));
                c70 = c70.add(FloatVector.fromArray(S, c, ic + 7 * ldc));
            }
            c00.intoArray(c, ic);
            c10.intoArray(c, ic + ldc);
            c20.intoArray(c, ic + 2 * ldc);
            c30.intoArray(c, ic + 3 * ldc);
            c40.intoArray(c, ic + 4 * ldc);
            c50.intoArray(c, ic + 5 * ldc);
            c60.intoArray(c, ic + 6 * ldc);
            c70.intoArray(c, ic + 7 * ldc);
        } else {
            c00.intoArray(tail, 0);
            storeTail(tail, c, ic, w, acc);
            c10.intoArray(tail, 0);
            storeTail(tail, c, ic + ldc, w, acc);
            c20.intoArray(tail, 0);
            storeTail(tail, c, ic + 2 * ldc, w, acc);
            c30.intoArray(tail, 0);
            storeTail(tail, c, ic + 3 * ldc, w, acc);
            c40.intoArray(tail, 0);
            storeTail(tail, c, ic + 4 * ldc, w, acc);
            c50.intoArray(tail, 0);
            storeTail(tail, c, ic + 5 * ldc, w, acc);
            c60.intoArray(tail, 0);
            storeTail(tail, c, ic + 6 * ldc, w, acc);
            c70.intoArray(tail, 0);
            storeTail(tail, c, ic + 7 * ldc, w, acc);
        }
    }

    /**
     * C[1 row, w &lt;= L columns] (+)= A[1 row, kc] * panel (rows of L), with
     * a(r, p) = a[ia + r * ars + p * aps].
     */
    private static void kernelHalf1(float[] a, int ia, int ars, int aps, float[] panel, int kc,
            float[] c, int ic, int ldc, int w, boolean acc, float[] tail) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        for (int p = 0, ib = 0; p < kc; p++, ib += L, ia += aps) {
            FloatVector b0 = FloatVector.fromArray(S, panel, ib);
            FloatVector a0 = FloatVector.broadcast(S, a[ia]);
            c00 = a0.fma(b0, c00);
        }
        if (w == L) {
            if (acc) {
                c00 = c00.add(FloatVector.fromArray(S, c, ic));
            }
            c00.intoArray(c, ic);
        } else {
            c00.intoArray(tail, 0);
            storeTail(tail, c, ic, w, acc);
        }
    }

    /** C[4 rows, cols &lt;= 4 columns] = A[4 rows from ia, k] . bt[4 rows of k from jb], along k. */
    private static void dot4(float[] a, int ia, int k, float[] bt, int jb, float[] c, int ic, int ldc, int cols) {
        FloatVector z = FloatVector.zero(S);
        FloatVector s00 = z, s01 = z, s02 = z, s03 = z;
        FloatVector s10 = z, s11 = z, s12 = z, s13 = z;
        FloatVector s20 = z, s21 = z, s22 = z, s23 = z;
        FloatVector s30 = z, s31 = z, s32 = z, s33 = z;
        int p = 0;
        for (; p + L <= k; p += L) {
            FloatVector b0 = FloatVector.fromArray(S, bt, jb + p);
            FloatVector b1 = FloatVector.fromArray(S, bt, jb + k + p);
            FloatVector b2 = FloatVector.fromArray(S, bt, jb + 2 * k + p);
            FloatVector b3 = FloatVector.fromArray(S, bt, jb + 3 * k + p);
            FloatVector a0 = FloatVector.fromArray(S, a, ia + p);
            s00 = a0.fma(b0, s00);
            s01 = a0.fma(b1, s01);
            s02 = a0.fma(b2, s02);
            s03 = a0.fma(b3, s03);
            FloatVector a1 = FloatVector.fromArray(S, a, ia + k + p);
            s10 = a1.fma(b0, s10);
            s11 = a1.fma(b1, s11);
            s12 = a1.fma(b2, s12);
            s13 = a1.fma(b3, s13);
            FloatVector a2 = FloatVector.fromArray(S, a, ia + 2 * k + p);
            s20 = a2.fma(b0, s20);
            s21 = a2.fma(b1, s21);
            s22 = a2.fma(b2, s22);
            s23 = a2.fma(b3, s23);
            FloatVector a3 = FloatVector.fromArray(S, a, ia + 3 * k + p);
            s30 = a3.fma(b0, s30);
            s31 = a3.fma(b1, s31);
            s32 = a3.fma(b2, s32);
            s33 = a3.fma(b3, s33);
        }
        float t00 = s00.reduceLanes(VectorOperators.ADD);
        float t01 = s01.reduceLanes(VectorOperators.ADD);
        float t02 = s02.reduceLanes(VectorOperators.ADD);
        float t03 = s03.reduceLanes(VectorOperators.ADD);
        float t10 = s10.reduceLanes(VectorOperators.ADD);
        float t11 = s11.reduceLanes(VectorOperators.ADD);
        float t12 = s12.reduceLanes(VectorOperators.ADD);
        float t13 = s13.reduceLanes(VectorOperators.ADD);
        float t20 = s20.reduceLanes(VectorOperators.ADD);
        float t21 = s21.reduceLanes(VectorOperators.ADD);
        float t22 = s22.reduceLanes(VectorOperators.ADD);
        float t23 = s23.reduceLanes(VectorOperators.ADD);
        float t30 = s30.reduceLanes(VectorOperators.ADD);
        float t31 = s31.reduceLanes(VectorOperators.ADD);
        float t32 = s32.reduceLanes(VectorOperators.ADD);
        float t33 = s33.reduceLanes(VectorOperators.ADD);
        for (; p < k; p++) {
            float y0 = bt[jb + p];
            float y1 = bt[jb + k + p];
            float y2 = bt[jb + 2 * k + p];
            float y3 = bt[jb + 3 * k + p];
            float x0 = a[ia + p];
            t00 += x0 * y0;
            t01 += x0 * y1;
            t02 += x0 * y2;
            t03 += x0 * y3;
            float x1 = a[ia + k + p];
            t10 += x1 * y0;
            t11 += x1 * y1;
            t12 += x1 * y2;
            t13 += x1 * y3;
            float x2 = a[ia + 2 * k + p];
            t20 += x2 * y0;
            t21 += x2 * y1;
            t22 += x2 * y2;
            t23 += x2 * y3;
            float x3 = a[ia + 3 * k + p];
            t30 += x3 * y0;
            t31 += x3 * y1;
            t32 += x3 * y2;
            t33 += x3 * y3;
        }
        c[ic] = t00;
        if (cols > 1) c[ic + 1] = t01;
        if (cols > 2) c[ic + 2] = t02;
        if (cols > 3) c[ic + 3] = t03;
        c[ic + ldc] = t10;
        if (cols > 1) c[ic + ldc + 1] = t11;
        if (cols > 2) c[ic + ldc + 2] = t12;
        if (cols > 3) c[ic + ldc + 3] = t13;
        c[ic + 2 * ldc] = t20;
        if (cols > 1) c[ic + 2 * ldc + 1] = t21;
        if (cols > 2) c[ic + 2 * ldc + 2] = t22;
        if (cols > 3) c[ic + 2 * ldc + 3] = t23;
        c[ic + 3 * ldc] = t30;
        if (cols > 1) c[ic + 3 * ldc + 1] = t31;
        if (cols > 2) c[ic + 3 * ldc + 2] = t32;
        if (cols > 3) c[ic + 3 * ldc + 3] = t33;
    }

    /** C[1 row, cols &lt;= 4 columns] = A[1 row from ia, k] . bt[4 rows of k from jb], along k. */
    private static void dot1(float[] a, int ia, int k, float[] bt, int jb, float[] c, int ic, int ldc, int cols) {
        FloatVector z = FloatVector.zero(S);
        FloatVector s00 = z, s01 = z, s02 = z, s03 = z;
        int p = 0;
        for (; p + L <= k; p += L) {
            FloatVector b0 = FloatVector.fromArray(S, bt, jb + p);
            FloatVector b1 = FloatVector.fromArray(S, bt, jb + k + p);
            FloatVector b2 = FloatVector.fromArray(S, bt, jb + 2 * k + p);
            FloatVector b3 = FloatVector.fromArray(S, bt, jb + 3 * k + p);
            FloatVector a0 = FloatVector.fromArray(S, a, ia + p);
            s00 = a0.fma(b0, s00);
            s01 = a0.fma(b1, s01);
            s02 = a0.fma(b2, s02);
            s03 = a0.fma(b3, s03);
        }
        float t00 = s00.reduceLanes(VectorOperators.ADD);
        float t01 = s01.reduceLanes(VectorOperators.ADD);
        float t02 = s02.reduceLanes(VectorOperators.ADD);
        float t03 = s03.reduceLanes(VectorOperators.ADD);
        for (; p < k; p++) {
            float y0 = bt[jb + p];
            float y1 = bt[jb + k + p];
            float y2 = bt[jb + 2 * k + p];
            float y3 = bt[jb + 3 * k + p];
            float x0 = a[ia + p];
            t00 += x0 * y0;
            t01 += x0 * y1;
            t02 += x0 * y2;
            t03 += x0 * y3;
        }
        c[ic] = t00;
        if (cols > 1) c[ic + 1] = t01;
        if (cols > 2) c[ic + 2] = t02;
        if (cols > 3) c[ic + 3] = t03;
    }

    /**
     * C[i..i + width, j0..j0 + cols) = (B^T A)^T for multTransA, cols &lt;= 4; width = 2 vectors;
     * tail holds 4 x width.
     */
    private static void smallTransA2(float[] a, int m, int k, int i, float[] bs, int j0, int np, float[] c,
            int ldc, int cols, int width, float[] tail) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        for (int p = 0, ia = i, is = j0; p < k; p++, ia += m, is += np) {
            FloatVector x0 = FloatVector.fromArray(S, a, ia);
            FloatVector x1 = FloatVector.fromArray(S, a, ia + L);
            FloatVector b0 = FloatVector.broadcast(S, bs[is]);
            c00 = b0.fma(x0, c00);
            c01 = b0.fma(x1, c01);
            FloatVector b1 = FloatVector.broadcast(S, bs[is + 1]);
            c10 = b1.fma(x0, c10);
            c11 = b1.fma(x1, c11);
            FloatVector b2 = FloatVector.broadcast(S, bs[is + 2]);
            c20 = b2.fma(x0, c20);
            c21 = b2.fma(x1, c21);
            FloatVector b3 = FloatVector.broadcast(S, bs[is + 3]);
            c30 = b3.fma(x0, c30);
            c31 = b3.fma(x1, c31);
        }
        c00.intoArray(tail, 0 * width);
        c01.intoArray(tail, 0 * width + L);
        c10.intoArray(tail, 1 * width);
        c11.intoArray(tail, 1 * width + L);
        c20.intoArray(tail, 2 * width);
        c21.intoArray(tail, 2 * width + L);
        c30.intoArray(tail, 3 * width);
        c31.intoArray(tail, 3 * width + L);
        for (int ii = 0; ii < width; ii++) {
            for (int j = 0; j < cols; j++) c[(i + ii) * ldc + j0 + j] = tail[j * width + ii];
        }
    }

    /**
     * C[i..i + width, j0..j0 + cols) = (B^T A)^T for multTransA, cols &lt;= 4; width = 1 vector;
     * tail holds 4 x width.
     */
    private static void smallTransA1(float[] a, int m, int k, int i, float[] bs, int j0, int np, float[] c,
            int ldc, int cols, int width, float[] tail) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c10 = z, c20 = z, c30 = z;
        for (int p = 0, ia = i, is = j0; p < k; p++, ia += m, is += np) {
            FloatVector x0 = FloatVector.fromArray(S, a, ia);
            FloatVector b0 = FloatVector.broadcast(S, bs[is]);
            c00 = b0.fma(x0, c00);
            FloatVector b1 = FloatVector.broadcast(S, bs[is + 1]);
            c10 = b1.fma(x0, c10);
            FloatVector b2 = FloatVector.broadcast(S, bs[is + 2]);
            c20 = b2.fma(x0, c20);
            FloatVector b3 = FloatVector.broadcast(S, bs[is + 3]);
            c30 = b3.fma(x0, c30);
        }
        c00.intoArray(tail, 0 * width);
        c10.intoArray(tail, 1 * width);
        c20.intoArray(tail, 2 * width);
        c30.intoArray(tail, 3 * width);
        for (int ii = 0; ii < width; ii++) {
            for (int j = 0; j < cols; j++) c[(i + ii) * ldc + j0 + j] = tail[j * width + ii];
        }
    }
}
