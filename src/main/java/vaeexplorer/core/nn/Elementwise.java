package vaeexplorer.core.nn;

/**
 * Fused element-wise kernels of the training step that cost as much as a matrix product when written as scalar
 * loops. A {@link MatMul} backend may also implement this interface (the vector backend does); otherwise
 * {@link #SCALAR} is used. Results agree with the scalar kernels within float rounding.
 */
public interface Elementwise {
    /**
     * Bernoulli negative log-likelihood on logits, summed, with its gradient: for i in [0, n)
     * {@code loss += max(l, 0) - l x + log(1 + e^{-|l|})} and {@code grad[i] = gradScale * (sigmoid(l) - x)}.
     */
    double bernoulliLossAndGradient(float[] logits, float[] x, float[] grad, int n, float gradScale);

    /**
     * One Adam update of n parameters: {@code m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
     * p -= stepSize m / (sqrt(v vScale) + eps)}, where stepSize = lr / (1 - b1^t) and vScale = 1 / (1 - b2^t).
     */
    void adamUpdate(float[] p, float[] g, float[] m, float[] v, int n, float b1, float b2, float stepSize, float vScale,
                    float eps);

    /** True when none of a[0, n) is NaN or infinite. */
    default boolean allFinite(float[] a, int n) {
        // NaN and infinity are the floats whose exponent bits are all ones; the largest exponent field tells
        int maxExponent = 0;
        for (int i = 0; i < n; i++) maxExponent = Math.max(maxExponent, Float.floatToRawIntBits(a[i]) & 0x7F800000);
        return maxExponent != 0x7F800000;
    }

    /**
     * The logistic function in place, for i in [off, off + n): {@code a[i] = 1 / (1 + e^{-a[i]})} (the Bernoulli
     * decoder's pixel means from its logits).
     */
    default void sigmoid(float[] a, int off, int n) {
        for (int i = off; i < off + n; i++) {
            // sigmoid(l) = (l >= 0 ? 1 : e) / (1 + e),  e = exp(-|l|)  (no overflow for any l)
            double l = a[i], e = Math.exp(-Math.abs(l));
            a[i] = (float) ((l >= 0 ? 1 : e) / (1 + e));
        }
    }

    /**
     * A dense layer's epilogue, in place on y (rows x cols, row-major): {@code y = y + 1 b} (the bias broadcast over
     * the rows), then {@code y = max(0, y)} when relu is asked. One pass instead of two.
     */
    default void addBias(float[] y, float[] b, int rows, int cols, boolean relu) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            // two plain loops, which the JIT vectorises (a branch inside would not be)
            if (relu) for (int c = 0; c < cols; c++) y[o + c] = Math.max(y[o + c] + b[c], 0f);
            else for (int c = 0; c < cols; c++) y[o + c] += b[c];
        }
    }

    /**
     * The start of a dense layer's backward pass, given dL/dY in grad (rows x cols): when activated (the layer's
     * ReLU output) is not null, {@code grad = grad * [activated > 0]} in place; then {@code db = 1^T grad} (column
     * sums). One pass instead of two.
     */
    default void biasGradient(float[] grad, float[] activated, float[] db, int rows, int cols) {
        java.util.Arrays.fill(db, 0, cols, 0f);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int c = 0; c < cols; c++) {
                if (activated != null && activated[o + c] <= 0f) grad[o + c] = 0f;
                db[c] += grad[o + c];
            }
        }
    }

    /**
     * The sum of softplus over a[off, off + n): {@code sum log(1 + e^{a_i}) = sum max(a, 0) + log(1 + e^{-|a|})}
     * (stable for any a). With it the Bernoulli log-likelihood of any image x is {@code x . l - softplusSum(l)}.
     */
    default double softplusSum(float[] a, int off, int n) {
        double sum = 0;
        for (int i = off; i < off + n; i++) {
            double l = a[i];
            sum += Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l)));
        }
        return sum;
    }

    /**
     * One input vector through a dense layer: {@code y = x W + b} (then ReLU when asked), where W is in x out,
     * row-major; y gets {@code out} values. Zero inputs are skipped (common in images and after a ReLU). The single
     * latent point the user drags is decoded with this.
     */
    default void vectorTimesMatrix(float[] x, int in, float[] w, int out, float[] b, float[] y, boolean relu) {
        System.arraycopy(b, 0, y, 0, out);
        for (int i = 0; i < in; i++) {
            float xi = x[i];
            if (xi == 0f) continue;
            int o = i * out;
            // y += x_i W[i, :]
            for (int j = 0; j < out; j++) y[j] += xi * w[o + j];
        }
        if (relu) for (int j = 0; j < out; j++) y[j] = Math.max(y[j], 0f);
    }

    /**
     * Dot products of n rows of signed bytes with one float vector: {@code out[r] = sum_p rows[off + r len + p] q[p]}
     * for r in [0, n), each row's sum formed the same way whatever its position (equal rows give equal dots). The
     * nearest-image search keeps a data set's pixels as bytes (a quarter of the memory of floats, and a quarter of
     * what each query reads) and multiplies them with the query image through this.
     */
    default void byteRowDots(byte[] rows, int off, int n, int len, float[] q, float[] out) {
        for (int r = 0; r < n; r++) {
            int o = off + r * len;
            float acc = 0;
            for (int p = 0; p < len; p++) acc += rows[o + p] * q[p];
            out[r] = acc;
        }
    }

    /** The pure-Java kernels. */
    Elementwise SCALAR = new Elementwise() {
        @Override
        public double bernoulliLossAndGradient(float[] logits, float[] x, float[] grad, int n, float gradScale) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double l = logits[i], t = x[i];
                // e = exp(-|l|);  bce = max(l, 0) - l t + log(1 + e);  sigmoid(l) = l >= 0 ? 1/(1+e) : e/(1+e)
                double e = Math.exp(-Math.abs(l));
                sum += Math.max(l, 0) - l * t + Math.log(1 + e);
                double s = (l >= 0 ? 1 : e) / (1 + e);
                grad[i] = (float) ((s - t) * gradScale);
            }
            return sum;
        }

        @Override
        public void adamUpdate(float[] p, float[] g, float[] m, float[] v, int n, float b1, float b2, float stepSize,
                               float vScale, float eps) {
            float oneMinusB1 = 1 - b1, oneMinusB2 = 1 - b2;
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                // m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
                float mi = b1 * m[i] + oneMinusB1 * gi;
                float vi = b2 * v[i] + oneMinusB2 * gi * gi;
                m[i] = mi;
                v[i] = vi;
                // p -= a_t m / (sqrt(v_hat) + eps)
                p[i] -= stepSize * mi / ((float) Math.sqrt(vi * vScale) + eps);
            }
        }
    };

    /** The kernels of a backend: its own if it has them, else the scalar ones. */
    static Elementwise of(MatMul mm) {
        return mm instanceof Elementwise e ? e : SCALAR;
    }
}
