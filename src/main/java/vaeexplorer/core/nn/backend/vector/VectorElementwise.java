package vaeexplorer.core.nn.backend.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import vaeexplorer.core.nn.Elementwise;

/** The fused element-wise kernels on the Vector API (exp and log1p lanes use the JDK's vector math stubs). */
public final class VectorElementwise implements Elementwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Lanes are summed into a double this often, to keep the float partial sums short. */
    private static final int BLOCK = 64 * L;

    @Override
    public double bernoulliLossAndGradient(float[] logits, float[] x, float[] grad, int n, float gradScale) {
        double sum = 0;
        FloatVector zero = FloatVector.zero(S), one = FloatVector.broadcast(S, 1f);
        int i = 0;
        int bound = S.loopBound(n);
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
        if (i < n) {
            float[] tail = new float[n - i];
            // the last few values: the scalar kernel on a copy (rare: n is a multiple of the lanes in practice)
            float[] lt = java.util.Arrays.copyOfRange(logits, i, n), xt = java.util.Arrays.copyOfRange(x, i, n);
            sum += Elementwise.SCALAR.bernoulliLossAndGradient(lt, xt, tail, n - i, gradScale);
            System.arraycopy(tail, 0, grad, i, n - i);
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
}
