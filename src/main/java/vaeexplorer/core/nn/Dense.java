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

    /** Y = X W + b, then Y = max(0, Y) when relu is asked. */
    public void forward(MatMul mm, FMatrixRMaj x, FMatrixRMaj y, boolean relu) {
        // Y = X W
        mm.mult(x, weight.value, y);
        // Y = relu(Y + 1 b)   (bias broadcast over rows; one pass)
        Elementwise.of(mm).addBias(y.data, bias.value.data, y.numRows, y.numCols, relu);
    }

    /**
     * Given dL/dY (in dy; when activated, the layer's ReLU output, is not null, dy is the gradient after the ReLU and
     * becomes the one before it, in place): dW = X^T dY, db = column sums of dY, and (when dx is not null)
     * dX = dY W^T.
     */
    public void backward(MatMul mm, FMatrixRMaj x, FMatrixRMaj dy, FMatrixRMaj activated, FMatrixRMaj dx) {
        // dY = dY * [Y > 0];  db = 1^T dY   (one pass)
        Elementwise.of(mm).biasGradient(dy.data, activated == null ? null : activated.data, bias.grad.data, dy.numRows,
                dy.numCols);
        // dW = X^T dY
        mm.multTransA(x, dy, weight.grad);
        if (dx != null) {
            // dX = dY W^T
            mm.multTransB(dy, weight.value, dx);
        }
    }
}
