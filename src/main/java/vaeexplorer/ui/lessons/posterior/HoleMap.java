package vaeexplorer.ui.lessons.posterior;

import vaeexplorer.core.train.LatentCodes;

import vaeexplorer.ui.latent.LatentPlane;

/**
 * Where the prior has mass but no data is encoded: a coarse grid of square cells over [-radius, radius]^2 in the two
 * plotted dimensions (or the plotted plane, around the prior's image there); a cell whose centre lies within radius of the origin (the prior's 2-sigma circle) and holds no
 * point's mu is a hole. The decoder was never trained on codes from there, yet sampling from the prior lands there.
 */
public record HoleMap(double cell, double radius, int n, boolean[] holes, int inside) {
    static final double CELL = 0.4;
    static final double RADIUS = 2;

    public static HoleMap of(LatentCodes c, int dimX, int dimY) {
        return of(c, dimX, dimY, CELL, RADIUS);
    }

    public static HoleMap of(LatentCodes c, int dimX, int dimY, double cell, double radius) {
        return of(c, LatentPlane.dimensions(c.latent(), dimX, dimY), cell, radius);
    }

    /**
     * The holes in a plotted plane (two dimensions, or a PCA plane), where the prior projects to N(origin, I): the
     * grid's coordinates are relative to the plane's origin (add {@link LatentPlane#originX()} to draw it).
     */
    public static HoleMap of(LatentCodes c, LatentPlane plane) {
        return of(c, plane, CELL, RADIUS);
    }

    static HoleMap of(LatentCodes c, LatentPlane plane, double cell, double radius) {
        int n = (int) Math.ceil(2 * radius / cell - 1e-9);
        double lo = -n * cell / 2, ox = plane.originX(), oy = plane.originY();
        int[] count = new int[n * n];
        for (int i = 0; i < c.size(); i++) {
            int col = (int) Math.floor((plane.x(c, i) - ox - lo) / cell), row = (int) Math.floor((plane.y(c, i) - oy - lo) / cell);
            if (col >= 0 && col < n && row >= 0 && row < n) count[row * n + col]++;
        }
        boolean[] holes = new boolean[n * n];
        int inside = 0;
        for (int row = 0; row < n; row++)
            for (int col = 0; col < n; col++) {
                double x = lo + (col + 0.5) * cell, y = lo + (row + 0.5) * cell;
                if (Math.hypot(x, y) > radius) continue;
                inside++;
                holes[row * n + col] = count[row * n + col] == 0;
            }
        return new HoleMap(cell, radius, n, holes, inside);
    }

    /** Left edge of column col (latent units). */
    double x(int col) {
        return -n * cell / 2 + col * cell;
    }

    /** Bottom edge of row row (latent units). */
    double y(int row) {
        return -n * cell / 2 + row * cell;
    }

    public boolean isHole(double x, double y) {
        int col = (int) Math.floor((x - x(0)) / cell), row = (int) Math.floor((y - y(0)) / cell);
        return col >= 0 && col < n && row >= 0 && row < n && holes[row * n + col];
    }

    public int holeCount() {
        int k = 0;
        for (boolean h : holes) if (h) k++;
        return k;
    }
}
