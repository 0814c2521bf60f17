package vaeexplorer.core.vae;

import java.util.ArrayList;
import java.util.List;

/**
 * The architecture of a VAE: input size (pixels), hidden layer sizes of the encoder (the decoder mirrors them),
 * latent size, the decoder's likelihood, and sigma_x for the Gaussian likelihood.
 */
public record VaeConfig(int inputSize, List<Integer> hidden, int latent, Likelihood likelihood, double gaussianSigma) {
    public static final int MAX_LATENT = 64;
    public static final int MAX_HIDDEN = 4096;
    /** The most hidden layers (in the encoder; the decoder mirrors them). */
    public static final int MAX_HIDDEN_LAYERS = 4;
    public static final double DEFAULT_GAUSSIAN_SIGMA = 0.1;
    /** The range of sigma_x: below it the Gaussian loss overflows float32, above it nothing is learnt. */
    public static final double MIN_GAUSSIAN_SIGMA = 1e-3, MAX_GAUSSIAN_SIGMA = 100;

    public VaeConfig {
        hidden = List.copyOf(hidden);
        if (inputSize < 1) throw new IllegalArgumentException("input size must be at least 1 pixel, got " + inputSize);
        if (hidden.isEmpty() || hidden.size() > MAX_HIDDEN_LAYERS)
            throw new IllegalArgumentException("give 1 to " + MAX_HIDDEN_LAYERS + " hidden layer sizes, got " + hidden.size());
        for (int h : hidden)
            if (h < 1 || h > MAX_HIDDEN)
                throw new IllegalArgumentException("hidden layer size must be 1.." + MAX_HIDDEN + ", got " + h);
        if (latent < 1 || latent > MAX_LATENT)
            throw new IllegalArgumentException("latent size must be 1.." + MAX_LATENT + ", got " + latent);
        if (likelihood == null) throw new IllegalArgumentException("likelihood is missing");
        if (!(gaussianSigma >= MIN_GAUSSIAN_SIGMA && gaussianSigma <= MAX_GAUSSIAN_SIGMA))
            throw new IllegalArgumentException("sigma_x must be a number from " + MIN_GAUSSIAN_SIGMA + " to "
                    + (int) MAX_GAUSSIAN_SIGMA + ", got " + gaussianSigma);
    }

    /** A Bernoulli VAE with one hidden layer. */
    public static VaeConfig of(int inputSize, int hidden, int latent) {
        return new VaeConfig(inputSize, List.of(hidden), latent, Likelihood.BERNOULLI, DEFAULT_GAUSSIAN_SIGMA);
    }

    /** Parses hidden sizes written as "512" or "512,256". */
    public static List<Integer> parseHidden(String s) {
        List<Integer> out = new ArrayList<>();
        for (String part : s.split(",")) {
            String p = part.trim();
            try {
                out.add(Integer.parseInt(p));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("hidden sizes must be whole numbers like 512 or 512,256; got '" + s + "'");
            }
        }
        return out;
    }

    /** Hidden sizes written as "512,256". */
    public String hiddenText() {
        StringBuilder b = new StringBuilder();
        for (int h : hidden) b.append(b.length() == 0 ? "" : ",").append(h);
        return b.toString();
    }
}
