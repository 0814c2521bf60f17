package vaeexplorer.core.nn;

import org.ejml.data.FMatrixRMaj;

/** A trainable tensor and its gradient, of the same shape. The optimiser reads {@code grad} and updates {@code value}. */
public final class Param {
    public final String name;
    public final FMatrixRMaj value;
    public final FMatrixRMaj grad;

    public Param(String name, int rows, int cols) {
        this.name = name;
        this.value = new FMatrixRMaj(rows, cols);
        this.grad = new FMatrixRMaj(rows, cols);
    }

    public int size() {
        return value.getNumElements();
    }
}
