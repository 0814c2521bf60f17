package vaeexplorer.core.vae;

import java.util.Arrays;

import org.ejml.data.FMatrixRMaj;

import vaeexplorer.core.nn.Elementwise;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Rng;

/**
 * What the ELBO bounds: the log marginal likelihood log p(x) = log integral p(x|z) p(z) dz of a model snapshot, in
 * nats, two ways.
 * <ul>
 * <li>{@link #iwae Importance sampling} (any latent size): log p(x) ~ log (1/K) sum_k p(x|z_k) p(z_k) / q(z_k|x),
 *   z_k ~ q(z|x), by log-sum-exp. K = 1 is the single-sample ELBO; the estimate rises towards log p(x) as K grows
 *   (Burda et al., arXiv 1509.00519), and stays below it on average.</li>
 * <li>{@link #grid Integration on a grid} (latent 2): the sum of p(x|z) p(z) over cells, which also gives the true
 *   posterior p(z|x) as a map ({@link GridPosterior}).</li>
 * </ul>
 * The grid has two levels. A coarse {@link PriorGrid} over the prior's region is decoded once per snapshot, for every
 * image: its log-likelihoods for a batch of images are one matrix product (Bernoulli: log p(x|z) = x . l -
 * sum softplus(l); Gaussian: -(|x|^2 - 2 x . m + |m|^2) / (2 sigma^2) - const). For each image a fine box is then
 * chosen: the union of q's mean +- {@value #Q_SIGMAS} sigmas and every coarse cell that holds at least
 * {@value #MASS_FLOOR} of the coarse posterior's mass (so a second mode q misses is covered too), widened to whole
 * coarse cells, and integrated on its own n x n grid; the coarse cells outside the box make up the rest. Since the box
 * is a union of coarse cells the two parts tile the plane without overlap or gaps. Why this is accurate: the midpoint
 * rule on a smooth peaked integrand converges very fast (for a Gaussian of sd s with spacing h the relative error is
 * about exp(-2 pi^2 s^2 / h^2): 1e-6 at h = 1.2 s), so the coarse spacing of 0.12 is enough for the broad parts
 * of a posterior, and the fine grid (a box of 12 sigma over n = 100 cells has a spacing of sigma / 8) for its narrow
 * core, even at sigma = 0.05 where a fixed grid over [-5, 5] would fall between the peak. Mass beyond the prior's
 * +-6 and q's +-6 sigma is not counted: p(z) there is below e^-18 of its peak.
 */
public final class MarginalLikelihood {
    /** Half the side of the coarse grid's square (the prior's region). */
    public static final double PRIOR_RADIUS = 6;
    /** Cells per axis of the coarse grid: a spacing of 0.12. */
    public static final int PRIOR_CELLS = 100;
    /** How far the fine box reaches around q's mean, in q's standard deviations. */
    public static final double Q_SIGMAS = 6;
    /** Coarse cells holding at least this fraction of the posterior's mass are integrated finely. */
    public static final double MASS_FLOOR = 1e-4;
    /** Gauss-Hermite nodes per axis for E_q[log p(x|z)]. */
    static final int HERMITE_NODES = 20;
    /** The fewest and most fine cells per axis. */
    public static final int MIN_GRID = 10, MAX_GRID = 1000;
    private static final int ROWS = 512;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private MarginalLikelihood() {}

    /**
     * IWAE estimates of log p(x) for n images (the rows of xs, n x inputSize), K samples from q(z|x) each. eps is
     * drawn from rng image by image, sample by sample, dimension by dimension: with K = 1 in the order in which
     * {@link Vae#evaluate} draws it, so that both see the same z.
     */
    public static double[] iwae(ModelSnapshot m, MatMul mm, float[] xs, int n, int k, Rng rng) {
        return iwae(m, mm, xs, n, k, rng, null);
    }

    /** As above; with meanLogW (n long), also each image's mean log weight: the ELBO from the same samples. */
    private static double[] iwae(ModelSnapshot m, MatMul mm, float[] xs, int n, int k, Rng rng, double[] meanLogW) {
        if (k < 1) throw new IllegalArgumentException("IWAE needs at least 1 sample per image, got " + k);
        int d = m.latent(), px = m.inputSize();
        float[] mu = new float[n * d], sigma = new float[n * d];
        m.encodeBatch(mm, xs, n, mu, sigma);
        Likelihood like = m.config().likelihood();
        double sx = m.config().gaussianSigma();
        Elementwise kernels = ModelSnapshot.kernels();
        float[] zs = new float[ROWS * d], logits = new float[ROWS * px];
        double[] priorOverQ = new double[ROWS], max = new double[n], sum = new double[n];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        long total = (long) n * k;
        for (long start = 0; start < total; start += ROWS) {
            int rows = (int) Math.min(ROWS, total - start);
            for (int r = 0; r < rows; r++) {
                int i = (int) ((start + r) / k);
                double acc = 0;
                for (int j = 0; j < d; j++) {
                    float s = sigma[i * d + j], e = (float) rng.nextGaussian(), z = mu[i * d + j] + e * s;
                    zs[r * d + j] = z;
                    // log p(z) - log q(z|x) = sum_j -z_j^2 / 2 + eps_j^2 / 2 + log sigma_j
                    acc += -0.5 * z * z + 0.5 * e * e + Math.log(s);
                }
                priorOverQ[r] = acc;
            }
            m.decodeLogitsBatch(mm, zs, rows, logits);
            for (int r = 0; r < rows; r++) {
                int i = (int) ((start + r) / k);
                // log w = log p(x|z) + log p(z) - log q(z|x), summed as a running log-sum-exp per image
                double lw = like.logLikelihood(kernels, logits, r * px, xs, i * px, px, sx) + priorOverQ[r];
                if (meanLogW != null) meanLogW[i] += lw / k;
                if (lw > max[i]) {
                    sum[i] = sum[i] * Math.exp(max[i] - lw) + 1;
                    max[i] = lw;
                } else {
                    sum[i] += Math.exp(lw - max[i]);
                }
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = max[i] + Math.log(sum[i]) - Math.log(k);
        return out;
    }

    /**
     * log p(x) of one image by importance sampling with K samples, and from the same samples the ELBO: the mean of the
     * log weights. KL(q(z|x) || p(z)) is exact, E_q[log p(x|z)] = ELBO + KL. The gap logPx - elbo is never negative
     * (Jensen's inequality on the samples drawn).
     */
    public record Importance(double logPx, double elbo, double kl, int k) {
        public double expectedLogLikelihood() {
            return elbo + kl;
        }

        public double gap() {
            return logPx - elbo;
        }
    }

    /** {@link Importance} of one image x (inputSize pixels) under m, K samples from q(z|x) drawn from rng. */
    public static Importance importance(ModelSnapshot m, MatMul mm, float[] x, int k, Rng rng) {
        int d = m.latent();
        float[] mu = new float[d], sigma = new float[d];
        m.encodeBatch(mm, x, 1, mu, sigma);
        // KL(q || N(0, I)) = 0.5 sum_j (mu_j^2 + sigma_j^2 - log sigma_j^2 - 1)
        double kl = 0;
        for (int j = 0; j < d; j++) kl += 0.5 * ((double) mu[j] * mu[j] + (double) sigma[j] * sigma[j] - 2 * Math.log(sigma[j]) - 1);
        double[] meanLogW = new double[1];
        double logPx = iwae(m, mm, x, 1, k, rng, meanLogW)[0];
        return new Importance(logPx, meanLogW[0], kl, k);
    }

    /**
     * A model snapshot's decodes of the coarse grid over the prior's region, made once and shared by every image
     * (they do not depend on x). Immutable. For a 2-D latent the grid spans the whole latent space; for a larger one
     * it spans a 2-D slice: dimensions dimX and dimY vary over the grid, the others are held at base's values.
     */
    public static final class PriorGrid {
        final ModelSnapshot model;
        final int cells;
        final double radius;
        final double h;
        /** The latent dimensions the grid spans, and the latent point the others are taken from. */
        final int dimX, dimY;
        final float[] base;
        /** The raw decoder outputs of the cells, one row each (row r * cells + c: row 0 at the top). */
        final FMatrixRMaj logits;
        /** Per cell: the part of log p(x|z) + log p(z) that does not depend on x. */
        final double[] cellTerm;

        PriorGrid(ModelSnapshot model, MatMul mm, int cells, double radius, int dimX, int dimY, float[] base) {
            int d = model.latent();
            if (d < 2) throw new IllegalArgumentException("the posterior grid needs a latent of 2 or more; this model has " + d);
            if (dimX < 0 || dimY < 0 || dimX >= d || dimY >= d || dimX == dimY)
                throw new IllegalArgumentException("a slice needs two different latent dimensions of " + d + ", got "
                        + dimX + " and " + dimY);
            if (base.length != d) throw new IllegalArgumentException("the slice's point has " + base.length
                    + " dimensions, the model " + d);
            this.model = model;
            this.cells = cells;
            this.radius = radius;
            this.h = 2 * radius / cells;
            this.dimX = dimX;
            this.dimY = dimY;
            this.base = base.clone();
            int g = cells * cells, px = model.inputSize();
            float[] zs = new float[d * g];
            for (int r = 0; r < cells; r++) {
                for (int c = 0; c < cells; c++) {
                    placeOnSlice(zs, r * cells + c, -radius + (c + 0.5) * h, radius - (r + 0.5) * h);
                }
            }
            logits = new FMatrixRMaj(g, px);
            model.decodeLogitsBatch(mm, zs, g, logits.data);
            cellTerm = new double[g];
            VaeConfig cfg = model.config();
            double sx = cfg.gaussianSigma();
            Elementwise kernels = ModelSnapshot.kernels();
            for (int i = 0; i < g; i++) {
                double t = logPrior(zs[d * i + dimX], zs[d * i + dimY]);
                if (cfg.likelihood() == Likelihood.BERNOULLI) {
                    // log p(x|z) = x . l - sum softplus(l)
                    t -= kernels.softplusSum(logits.data, i * px, px);
                } else {
                    // log p(x|z) = (x . m) / s^2 - |x|^2 / (2 s^2) - |m|^2 / (2 s^2) - px log(sqrt(2 pi) s)
                    double sq = 0;
                    for (int p = 0; p < px; p++) sq += (double) logits.data[i * px + p] * logits.data[i * px + p];
                    t -= 0.5 * sq / (sx * sx) + px * Likelihood.gaussianConstant(sx);
                }
                cellTerm[i] = t;
            }
        }

        public ModelSnapshot model() {
            return model;
        }

        /** Whether this grid is a slice of a larger latent (else it is the whole 2-D latent space). */
        public boolean isSlice() {
            return model.latent() > 2;
        }

        public int dimX() {
            return dimX;
        }

        public int dimY() {
            return dimY;
        }

        /** Row i of zs (latent-wide rows) becomes the slice's point (x, y): base with dimX = x and dimY = y. */
        void placeOnSlice(float[] zs, int i, double x, double y) {
            int d = base.length;
            System.arraycopy(base, 0, zs, i * d, d);
            zs[i * d + dimX] = (float) x;
            zs[i * d + dimY] = (float) y;
        }

        /**
         * log p(x|z) + log p(z) at every cell for n images (rows of xs): out is n x cells^2, one matrix product
         * C = X L^T and a term per cell and per image.
         */
        void logJoint(MatMul mm, float[] xs, int from, int n, double[] out) {
            int px = model.inputSize(), g = cells * cells;
            VaeConfig cfg = model.config();
            boolean bernoulli = cfg.likelihood() == Likelihood.BERNOULLI;
            double inv = 1 / (cfg.gaussianSigma() * cfg.gaussianSigma());
            FMatrixRMaj x = new FMatrixRMaj(n, px), c = new FMatrixRMaj(n, g);
            System.arraycopy(xs, from * px, x.data, 0, n * px);
            // C = X L^T: x . l for every image and cell
            mm.multTransB(x, logits, c);
            for (int i = 0; i < n; i++) {
                double imageTerm = 0, scale = 1;
                if (!bernoulli) {
                    double sq = 0;
                    for (int p = 0; p < px; p++) sq += (double) x.data[i * px + p] * x.data[i * px + p];
                    imageTerm = -0.5 * sq * inv;
                    scale = inv;
                }
                for (int j = 0; j < g; j++) out[i * g + j] = scale * c.data[i * g + j] + cellTerm[j] + imageTerm;
            }
        }
    }

    /** The coarse grid of a 2-D model snapshot ({@value #PRIOR_CELLS}^2 cells over +-{@value #PRIOR_RADIUS}). */
    public static PriorGrid priorGrid(ModelSnapshot m, MatMul mm) {
        if (m.latent() != 2)
            throw new IllegalArgumentException("the posterior grid needs a 2-D latent; this model has " + m.latent());
        return new PriorGrid(m, mm, PRIOR_CELLS, PRIOR_RADIUS, 0, 1, new float[2]);
    }

    /**
     * The coarse grid on the 2-D slice of a larger latent through dimensions dimX and dimY, the others held at base's
     * values (for one image: q(z|x)'s mean). On it, p(x|z) p(z) is proportional to the conditional posterior
     * p(z_dimX, z_dimY | x, the other dimensions fixed): the grid gives that map, not log p(x).
     */
    public static PriorGrid sliceGrid(ModelSnapshot m, MatMul mm, int dimX, int dimY, float[] base) {
        return new PriorGrid(m, mm, PRIOR_CELLS, PRIOR_RADIUS, dimX, dimY, base);
    }

    /** log N(z; 0, I) for a 2-D z. */
    static double logPrior(double z1, double z2) {
        return -0.5 * (z1 * z1 + z2 * z2) - LOG_2PI;
    }

    /** log p(x) by the grid for n images (rows of xs), with n x n fine cells per image. */
    public static double[] grid(PriorGrid pg, MatMul mm, float[] xs, int n, int fine) {
        checkFine(fine);
        if (pg.isSlice()) throw new IllegalArgumentException("log p(x) on a grid needs a 2-D latent, not a slice");
        int px = pg.model.inputSize(), g = pg.cells * pg.cells, chunk = 32;
        float[] mu = new float[2 * n], sigma = new float[2 * n];
        pg.model.encodeBatch(mm, xs, n, mu, sigma);
        double[] out = new double[n], joint = new double[Math.min(chunk, Math.max(1, n)) * g];
        for (int start = 0; start < n; start += chunk) {
            int rows = Math.min(chunk, n - start);
            pg.logJoint(mm, xs, start, rows, joint);
            for (int r = 0; r < rows; r++) {
                int i = start + r;
                out[i] = solve(pg, mm, xs, i * px, mu[2 * i], mu[2 * i + 1], sigma[2 * i], sigma[2 * i + 1], joint, r * g,
                        fine, false).logPx();
            }
        }
        return out;
    }

    /** The true posterior of one image x (inputSize pixels) on an n x n fine grid, with log p(x), the ELBO and the gap. */
    public static GridPosterior posterior(PriorGrid pg, MatMul mm, float[] x, int fine) {
        checkFine(fine);
        int d = pg.model.latent();
        float[] mu = new float[d], sigma = new float[d];
        pg.model.encodeBatch(mm, x, 1, mu, sigma);
        double[] joint = new double[pg.cells * pg.cells];
        pg.logJoint(mm, x, 0, 1, joint);
        return solve(pg, mm, x, 0, mu[pg.dimX], mu[pg.dimY], sigma[pg.dimX], sigma[pg.dimY], joint, 0, fine, true);
    }

    /**
     * For a latent above 2: the conditional posterior of x on the slice through dimensions dimX and dimY with the
     * others held at q(z|x)'s mean, on an n x n fine grid. Its map integrates to one over the slice; its logPx is the
     * log of the slice's normaliser (not log p(x)) and its ELBO terms are NaN: for those, see {@link #importance}.
     */
    public static GridPosterior slicePosterior(ModelSnapshot m, MatMul mm, float[] x, int dimX, int dimY, int fine) {
        checkFine(fine);
        int d = m.latent();
        float[] mu = new float[d], sigma = new float[d];
        m.encodeBatch(mm, x, 1, mu, sigma);
        PriorGrid pg = sliceGrid(m, mm, dimX, dimY, mu);
        double[] joint = new double[pg.cells * pg.cells];
        pg.logJoint(mm, x, 0, 1, joint);
        return solve(pg, mm, x, 0, mu[dimX], mu[dimY], sigma[dimX], sigma[dimY], joint, 0, fine, true);
    }

    private static void checkFine(int fine) {
        if (fine < MIN_GRID || fine > MAX_GRID)
            throw new IllegalArgumentException("the grid has " + MIN_GRID + " to " + MAX_GRID + " points per axis, got " + fine);
    }

    /**
     * One image: chooses the fine box from q and the coarse posterior (coarse log p(x, z) in joint[off, off + cells^2)),
     * integrates it and adds the coarse cells outside. With full, also the maps and the ELBO's terms.
     */
    private static GridPosterior solve(PriorGrid pg, MatMul mm, float[] xs, int xOff, float mu1, float mu2, float s1,
                                       float s2, double[] joint, int off, int fine, boolean full) {
        if (!(Float.isFinite(mu1) && Float.isFinite(mu2) && s1 > 0 && s2 > 0 && Float.isFinite(s1) && Float.isFinite(s2)))
            throw new IllegalArgumentException("the encoder's output is not a usable Gaussian (mu " + mu1 + ", " + mu2
                    + "; sigma " + s1 + ", " + s2 + ")");
        int cells = pg.cells, g = cells * cells;
        double h = pg.h, radius = pg.radius;
        double coarseLse = logSumExp(joint, off, g);
        // the fine box in whole coarse cells: columns [c0, c1), rows from the bottom [b0, b1), on the coarse lattice
        // (which goes on beyond the coarse grid's edge)
        long c0 = lattice(mu1 - Q_SIGMAS * s1, radius, h, false), c1 = lattice(mu1 + Q_SIGMAS * s1, radius, h, true);
        long b0 = lattice(mu2 - Q_SIGMAS * s2, radius, h, false), b1 = lattice(mu2 + Q_SIGMAS * s2, radius, h, true);
        if (c1 <= c0) c1 = c0 + 1;
        if (b1 <= b0) b1 = b0 + 1;
        double floor = coarseLse + Math.log(MASS_FLOOR);
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < cells; c++) {
                if (joint[off + r * cells + c] < floor) continue;
                int b = cells - 1 - r;
                c0 = Math.min(c0, c); c1 = Math.max(c1, c + 1);
                b0 = Math.min(b0, b); b1 = Math.max(b1, b + 1);
            }
        }
        double x0 = -radius + c0 * h, x1 = -radius + c1 * h, y0 = -radius + b0 * h, y1 = -radius + b1 * h;
        double hx = (x1 - x0) / fine, hy = (y1 - y0) / fine;
        int px = pg.model.inputSize();
        Likelihood like = pg.model.config().likelihood();
        double sx = pg.model.config().gaussianSigma();
        Elementwise kernels = ModelSnapshot.kernels();
        int m = fine * fine;
        double[] fineJoint = new double[m];
        int d = pg.model.latent();
        float[] zs = new float[d * ROWS], logits = new float[ROWS * px];
        for (int start = 0; start < m; start += ROWS) {
            int rows = Math.min(ROWS, m - start);
            for (int t = 0; t < rows; t++) {
                int r = (start + t) / fine, c = (start + t) % fine;
                pg.placeOnSlice(zs, t, x0 + (c + 0.5) * hx, y1 - (r + 0.5) * hy);
            }
            pg.model.decodeLogitsBatch(mm, zs, rows, logits);
            for (int t = 0; t < rows; t++)
                fineJoint[start + t] = like.logLikelihood(kernels, logits, t * px, xs, xOff, px, sx)
                        + logPrior(zs[d * t + pg.dimX], zs[d * t + pg.dimY]);
        }
        // log p(x) = log (sum_fine e^{log p(x, z)} hx hy + sum_coarse outside the box e^{log p(x, z)} h^2)
        double fineLse = logSumExp(fineJoint, 0, m) + Math.log(hx * hy);
        double[] outside = new double[g];
        int k = 0;
        for (int r = 0; r < cells; r++) {
            int b = cells - 1 - r;
            for (int c = 0; c < cells; c++)
                if (c < c0 || c >= c1 || b < b0 || b >= b1) outside[k++] = joint[off + r * cells + c];
        }
        double outsideLse = logSumExp(outside, 0, k) + 2 * Math.log(h);
        double logPx = logAdd(fineLse, outsideLse);
        if (!full) return new GridPosterior(logPx, Double.NaN, Double.NaN, null, null, x0, x1, y0, y1, fine, null,
                radius, cells, null, Math.exp(fineLse - logPx));

        float[] fineMap = new float[m];
        for (int i = 0; i < m; i++) fineMap[i] = (float) (fineJoint[i] - logPx);
        float[] coarseMap = new float[g];
        for (int r = 0; r < cells; r++) {
            int b = cells - 1 - r;
            for (int c = 0; c < cells; c++) {
                boolean inside = c >= c0 && c < c1 && b >= b0 && b < b1;
                coarseMap[r * cells + c] = inside ? Float.NaN : (float) (joint[off + r * cells + c] - logPx);
            }
        }
        if (pg.isSlice())
            return new GridPosterior(logPx, Double.NaN, Double.NaN, new float[] {mu1, mu2}, new float[] {s1, s2}, x0, x1,
                    y0, y1, fine, fineMap, radius, cells, coarseMap, Math.exp(fineLse - logPx));
        double expected = expectedLogLikelihood(pg.model, mm, xs, xOff, mu1, mu2, s1, s2);
        // KL(q || N(0, I)) = 0.5 sum_j (mu_j^2 + sigma_j^2 - log sigma_j^2 - 1)
        double kl = 0.5 * ((double) mu1 * mu1 + (double) s1 * s1 - 2 * Math.log(s1) - 1)
                + 0.5 * ((double) mu2 * mu2 + (double) s2 * s2 - 2 * Math.log(s2) - 1);
        return new GridPosterior(logPx, expected, kl, new float[] {mu1, mu2}, new float[] {s1, s2}, x0, x1, y0, y1, fine,
                fineMap, radius, cells, coarseMap, Math.exp(fineLse - logPx));
    }

    /** E_q[log p(x|z)] under q = N(mu, diag(s^2)) by Gauss-Hermite quadrature ({@value #HERMITE_NODES}^2 nodes). */
    private static double expectedLogLikelihood(ModelSnapshot model, MatMul mm, float[] xs, int xOff, float mu1,
                                                float mu2, float s1, float s2) {
        double[][] gh = Gaussian.hermiteQuadrature(HERMITE_NODES);
        int q = HERMITE_NODES, px = model.inputSize();
        float[] zs = new float[2 * q * q], logits = new float[q * q * px];
        for (int i = 0; i < q; i++)
            for (int j = 0; j < q; j++) {
                zs[2 * (i * q + j)] = (float) (mu1 + s1 * gh[0][i]);
                zs[2 * (i * q + j) + 1] = (float) (mu2 + s2 * gh[0][j]);
            }
        model.decodeLogitsBatch(mm, zs, q * q, logits);
        Likelihood like = model.config().likelihood();
        double sum = 0;
        for (int i = 0; i < q; i++)
            for (int j = 0; j < q; j++)
                sum += gh[1][i] * gh[1][j] * like.logLikelihood(ModelSnapshot.kernels(), logits, (i * q + j) * px, xs,
                        xOff, px, model.config().gaussianSigma());
        return sum;
    }

    /** The coarse lattice line at or below (or, with up, at or above) v: -radius + index * h, index clamped. */
    private static long lattice(double v, double radius, double h, boolean up) {
        double i = (v + radius) / h;
        double r = up ? Math.ceil(i) : Math.floor(i);
        return (long) Math.max(-100_000, Math.min(100_000, r));
    }

    /** log sum_i e^{a_i} over a[off, off + n), stably (-infinity for n = 0). */
    static double logSumExp(double[] a, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = off; i < off + n; i++) max = Math.max(max, a[i]);
        if (max == Double.NEGATIVE_INFINITY) return max;
        double s = 0;
        for (int i = off; i < off + n; i++) s += Math.exp(a[i] - max);
        return max + Math.log(s);
    }

    private static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) return b;
        if (b == Double.NEGATIVE_INFINITY) return a;
        double m = Math.max(a, b);
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }
}
