package vaeexplorer.core.vae;

import vaeexplorer.core.nn.Dense;

/**
 * An immutable copy of a VAE's weights at one moment of training. Any thread may encode and decode with it while the
 * trainer goes on changing the live model; the UI decodes the dragged latent point from the latest snapshot.
 * Methods allocate only small scratch vectors, never touch the live model, and are safe to call concurrently.
 */
public final class ModelSnapshot {
    private final VaeConfig config;
    private final Layer[] encoder;
    private final Layer head;
    private final Layer[] decoder;
    private final int widest;

    ModelSnapshot(VaeConfig config, Dense[] encoder, Dense head, Dense[] decoder) {
        this.config = config;
        this.encoder = copy(encoder);
        this.head = new Layer(head);
        this.decoder = copy(decoder);
        int w = 2 * config.latent();
        for (int h : config.hidden()) w = Math.max(w, h);
        widest = Math.max(w, config.inputSize());
    }

    private static Layer[] copy(Dense[] layers) {
        Layer[] out = new Layer[layers.length];
        for (int i = 0; i < layers.length; i++) out[i] = new Layer(layers[i]);
        return out;
    }

    public VaeConfig config() {
        return config;
    }

    public int latent() {
        return config.latent();
    }

    public int inputSize() {
        return config.inputSize();
    }

    /** Decodes z (latent values) into image (inputSize() pixel means in [0, 1]). */
    public void decode(float[] z, float[] image) {
        decodeLogits(z, image);
        Likelihood l = config.likelihood();
        for (int i = 0; i < image.length; i++) image[i] = l.mean(image[i]);
    }

    /** Decodes z into a new image array. */
    public float[] decode(float[] z) {
        float[] image = new float[config.inputSize()];
        decode(z, image);
        return image;
    }

    /** Decodes z into the decoder's raw outputs (logits for Bernoulli, means for Gaussian). */
    public void decodeLogits(float[] z, float[] out) {
        if (z.length < config.latent()) throw new IllegalArgumentException("z has " + z.length + " values; the model has "
                + config.latent() + " latent dimensions");
        float[] a = new float[widest], b = new float[widest];
        System.arraycopy(z, 0, a, 0, config.latent());
        for (int i = 0; i < decoder.length - 1; i++) {
            decoder[i].forward(a, b, true);
            float[] t = a; a = b; b = t;
        }
        decoder[decoder.length - 1].forward(a, out, false);
    }

    /** Encodes image x into mu and log sigma^2 (each of latent() values). */
    public void encode(float[] x, float[] mu, float[] logVar) {
        float[] a = new float[widest], b = new float[widest];
        System.arraycopy(x, 0, a, 0, config.inputSize());
        for (Layer layer : encoder) {
            layer.forward(a, b, true);
            float[] t = a; a = b; b = t;
        }
        head.forward(a, b, false);
        int d = config.latent();
        System.arraycopy(b, 0, mu, 0, d);
        System.arraycopy(b, d, logVar, 0, d);
    }

    /** Encodes x and decodes its mean code mu: the model's deterministic reconstruction. */
    public float[] reconstruct(float[] x) {
        float[] mu = new float[config.latent()], lv = new float[config.latent()];
        encode(x, mu, lv);
        return decode(mu);
    }

    /** One layer's weights (in x out, row-major) and bias, never written after construction. */
    private static final class Layer {
        final int in;
        final int out;
        final float[] w;
        final float[] b;

        Layer(Dense d) {
            in = d.in;
            out = d.out;
            w = d.weight.value.data.clone();
            b = d.bias.value.data.clone();
        }

        /** y = x W + b, then ReLU when asked. Skips zero inputs (common in images and after ReLU). */
        void forward(float[] x, float[] y, boolean relu) {
            System.arraycopy(b, 0, y, 0, out);
            for (int i = 0; i < in; i++) {
                float xi = x[i];
                if (xi == 0f) continue;
                int o = i * out;
                // y += x_i W[i, :]
                for (int j = 0; j < out; j++) y[j] += xi * w[o + j];
            }
            if (relu) for (int j = 0; j < out; j++) y[j] = Math.max(y[j], 0f);
        }
    }
}
