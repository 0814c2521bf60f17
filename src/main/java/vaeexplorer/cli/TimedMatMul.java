package vaeexplorer.cli;

import org.ejml.data.FMatrixRMaj;

import vaeexplorer.core.nn.Elementwise;
import vaeexplorer.core.nn.MatMul;

/**
 * A backend that adds the wall time of every product to a counter, for {@code bench}'s per-step breakdown. The
 * element-wise kernels go straight to the wrapped backend's (untimed), so the model computes exactly as without it.
 */
final class TimedMatMul implements MatMul, Elementwise {
    private final MatMul inner;
    private final Elementwise kernels;
    private long nanos;
    private long calls;

    TimedMatMul(MatMul inner) {
        this.inner = inner;
        this.kernels = Elementwise.of(inner);
    }

    /** Wall time spent in products since the last {@link #reset}, in ns. */
    long nanos() { return nanos; }

    /** Products since the last {@link #reset}. */
    long calls() { return calls; }

    void reset() {
        nanos = 0;
        calls = 0;
    }

    @Override
    public void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        long t = System.nanoTime();
        inner.mult(a, b, c);
        nanos += System.nanoTime() - t;
        calls++;
    }

    @Override
    public void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        long t = System.nanoTime();
        inner.multTransA(a, b, c);
        nanos += System.nanoTime() - t;
        calls++;
    }

    @Override
    public void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        long t = System.nanoTime();
        inner.multTransB(a, b, c);
        nanos += System.nanoTime() - t;
        calls++;
    }

    @Override
    public String name() { return inner.name(); }

    @Override
    public double bernoulliLossAndGradient(float[] logits, float[] x, float[] grad, int n, float gradScale) {
        return kernels.bernoulliLossAndGradient(logits, x, grad, n, gradScale);
    }

    @Override
    public void adamUpdate(float[] p, float[] g, float[] m, float[] v, int n, float b1, float b2, float stepSize,
                           float vScale, float eps) {
        kernels.adamUpdate(p, g, m, v, n, b1, b2, stepSize, vScale, eps);
    }

    @Override
    public boolean allFinite(float[] a, int n) {
        return kernels.allFinite(a, n);
    }

    @Override
    public void sigmoid(float[] a, int off, int n) {
        kernels.sigmoid(a, off, n);
    }

    @Override
    public void addBias(float[] y, float[] b, int rows, int cols, boolean relu) {
        kernels.addBias(y, b, rows, cols, relu);
    }

    @Override
    public void biasGradient(float[] grad, float[] activated, float[] db, int rows, int cols) {
        kernels.biasGradient(grad, activated, db, rows, cols);
    }

    @Override
    public void vectorTimesMatrix(float[] x, int in, float[] w, int out, float[] b, float[] y, boolean relu) {
        kernels.vectorTimesMatrix(x, in, w, out, b, y, relu);
    }
}
