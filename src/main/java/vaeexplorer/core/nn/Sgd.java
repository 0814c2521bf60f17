package vaeexplorer.core.nn;

import java.util.List;

/** Stochastic gradient descent with optional (heavy-ball) momentum: v = mu v + g; p -= lr v. */
public final class Sgd implements Optimizer {
    private final List<Param> params;
    private final float[][] velocity;
    private final float momentum;
    private long t;

    public Sgd(List<Param> params, double momentum) {
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1): " + momentum);
        this.params = List.copyOf(params);
        this.momentum = (float) momentum;
        velocity = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) velocity[i] = new float[params.get(i).size()];
    }

    @Override
    public void step(double learningRate) {
        t++;
        float lr = (float) learningRate;
        for (int k = 0; k < params.size(); k++) {
            float[] p = params.get(k).value.data, g = params.get(k).grad.data, vk = velocity[k];
            for (int i = 0; i < vk.length; i++) {
                // v = mu v + g;  p -= lr v
                float vi = momentum * vk[i] + g[i];
                vk[i] = vi;
                p[i] -= lr * vi;
            }
        }
    }

    @Override
    public long steps() {
        return t;
    }

    @Override
    public float[][] state() {
        float[][] s = new float[velocity.length][];
        for (int k = 0; k < velocity.length; k++) s[k] = velocity[k].clone();
        return s;
    }

    @Override
    public void restore(float[][] state, long steps) {
        if (state.length != velocity.length) throw new IllegalArgumentException("SGD state has " + state.length
                + " arrays; expected " + velocity.length);
        for (int k = 0; k < velocity.length; k++) System.arraycopy(state[k], 0, velocity[k], 0, velocity[k].length);
        t = steps;
    }
}
