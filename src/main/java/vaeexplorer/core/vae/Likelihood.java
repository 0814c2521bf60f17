package vaeexplorer.core.vae;

import vaeexplorer.core.nn.Elementwise;

/**
 * The decoder's output distribution p(x|z) per pixel, given the decoder's raw output ("logit") l. Each computes
 * -log p(x|z) in nats and its gradient with respect to l in one fused pass.
 */
public enum Likelihood {
    /**
     * Bernoulli with mean sigmoid(l): -log p = max(l, 0) - l x + log(1 + e^{-|l|}) (stable for any l);
     * d/dl = sigmoid(l) - x.
     */
    BERNOULLI,
    /**
     * Gaussian with mean l and a fixed standard deviation sigma_x: -log p = (x - l)^2 / (2 sigma_x^2)
     * + 0.5 log(2 pi sigma_x^2) (the constant is included, so values are true nats and may be negative);
     * d/dl = (l - x) / sigma_x^2.
     */
    GAUSSIAN;

    /** The name used on the command line and in files. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Likelihood parse(String s) {
        for (Likelihood l : values()) if (l.id().equalsIgnoreCase(s)) return l;
        throw new IllegalArgumentException("likelihood must be bernoulli or gaussian, got '" + s + "'");
    }

    /**
     * Sums -log p(x_i | l_i) over i in [0, n) and writes grad[i] = gradScale * d(-log p)/dl_i.
     *
     * @param sigma sigma_x, used by GAUSSIAN only
     */
    public double lossAndGradient(float[] logits, float[] x, float[] grad, int n, float gradScale, double sigma) {
        return lossAndGradient(Elementwise.SCALAR, logits, x, grad, n, gradScale, sigma);
    }

    /** As {@link #lossAndGradient(float[], float[], float[], int, float, double)}, with a backend's fused kernels. */
    public double lossAndGradient(Elementwise kernels, float[] logits, float[] x, float[] grad, int n, float gradScale,
                                  double sigma) {
        if (this == BERNOULLI) return kernels.bernoulliLossAndGradient(logits, x, grad, n, gradScale);
        double sum = 0;
        double inv = 1 / (sigma * sigma);
        for (int i = 0; i < n; i++) {
            double r = logits[i] - x[i];
            // nll = r^2 / (2 s^2) + const;  d/dl = r / s^2
            sum += 0.5 * r * r * inv;
            grad[i] = (float) (r * inv * gradScale);
        }
        return sum + n * gaussianConstant(sigma);
    }

    /** Sums -log p(x_i | l_i) over i in [0, n), without gradients. */
    public double loss(float[] logits, float[] x, int n, double sigma) {
        double sum = 0;
        if (this == BERNOULLI) {
            for (int i = 0; i < n; i++) {
                double l = logits[i];
                sum += Math.max(l, 0) - l * x[i] + Math.log(1 + Math.exp(-Math.abs(l)));
            }
        } else {
            double inv = 1 / (sigma * sigma);
            for (int i = 0; i < n; i++) {
                double r = logits[i] - x[i];
                sum += 0.5 * r * r * inv;
            }
            sum += n * gaussianConstant(sigma);
        }
        return sum;
    }

    /**
     * log p(x | l) summed over n pixels, for the raw outputs l = logits[off, off + n) and the image x[xOff, xOff + n), with the
     * given kernels: Bernoulli {@code x . l - sum softplus(l)} (the form that lets many images share one decode),
     * Gaussian {@code -sum (x - l)^2 / (2 sigma^2) - n log(sqrt(2 pi) sigma)}. The same value as -{@link #loss} within
     * rounding.
     */
    public double logLikelihood(Elementwise kernels, float[] logits, int off, float[] x, int xOff, int n, double sigma) {
        double s = 0;
        if (this == BERNOULLI) {
            for (int i = 0; i < n; i++) s += (double) x[xOff + i] * logits[off + i];
            return s - kernels.softplusSum(logits, off, n);
        }
        for (int i = 0; i < n; i++) {
            double r = logits[off + i] - x[xOff + i];
            s += r * r;
        }
        return -0.5 * s / (sigma * sigma) - n * gaussianConstant(sigma);
    }

    /** The pixel value to show for a decoder output: the mean of p(x|z), kept within [0, 1] for display. */
    /**
     * The pixel means of n raw outputs in place, from off, with the given kernels (sigmoid for Bernoulli; a clamp to
     * [0, 1] for Gaussian): the same values as {@link #mean(float)} within float rounding.
     */
    public void means(vaeexplorer.core.nn.Elementwise kernels, float[] a, int off, int n) {
        if (this == BERNOULLI) kernels.sigmoid(a, off, n);
        else for (int i = off; i < off + n; i++) a[i] = Math.min(1f, Math.max(0f, a[i]));
    }

    public float mean(float logit) {
        if (this == BERNOULLI) {
            return (float) vaeexplorer.core.nn.Activations.sigmoid(logit);
        }
        return Math.min(1f, Math.max(0f, logit));
    }

    /** 0.5 log(2 pi sigma^2): the per-pixel normalising constant of the Gaussian, in nats. */
    public static double gaussianConstant(double sigma) {
        return 0.5 * Math.log(2 * Math.PI * sigma * sigma);
    }
}
