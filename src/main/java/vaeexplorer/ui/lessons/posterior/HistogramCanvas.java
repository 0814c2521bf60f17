package vaeexplorer.ui.lessons.posterior;

import javafx.beans.binding.DoubleExpression;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import vaeexplorer.core.vae.Gaussian;

import vaeexplorer.ui.widgets.NiceTicks;

/** One {@link Histogram}: bars of mu, the aggregate posterior (dashed) and the prior N(0, 1) (black). */
public final class HistogramCanvas extends Region {
    static final Color BARS = Color.web("#90caf9");
    static final Color AGGREGATE = Color.web("#1565c0");
    private final Canvas canvas = new Canvas();
    private final DoubleExpression fontSize;
    private Histogram histogram;

    HistogramCanvas(String id, DoubleExpression fontSize) {
        this.fontSize = fontSize;
        setId(id);
        getChildren().add(canvas);
        setMinSize(120, 80);
        setPrefSize(360, 180);
        fontSize.addListener((o, a, b) -> redraw());
    }

    void show(Histogram h) {
        histogram = h;
        redraw();
    }

    public Histogram histogram() {
        return histogram;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight(), f = fontSize.get();
        g.clearRect(0, 0, w, h);
        Histogram hist = histogram;
        if (hist == null || w < 40 || h < 40) return;
        double left = 0.6 * f, right = 0.6 * f, top = 1.5 * f, bottom = 1.6 * f;
        double pw = w - left - right, ph = h - top - bottom;
        if (pw < 10 || ph < 10) return;
        double ymax = Gaussian.pdf(0);
        for (double v : hist.density()) ymax = Math.max(ymax, v);
        for (double v : hist.aggregate()) ymax = Math.max(ymax, v);
        double top2 = Math.min(ymax, 4 * Gaussian.pdf(0)) * 1.08; // a spike should not flatten the prior
        double lo = hist.lo(), hi = hist.hi();
        java.util.function.DoubleUnaryOperator sx = x -> left + (x - lo) / (hi - lo) * pw;
        java.util.function.DoubleUnaryOperator sy = y -> top + ph - Math.min(y, top2) / top2 * ph;
        // bars
        int bins = hist.density().length;
        double bw = (hi - lo) / bins;
        g.setFill(BARS);
        for (int b = 0; b < bins; b++) {
            double x0 = sx.applyAsDouble(lo + b * bw), x1 = sx.applyAsDouble(lo + (b + 1) * bw), y = sy.applyAsDouble(hist.density()[b]);
            g.fillRect(x0, y, Math.max(1, x1 - x0 - 1), top + ph - y);
        }
        // axis and ticks
        g.setStroke(Color.web("#90a4ae"));
        g.setLineWidth(1);
        g.strokeLine(left, top + ph + 0.5, left + pw, top + ph + 0.5);
        double step = NiceTicks.step(lo, hi, (int) Math.max(2, pw / (3.5 * f)));
        g.setFill(Color.web("#263238"));
        g.setFont(Font.font(f * 0.85));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : NiceTicks.ticks(lo, hi, step)) {
            double x = Math.round(sx.applyAsDouble(t)) + 0.5;
            g.strokeLine(x, top + ph, x, top + ph + 0.3 * f);
            g.fillText(NiceTicks.label(t, step), x, top + ph + 0.35 * f);
        }
        // aggregate posterior, dashed
        g.setStroke(AGGREGATE);
        g.setLineWidth(2);
        g.setLineDashes(6, 4);
        polyline(g, hist.xs(), hist.aggregate(), sx, sy);
        g.setLineDashes();
        // prior
        double[] prior = new double[hist.xs().length];
        for (int k = 0; k < prior.length; k++) prior[k] = Gaussian.pdf(hist.xs()[k]);
        g.setStroke(Color.BLACK);
        g.setLineWidth(2.2);
        polyline(g, hist.xs(), prior, sx, sy);
        g.setFont(Font.font(null, FontWeight.BOLD, f));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(Color.web("#263238"));
        g.fillText("z" + hist.dim(), left, 0.1 * f);
    }

    private static void polyline(GraphicsContext g, double[] xs, double[] ys, java.util.function.DoubleUnaryOperator sx,
                                 java.util.function.DoubleUnaryOperator sy) {
        g.beginPath();
        for (int k = 0; k < xs.length; k++) {
            double x = sx.applyAsDouble(xs[k]), y = sy.applyAsDouble(ys[k]);
            if (k == 0) g.moveTo(x, y);
            else g.lineTo(x, y);
        }
        g.stroke();
    }
}
