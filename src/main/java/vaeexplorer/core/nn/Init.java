package vaeexplorer.core.nn;

/** Weight initialisation of a Dense layer; biases start at zero. */
public enum Init {
    /** He (Kaiming) normal, std = sqrt(2 / fanIn): for layers followed by a ReLU. */
    HE,
    /** Xavier (Glorot) uniform, limit = sqrt(6 / (fanIn + fanOut)): for linear outputs. */
    XAVIER;

    void fill(float[] w, int fanIn, int fanOut, Rng rng) {
        switch (this) {
            case HE -> {
                double std = Math.sqrt(2.0 / fanIn);
                for (int i = 0; i < w.length; i++) w[i] = (float) (rng.nextGaussian() * std);
            }
            case XAVIER -> {
                double limit = Math.sqrt(6.0 / (fanIn + fanOut));
                for (int i = 0; i < w.length; i++) w[i] = (float) ((2 * rng.nextDouble() - 1) * limit);
            }
        }
    }
}
