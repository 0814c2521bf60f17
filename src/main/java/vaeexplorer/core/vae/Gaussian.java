package vaeexplorer.core.vae;

/** The standard normal distribution: density, distribution function and its inverse. */
public final class Gaussian {
    private Gaussian() {}

    public static double pdf(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** Phi(x), by the complementary error function (Numerical Recipes' erfc, |error| < 1.2e-7). */
    public static double cdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x), t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /** Phi^-1(p) for p in (0, 1), by Acklam's rational approximation refined with one Halley step. */
    public static double inverseCdf(double p) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double x;
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        } else if (p <= 1 - 0.02425) {
            double q = p - 0.5, r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                    / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        } else {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double e = cdf(x) - p, u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
        return x - u / (1 + x * u / 2);
    }

    /**
     * Gauss-Hermite quadrature for the standard normal: n nodes u (ascending) and weights w (summing to 1) such that
     * E[f(U)], U ~ N(0, 1), is sum_i w_i f(u_i), exactly for polynomials of degree up to 2n - 1. Nodes by Newton's
     * method on the orthonormal Hermite recurrence (Numerical Recipes' gauher, weight e^{-x^2}), then u = sqrt 2 x
     * and w / sqrt pi.
     *
     * @return {nodes, weights}
     */
    public static double[][] hermiteQuadrature(int n) {
        if (n < 1 || n > 100) throw new IllegalArgumentException("1 to 100 Gauss-Hermite nodes, got " + n);
        double[] x = new double[n], w = new double[n];
        final double piToMinusQuarter = 0.7511255444649425;
        double z = 0;
        for (int i = 1; i <= (n + 1) / 2; i++) {
            // starting guesses for the largest roots first (NR), then Newton on p_n(z)
            if (i == 1) z = Math.sqrt(2.0 * n + 1) - 1.85575 * Math.pow(2.0 * n + 1, -0.16667);
            else if (i == 2) z -= 1.14 * Math.pow(n, 0.426) / z;
            else if (i == 3) z = 1.86 * z - 0.86 * x[0];
            else if (i == 4) z = 1.91 * z - 0.91 * x[1];
            else z = 2 * z - x[i - 3];
            double pp = 0;
            for (int it = 0; it < 100; it++) {
                // p_j = z sqrt(2/j) p_{j-1} - sqrt((j-1)/j) p_{j-2}, orthonormal Hermite polynomials
                double p1 = piToMinusQuarter, p2 = 0;
                for (int j = 1; j <= n; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = z * Math.sqrt(2.0 / j) * p2 - Math.sqrt((j - 1.0) / j) * p3;
                }
                pp = Math.sqrt(2.0 * n) * p2;
                double z1 = z;
                z = z1 - p1 / pp;
                if (Math.abs(z - z1) <= 1e-14 * Math.max(1, Math.abs(z))) break;
            }
            x[i - 1] = z;
            x[n - i] = -z;
            w[i - 1] = w[n - i] = 2 / (pp * pp);
        }
        double[] u = new double[n], weights = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = Math.sqrt(2) * x[n - 1 - i];
            weights[i] = w[n - 1 - i] / Math.sqrt(Math.PI);
        }
        return new double[][] {u, weights};
    }
}
