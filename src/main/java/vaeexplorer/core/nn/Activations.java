package vaeexplorer.core.nn;

import org.ejml.data.FMatrixRMaj;

/** Element-wise activations, in place, and their backward passes. */
public final class Activations {
    private Activations() {}

    /** A = max(0, A). */
    public static void relu(FMatrixRMaj a) {
        float[] d = a.data;
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) d[i] = Math.max(d[i], 0f);
    }

    /** dPre = dA * [A > 0], in place on dA, given the ReLU's output A. */
    public static void reluBackward(FMatrixRMaj activated, FMatrixRMaj grad) {
        float[] a = activated.data, g = grad.data;
        int n = grad.getNumElements();
        for (int i = 0; i < n; i++) if (a[i] <= 0f) g[i] = 0f;
    }

    /** The logistic sigmoid, stable for any x. */
    public static double sigmoid(double x) {
        if (x >= 0) return 1.0 / (1.0 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}
