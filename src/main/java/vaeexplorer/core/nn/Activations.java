package vaeexplorer.core.nn;


/** The logistic function (the ReLU lives in the dense layer's epilogue: {@link Elementwise#addBias}). */
public final class Activations {
    private Activations() {}

    /** The logistic sigmoid, stable for any x. */
    public static double sigmoid(double x) {
        if (x >= 0) return 1.0 / (1.0 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}
