package vaeexplorer.core.vae;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ejml.data.FMatrixRMaj;

import vaeexplorer.core.nn.Dense;
import vaeexplorer.core.nn.Elementwise;
import vaeexplorer.core.nn.Init;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Param;
import vaeexplorer.core.nn.Rng;

/**
 * A variational auto-encoder built from Dense layers.
 * <pre>
 * encoder: x -> [Dense, ReLU] per hidden size -> Dense head (2d outputs: mu | log sigma^2)
 * sample:  z = mu + eps * sigma,  sigma = exp(0.5 log sigma^2),  eps ~ N(0, I)    (reparameterisation)
 * decoder: z -> [Dense, ReLU] per hidden size, mirrored -> Dense (input-size outputs: logits or means)
 * loss per image = -log p(x|z) + beta * KL(q(z|x) || N(0, I)),  KL = 0.5 sum_j (mu_j^2 + sigma_j^2 - log sigma_j^2 - 1)
 * </pre>
 * Losses are summed over pixels and latent dimensions and averaged over the batch, in nats. The model owns its
 * parameters; per-batch buffers live in a {@link Workspace}, made once, so a training step allocates nothing.
 * Not thread-safe: one thread trains; others read {@link ModelSnapshot}s.
 */
public final class Vae {
    private final VaeConfig config;
    private final Dense[] encoder;
    private final Dense head;
    private final Dense[] decoder;
    private final List<Param> params;

    public Vae(VaeConfig config, Rng rng) {
        this.config = config;
        List<Integer> hidden = config.hidden();
        int d = config.latent();
        encoder = new Dense[hidden.size()];
        int in = config.inputSize();
        for (int i = 0; i < hidden.size(); i++) {
            encoder[i] = new Dense("encoder." + i, in, hidden.get(i), Init.HE, rng);
            in = hidden.get(i);
        }
        head = new Dense("encoder.head", in, 2 * d, Init.XAVIER, rng);
        decoder = new Dense[hidden.size() + 1];
        in = d;
        for (int i = 0; i < hidden.size(); i++) {
            int h = hidden.get(hidden.size() - 1 - i);
            decoder[i] = new Dense("decoder." + i, in, h, Init.HE, rng);
            in = h;
        }
        decoder[hidden.size()] = new Dense("decoder.out", in, config.inputSize(), Init.XAVIER, rng);
        List<Param> ps = new ArrayList<>();
        for (Dense l : layers()) {
            ps.add(l.weight);
            ps.add(l.bias);
        }
        params = Collections.unmodifiableList(ps);
    }

    public VaeConfig config() {
        return config;
    }

    /** The name and shape of one parameter. */
    public record ParamShape(String name, int rows, int cols) {}

    /**
     * The names and shapes of {@link #params()} of a model of this configuration, in the same order, without building
     * it (a save writes a copy of the weights with them).
     */
    public static List<ParamShape> paramShapes(VaeConfig config) {
        List<ParamShape> out = new ArrayList<>();
        List<Integer> hidden = config.hidden();
        int d = config.latent(), in = config.inputSize();
        for (int i = 0; i < hidden.size(); i++) {
            addLayer(out, "encoder." + i, in, hidden.get(i));
            in = hidden.get(i);
        }
        addLayer(out, "encoder.head", in, 2 * d);
        in = d;
        for (int i = 0; i < hidden.size(); i++) {
            int h = hidden.get(hidden.size() - 1 - i);
            addLayer(out, "decoder." + i, in, h);
            in = h;
        }
        addLayer(out, "decoder.out", in, config.inputSize());
        return out;
    }

    private static void addLayer(List<ParamShape> out, String name, int in, int outputs) {
        out.add(new ParamShape(name + ".weight", in, outputs));
        out.add(new ParamShape(name + ".bias", 1, outputs));
    }

    /** Every trainable parameter, in a fixed order (encoder layers, head, decoder layers; weight then bias). */
    public List<Param> params() {
        return params;
    }

    /** All layers in parameter order. */
    public List<Dense> layers() {
        List<Dense> all = new ArrayList<>(List.of(encoder));
        all.add(head);
        all.addAll(List.of(decoder));
        return all;
    }

    /** Buffers for batches of up to maxBatch images. */
    public Workspace workspace(int maxBatch) {
        return new Workspace(maxBatch);
    }

    /** An immutable copy of the weights that any thread may encode and decode with. */
    public ModelSnapshot snapshot() {
        return new ModelSnapshot(config, encoder, head, decoder);
    }

    /**
     * One training pass over the batch in {@code ws.x} (first {@code batch} rows): forward with eps drawn from rng,
     * the loss terms into {@code ws}, and the gradient of the mean loss (recon + beta * KL) into every param's grad.
     */
    public void forwardBackward(MatMul mm, Workspace ws, int batch, double beta, Rng rng) {
        ws.resize(batch);
        forward(mm, ws, rng);
        backward(mm, ws, beta);
    }

    /**
     * Forward only with eps drawn from rng: fills the loss terms of {@code ws} (and its mu, log sigma^2, z, logits).
     * No gradients are touched.
     */
    public void evaluate(MatMul mm, Workspace ws, int batch, Rng rng) {
        ws.resize(batch);
        forward(mm, ws, rng);
        int n = batch * config.inputSize();
        ws.reconSum = config.likelihood().loss(ws.logits.data, ws.x.data, n, config.gaussianSigma());
    }

    /** Encoder only: ws.head holds [mu | log sigma^2] per row of ws.x. */
    public void encode(MatMul mm, Workspace ws, int batch) {
        ws.resize(batch);
        encodeRows(mm, ws);
    }

    private void encodeRows(MatMul mm, Workspace ws) {
        FMatrixRMaj a = ws.x;
        for (int i = 0; i < encoder.length; i++) {
            // H_i = relu(A W_i + b_i)
            encoder[i].forward(mm, a, ws.encAct[i], true);
            a = ws.encAct[i];
        }
        // [mu | log sigma^2] = H W_head + b_head
        head.forward(mm, a, ws.head, false);
    }

    private void forward(MatMul mm, Workspace ws, Rng rng) {
        encodeRows(mm, ws);
        int d = config.latent();
        int rows = ws.batch;
        float[] h = ws.head.data, eps = ws.eps.data, sigma = ws.sigma.data, z = ws.z.data;
        double kl = 0;
        double[] klDim = ws.klPerDimSum;
        java.util.Arrays.fill(klDim, 0);
        for (int r = 0; r < rows; r++) {
            int o = r * 2 * d, q = r * d;
            for (int j = 0; j < d; j++) {
                float mu = h[o + j], lv = h[o + d + j];
                // sigma = exp(0.5 lv);  z = mu + eps sigma
                float s = (float) Math.exp(0.5 * lv);
                float e = rng == null ? 0f : (float) rng.nextGaussian();
                sigma[q + j] = s;
                eps[q + j] = e;
                z[q + j] = mu + e * s;
                // KL_j = 0.5 (mu^2 + sigma^2 - lv - 1)
                double k = 0.5 * ((double) mu * mu + (double) s * s - lv - 1);
                klDim[j] += k;
                kl += k;
            }
        }
        ws.klSum = kl;
        FMatrixRMaj a = ws.z;
        for (int i = 0; i < decoder.length - 1; i++) {
            // G_i = relu(A V_i + c_i)
            decoder[i].forward(mm, a, ws.decAct[i], true);
            a = ws.decAct[i];
        }
        // logits = G V_out + c_out
        decoder[decoder.length - 1].forward(mm, a, ws.logits, false);
    }

    private void backward(MatMul mm, Workspace ws, double beta) {
        int rows = ws.batch, d = config.latent();
        float invB = 1f / rows;
        // dL/dlogits = (mean - x) / B for Bernoulli, (l - x) / (B sigma_x^2) for Gaussian; recon sum on the way
        ws.reconSum = config.likelihood().lossAndGradient(Elementwise.of(mm), ws.logits.data, ws.x.data, ws.dLogits.data,
                rows * config.inputSize(), invB, config.gaussianSigma());

        int last = decoder.length - 1;
        FMatrixRMaj grad = ws.dLogits;
        for (int i = last; i >= 0; i--) {
            FMatrixRMaj input = i == 0 ? ws.z : ws.decAct[i - 1];
            FMatrixRMaj dInput = i == 0 ? ws.dz : ws.dDecAct[i - 1];
            // dG = dG * [G_i > 0] (not for the logits);  dV_i = A^T dG;  dA = dG V_i^T
            decoder[i].backward(mm, input, grad, i == last ? null : ws.decAct[i], dInput);
            grad = dInput;
        }

        float[] h = ws.head.data, dz = ws.dz.data, eps = ws.eps.data, sigma = ws.sigma.data, dh = ws.dHead.data;
        float kScale = (float) (beta * invB);
        for (int r = 0; r < rows; r++) {
            int o = r * 2 * d, q = r * d;
            for (int j = 0; j < d; j++) {
                float mu = h[o + j], s = sigma[q + j], g = dz[q + j];
                // dmu = dz + beta mu / B
                dh[o + j] = g + kScale * mu;
                // dlv = dz eps sigma / 2 + beta (sigma^2 - 1) / (2 B)
                dh[o + d + j] = 0.5f * g * eps[q + j] * s + 0.5f * kScale * (s * s - 1);
            }
        }

        FMatrixRMaj lastHidden = ws.encAct[encoder.length - 1];
        FMatrixRMaj dHidden = ws.dEncAct[encoder.length - 1];
        // dW_head = H^T dHead;  dH = dHead W_head^T
        head.backward(mm, lastHidden, ws.dHead, null, dHidden);
        for (int i = encoder.length - 1; i >= 0; i--) {
            FMatrixRMaj input = i == 0 ? ws.x : ws.encAct[i - 1];
            FMatrixRMaj dInput = i == 0 ? null : ws.dEncAct[i - 1];
            // dH_i = dH_i * [H_i > 0];  dW_i = A^T dH_i;  dA = dH_i W_i^T (not needed for the input)
            encoder[i].backward(mm, input, ws.dEncAct[i], ws.encAct[i], dInput);
        }
    }

    /** Per-batch buffers, allocated once for up to maxBatch rows; smaller batches reuse them. */
    public final class Workspace {
        public final int maxBatch;
        int batch;
        /** The input batch, one image per row, pixels in [0, 1]. Fill rows [0, batch) before a pass. */
        public final FMatrixRMaj x;
        final FMatrixRMaj[] encAct;
        final FMatrixRMaj[] dEncAct;
        /** [mu | log sigma^2] per row after a pass. */
        public final FMatrixRMaj head;
        final FMatrixRMaj dHead;
        final FMatrixRMaj eps;
        final FMatrixRMaj sigma;
        /** The sampled latent codes after a pass. */
        public final FMatrixRMaj z;
        final FMatrixRMaj dz;
        final FMatrixRMaj[] decAct;
        final FMatrixRMaj[] dDecAct;
        /** The decoder's raw outputs after a pass. */
        public final FMatrixRMaj logits;
        final FMatrixRMaj dLogits;
        /** Sums over the batch of the last pass: reconstruction (-log p(x|z)) and KL, in nats. */
        public double reconSum;
        public double klSum;
        /** KL summed over the batch, per latent dimension. */
        public final double[] klPerDimSum;

        private Workspace(int maxBatch) {
            if (maxBatch < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + maxBatch);
            this.maxBatch = maxBatch;
            int d = config.latent(), in = config.inputSize();
            x = new FMatrixRMaj(maxBatch, in);
            encAct = new FMatrixRMaj[encoder.length];
            dEncAct = new FMatrixRMaj[encoder.length];
            for (int i = 0; i < encoder.length; i++) {
                encAct[i] = new FMatrixRMaj(maxBatch, encoder[i].out);
                dEncAct[i] = new FMatrixRMaj(maxBatch, encoder[i].out);
            }
            head = new FMatrixRMaj(maxBatch, 2 * d);
            dHead = new FMatrixRMaj(maxBatch, 2 * d);
            eps = new FMatrixRMaj(maxBatch, d);
            sigma = new FMatrixRMaj(maxBatch, d);
            z = new FMatrixRMaj(maxBatch, d);
            dz = new FMatrixRMaj(maxBatch, d);
            decAct = new FMatrixRMaj[decoder.length - 1];
            dDecAct = new FMatrixRMaj[decoder.length - 1];
            for (int i = 0; i < decoder.length - 1; i++) {
                decAct[i] = new FMatrixRMaj(maxBatch, decoder[i].out);
                dDecAct[i] = new FMatrixRMaj(maxBatch, decoder[i].out);
            }
            logits = new FMatrixRMaj(maxBatch, in);
            dLogits = new FMatrixRMaj(maxBatch, in);
            klPerDimSum = new double[d];
            batch = maxBatch;
        }

        /** Rows in the current batch. */
        public int batch() {
            return batch;
        }

        /** Sets the number of rows of every buffer (no allocation: capacity is maxBatch). */
        public void resize(int rows) {
            if (rows < 1 || rows > maxBatch)
                throw new IllegalArgumentException("batch of " + rows + " rows; this workspace holds 1.." + maxBatch);
            if (rows == batch && x.numRows == rows) return;
            batch = rows;
            reshapeRows(rows, x, head, dHead, eps, sigma, z, dz, logits, dLogits);
            reshapeRows(rows, encAct);
            reshapeRows(rows, dEncAct);
            reshapeRows(rows, decAct);
            reshapeRows(rows, dDecAct);
        }

        private void reshapeRows(int rows, FMatrixRMaj... ms) {
            for (FMatrixRMaj m : ms) m.reshape(rows, m.numCols);
        }
    }
}
