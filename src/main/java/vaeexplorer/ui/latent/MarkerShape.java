package vaeexplorer.ui.latent;

/**
 * The ten marker shapes, one per class, as polygons around (0, 0) with y downwards, reaching about 1 from the centre.
 * Matplotlib's markers o s ^ D x + * v &lt; &gt;: a pentagon or a hexagon would be the next in its list, but at the
 * plot's size (a dozen pixels across) they cover nearly the circle's pixels, while a triangle's direction still shows.
 * Each is sized so that its area is close to the circle's (pi), so that no class looks heavier than another; the
 * sprites on screen, the legend and the figures all draw these same outlines.
 */
public enum MarkerShape {
    CIRCLE, SQUARE, TRIANGLE, DIAMOND, CROSS, PLUS, STAR, TRIANGLE_DOWN, TRIANGLE_LEFT, TRIANGLE_RIGHT;

    private static final MarkerShape[] ORDER = values();

    /** The shape of a class label (cycling after ten); unlabelled points (label < 0) are circles. */
    public static MarkerShape of(int label) {
        return label < 0 ? CIRCLE : ORDER[label % ORDER.length];
    }

    /** The outline's vertices {x0, y0, x1, y1, ...}, y downwards. */
    public double[] outline() {
        return switch (this) {
            case CIRCLE -> regular(32, 1.0, 0);
            // a square of area pi: half-side sqrt(pi) / 2
            case SQUARE -> new double[] {-0.886, -0.886, 0.886, -0.886, 0.886, 0.886, -0.886, 0.886};
            // a regular n-gon of circumradius R has area n R^2 sin(2 pi / n) / 2; R chosen so that it is about pi
            case TRIANGLE -> regular(3, 1.56, -Math.PI / 2);
            case TRIANGLE_DOWN -> regular(3, 1.56, Math.PI / 2);
            case DIAMOND -> regular(4, 1.25, -Math.PI / 2);
            case TRIANGLE_LEFT -> regular(3, 1.56, Math.PI);
            case TRIANGLE_RIGHT -> regular(3, 1.56, 0);
            case PLUS -> cross(1.25, 0.42, 0);
            case CROSS -> cross(1.25, 0.42, Math.PI / 4);
            case STAR -> star(1.45, 0.6);
        };
    }

    /** n vertices on a circle of radius r, the first at angle a0 (radians, y downwards). */
    private static double[] regular(int n, double r, double a0) {
        double[] p = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double a = a0 + 2 * Math.PI * k / n;
            p[2 * k] = r * Math.cos(a);
            p[2 * k + 1] = r * Math.sin(a);
        }
        return p;
    }

    /** A five-pointed star: points at radius outer, inner corners at inner * outer. */
    private static double[] star(double outer, double inner) {
        double[] p = new double[20];
        for (int k = 0; k < 10; k++) {
            double a = -Math.PI / 2 + Math.PI * k / 5, r = k % 2 == 0 ? outer : inner * outer;
            p[2 * k] = r * Math.cos(a);
            p[2 * k + 1] = r * Math.sin(a);
        }
        return p;
    }

    /** A plus of arm length r and half-width w (twelve corners), turned by angle a. */
    private static double[] cross(double r, double w, double a) {
        double[] xy = {-w, -r, w, -r, w, -w, r, -w, r, w, w, w, w, r, -w, r, -w, w, -r, w, -r, -w, -w, -w};
        double c = Math.cos(a), s = Math.sin(a);
        double[] p = new double[xy.length];
        for (int k = 0; k < xy.length; k += 2) {
            p[k] = c * xy[k] - s * xy[k + 1];
            p[k + 1] = s * xy[k] + c * xy[k + 1];
        }
        return p;
    }

    /** The polygon's area (shoelace formula), for tests. */
    public double area() {
        double[] p = outline();
        double a = 0;
        for (int k = 0; k < p.length; k += 2) {
            int j = (k + 2) % p.length;
            a += p[k] * p[j + 1] - p[j] * p[k + 1];
        }
        return Math.abs(a) / 2;
    }
}
