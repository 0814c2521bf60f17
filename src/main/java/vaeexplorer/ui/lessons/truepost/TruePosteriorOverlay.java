package vaeexplorer.ui.lessons.truepost;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import vaeexplorer.core.vae.GridPosterior;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.PlotLayer;
import vaeexplorer.ui.latent.PlotMarks;
import vaeexplorer.ui.latent.PlotTransform;

/**
 * The true posterior p(z|x) on the scatter's axes while its lesson is shown: the heat map with its contour lines over
 * the box that holds the mass, and q(z|x)'s 1- and 2-sigma ellipses over it, so the two can be compared at a glance.
 * A trained model's posterior is small at the scatter's scale, so an enlarged view of it ({@link PosteriorInset}) goes
 * in a far corner. Drawn only when the plot shows the map's two dimensions (0 and 1 of a 2-D latent, or the slice's):
 * not in a PCA plane, which is not the slice the map is of (the lesson says so).
 */
public final class TruePosteriorOverlay implements PlotLayer {
    private static final Color Q = Color.web("#0d47a1");
    private static final Color FRAME = Color.web("#212121");
    private static final Color TEXT = Color.web("#212121");
    private final TruePosteriorModel model;
    private final LatentModel latent;
    private TruePosteriorMap shownMap;
    private WritableImage image;
    private boolean drawn;
    private PosteriorInset inset;

    public TruePosteriorOverlay(TruePosteriorModel model, LatentModel latent, LatentPlotView plot) {
        this.model = model;
        this.latent = latent;
        model.result().addListener((o, a, b) -> plot.redrawOverlays());
        model.shown().addListener((o, a, b) -> plot.redrawOverlays());
        latent.projection().addListener((o, a, b) -> plot.redrawOverlays());
    }

    /** Whether the map was drawn at the last redraw (for tests). */
    public boolean drawn() {
        return drawn;
    }

    @Override
    public void draw(GraphicsContext g, PlotTransform view, double fontSize) {
        drawn = false;
        TruePosteriorModel.Result r = model.result().get();
        if (!model.shown().get() || r == null || r.map() == null || latent.plane().get().isPca() || latent.xDim().get() != r.dimX()
                || latent.yDim().get() != r.dimY())
            return;
        TruePosteriorMap m = r.map();
        if (m != shownMap) {
            image = new WritableImage(m.n(), m.n());
            image.getPixelWriter().setPixels(0, 0, m.n(), m.n(), PixelFormat.getIntArgbInstance(), m.heat(), 0, m.n());
            shownMap = m;
        }
        GridPosterior p = m.posterior();
        double x0 = view.toScreenX(p.boxX0()), x1 = view.toScreenX(p.boxX1());
        double y0 = view.toScreenY(p.boxY1()), y1 = view.toScreenY(p.boxY0());
        g.setImageSmoothing(true);
        g.drawImage(image, x0, y0, x1 - x0, y1 - y0);
        PlotMarks.gaussian(g, view, p.mu()[0], p.mu()[1], p.sigma()[0], p.sigma()[1], Q, 2, fontSize);
        inset = PosteriorInset.place(view, m.focus());
        if (inset != null) drawInset(g, view, m, inset, fontSize);
        drawn = true;
    }

    /**
     * The enlarged view: the focus box outlined on the scatter and joined to a white square in a far corner, where the
     * map, its contours and q's ellipses are drawn again at the inset's scale, with a scale bar and the enlargement.
     */
    private void drawInset(GraphicsContext g, PlotTransform view, TruePosteriorMap m, PosteriorInset in, double fontSize) {
        double[] f = m.focus();
        double fx0 = view.toScreenX(f[0]), fx1 = view.toScreenX(f[1]), fy0 = view.toScreenY(f[3]), fy1 = view.toScreenY(f[2]);
        g.setStroke(Color.color(1, 1, 1, 0.9));
        g.setLineWidth(3);
        g.strokeRect(fx0, fy0, fx1 - fx0, fy1 - fy0);
        g.setStroke(FRAME);
        g.setLineWidth(1.2);
        g.strokeRect(fx0, fy0, fx1 - fx0, fy1 - fy0);
        // join the box's nearer corners to the inset's
        double bx = in.x() + in.size() / 2 < (fx0 + fx1) / 2 ? fx0 : fx1;
        double ix = in.x() + in.size() / 2 < (fx0 + fx1) / 2 ? in.x() + in.size() : in.x();
        g.setStroke(Color.color(0.13, 0.13, 0.13, 0.45));
        g.strokeLine(bx, fy0, ix, in.y());
        g.strokeLine(bx, fy1, ix, in.y() + in.size());

        g.save();
        g.setFill(Color.color(1, 1, 1, 0.96));
        g.fillRect(in.x(), in.y(), in.size(), in.size());
        g.beginPath();
        g.rect(in.x(), in.y(), in.size(), in.size());
        g.clip();
        PlotTransform t = in.view();
        GridPosterior p = m.posterior();
        g.drawImage(image, t.toScreenX(p.boxX0()), t.toScreenY(p.boxY1()),
                t.toScreenX(p.boxX1()) - t.toScreenX(p.boxX0()), t.toScreenY(p.boxY0()) - t.toScreenY(p.boxY1()));
        PlotMarks.gaussian(g, t, p.mu()[0], p.mu()[1], p.sigma()[0], p.sigma()[1], Q, 2, fontSize);
        // a scale bar about a third of the inset wide, of a round length
        double bar = roundLength(0.3 * t.span());
        double px = bar * t.scale(), sx = in.x() + 10, sy = in.y() + in.size() - 10;
        g.setFont(Font.font(0.85 * fontSize));
        g.setFill(TEXT);
        g.setStroke(TEXT);
        g.setLineWidth(2);
        g.strokeLine(sx, sy, sx + px, sy);
        g.strokeLine(sx, sy - 4, sx, sy + 1);
        g.strokeLine(sx + px, sy - 4, sx + px, sy + 1);
        g.setTextBaseline(VPos.BOTTOM);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(number(bar), sx + px + 5, sy + 4);
        g.setTextBaseline(VPos.TOP);
        g.fillText(I18n.format("truepost.inset", Math.round(in.zoom())), in.x() + 8, in.y() + 6);
        g.restore();
        g.setStroke(FRAME);
        g.setLineWidth(1.5);
        g.strokeRect(in.x(), in.y(), in.size(), in.size());
    }

    /** The largest 1, 2 or 5 times a power of ten at most v. */
    static double roundLength(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        double r = v / p;
        return (r >= 5 ? 5 : r >= 2 ? 2 : 1) * p;
    }

    private static String number(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(1)).stripTrailingZeros().toPlainString();
    }

    /** The enlarged view at the last redraw, or null (for tests). */
    public PosteriorInset inset() {
        return drawn ? inset : null;
    }
}
