package vaeexplorer.core.nn;

import java.util.List;

/** Adam with bias correction (Kingma and Ba 2015), as PyTorch implements it: eps is added to sqrt(v_hat). */
public final class Adam implements Optimizer {
    private final List<Param> params;
    private final float[][] m;
    private final float[][] v;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private long t;

    public Adam(List<Param> params) {
        this(params, 0.9, 0.999, 1e-8);
    }

    public Adam(List<Param> params, double beta1, double beta2, double eps) {
        this.params = List.copyOf(params);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        m = new float[params.size()][];
        v = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            m[i] = new float[params.get(i).size()];
            v[i] = new float[params.get(i).size()];
        }
    }

    @Override
    public void step(double learningRate) {
        t++;
        // step size a_t = lr / (1 - b1^t); v_hat = v / (1 - b2^t)
        float stepSize = (float) (learningRate / (1 - Math.pow(beta1, t)));
        float vScale = (float) (1 / (1 - Math.pow(beta2, t)));
        float b1 = (float) beta1, b2 = (float) beta2, oneMinusB1 = (float) (1 - beta1), oneMinusB2 = (float) (1 - beta2);
        float e = (float) eps;
        for (int k = 0; k < params.size(); k++) {
            float[] p = params.get(k).value.data, g = params.get(k).grad.data, mk = m[k], vk = v[k];
            int n = mk.length;
            for (int i = 0; i < n; i++) {
                float gi = g[i];
                // m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
                float mi = b1 * mk[i] + oneMinusB1 * gi;
                float vi = b2 * vk[i] + oneMinusB2 * gi * gi;
                mk[i] = mi;
                vk[i] = vi;
                // p -= a_t m / (sqrt(v_hat) + eps)
                p[i] -= stepSize * mi / ((float) Math.sqrt(vi * vScale) + e);
            }
        }
    }

    @Override
    public long steps() {
        return t;
    }

    @Override
    public float[][] state() {
        float[][] s = new float[2 * m.length][];
        for (int k = 0; k < m.length; k++) {
            s[2 * k] = m[k].clone();
            s[2 * k + 1] = v[k].clone();
        }
        return s;
    }

    @Override
    public void restore(float[][] state, long steps) {
        if (state.length != 2 * m.length) throw new IllegalArgumentException("Adam state has " + state.length
                + " arrays; expected " + 2 * m.length);
        for (int k = 0; k < m.length; k++) {
            if (state[2 * k].length != m[k].length || state[2 * k + 1].length != v[k].length)
                throw new IllegalArgumentException("Adam state for " + params.get(k).name + " has the wrong size");
            System.arraycopy(state[2 * k], 0, m[k], 0, m[k].length);
            System.arraycopy(state[2 * k + 1], 0, v[k], 0, v[k].length);
        }
        t = steps;
    }
}
