package vaeexplorer.ui.lessons.manifold;

import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlane;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.PlotLayer;
import vaeexplorer.ui.latent.PlotTransform;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.LessonInputs;
import vaeexplorer.ui.lessons.Refresher;
import vaeexplorer.ui.widgets.ImageTiles;

/**
 * The manifold map drawn faintly under the scatter's points, each image in its own cell on the plot's axes, so it
 * follows zoom and pan at once (the last map stretched with the view) and is decoded again for the new view soon
 * after. Images are drawn as grey ink on the white plot.
 */
public final class ManifoldUnderlay implements PlotLayer {
    private static final double INK_ALPHA = 0.45;
    private final LatentModel latent;
    private final ManifoldModel settings;
    private final LatentPlotView plot;
    private final Refresher<Decoded> refresher;
    private ManifoldGrid grid;
    private WritableImage ink;
    private Rectangle2D drawn;

    public ManifoldUnderlay(LessonContext ctx, ManifoldModel settings, LatentPlotView plot) {
        this.latent = ctx.latent();
        this.settings = settings;
        this.plot = plot;
        refresher = new Refresher<>(ctx.worker(), 400, this::job, this::show);
        refresher.active().bind(settings.background());
        Runnable request = refresher::request;
        LessonInputs.onChange(request, latent.model(), latent.plane(), latent.shown(), settings.gridSize(),
                settings.spacing(), plot.visibleRange());
        LessonInputs.onUnplottedChange(latent, request);
        settings.background().addListener((o, a, on) -> {
            if (on) request.run();
            plot.redrawUnderlays();
        });
    }

    /** A decoded map and its ink (ARGB, the tiles side by side), both made on the worker. */
    private record Decoded(ManifoldGrid grid, int[] ink) {}

    Refresher<?> refresher() {
        return refresher;
    }

    /** The map last decoded, or null. */
    public ManifoldGrid grid() {
        return grid;
    }

    /** The screen rectangle (plot coordinates) the map covered at the last redraw, or null if not drawn. */
    public Rectangle2D drawnBounds() {
        return drawn;
    }

    private java.util.function.Function<MatMul, Decoded> job() {
        ModelSnapshot m = LessonInputs.model(latent);
        Rectangle2D v = plot.visibleRange().get();
        if (m == null || v == null) return null;
        LatentPlane plane = latent.plane().get();
        double[][] ax = ManifoldGrid.onPlane(ManifoldGrid.backgroundAxes(settings.gridSize().get(), settings.spacing().get(),
                v, plane.oneDimensional()), settings.spacing().get(), plane);
        float[] base = latent.z().get().clone();
        int[] shape = LessonInputs.shape(latent, m);
        return mm -> {
            ManifoldGrid g = ManifoldGrid.decode(m, mm, ax[0], ax[1], plane, base, shape[0], shape[1]);
            return new Decoded(g, ink(g.tiles()));
        };
    }

    private void show(Decoded d) {
        grid = d == null ? null : d.grid();
        if (d == null) {
            ink = null;
        } else {
            ImageTiles t = d.grid().tiles();
            int w = t.gridCols() * t.cols(), h = t.gridRows() * t.rows();
            ink = new WritableImage(w, h);
            ink.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), d.ink(), 0, w);
        }
        plot.redrawUnderlays();
    }

    /** The tiles side by side as grey ink whose opacity is the pixel value (ARGB, row-major). */
    static int[] ink(ImageTiles t) {
        int w = t.gridCols() * t.cols(), h = t.gridRows() * t.rows();
        int[] out = new int[w * h];
        float[] px = t.pixels();
        for (int i = 0; i < t.count(); i++) {
            int ox = (i % t.gridCols()) * t.cols(), oy = (i / t.gridCols()) * t.rows(), base = i * t.imageSize();
            for (int r = 0; r < t.rows(); r++)
                for (int c = 0; c < t.cols(); c++) {
                    double v = Math.max(0, Math.min(1, px[base + r * t.cols() + c]));
                    int a = (int) Math.round(255 * INK_ALPHA * v);
                    out[(oy + r) * w + ox + c] = a << 24 | 0x263238;
                }
        }
        return out;
    }

    /** True if the centres are evenly spaced (a linear map: one image for the whole map). */
    private static boolean even(double[] v) {
        for (int i = 2; i < v.length; i++) if (Math.abs((v[i] - v[i - 1]) - (v[1] - v[0])) > 1e-6 * Math.abs(v[1] - v[0])) return false;
        return true;
    }

    @Override
    public void draw(GraphicsContext g, PlotTransform view, double fontSize) {
        drawn = null;
        ManifoldGrid m = grid;
        // a map of other axes is not drawn; one of an earlier PCA fit is (the next decode follows soon)
        if (!settings.background().get() || m == null || ink == null || !m.plane().sameAxes(latent.plane().get())) return;
        double[] xe = ManifoldGrid.edges(m.xs(), 0.5);
        double[] ye = ManifoldGrid.edges(m.ys(), m.xs().length > 1 ? (m.xs()[1] - m.xs()[0]) / 2 : 0.5);
        ImageTiles t = m.tiles();
        int nx = m.xs().length, ny = m.ys().length;
        g.setImageSmoothing(true);
        if (even(m.xs()) && even(m.ys())) {
            double x0 = Math.round(view.toScreenX(xe[0])), x1 = Math.round(view.toScreenX(xe[nx]));
            double y0 = Math.round(view.toScreenY(ye[ny])), y1 = Math.round(view.toScreenY(ye[0]));
            g.drawImage(ink, x0, y0, x1 - x0, y1 - y0);
            drawn = new Rectangle2D(x0, y0, x1 - x0, y1 - y0);
            return;
        }
        for (int r = 0; r < ny; r++) {
            // row r from the top holds ys[ny - 1 - r]
            double top = Math.round(view.toScreenY(ye[ny - r])), bottom = Math.round(view.toScreenY(ye[ny - 1 - r]));
            for (int c = 0; c < nx; c++) {
                double left = Math.round(view.toScreenX(xe[c])), right = Math.round(view.toScreenX(xe[c + 1]));
                g.drawImage(ink, c * t.cols(), r * t.rows(), t.cols(), t.rows(), left, top, right - left, bottom - top);
            }
        }
        double x0 = view.toScreenX(xe[0]), x1 = view.toScreenX(xe[nx]), y0 = view.toScreenY(ye[ny]), y1 = view.toScreenY(ye[0]);
        drawn = new Rectangle2D(x0, y0, x1 - x0, y1 - y0);
    }
}
