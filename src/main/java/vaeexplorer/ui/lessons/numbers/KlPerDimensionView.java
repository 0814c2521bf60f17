package vaeexplorer.ui.lessons.numbers;

import java.util.Locale;

import javafx.beans.binding.DoubleExpression;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.widgets.NiceTicks;

/**
 * The KL per dimension tab: one bar per latent dimension, the mean KL(q(z_d|x) || N(0, 1)) over the newest training
 * interval, live. Dimensions below {@link #INACTIVE_NATS} carry (almost) no information about x: greyed and labelled
 * "inactive" (posterior collapse).
 */
public final class KlPerDimensionView extends VBox {
    static final double INACTIVE_NATS = 0.1;
    private static final Color ACTIVE = Color.web("#ef6c00");
    private static final Color INACTIVE = Color.web("#bdbdbd");
    private final Bars bars;
    private final Label summary = new Label();

    public KlPerDimensionView(LessonContext ctx) {
        setId("klView");
        getStyleClass().add("lesson");
        bars = new Bars(ctx.fontSize());
        Label title = new Label();
        title.textProperty().bind(I18n.tr("kl.title"));
        title.getStyleClass().add("panel-title");
        title.setMinWidth(0);
        summary.setId("klSummary");
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Label explain = new Label();
        // the word the bars are marked with
        explain.textProperty().bind(I18n.trf("kl.explain", I18n.tr("kl.inactive")));
        explain.setWrapText(true);
        explain.getStyleClass().add("lesson-text");
        explain.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(bars, Priority.ALWAYS);
        getChildren().addAll(title, summary, bars, explain);
        ObservableValue<double[]> kl = ctx.klPerDim();
        kl.addListener((o, a, b) -> show(b));
        show(kl.getValue());
        Relabel.onLocaleChange(this, () -> show(bars.values));
    }

    static boolean inactive(double kl) {
        return kl < INACTIVE_NATS;
    }

    /** The values shown, or null. */
    public double[] values() {
        return bars.values == null ? null : bars.values.clone();
    }

    /** True if dimension d was drawn greyed and labelled inactive at the last redraw. */
    public boolean isMarkedInactive(int d) {
        return bars.markedInactive != null && d < bars.markedInactive.length && bars.markedInactive[d];
    }

    /** Where dimension d's bar was drawn (in the bars region's coordinates), or null. */
    public Rectangle2D barBounds(int d) {
        return bars.bounds == null || d >= bars.bounds.length ? null : bars.bounds[d];
    }

    public Region barsRegion() {
        return bars;
    }

    private void show(double[] kl) {
        bars.values = kl == null ? null : kl.clone();
        bars.redraw();
        if (kl == null) {
            summary.setText(I18n.get("kl.trainFirst"));
            bars.setAccessibleText(summary.getText());
            return;
        }
        int active = 0;
        double total = 0;
        for (double v : kl) {
            if (!inactive(v)) active++;
            total += v;
        }
        summary.setText(I18n.format(kl.length == 1 ? "kl.summaryOne" : "kl.summary", active, kl.length, INACTIVE_NATS, total));
        // the bars, in words, for a screen reader (a canvas says nothing by itself)
        java.util.List<String> each = new java.util.ArrayList<>();
        for (int d = 0; d < kl.length; d++)
            each.add(I18n.format("a11y.klBar", d, kl[d]) + (inactive(kl[d]) ? " (" + I18n.get("kl.inactive") + ")" : ""));
        bars.setAccessibleText(summary.getText() + ": " + vaeexplorer.ui.i18n.Formats.list(each));
    }

    /** The bar chart itself, drawn on a canvas. */
    private static final class Bars extends Region {
        private final Canvas canvas = new Canvas();
        private final DoubleExpression fontSize;
        double[] values;
        boolean[] markedInactive;
        Rectangle2D[] bounds;

        Bars(DoubleExpression fontSize) {
            this.fontSize = fontSize;
            setId("klBars");
            setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
            getChildren().add(canvas);
            setMinSize(120, 80);
            setPrefSize(600, 160);
            fontSize.addListener((o, a, b) -> redraw());
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

        void redraw() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double w = canvas.getWidth(), h = canvas.getHeight(), f = fontSize.get();
            g.clearRect(0, 0, w, h);
            markedInactive = null;
            bounds = null;
            if (values == null || values.length == 0 || w < 20 || h < 20) return;
            int n = values.length;
            double max = 0.5;
            for (double v : values) if (Double.isFinite(v)) max = Math.max(max, v);
            double left = 3.2 * f, bottom = 1.6 * f, topPad = 1.4 * f, right = 0.5 * f;
            double plotH = h - bottom - topPad, plotW = w - left - right;
            if (plotH < 10 || plotW < 10) return;
            // about four ticks, fewer if their labels would not fit one above the other
            double step = NiceTicks.step(0, max, 4), top = Math.ceil(max / step) * step;
            for (int target = 3; target >= 1 && plotH * step / top < 1.2 * f; target--) {
                step = NiceTicks.step(0, max, target);
                top = Math.ceil(max / step) * step;
            }
            g.setFont(Font.font(f * 0.85));
            g.setTextBaseline(VPos.CENTER);
            g.setTextAlign(TextAlignment.RIGHT);
            g.setLineWidth(1);
            double lastLabel = Double.MAX_VALUE;
            for (double t : NiceTicks.ticks(0, top, step)) {
                double y = Math.round(topPad + plotH * (1 - t / top)) + 0.5;
                g.setStroke(t == 0 ? Color.web("#90a4ae") : Color.web("#e3e6e8"));
                g.strokeLine(left, y, left + plotW, y);
                g.setFill(Color.web("#263238"));
                if (lastLabel - y < 0.9 * f) continue; // a short chart: no label over another
                g.fillText(NiceTicks.label(t, step), left - 0.4 * f, y);
                lastLabel = y;
            }
            // the 0.1-nat threshold
            double ty = Math.round(topPad + plotH * (1 - INACTIVE_NATS / top)) + 0.5;
            g.setStroke(Color.web("#757575"));
            g.setLineDashes(4, 4);
            g.strokeLine(left, ty, left + plotW, ty);
            g.setLineDashes();
            double slot = plotW / n, barW = Math.max(2, Math.min(slot * 0.7, 6 * f));
            markedInactive = new boolean[n];
            bounds = new Rectangle2D[n];
            int labelEvery = (int) Math.ceil(2.6 * f / slot);
            String offWord = I18n.get("kl.inactive");
            for (int d = 0; d < n; d++) {
                double v = Double.isFinite(values[d]) ? Math.max(0, values[d]) : 0;
                boolean off = inactive(values[d]);
                double x = left + slot * d + (slot - barW) / 2, bh = Math.max(off ? 2 : 1, plotH * v / top);
                double y = topPad + plotH - bh;
                g.setFill(off ? INACTIVE : ACTIVE);
                g.fillRect(x, y, barW, bh);
                bounds[d] = new Rectangle2D(x, y, barW, bh);
                markedInactive[d] = off;
                double cx = x + barW / 2;
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.TOP);
                g.setFill(off ? Color.web("#757575") : Color.web("#263238"));
                g.setFont(Font.font(null, off ? FontWeight.NORMAL : FontWeight.BOLD, f * 0.85));
                if (d % labelEvery == 0) g.fillText("z" + d, cx, topPad + plotH + 0.25 * f);
                g.setTextBaseline(VPos.BOTTOM);
                if (off) {
                    if (slot >= 4.5 * f) g.fillText(offWord, cx, y - 0.15 * f);
                    else {
                        g.save();
                        g.translate(cx, y - 0.2 * f);
                        g.rotate(-90);
                        g.setTextAlign(TextAlignment.LEFT);
                        g.setTextBaseline(VPos.CENTER);
                        g.fillText(offWord, 0, 0);
                        g.restore();
                    }
                } else if (slot >= 2.6 * f) {
                    g.fillText(String.format(Locale.ROOT, "%.2f", v), cx, y - 0.15 * f);
                }
            }
        }
    }
}
