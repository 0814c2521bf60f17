package vaeexplorer.ui.lessons.manifold;

import javafx.geometry.Rectangle2D;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.vae.LatentGrid;
import vaeexplorer.core.vae.LatentGrid.Spacing;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.latent.LatentPlane;
import vaeexplorer.ui.widgets.ImageTiles;

/**
 * A decoded manifold map: the images of the latent codes at xs times ys of a plotted plane (dimensions dimX and dimY,
 * or the one row y = 0 when dimY is -1; or two principal components), row-major from the top (largest y) down; every
 * other coordinate (dimension or component) keeps the explored z's value. Immutable.
 */
public record ManifoldGrid(double[] xs, double[] ys, LatentPlane plane, ImageTiles tiles) {
    /** The most cells along one axis of the background map. */
    public static final int MAX_CELLS = 60;

    /**
     * The map's axes: n points per axis, linear over the square around the view's centre (as wide as the view's shorter
     * side, cell centres), or at the prior's quantiles. One row at y = 0 for a one-dimensional latent space.
     */
    public static double[][] mapAxes(int n, Spacing spacing, Rectangle2D view, boolean oneDim) {
        double side = Math.min(view.getWidth(), view.getHeight()), cell = side / n;
        double cx = view.getMinX() + view.getWidth() / 2, cy = view.getMinY() + view.getHeight() / 2;
        double[] xs = spacing == Spacing.LINEAR ? LatentGrid.axis(n, spacing, cx - side / 2 + cell / 2, cx + side / 2 - cell / 2)
                : LatentGrid.axis(n, spacing, 0, 0);
        double[] ys = oneDim ? new double[] {0} : spacing == Spacing.LINEAR
                ? LatentGrid.axis(n, spacing, cy - side / 2 + cell / 2, cy + side / 2 - cell / 2) : LatentGrid.axis(n, spacing, 0, 0);
        return new double[][] {xs, ys};
    }

    /**
     * The background map's axes: linear cells as large as the map's (the shorter side over n; larger if the view is so
     * long that this would take more than {@link #MAX_CELLS} cells), continued to cover the whole view and a cell
     * beyond; or the map's quantiles.
     */
    public static double[][] backgroundAxes(int n, Spacing spacing, Rectangle2D view, boolean oneDim) {
        if (spacing == Spacing.GAUSSIAN_QUANTILES) return mapAxes(n, spacing, view, oneDim);
        // a very wide (or tall) view gets larger cells rather than too many of them
        double cell = Math.max(Math.min(view.getWidth(), view.getHeight()) / n,
                Math.max(view.getWidth(), view.getHeight()) / (MAX_CELLS - 2));
        double cx = view.getMinX() + view.getWidth() / 2, cy = view.getMinY() + view.getHeight() / 2;
        // one more cell on every side: no seam at the edges, and a short pan shows decoded images at once
        double[] xs = centred(cx, cell, Math.min(MAX_CELLS, n + 2 + 2 * (int) Math.ceil((view.getWidth() / cell - n) / 2 - 1e-9)));
        double[] ys = oneDim ? new double[] {0}
                : centred(cy, cell, Math.min(MAX_CELLS, n + 2 + 2 * (int) Math.ceil((view.getHeight() / cell - n) / 2 - 1e-9)));
        return new double[][] {xs, ys};
    }

    /**
     * Axes for a plane: as they are, except the prior's quantiles in a PCA plane, which lie around the image of z = 0
     * there (the prior projects onto the plane as N(origin, I)).
     */
    public static double[][] onPlane(double[][] axes, Spacing spacing, LatentPlane plane) {
        if (spacing != Spacing.GAUSSIAN_QUANTILES || !plane.isPca()) return axes;
        double[] xs = axes[0].clone(), ys = axes[1].clone();
        for (int i = 0; i < xs.length; i++) xs[i] += plane.originX();
        for (int i = 0; i < ys.length; i++) ys[i] += plane.originY();
        return new double[][] {xs, ys};
    }

    private static double[] centred(double centre, double cell, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = centre + (i - (n - 1) / 2.0) * cell;
        return v;
    }

    /** The dimension across (-1 in a PCA plane). */
    public int dimX() {
        return plane.xDim();
    }

    /** The dimension up (-1 in a PCA plane and for a one-dimensional latent). */
    public int dimY() {
        return plane.yDim();
    }

    /** Decodes the grid with the model (off the FX thread): base gives the dimensions that are not plotted. */
    public static ManifoldGrid decode(ModelSnapshot m, MatMul mm, double[] xs, double[] ys, int dimX, int dimY, float[] base,
                               int rows, int cols) {
        return decode(m, mm, xs, ys, LatentPlane.dimensions(m.latent(), dimX, dimY), base, rows, cols);
    }

    /**
     * Decodes the grid over a plane with the model (off the FX thread): cell (x, y) decodes plane.toZ(x, y, base), so
     * in a PCA plane every image is exactly that of its place in the scatter (the other components at base's).
     */
    public static ManifoldGrid decode(ModelSnapshot m, MatMul mm, double[] xs, double[] ys, LatentPlane plane, float[] base,
                               int rows, int cols) {
        int d = m.latent(), nx = xs.length, ny = ys.length, n = nx * ny;
        float[] z;
        int dimX = plane.xDim(), dimY = plane.yDim();
        if (plane.isPca()) {
            z = new float[n * d];
            for (int r = 0; r < ny; r++) // row-major from the top, as LatentGrid.codes lays them out
                for (int c = 0; c < nx; c++)
                    System.arraycopy(plane.toZ(xs[c], ys[ny - 1 - r], base), 0, z, (r * nx + c) * d, d);
        } else if (dimY >= 0) {
            z = LatentGrid.codes(xs, ys, d, dimX, dimY, base);
        } else {
            z = new float[n * d];
            for (int c = 0; c < nx; c++) {
                System.arraycopy(base, 0, z, c * d, d);
                z[c * d + dimX] = (float) xs[c];
            }
        }
        float[] images = new float[n * m.inputSize()];
        m.decodeBatch(mm, z, n, images);
        return new ManifoldGrid(xs, ys, plane, new ImageTiles(images, n, nx, rows, cols));
    }

    /** The latent code of tile i (for tests): x and y of its cell. */
    public double[] cellCentre(int i) {
        int r = i / xs.length, c = i % xs.length;
        return new double[] {xs[c], ys[ys.length - 1 - r]};
    }

    /** Cell boundaries around the centres: half-way between neighbours, the outer ones as far out as the inner. */
    public static double[] edges(double[] centres, double halfIfSingle) {
        int n = centres.length;
        double[] e = new double[n + 1];
        if (n == 1) {
            e[0] = centres[0] - halfIfSingle;
            e[1] = centres[0] + halfIfSingle;
            return e;
        }
        for (int i = 1; i < n; i++) e[i] = (centres[i - 1] + centres[i]) / 2;
        e[0] = centres[0] - (centres[1] - centres[0]) / 2;
        e[n] = centres[n - 1] + (centres[n - 1] - centres[n - 2]) / 2;
        return e;
    }
}
