package vaeexplorer.core.nn.backend.vector;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import vaeexplorer.core.nn.Elementwise;

/** The fused element-wise kernels on the Vector API (exp and log1p lanes use the JDK's vector math stubs). */
public final class VectorElementwise implements Elementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** As many bytes as S has floats (16 bytes for 16 floats with AVX-512), widened to floats lane by lane. */
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(L * Byte.SIZE));
    /** Lanes are summed into a double this often, to keep the float partial sums short. */
    private static final int BLOCK = 64 * L;

    @Override
    public double bernoulliLossAndGradient(float[] logits, float[] x, float[] grad, int n, float gradScale) {
        return bernoulliLossAndGradient(logits, x, grad, 0, n, gradScale);
    }

    /** {@link #bernoulliLossAndGradient} over elements from..to-1 (a chunk of a parallel pass). */
    double bernoulliLossAndGradient(float[] logits, float[] x, float[] grad, int from, int to, float gradScale) {
        double sum = 0;
        FloatVector zero = FloatVector.zero(S), one = FloatVector.broadcast(S, 1f);
        int i = from;
        int bound = from + S.loopBound(to - from);
        while (i < bound) {
            int end = Math.min(bound, i + BLOCK);
            FloatVector acc = zero;
            for (; i < end; i += L) {
                FloatVector l = FloatVector.fromArray(S, logits, i);
                FloatVector t = FloatVector.fromArray(S, x, i);
                // e = exp(-|l|);  bce = max(l, 0) - l t + log(1 + e)
                FloatVector e = l.abs().neg().lanewise(VectorOperators.EXP);
                acc = acc.add(l.max(zero).sub(l.mul(t)).add(e.lanewise(VectorOperators.LOG1P)));
                // sigmoid(l) = (l >= 0 ? 1 : e) / (1 + e);  grad = scale (sigmoid - x)
                VectorMask<Float> positive = l.compare(VectorOperators.GE, 0f);
                FloatVector s = e.blend(one, positive).div(e.add(one));
                s.sub(t).mul(gradScale).intoArray(grad, i);
            }
            sum += acc.reduceLanes(VectorOperators.ADD);
        }
        // the last few values one at a time (rare: n is a multiple of the lanes in practice)
        for (; i < to; i++) {
            double l = logits[i], t = x[i];
            double e = Math.exp(-Math.abs(l));
            sum += Math.max(l, 0) - l * t + Math.log(1 + e);
            grad[i] = (float) (((l >= 0 ? 1 : e) / (1 + e) - t) * gradScale);
        }
        return sum;
    }

    @Override
    public void adamUpdate(float[] p, float[] g, float[] m, float[] v, int n, float b1, float b2, float stepSize,
                           float vScale, float eps) {
        float oneMinusB1 = 1 - b1, oneMinusB2 = 1 - b2;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector gi = FloatVector.fromArray(S, g, i);
            // m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(b1).add(gi.mul(oneMinusB1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(b2).add(gi.mul(gi).mul(oneMinusB2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            // p -= a_t m / (sqrt(v_hat) + eps)
            FloatVector step = mi.mul(stepSize).div(vi.mul(vScale).lanewise(VectorOperators.SQRT).add(eps));
            FloatVector.fromArray(S, p, i).sub(step).intoArray(p, i);
        }
        for (; i < n; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + oneMinusB1 * gi;
            float vi = b2 * v[i] + oneMinusB2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] -= stepSize * mi / ((float) Math.sqrt(vi * vScale) + eps);
        }
    }

    @Override
    public void addBias(float[] y, float[] b, int rows, int cols, boolean relu) {
        addBias(y, b, 0, rows, cols, relu);
    }

    /** {@link #addBias} of rows r0..r1-1. */
    void addBias(float[] y, float[] b, int r0, int r1, int cols, boolean relu) {
        FloatVector zero = FloatVector.zero(S);
        int bound = S.loopBound(cols);
        for (int r = r0; r < r1; r++) {
            int o = r * cols, c = 0;
            // y = relu(y + b), a vector at a time
            for (; c < bound; c += L) {
                FloatVector v = FloatVector.fromArray(S, y, o + c).add(FloatVector.fromArray(S, b, c));
                (relu ? v.max(zero) : v).intoArray(y, o + c);
            }
            for (; c < cols; c++) {
                float v = y[o + c] + b[c];
                y[o + c] = relu ? Math.max(v, 0f) : v;
            }
        }
    }

    @Override
    public void biasGradient(float[] grad, float[] activated, float[] db, int rows, int cols) {
        biasGradient(grad, activated, db, 0, cols, rows, cols);
    }

    /** {@link #biasGradient} of columns c0..c1-1 (every row). */
    void biasGradient(float[] grad, float[] activated, float[] db, int c0, int c1, int rows, int cols) {
        FloatVector zero = FloatVector.zero(S);
        int c = c0;
        // four vectors of columns at a time, their sums in registers down all the rows
        for (int block = 4 * L; c + block <= c1; c += block) {
            FloatVector s0 = zero, s1 = zero, s2 = zero, s3 = zero;
            for (int r = 0; r < rows; r++) {
                int o = r * cols + c;
                FloatVector g0 = masked(grad, activated, o, zero), g1 = masked(grad, activated, o + L, zero),
                        g2 = masked(grad, activated, o + 2 * L, zero), g3 = masked(grad, activated, o + 3 * L, zero);
                s0 = s0.add(g0);
                s1 = s1.add(g1);
                s2 = s2.add(g2);
                s3 = s3.add(g3);
            }
            s0.intoArray(db, c);
            s1.intoArray(db, c + L);
            s2.intoArray(db, c + 2 * L);
            s3.intoArray(db, c + 3 * L);
        }
        for (; c + L <= c1; c += L) {
            FloatVector s0 = zero;
            for (int r = 0; r < rows; r++) s0 = s0.add(masked(grad, activated, r * cols + c, zero));
            s0.intoArray(db, c);
        }
        for (; c < c1; c++) {
            float sum = 0;
            for (int r = 0; r < rows; r++) {
                int i = r * cols + c;
                if (activated != null && activated[i] <= 0f) grad[i] = 0f;
                sum += grad[i];
            }
            db[c] = sum;
        }
    }

    /** grad[o : o + L] with the lanes where activated <= 0 zeroed (stored back), or as it is without activated. */
    private static FloatVector masked(float[] grad, float[] activated, int o, FloatVector zero) {
        FloatVector g = FloatVector.fromArray(S, grad, o);
        if (activated == null) return g;
        g = g.blend(zero, FloatVector.fromArray(S, activated, o).compare(VectorOperators.LE, 0f));
        g.intoArray(grad, o);
        return g;
    }

    @Override
    public boolean allFinite(float[] a, int n) {
        // a - a is 0 for every finite a and NaN for NaN and +-infinity; NaN survives the sum
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector x = FloatVector.fromArray(S, a, i);
            acc = acc.add(x.sub(x));
        }
        float rest = 0;
        for (; i < n; i++) rest += a[i] - a[i];
        return acc.reduceLanes(VectorOperators.ADD) + rest == 0f;
    }

    @Override
    public void sigmoid(float[] a, int off, int n) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = off, end = off + n;
        for (int bound = off + S.loopBound(n); i < bound; i += L) {
            FloatVector l = FloatVector.fromArray(S, a, i);
            // sigmoid(l) = (l >= 0 ? 1 : e) / (1 + e),  e = exp(-|l|)
            FloatVector e = l.abs().neg().lanewise(VectorOperators.EXP);
            e.blend(one, l.compare(VectorOperators.GE, 0f)).div(e.add(one)).intoArray(a, i);
        }
        if (i < end) Elementwise.SCALAR.sigmoid(a, i, end - i);
    }

    @Override
    public double softplusSum(float[] a, int off, int n) {
        double sum = 0;
        FloatVector zero = FloatVector.zero(S);
        int i = off, end = off + n, bound = off + S.loopBound(n);
        while (i < bound) {
            int blockEnd = Math.min(bound, i + BLOCK);
            FloatVector acc = zero;
            for (; i < blockEnd; i += L) {
                FloatVector l = FloatVector.fromArray(S, a, i);
                // softplus(l) = max(l, 0) + log(1 + exp(-|l|))
                acc = acc.add(l.max(zero).add(l.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P)));
            }
            sum += acc.reduceLanes(VectorOperators.ADD);
        }
        if (i < end) sum += Elementwise.SCALAR.softplusSum(a, i, end - i);
        return sum;
    }

    /** Columns of y held in registers at a time: {@value #COLUMN_VECTORS} vectors. */
    private static final int COLUMN_VECTORS = 4;

    @Override
    public void vectorTimesMatrix(float[] x, int in, float[] w, int out, float[] b, float[] y, boolean relu) {
        // the non-zero inputs, once (after a ReLU about half are zero; in an image most are)
        int[] rows = new int[in];
        int nnz = 0;
        for (int i = 0; i < in; i++) if (x[i] != 0f) rows[nnz++] = i;
        FloatVector zero = FloatVector.zero(S);
        int j = 0;
        int block = COLUMN_VECTORS * L;
        // y[j : j + 4L] = b + sum_i x_i W[i, j : j + 4L], four accumulators in registers
        for (; j + block <= out; j += block) {
            FloatVector a0 = FloatVector.fromArray(S, b, j), a1 = FloatVector.fromArray(S, b, j + L),
                    a2 = FloatVector.fromArray(S, b, j + 2 * L), a3 = FloatVector.fromArray(S, b, j + 3 * L);
            for (int k = 0; k < nnz; k++) {
                int i = rows[k], o = i * out + j;
                FloatVector xi = FloatVector.broadcast(S, x[i]);
                a0 = FloatVector.fromArray(S, w, o).fma(xi, a0);
                a1 = FloatVector.fromArray(S, w, o + L).fma(xi, a1);
                a2 = FloatVector.fromArray(S, w, o + 2 * L).fma(xi, a2);
                a3 = FloatVector.fromArray(S, w, o + 3 * L).fma(xi, a3);
            }
            if (relu) {
                a0 = a0.max(zero); a1 = a1.max(zero); a2 = a2.max(zero); a3 = a3.max(zero);
            }
            a0.intoArray(y, j); a1.intoArray(y, j + L); a2.intoArray(y, j + 2 * L); a3.intoArray(y, j + 3 * L);
        }
        // y[j : j + L] one vector at a time
        for (; j + L <= out; j += L) {
            FloatVector a0 = FloatVector.fromArray(S, b, j);
            for (int k = 0; k < nnz; k++) {
                int i = rows[k];
                a0 = FloatVector.fromArray(S, w, i * out + j).fma(FloatVector.broadcast(S, x[i]), a0);
            }
            (relu ? a0.max(zero) : a0).intoArray(y, j);
        }
        // the last out mod L columns
        for (; j < out; j++) {
            float acc = b[j];
            for (int k = 0; k < nnz; k++) acc += x[rows[k]] * w[rows[k] * out + j];
            y[j] = relu ? Math.max(acc, 0f) : acc;
        }
    }

    /** Rows whose dots are formed together, sharing each load of q. */
    private static final int DOT_ROWS = 4;

    @Override
    public void byteRowDots(byte[] rows, int off, int n, int len, float[] q, float[] out) {
        int bound = S.loopBound(len);
        int r = 0;
        // four rows at a time: out[r..r+3] = X[r..r+3, :] q, the bytes widened to floats lane by lane
        for (; r + DOT_ROWS <= n; r += DOT_ROWS) {
            int o0 = off + r * len, o1 = o0 + len, o2 = o1 + len, o3 = o2 + len;
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int p = 0; p < bound; p += L) {
                FloatVector qv = FloatVector.fromArray(S, q, p);
                a0 = widen(rows, o0 + p).fma(qv, a0);
                a1 = widen(rows, o1 + p).fma(qv, a1);
                a2 = widen(rows, o2 + p).fma(qv, a2);
                a3 = widen(rows, o3 + p).fma(qv, a3);
            }
            out[r] = a0.reduceLanes(VectorOperators.ADD) + tail(rows, o0, bound, len, q);
            out[r + 1] = a1.reduceLanes(VectorOperators.ADD) + tail(rows, o1, bound, len, q);
            out[r + 2] = a2.reduceLanes(VectorOperators.ADD) + tail(rows, o2, bound, len, q);
            out[r + 3] = a3.reduceLanes(VectorOperators.ADD) + tail(rows, o3, bound, len, q);
        }
        // the last rows one at a time, each summed exactly as in the blocks above
        for (; r < n; r++) {
            int o = off + r * len;
            FloatVector a = FloatVector.zero(S);
            for (int p = 0; p < bound; p += L) a = widen(rows, o + p).fma(FloatVector.fromArray(S, q, p), a);
            out[r] = a.reduceLanes(VectorOperators.ADD) + tail(rows, o, bound, len, q);
        }
    }

    /** L signed bytes from rows[at] as L floats. */
    private static FloatVector widen(byte[] rows, int at) {
        return (FloatVector) ByteVector.fromArray(B, rows, at).convertShape(VectorOperators.B2F, S, 0);
    }

    /** The row's last len mod L products, one at a time (none for 28 x 28 images with 8 or 16 lanes). */
    private static float tail(byte[] rows, int o, int from, int len, float[] q) {
        float acc = 0;
        for (int p = from; p < len; p++) acc += rows[o + p] * q[p];
        return acc;
    }
}
