package vaeexplorer.core.vae;

import org.ejml.data.FMatrixRMaj;

import vaeexplorer.core.nn.Dense;
import vaeexplorer.core.nn.Elementwise;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.backend.MatMulBackends;

/**
 * An immutable copy of a VAE's weights at one moment of training. Any thread may encode and decode with it while the
 * trainer goes on changing the live model; the UI decodes the dragged latent point from the latest snapshot.
 * Methods allocate only small scratch vectors, never touch the live model, and are safe to call concurrently.
 * Single points go through the fastest stateless kernels of this JVM ({@link MatMulBackends#kernels()}); batches
 * through the {@link MatMul} the caller gives.
 */
public final class ModelSnapshot {
    private final VaeConfig config;
    private final Layer[] encoder;
    private final Layer head;
    private final Layer[] decoder;
    private final int widest;
    private static final Elementwise kernels = MatMulBackends.kernels();

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
        config.likelihood().means(kernels, image, 0, config.inputSize());
    }

    /** The fused element-wise kernels this snapshot decodes single points with. */
    public static Elementwise kernels() {
        return kernels;
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
            decoder[i].forward(kernels, a, b, true);
            float[] t = a; a = b; b = t;
        }
        decoder[decoder.length - 1].forward(kernels, a, out, false);
    }

    /** Encodes image x into mu and log sigma^2 (each of latent() values). */
    public void encode(float[] x, float[] mu, float[] logVar) {
        float[] a = new float[widest], b = new float[widest];
        System.arraycopy(x, 0, a, 0, config.inputSize());
        for (Layer layer : encoder) {
            layer.forward(kernels, a, b, true);
            float[] t = a; a = b; b = t;
        }
        head.forward(kernels, a, b, false);
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

    /**
     * Decodes n latent codes (n x latent, row-major) into n images (n x inputSize pixel means in [0, 1]) with batched
     * matrix products: the fast path for grids and film strips.
     */
    public void decodeBatch(MatMul mm, float[] zs, int n, float[] images) {
        decodeLogitsBatch(mm, zs, n, images);
        config.likelihood().means(kernels, images, 0, n * config.inputSize());
    }

    /**
     * Decodes n latent codes (n x latent, row-major) into the decoder's raw outputs (n x inputSize: logits for
     * Bernoulli, means for Gaussian), with batched matrix products.
     */
    public void decodeLogitsBatch(MatMul mm, float[] zs, int n, float[] out) {
        int d = config.latent(), px = config.inputSize();
        if (zs.length < n * d || out.length < n * px) throw new IllegalArgumentException("arrays too small for " + n + " codes");
        int chunk = Math.max(1, Math.min(n, BATCH));
        FMatrixRMaj a = new FMatrixRMaj(chunk, widest), b = new FMatrixRMaj(chunk, widest);
        for (int start = 0; start < n; start += chunk) {
            int rows = Math.min(chunk, n - start);
            a.reshape(rows, d);
            System.arraycopy(zs, start * d, a.data, 0, rows * d);
            for (int i = 0; i < decoder.length; i++) {
                boolean last = i == decoder.length - 1;
                decoder[i].forward(mm, a, b, !last);
                FMatrixRMaj t = a; a = b; b = t;
            }
            System.arraycopy(a.data, 0, out, start * px, rows * px);
        }
    }

    /**
     * Encodes images [from, from + n) of a data set: mu and sigma (n x latent each, row-major), with batched matrix
     * products.
     */
    public void encodeBatch(MatMul mm, vaeexplorer.core.data.Dataset set, int from, int n, float[] mu, float[] sigma) {
        int px = config.inputSize();
        if (set.imageSize() != px) throw new IllegalArgumentException("the model takes " + px + " pixels, the images have "
                + set.imageSize());
        encodeRows(mm, n, (r, dst, off) -> set.copyImage(from + r, dst, off), mu, sigma);
    }

    /** Encodes n images given as rows of xs (n x inputSize): mu and sigma (n x latent each, row-major). */
    public void encodeBatch(MatMul mm, float[] xs, int n, float[] mu, float[] sigma) {
        int px = config.inputSize();
        if (xs.length < n * px) throw new IllegalArgumentException("arrays too small for " + n + " images");
        encodeRows(mm, n, (r, dst, off) -> System.arraycopy(xs, r * px, dst, off, px), mu, sigma);
    }

    /** Copies image r (of a batch) into dst at off. */
    private interface RowSource {
        void copy(int r, float[] dst, int off);
    }

    private void encodeRows(MatMul mm, int n, RowSource images, float[] mu, float[] sigma) {
        int d = config.latent(), px = config.inputSize();
        int chunk = Math.max(1, Math.min(n, BATCH));
        FMatrixRMaj a = new FMatrixRMaj(chunk, widest), b = new FMatrixRMaj(chunk, widest);
        for (int start = 0; start < n; start += chunk) {
            int rows = Math.min(chunk, n - start);
            a.reshape(rows, px);
            for (int r = 0; r < rows; r++) images.copy(start + r, a.data, r * px);
            for (Layer layer : encoder) {
                layer.forward(mm, a, b, true);
                FMatrixRMaj t = a; a = b; b = t;
            }
            head.forward(mm, a, b, false);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < d; j++) {
                    mu[(start + r) * d + j] = b.data[r * 2 * d + j];
                    sigma[(start + r) * d + j] = (float) Math.exp(0.5 * b.data[r * 2 * d + d + j]);
                }
            }
        }
    }

    private static final int BATCH = 512;

    /** One layer's weights (in x out, row-major) and bias, never written after construction. */
    private static final class Layer {
        final int in;
        final int out;
        final float[] w;
        final float[] b;
        /** A matrix view of w for batched products (read only). */
        final FMatrixRMaj weights;

        Layer(Dense d) {
            in = d.in;
            out = d.out;
            w = d.weight.value.data.clone();
            b = d.bias.value.data.clone();
            weights = FMatrixRMaj.wrap(in, out, w);
        }

        /** Y = X W + b for a batch of rows, then ReLU when asked; y is reshaped to rows x out. */
        void forward(MatMul mm, FMatrixRMaj x, FMatrixRMaj y, boolean relu) {
            y.reshape(x.numRows, out);
            // Y = X W
            mm.mult(x, weights, y);
            // Y = relu(Y + 1 b)
            Elementwise.of(mm).addBias(y.data, b, x.numRows, out, relu);
        }

        /** y = x W + b, then ReLU when asked (zero inputs skipped). */
        void forward(Elementwise k, float[] x, float[] y, boolean relu) {
            k.vectorTimesMatrix(x, in, w, out, b, y, relu);
        }
    }
}
