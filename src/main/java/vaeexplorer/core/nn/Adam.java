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
    private final Elementwise kernels;
    private long t;

    public Adam(List<Param> params) {
        this(params, Elementwise.SCALAR);
    }

    /** Adam with the usual constants (0.9, 0.999, 1e-8) and a backend's fused update kernel. */
    public Adam(List<Param> params, Elementwise kernels) {
        this(params, 0.9, 0.999, 1e-8, kernels);
    }

    public Adam(List<Param> params, double beta1, double beta2, double eps, Elementwise kernels) {
        this.kernels = kernels;
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
        for (int k = 0; k < params.size(); k++) {
            Param p = params.get(k);
            kernels.adamUpdate(p.value.data, p.grad.data, m[k], v[k], m[k].length, (float) beta1, (float) beta2, stepSize,
                    vScale, (float) eps);
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
