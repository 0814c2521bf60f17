package vaeexplorer.ui.latent;

import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.train.LatentPca;

/**
 * The plane of z the scatter shows, and the exact map between the two: two chosen dimensions of z, or the first two
 * principal components of the shown points' means ({@link LatentPca}, fitted per snapshot of the codes). Both are
 * orthonormal projections, x = r_x . z + o_x and y = r_y . z + o_y, so a Gaussian's covariance projects as
 * P Sigma P^T, the prior N(0, I) projects to N(origin, I) (its circles keep their radii), and a point of the plane
 * maps back to the z with those two coordinates and every other coordinate (dimension or component) of a base point
 * ({@link #toZ}): the image decoded there is the one of the point shown. Immutable.
 */
public final class LatentPlane {
    /** How z is projected: two of its dimensions, or its first two principal components. */
    public enum Kind {
        DIMENSIONS("dimensions"), PCA("pca");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The name sessions save (and the i18n key's last part: "latent.projection." + key). */
        public String key() {
            return key;
        }

        /** The kind saved as key, or DIMENSIONS for anything else. */
        public static Kind ofKey(String key) {
            for (Kind k : values()) if (k.key.equals(key)) return k;
            return DIMENSIONS;
        }
    }

    private final Kind kind;
    private final int latent, xDim, yDim;
    private final LatentPca pca;
    private final LatentCodes fittedTo;
    /** The plane's two rows (unit vectors in z; rowY all 0 for a one-dimensional latent) and its offsets. */
    private final double[] rowX, rowY;
    private final double offX, offY;
    /** +1 or -1: the sign each PCA axis is shown with (kept from the fit before, so the scatter does not flip). */
    private final double signX, signY;

    private LatentPlane(Kind kind, int latent, int xDim, int yDim, LatentPca pca, LatentCodes fittedTo, double signX,
                        double signY) {
        this.kind = kind;
        this.latent = latent;
        this.xDim = xDim;
        this.yDim = yDim;
        this.pca = pca;
        this.fittedTo = fittedTo;
        this.signX = signX;
        this.signY = signY;
        rowX = new double[latent];
        rowY = new double[latent];
        if (pca == null) {
            if (xDim >= 0 && xDim < latent) rowX[xDim] = 1;
            if (yDim >= 0 && yDim < latent) rowY[yDim] = 1;
            offX = offY = 0;
        } else {
            float[] mean = pca.mean();
            double ox = 0, oy = 0;
            for (int j = 0; j < latent; j++) {
                rowX[j] = signX * pca.component(0, j);
                rowY[j] = signY * pca.component(1, j);
                ox -= rowX[j] * mean[j];
                oy -= rowY[j] * mean[j];
            }
            offX = ox;
            offY = oy;
        }
    }

    /** Dimensions xDim and yDim of z (yDim -1: a one-dimensional latent, every point on y = 0). */
    public static LatentPlane dimensions(int latent, int xDim, int yDim) {
        return new LatentPlane(Kind.DIMENSIONS, latent, xDim, yDim, null, null, 1, 1);
    }

    /**
     * The first two principal components of codes' means (at least two codes of at least two dimensions), centred on
     * their mean: x is the coordinate along component 1, y along component 2. Each axis keeps the direction it had in
     * previous (when that is a PCA plane of the same size), so that refitting on the next snapshot does not mirror the
     * scatter whenever an eigenvector's sign turns over.
     */
    public static LatentPlane pca(LatentCodes codes, LatentPlane previous) {
        return pca(LatentPca.fit(codes), codes, previous);
    }

    /** The plane of the first two components of a fitted PCA (see {@link #pca(LatentCodes, LatentPlane)}). */
    public static LatentPlane pca(LatentPca pca, LatentCodes fittedTo, LatentPlane previous) {
        if (pca.latent() < 2) throw new IllegalArgumentException("a PCA plane needs two components, got " + pca.latent());
        double sx = 1, sy = 1;
        if (previous != null && previous.isPca() && previous.latent == pca.latent()) {
            double dx = 0, dy = 0;
            for (int j = 0; j < pca.latent(); j++) {
                dx += previous.rowX[j] * pca.component(0, j);
                dy += previous.rowY[j] * pca.component(1, j);
            }
            sx = dx < 0 ? -1 : 1;
            sy = dy < 0 ? -1 : 1;
        }
        return new LatentPlane(Kind.PCA, pca.latent(), -1, -1, pca, fittedTo, sx, sy);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isPca() {
        return kind == Kind.PCA;
    }

    /** The latent size this plane is of. */
    public int latent() {
        return latent;
    }

    /** The dimension across (-1 for PCA). */
    public int xDim() {
        return xDim;
    }

    /** The dimension up (-1 for PCA and for a one-dimensional latent). */
    public int yDim() {
        return yDim;
    }

    /** True if every point lies on y = 0 (a one-dimensional latent). */
    public boolean oneDimensional() {
        return kind == Kind.DIMENSIONS && yDim < 0;
    }

    /** The fitted PCA (null for dimensions). */
    public LatentPca pca() {
        return pca;
    }

    /** The codes the PCA was fitted to (null for dimensions). */
    public LatentCodes fittedTo() {
        return fittedTo;
    }

    /** The share of the fitted points' variance along axis 0 (x) or 1 (y), in [0, 1]; NaN for dimensions. */
    public double explained(int axis) {
        return pca == null ? Double.NaN : pca.explained(axis);
    }

    /** True if both show the same axes (the same two dimensions, or both principal components, of any fit). */
    public boolean sameAxes(LatentPlane o) {
        return o != null && o.kind == kind && o.latent == latent && o.xDim == xDim && o.yDim == yDim;
    }

    /** z's coordinate across. */
    public double x(float[] z) {
        return pca == null ? (xDim >= 0 && xDim < z.length ? z[xDim] : 0) : dot(rowX, z) + offX;
    }

    /** z's coordinate up. */
    public double y(float[] z) {
        return pca == null ? (yDim >= 0 && yDim < z.length ? z[yDim] : 0) : dot(rowY, z) + offY;
    }

    /** The coordinate across of code i's mean. */
    public double x(LatentCodes c, int i) {
        if (pca == null) return xDim >= 0 && xDim < c.latent() ? c.mu(i, xDim) : 0;
        double s = offX;
        for (int j = 0; j < latent; j++) s += rowX[j] * c.mu(i, j);
        return s;
    }

    /** The coordinate up of code i's mean. */
    public double y(LatentCodes c, int i) {
        if (pca == null) return yDim >= 0 && yDim < c.latent() ? c.mu(i, yDim) : 0;
        double s = offY;
        for (int j = 0; j < latent; j++) s += rowY[j] * c.mu(i, j);
        return s;
    }

    /** Where z = 0 (the prior's mean) lies in the plane: (0, 0) for dimensions. */
    public double originX() {
        return offX;
    }

    public double originY() {
        return offY;
    }

    /**
     * The z at (x, y) of the plane whose every other coordinate is base's: for dimensions base with the two plotted
     * dimensions set, for PCA {@link LatentPca#onPlane} (the other components as base's). x(result) = x and
     * y(result) = y up to float rounding.
     */
    public float[] toZ(double x, double y, float[] base) {
        if (base.length != latent) throw new IllegalArgumentException("z of " + base.length + " dimensions, plane of " + latent);
        if (pca == null) {
            float[] z = base.clone();
            if (xDim >= 0 && xDim < latent) z[xDim] = (float) x;
            if (yDim >= 0 && yDim < latent) z[yDim] = (float) y;
            return z;
        }
        // the PCA's own coordinates are centred (no offset) and unsigned: x = signX * coordinate(z, 0)
        return pca.onPlane(0, signX * x, 1, signY * y, base);
    }

    /**
     * The 2x2 covariance {var x, cov xy, var y} in the plane of a Gaussian with independent dimensions of the given
     * sigmas: P diag(sigma^2) P^T.
     */
    public double[] covariance(float[] sigma) {
        double xx = 0, xy = 0, yy = 0;
        for (int j = 0; j < latent; j++) {
            double v = (double) sigma[j] * sigma[j];
            xx += rowX[j] * rowX[j] * v;
            xy += rowX[j] * rowY[j] * v;
            yy += rowY[j] * rowY[j] * v;
        }
        return new double[] {xx, xy, yy};
    }

    /** The covariance in the plane of code i's posterior q(z|x_i) (see {@link #covariance(float[])}). */
    public double[] covariance(LatentCodes c, int i) {
        float[] s = new float[latent];
        for (int j = 0; j < latent; j++) s[j] = c.sigma(i, j);
        return covariance(s);
    }

    private double dot(double[] row, float[] z) {
        double s = 0;
        for (int j = 0; j < latent; j++) s += row[j] * z[j];
        return s;
    }
}
