package vaeexplorer.core.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * A fully connected layer Y = X W + b, with X (batch x in), W (in x out), b (1 x out). Row-major; products through
 * the {@link MatMul} seam. Backward overwrites the gradients (each layer is used once per step).
 */
public final class Dense {
    public final int in;
    public final int out;
    public final Param weight;
    public final Param bias;

    public Dense(String name, int in, int out, Init init, Rng rng) {
        if (in < 1 || out < 1) throw new IllegalArgumentException(name + ": layer size " + in + " -> " + out);
        this.in = in;
        this.out = out;
        this.weight = new Param(name + ".weight", in, out);
        this.bias = new Param(name + ".bias", 1, out);
        init.fill(weight.value.data, in, out, rng);
    }

    /** Y = X W + b. */
    public void forward(MatMul mm, FMatrixRMaj x, FMatrixRMaj y) {
        // Y = X W
        mm.mult(x, weight.value, y);
        // Y += 1 b   (bias broadcast over rows)
        addRowVector(y, bias.value.data);
    }

    /**
     * Given dL/dY: dW = X^T dY, db = column sums of dY, and (when dx is not null) dX = dY W^T.
     */
    public void backward(MatMul mm, FMatrixRMaj x, FMatrixRMaj dy, FMatrixRMaj dx) {
        // dW = X^T dY
        mm.multTransA(x, dy, weight.grad);
        // db = 1^T dY
        columnSums(dy, bias.grad.data);
        if (dx != null) {
            // dX = dY W^T
            mm.multTransB(dy, weight.value, dx);
        }
    }

    static void addRowVector(FMatrixRMaj y, float[] b) {
        int rows = y.numRows, cols = y.numCols;
        float[] d = y.data;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int c = 0; c < cols; c++) d[o + c] += b[c];
        }
    }

    static void columnSums(FMatrixRMaj m, float[] out) {
        int rows = m.numRows, cols = m.numCols;
        float[] d = m.data;
        java.util.Arrays.fill(out, 0, cols, 0f);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int c = 0; c < cols; c++) out[c] += d[o + c];
        }
    }
}
