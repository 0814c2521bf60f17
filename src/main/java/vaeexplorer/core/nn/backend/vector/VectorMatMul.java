package vaeexplorer.core.nn.backend.vector;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.FMatrixRMaj;

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
 * strides, so {@code multTransA} needs no transpose; {@code multTransB} transposes B while packing. Threads split
 * the panels (or the rows, when there are too few panels). Nothing is allocated per call.
 *
 * <p>Not thread-safe: one product at a time per instance.
 */
public final class VectorMatMul implements MatMul, WorkerPool.Task {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Columns per panel: two vectors. */
    private static final int NR = 2 * L;
    /** Rows per main micro-kernel: 8 needs 16 + 3 vector registers, so only with 32 registers (AVX-512). */
    private static final int MR = L >= 16 ? 8 : 4;
    /** Inner-dimension block: a KC x NR panel of 256 x 32 floats is 32 KiB and stays in L1. */
    private static final int KC = 256;
    /** Below this many flops a product runs on the caller alone: waking a worker would cost more than it saves. */
    private static final long PARALLEL_MIN_FLOPS = 1L << 21;

    private static final int MULT = 0, TRANS_A = 1, TRANS_B = 2;

    private final int threads;
    private final WorkerPool pool;
    private final float[][] panels;
    private final float[][] tails;

    // The product in progress, read by the pool's threads (published by the pool's hand-off).
    private int op;
    private float[] a, b, c;
    private int m, k, n;

    public VectorMatMul(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.threads = threads;
        this.pool = threads > 1 ? new WorkerPool(threads, "vae-matmul") : null;
        this.panels = new float[threads][KC * NR];
        this.tails = new float[threads][NR];
    }

    /** Floats per vector of the species in use (16 with AVX-512, 8 with AVX2). */
    public static int lanes() {
        return L;
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
        int parts = pool != null && flops >= PARALLEL_MIN_FLOPS ? threads : 1;
        if (parts == 1) {
            compute(op, a.data, b.data, c.data, m, k, n, 0, m, 0, panelCount(n), panels[0], tails[0]);
            return;
        }
        this.op = op;
        this.a = a.data;
        this.b = b.data;
        this.c = c.data;
        this.m = m;
        this.k = k;
        this.n = n;
        try {
            pool.run(this, parts);
        } finally {
            this.a = this.b = this.c = null;
        }
    }

    private static int panelCount(int n) {
        return (n + NR - 1) / NR;
    }

    /** One thread's share: whole panels when there are enough of them, else blocks of rows. */
    @Override
    public void run(int part, int parts) {
        int np = panelCount(n);
        int rowBlocks = (m + MR - 1) / MR;
        if (np >= 2 * parts || np >= rowBlocks) {
            int p0 = (int) ((long) np * part / parts), p1 = (int) ((long) np * (part + 1) / parts);
            compute(op, a, b, c, m, k, n, 0, m, p0, p1, panels[part], tails[part]);
        } else {
            int r0 = (int) ((long) rowBlocks * part / parts) * MR;
            int r1 = Math.min(m, (int) ((long) rowBlocks * (part + 1) / parts) * MR);
            compute(op, a, b, c, m, k, n, r0, r1, 0, np, panels[part], tails[part]);
        }
    }

    /** C[i0..i1, panels pj0..pj1] for one operation; see the class comment. */
    private static void compute(int op, float[] a, float[] b, float[] c, int m, int k, int n,
                                int i0, int i1, int pj0, int pj1, float[] panel, float[] tail) {
        if (i0 >= i1) return;
        // a(i, p) = a[i * ars + p * aps]
        int ars = op == TRANS_A ? 1 : k;
        int aps = op == TRANS_A ? m : 1;
        for (int pj = pj0; pj < pj1; pj++) {
            int j = pj * NR;
            int w = Math.min(NR, n - j);
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                if (op == TRANS_B) packTransposed(b, k, j, w, p0, kc, panel);
                else pack(b, n, j, w, p0, kc, panel);
                boolean acc = p0 > 0;
                int i = i0;
                if (MR == 8) {
                    for (; i + 8 <= i1; i += 8)
                        kernel8(a, i * ars + p0 * aps, ars, aps, panel, kc, c, i * n + j, n, w, acc, tail);
                }
                for (; i + 4 <= i1; i += 4)
                    kernel4(a, i * ars + p0 * aps, ars, aps, panel, kc, c, i * n + j, n, w, acc, tail);
                for (; i < i1; i++)
                    kernel1(a, i * ars + p0 * aps, ars, aps, panel, kc, c, i * n + j, n, w, acc, tail);
            }
        }
    }

    /** panel[p][jj] = B[p0 + p][j + jj] for B k x n (row-major, row length n); zero beyond column w. */
    private static void pack(float[] b, int n, int j, int w, int p0, int kc, float[] panel) {
        for (int p = 0, src = p0 * n + j, dst = 0; p < kc; p++, src += n, dst += NR) {
            System.arraycopy(b, src, panel, dst, w);
            if (w < NR) Arrays.fill(panel, dst + w, dst + NR, 0f);
        }
    }

    /** panel[p][jj] = B[j + jj][p0 + p] for B n x k (row length k); zero beyond column w. */
    private static void packTransposed(float[] b, int k, int j, int w, int p0, int kc, float[] panel) {
        int jj = 0;
        for (; jj + 4 <= w; jj += 4) {
            int s0 = (j + jj) * k + p0, s1 = s0 + k, s2 = s1 + k, s3 = s2 + k;
            for (int p = 0, dst = jj; p < kc; p++, dst += NR) {
                panel[dst] = b[s0 + p];
                panel[dst + 1] = b[s1 + p];
                panel[dst + 2] = b[s2 + p];
                panel[dst + 3] = b[s3 + p];
            }
        }
        for (; jj < w; jj++) {
            int s = (j + jj) * k + p0;
            for (int p = 0, dst = jj; p < kc; p++, dst += NR) panel[dst] = b[s + p];
        }
        if (w < NR) {
            for (int p = 0, dst = 0; p < kc; p++, dst += NR) Arrays.fill(panel, dst + w, dst + NR, 0f);
        }
    }

    /** Stores (or adds, when {@code acc}) the first w floats of tail at c[ic..]: a micro-tile row at the right edge. */
    private static void storeTail(float[] tail, float[] c, int ic, int w, boolean acc) {
        if (acc) {
            for (int q = 0; q < w; q++) c[ic + q] += tail[q];
        } else {
            System.arraycopy(tail, 0, c, ic, w);
        }
    }

    /** C[8 rows, w columns] (+)= A[8 rows, kc] * panel, with a(r, p) = a[ia + r * ars + p * aps]. */
    private static void kernel8(float[] a, int ia, int ars, int aps, float[] panel, int kc,
                                float[] c, int ic, int ldc, int w, boolean acc, float[] tail) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z, c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
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
            c01.intoArray(tail, L);
            storeTail(tail, c, ic, w, acc);
            c10.intoArray(tail, 0);
            c11.intoArray(tail, L);
            storeTail(tail, c, ic + ldc, w, acc);
            c20.intoArray(tail, 0);
            c21.intoArray(tail, L);
            storeTail(tail, c, ic + 2 * ldc, w, acc);
            c30.intoArray(tail, 0);
            c31.intoArray(tail, L);
            storeTail(tail, c, ic + 3 * ldc, w, acc);
            c40.intoArray(tail, 0);
            c41.intoArray(tail, L);
            storeTail(tail, c, ic + 4 * ldc, w, acc);
            c50.intoArray(tail, 0);
            c51.intoArray(tail, L);
            storeTail(tail, c, ic + 5 * ldc, w, acc);
            c60.intoArray(tail, 0);
            c61.intoArray(tail, L);
            storeTail(tail, c, ic + 6 * ldc, w, acc);
            c70.intoArray(tail, 0);
            c71.intoArray(tail, L);
            storeTail(tail, c, ic + 7 * ldc, w, acc);
        }
    }

    /** C[4 rows, w columns] (+)= A[4 rows, kc] * panel, with a(r, p) = a[ia + r * ars + p * aps]. */
    private static void kernel4(float[] a, int ia, int ars, int aps, float[] panel, int kc,
                                float[] c, int ic, int ldc, int w, boolean acc, float[] tail) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
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
            c01.intoArray(tail, L);
            storeTail(tail, c, ic, w, acc);
            c10.intoArray(tail, 0);
            c11.intoArray(tail, L);
            storeTail(tail, c, ic + ldc, w, acc);
            c20.intoArray(tail, 0);
            c21.intoArray(tail, L);
            storeTail(tail, c, ic + 2 * ldc, w, acc);
            c30.intoArray(tail, 0);
            c31.intoArray(tail, L);
            storeTail(tail, c, ic + 3 * ldc, w, acc);
        }
    }

    /** C[1 row, w columns] (+)= A[1 row, kc] * panel, with a(r, p) = a[ia + r * ars + p * aps]. */
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
            c01.intoArray(tail, L);
            storeTail(tail, c, ic, w, acc);
        }
    }
}
