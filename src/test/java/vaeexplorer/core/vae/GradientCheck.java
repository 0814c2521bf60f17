package vaeexplorer.core.vae;

import java.util.List;

import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Param;
import vaeexplorer.core.nn.Rng;

/** Compares analytic gradients with central finite differences of the mean loss, element by element. */
final class GradientCheck {
    private static final MatMul MM = new EjmlMatMul(1);

    final Vae vae;
    final float[] x;
    final int batch;
    final double beta;
    final long epsSeed;

    GradientCheck(Vae vae, float[] x, int batch, double beta, long epsSeed) {
        this.vae = vae;
        this.x = x;
        this.batch = batch;
        this.beta = beta;
        this.epsSeed = epsSeed;
    }

    /** The mean loss (recon + beta KL) / B, with eps from a fresh generator of the fixed seed. */
    double loss() {
        Vae.Workspace ws = vae.workspace(batch);
        System.arraycopy(x, 0, ws.x.data, 0, x.length);
        vae.evaluate(MM, ws, batch, new Rng(epsSeed));
        return (ws.reconSum + beta * ws.klSum) / batch;
    }

    /** The analytic gradients of every parameter, copied out. */
    float[][] analytic() {
        Vae.Workspace ws = vae.workspace(batch);
        System.arraycopy(x, 0, ws.x.data, 0, x.length);
        vae.forwardBackward(MM, ws, batch, beta, new Rng(epsSeed));
        List<Param> ps = vae.params();
        float[][] g = new float[ps.size()][];
        for (int k = 0; k < ps.size(); k++) g[k] = ps.get(k).grad.data.clone();
        return g;
    }

    /** One row per element where analytic and numeric disagree by more than the tolerance; empty when all agree. */
    List<String> mismatches(float[][] analytic, double h, double relTol, double absTol) {
        List<String> bad = new java.util.ArrayList<>();
        List<Param> ps = vae.params();
        for (int k = 0; k < ps.size(); k++) {
            float[] w = ps.get(k).value.data;
            for (int i = 0; i < ps.get(k).size(); i++) {
                float saved = w[i];
                w[i] = (float) (saved + h);
                double plus = loss();
                w[i] = (float) (saved - h);
                double minus = loss();
                w[i] = saved;
                double numeric = (plus - minus) / (2 * h);
                double a = analytic[k][i];
                if (Math.abs(a - numeric) > absTol + relTol * Math.max(Math.abs(a), Math.abs(numeric)))
                    bad.add(ps.get(k).name + "[" + i + "]: analytic " + a + ", numeric " + numeric);
            }
        }
        return bad;
    }

    static float[] randomImages(int batch, int pixels, long seed) {
        Rng r = new Rng(seed);
        float[] x = new float[batch * pixels];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble();
        return x;
    }
}
