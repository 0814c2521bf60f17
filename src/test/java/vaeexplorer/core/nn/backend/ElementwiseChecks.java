package vaeexplorer.core.nn.backend;

import vaeexplorer.core.nn.Elementwise;
import vaeexplorer.core.nn.Rng;

/**
 * Compares a backend's fused element-wise kernels with the scalar ones; run as a main in a JVM that has the backend.
 * Prints one line per case: {@code PASS name} or {@code FAIL name message}.
 */
final class ElementwiseChecks {
    private ElementwiseChecks() {}

    public static void main(String[] args) {
        Elementwise e = Elementwise.of(MatMulBackends.create(args.length > 0 ? args[0] : "auto", 1));
        if (e == Elementwise.SCALAR) {
            System.out.println("UNAVAILABLE the backend has no element-wise kernels");
            return;
        }
        for (int n : new int[] {1, 7, 16, 100, 784, 128 * 784 + 5}) {
            for (double spread : new double[] {1, 8, 200}) report("bce n=" + n + " spread=" + spread, bce(e, n, spread));
            report("adam n=" + n, adam(e, n));
        }
    }

    private static void report(String name, String problem) {
        System.out.println(problem == null ? "PASS " + name : "FAIL " + name + " " + problem);
    }

    static String bce(Elementwise e, int n, double spread) {
        Rng r = new Rng(n);
        float[] l = new float[n], x = new float[n], g1 = new float[n], g2 = new float[n];
        for (int i = 0; i < n; i++) {
            l[i] = (float) (r.nextGaussian() * spread);
            x[i] = i % 3 == 0 ? 0f : (float) r.nextDouble();
        }
        if (n > 5) { l[0] = 0f; l[1] = 1e30f; l[2] = -1e30f; l[3] = 88.7f; l[4] = -104f; }
        double a = e.bernoulliLossAndGradient(l, x, g1, n, 0.01f), b = Elementwise.SCALAR.bernoulliLossAndGradient(l, x, g2, n, 0.01f);
        if (!(Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b)))) return "loss " + a + " vs " + b;
        for (int i = 0; i < n; i++) if (!(Math.abs(g1[i] - g2[i]) <= 1e-6f)) return "grad[" + i + "] " + g1[i] + " vs " + g2[i];
        return null;
    }

    static String adam(Elementwise e, int n) {
        Rng r = new Rng(n + 1);
        float[] p1 = new float[n], g = new float[n], m1 = new float[n], v1 = new float[n];
        for (int i = 0; i < n; i++) {
            p1[i] = (float) r.nextGaussian();
            g[i] = (float) (r.nextGaussian() * 0.1);
            m1[i] = (float) (r.nextGaussian() * 0.01);
            v1[i] = (float) (r.nextDouble() * 1e-3);
        }
        float[] p2 = p1.clone(), m2 = m1.clone(), v2 = v1.clone();
        e.adamUpdate(p1, g, m1, v1, n, 0.9f, 0.999f, 1e-3f / 0.1f, 1 / 0.001f, 1e-8f);
        Elementwise.SCALAR.adamUpdate(p2, g, m2, v2, n, 0.9f, 0.999f, 1e-3f / 0.1f, 1 / 0.001f, 1e-8f);
        for (int i = 0; i < n; i++) {
            if (!(Math.abs(p1[i] - p2[i]) <= 1e-6f * (1 + Math.abs(p2[i])))) return "p[" + i + "] " + p1[i] + " vs " + p2[i];
            if (m1[i] != m2[i] || Math.abs(v1[i] - v2[i]) > 1e-9f) return "moments differ at " + i;
        }
        return null;
    }
}
