package vaeexplorer.ui.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;

/**
 * The loss curves against the training step: training loss and reconstruction per reporting interval with the
 * held-out loss per epoch above, and KL (much smaller) in a panel of its own below, sharing the step axis. Redraws
 * at most four times a second. Copies only new points from the {@link LossCurves} (all of
 * them after the history merged points), and redraws once per update. Its words (legend, axes, tooltips, the empty
 * chart's message) follow the UI's language.
 */
public final class LossChartView extends StackPane {
    private final LossCurves history;
    private final XYSeries total = new XYSeries("total", false, true);
    private final XYSeries recon = new XYSeries("recon", false, true);
    private final XYSeries test = new XYSeries("test", false, true);
    private final XYSeries kl = new XYSeries("kl", false, true);
    private final XYSeries testNll = new XYSeries("testNll", false, true);
    private final XYSeries testGap = new XYSeries("testGap", false, true);
    private final XYSeries testNegElbo = new XYSeries("testNegElbo", false, true);
    private final XYSeries[] series = {total, recon, test, kl, testNll, testGap, testNegElbo};
    /** The names of {@link #series} in the legend, as keys. */
    private static final String[] SERIES_KEYS = {"chart.series.training", "chart.series.recon", "chart.series.test",
            "chart.series.kl", "chart.series.testNll", "chart.series.testGap", "chart.series.testNegElbo"};
    private final int[] generations = {-1, -1, -1, -1, -1, -1, -1};
    private final int[] copied = new int[7];
    private final JFreeChart chart;
    private final NumberAxis stepAxis = new NumberAxis();
    private final NumberAxis lossAxis = new NumberAxis();
    private final NumberAxis klAxis = new NumberAxis("KL"); // a symbol, the same in every language
    private final ChartViewer viewer;
    private final XYPlot losses;
    private final XYLineAndShapeRenderer lines;
    private final XYLineAndShapeRenderer klLine;
    /** The true posterior lesson's test-set -log p(x) and gap: purple and teal, apart from the other curves. */
    private static final Color LOG_PX = new Color(0x6a, 0x1b, 0x9a), GAP = new Color(0x00, 0x79, 0x6b);
    /** Redraws at most this often; a chart redraw is the most expensive thing the FX thread does. */
    private static final long MIN_REDRAW_MILLIS = 250;
    private final PauseTransition pending = new PauseTransition();
    /** The points' tooltips, made once per point in the current language (applyWords makes them anew). */
    private Tooltips tips;
    private long lastSync;
    private final javafx.collections.ObservableList<SettingChange> changes;
    private java.awt.Font markerFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private double fontPx = 13;
    /** Whether the legend stands at the right and the loss axis has its short title (see {@link #legendAtRight}). */
    private boolean legendRight, shortTitle;

    private final vaeexplorer.ui.widgets.FocusRing ring = new vaeexplorer.ui.widgets.FocusRing(this);

    public LossChartView(TrainingModel training, ObservableDoubleValue fontSize) {
        this.history = training.losses().curves();
        this.changes = training.settingChanges();
        setId("lossChartPane");
        XYSeriesCollection left = new XYSeriesCollection();
        left.addSeries(total);
        left.addSeries(recon);
        left.addSeries(test);
        left.addSeries(testNll);
        left.addSeries(testNegElbo);
        XYSeriesCollection right = new XYSeriesCollection(kl);
        right.addSeries(testGap);

        stepAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        stepAxis.setAutoRangeIncludesZero(false);
        lossAxis.setAutoRangeIncludesZero(false);
        klAxis.setAutoRangeIncludesZero(true);

        lines = new ChunkedLines(); // tooltips: applyWords
        lines.setSeriesPaint(0, new Color(0x21, 0x21, 0x21));
        lines.setSeriesPaint(1, new Color(0x1e, 0x88, 0xe5));
        lines.setSeriesPaint(2, new Color(0xd3, 0x2f, 0x2f));
        lines.setSeriesShapesVisible(2, true);
        lines.setSeriesPaint(3, LOG_PX);
        lines.setSeriesShapesVisible(3, true);
        lines.setSeriesVisibleInLegend(3, false);
        lines.setSeriesPaint(4, LOG_PX); // the -ELBO of the same images: dashed, above -log p(x) by the gap
        lines.setSeriesShapesVisible(4, true);
        lines.setSeriesVisibleInLegend(4, false);
        klLine = new ChunkedLines();
        klLine.setSeriesPaint(0, new Color(0xef, 0x6c, 0x00));
        klLine.setSeriesPaint(1, GAP);
        klLine.setSeriesShapesVisible(1, true);
        klLine.setSeriesVisibleInLegend(1, false);
        setLineScale(1);

        XYPlot losses = subplot(left, lossAxis, lines);
        XYPlot klPlot = subplot(right, klAxis, klLine);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(stepAxis);
        plot.setGap(6);
        plot.add(losses, 2);
        plot.add(klPlot, 1);
        klAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        this.losses = losses;

        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));

        viewer = new ChartViewer(chart);
        viewer.setId("lossChart");
        viewer.setFocusTraversable(false); // the chart pane takes the focus, and says the latest losses
        getChildren().add(viewer);
        setMinSize(200, 120);
        setPrefSize(900, 240);

        applyWords();
        Relabel.onLocaleChange(this, this::applyWords);
        applyFonts(fontSize.get());
        fontSize.addListener((o, a, b) -> applyFonts(b.doubleValue()));
        heightProperty().addListener(o -> fitLayout());
        widthProperty().addListener(o -> fitLayout());
        training.losses().version().addListener((o, a, b) -> scheduleSync());
        changes.addListener((javafx.collections.ListChangeListener<SettingChange>) c -> showChanges());
        pending.setOnFinished(e -> sync());
        sync();

        // a screen reader hears the latest losses when the chart gets the focus (Tab), kept current while it has it
        setFocusTraversable(true);
        getChildren().add(ring);
        setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        accessibleRoleDescriptionProperty().bind(I18n.tr("a11y.chart.role"));
        accessibleHelpProperty().bind(I18n.tr("a11y.chart.help"));
        accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> spokenText(training.latestLoss().get()), training.latestLoss(), I18n.locale()));
    }

    /** "Latest losses at step 1,200, epoch 3.4: loss 171.2, reconstruction 165.0, KL 6.2, in nats per image". */
    static String spokenText(vaeexplorer.core.train.LossPoint p) {
        if (p == null) return I18n.get("a11y.chart.none");
        return I18n.format("a11y.chart.text", Formats.count(p.step()),
                String.format(java.util.Locale.ROOT, "%.1f", p.epochPosition()), Formats.nats(p.loss()),
                Formats.nats(p.recon()), Formats.nats(p.kl()));
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        ring.cover(getWidth(), getHeight());
    }

    /**
     * Whether a chart this short for its text (presentation mode, large text) puts its legend at the right, where a
     * wide window has room, instead of above the curves, where it would take a row of the little height there is.
     */
    static boolean legendAtRight(double width, double height, double fontPx) {
        return shortFor(height, fontPx) && width > 45 * fontPx;
    }

    /**
     * Whether the chart is too short for its text to hold the loss axis' title ("loss (nats)") along the upper panel:
     * it would run into the KL panel's title, so the axis is titled "nats" alone (the legend names the curves).
     */
    static boolean shortFor(double height, double fontPx) {
        return height < 14 * fontPx;
    }

    /** Legend and axis title for the chart's size now. */
    private void fitLayout() {
        double w = getWidth(), h = getHeight();
        if (w <= 0 || h <= 0) return;
        boolean right = legendAtRight(w, h, fontPx), titleShort = shortFor(h, fontPx);
        if (right == legendRight && titleShort == shortTitle) return;
        legendRight = right;
        shortTitle = titleShort;
        chart.getLegend().setPosition(right ? RectangleEdge.RIGHT : RectangleEdge.TOP);
        lossAxis.setLabel(I18n.get(titleShort ? "chart.axis.lossShort" : "chart.axis.loss"));
    }

    /** Where the legend stands now (for tests). */
    public RectangleEdge legendPosition() {
        return chart.getLegend().getPosition();
    }

    /** Line widths and test-point dots times k (2 in presentation mode). */
    public void setLineScale(double k) {
        float f = (float) k;
        lines.setSeriesStroke(0, line(1.6f * f));
        lines.setSeriesStroke(1, line(1.3f * f));
        lines.setSeriesStroke(2, line(2.4f * f));
        lines.setSeriesShape(2, new Ellipse2D.Double(-5 * k, -5 * k, 10 * k, 10 * k));
        lines.setSeriesStroke(3, line(2f * f));
        lines.setSeriesShape(3, diamond(5 * k));
        lines.setSeriesStroke(4, new BasicStroke(2f * f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f * f, 4f * f}, 0f));
        lines.setSeriesShape(4, new java.awt.geom.Rectangle2D.Double(-3.5 * k, -3.5 * k, 7 * k, 7 * k));
        klLine.setSeriesStroke(0, line(1.4f * f));
        klLine.setSeriesStroke(1, line(2f * f));
        klLine.setSeriesShape(1, diamond(4.5 * k));
    }

    private static java.awt.Shape diamond(double r) {
        java.awt.geom.Path2D.Double d = new java.awt.geom.Path2D.Double();
        d.moveTo(0, -r);
        d.lineTo(r, 0);
        d.lineTo(0, r);
        d.lineTo(-r, 0);
        d.closePath();
        return d;
    }

    /** A line drawn as one path: round joins, so the sharp turns of a noisy curve do not grow miter spikes. */
    private static BasicStroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /**
     * Draws each series as paths of at most {@link #CHUNK} points. One path per point pair meant thousands of canvas
     * calls per redraw on a long run; one path for the whole series makes the rasterizer sort thousands of crossings on
     * every scan line of its band. Round caps and joins make the pieces look like one line.
     */
    private static final class ChunkedLines extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        static final int CHUNK = 32;

        ChunkedLines() {
            super(true, false);
            setDrawSeriesLineAsPath(true);
        }

        @Override
        protected void drawPrimaryLineAsPath(org.jfree.chart.renderer.xy.XYItemRendererState state, java.awt.Graphics2D g2,
                XYPlot plot, org.jfree.data.xy.XYDataset dataset, int pass, int series, int item,
                org.jfree.chart.axis.ValueAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis,
                java.awt.geom.Rectangle2D dataArea) {
            super.drawPrimaryLineAsPath(state, g2, plot, dataset, pass, series, item, domainAxis, rangeAxis, dataArea);
            State s = (State) state;
            if (item == s.getLastItemIndex() || (item - s.getFirstItemIndex()) % CHUNK != 0 || !s.isLastPointGood()) return;
            java.awt.geom.Point2D at = s.seriesPath.getCurrentPoint();
            if (at == null) return;
            drawFirstPassShape(g2, pass, series, item, s.seriesPath);
            s.seriesPath.reset();
            s.seriesPath.moveTo(at.getX(), at.getY());
        }
    }

    /**
     * Each point's tooltip, made once: every redraw asks for the tooltip of every point (for the hover areas), and
     * formatting thousands of them again four times a second was most of the chart's time on the FX thread. The points
     * of a series never change once shown (a merge clears the series, and {@link #forget} its tooltips).
     */
    private static final class Tooltips implements org.jfree.chart.labels.XYToolTipGenerator {
        private final org.jfree.chart.labels.XYToolTipGenerator format;
        private final java.util.Map<Comparable<?>, java.util.ArrayList<String>> made = new java.util.HashMap<>();

        Tooltips(org.jfree.chart.labels.XYToolTipGenerator format) {
            this.format = format;
        }

        @Override
        public String generateToolTip(org.jfree.data.xy.XYDataset data, int series, int item) {
            java.util.ArrayList<String> list = made.computeIfAbsent(data.getSeriesKey(series), k -> new java.util.ArrayList<>());
            while (list.size() <= item) list.add(format.generateToolTip(data, series, list.size()));
            return list.get(item);
        }

        void forget(Comparable<?> seriesKey) {
            made.remove(seriesKey);
        }
    }

    private static XYPlot subplot(XYSeriesCollection data, NumberAxis axis, XYLineAndShapeRenderer renderer) {
        XYPlot p = new XYPlot(data, null, axis, renderer);
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        p.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        p.setDomainGridlineStroke(new BasicStroke(1f));
        p.setRangeGridlineStroke(new BasicStroke(1f));
        p.setAxisOffset(RectangleInsets.ZERO_INSETS);
        p.setOutlinePaint(new Color(0xb0, 0xb6, 0xba));
        return p;
    }

    /**
     * The chart drawn by JFreeChart itself at its size on screen times scale (2: twice the pixels, same layout), for
     * exports. Call on the FX thread.
     */
    public java.awt.image.BufferedImage render(double scale) {
        sync();
        double w = Math.max(1, viewer.getWidth()), h = Math.max(1, viewer.getHeight());
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage((int) Math.round(w * scale),
                (int) Math.round(h * scale), java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(scale, scale);
            chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, w, h));
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * Draws the chart as a figure of w x h (for exports): legend above the curves and the loss axis' full title, whatever
     * the layout on screen is now. Call on the FX thread.
     */
    public void drawFigure(java.awt.Graphics2D g, double w, double h) {
        sync();
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        try {
            chart.getLegend().setPosition(RectangleEdge.TOP);
            lossAxis.setLabel(I18n.get("chart.axis.loss"));
            chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, w, h));
        } finally {
            chart.getLegend().setPosition(legendRight ? RectangleEdge.RIGHT : RectangleEdge.TOP);
            lossAxis.setLabel(I18n.get(shortTitle ? "chart.axis.lossShort" : "chart.axis.loss"));
            chart.setNotify(notify);
        }
    }

    /** The chart itself (for tests). */
    public JFreeChart chart() {
        return chart;
    }

    /** Points on the chart per series: training loss, reconstruction, test, KL (for tests). */
    public int[] itemCounts() {
        return new int[] {total.getItemCount(), recon.getItemCount(), test.getItemCount(), kl.getItemCount()};
    }

    /** Points of the test set's -log p(x), of the gap and of the -ELBO of the same images (for tests). */
    public int[] logPxCounts() {
        return new int[] {testNll.getItemCount(), testGap.getItemCount(), testNegElbo.getItemCount()};
    }

    private void scheduleSync() {
        if (pending.getStatus() == Animation.Status.RUNNING) return;
        long since = (System.nanoTime() - lastSync) / 1_000_000;
        if (since >= MIN_REDRAW_MILLIS || history.isEmpty()) {
            sync(); // at once when it is time, and when cleared
        } else {
            pending.setDuration(Duration.millis(MIN_REDRAW_MILLIS - since));
            pending.playFromStart();
        }
    }

    private void sync() {
        pending.stop();
        lastSync = System.nanoTime();
        DownsampledSeries[] sources = {history.total(), history.recon(), history.test(), history.kl(), history.testNll(),
                history.testGap(), history.testNegElbo()};
        chart.setNotify(false);
        try {
            for (int k = 0; k < series.length; k++) {
                DownsampledSeries src = sources[k];
                if (src.generation() != generations[k]) {
                    series[k].clear();
                    tips.forget(series[k].getKey());
                    copied[k] = 0;
                    generations[k] = src.generation();
                }
                for (int i = copied[k]; i < src.size(); i++) series[k].add(src.x(i), src.y(i), false);
                if (src.size() != copied[k]) series[k].fireSeriesChanged();
                copied[k] = src.size();
            }
            // the lesson's curves join the legend once they have points
            lines.setSeriesVisibleInLegend(3, testNll.getItemCount() > 0, false);
            lines.setSeriesVisibleInLegend(4, testNegElbo.getItemCount() > 0, false);
            klLine.setSeriesVisibleInLegend(1, testGap.getItemCount() > 0, false);
            fitLossAxis();
        } finally {
            chart.setNotify(true);
        }
    }

    /**
     * Fits the left axis to the losses after the first tenth of the run, so that the steep first drop (from ~550 nats
     * on MNIST) does not flatten the rest of the curves; the first points then run off the top.
     */
    private void fitLossAxis() {
        double maxX = total.getItemCount() == 0 ? 0 : total.getMaxX();
        double from = maxX * 0.1, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, all = hi;
        int counted = 0;
        for (XYSeries s : new XYSeries[] {total, recon, test, testNll, testNegElbo}) {
            for (int i = 0; i < s.getItemCount(); i++) {
                double x = s.getX(i).doubleValue(), y = s.getY(i).doubleValue();
                if (!Double.isFinite(y)) continue;
                all = Math.max(all, y);
                lo = Math.min(lo, y);
                if (x >= from) {
                    hi = Math.max(hi, y);
                    counted++;
                }
            }
        }
        if (counted < 20 || !(hi > lo) || hi >= all) {
            lossAxis.setAutoRange(true);
            return;
        }
        double pad = (hi - lo) * 0.08;
        lossAxis.setRange(lo - pad, hi + 3 * pad);
    }

    /** A dashed line at each step where beta or the learning rate changed, labelled "β 1 → 4". */
    private void showChanges() {
        chart.setNotify(false);
        try {
            losses.clearDomainMarkers();
            for (SettingChange c : changes) {
                org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(c.step());
                m.setPaint(new Color(0x60, 0x60, 0x60));
                m.setStroke(new java.awt.BasicStroke(1.2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10,
                        new float[] {5, 4}, 0));
                m.setLabel(markerLabel(c));
                m.setLabelFont(markerFont);
                m.setLabelPaint(new Color(0x30, 0x30, 0x30));
                m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
                m.setLabelOffset(new RectangleInsets(2, 3, 2, 3));
                losses.addDomainMarker(m, org.jfree.chart.ui.Layer.FOREGROUND);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    static String markerLabel(SettingChange c) {
        String key = c.kind() == SettingChange.Kind.BETA ? "chart.marker.beta" : "chart.marker.learningRate";
        return I18n.format(key, Formats.plain(c.from()), Formats.plain(c.to()));
    }

    /** The labels of the markers on the chart now, in step order (for tests). */
    public java.util.List<String> markerLabels() {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.Collection<?> ms = losses.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        if (ms != null) for (Object m : ms) out.add(((org.jfree.chart.plot.Marker) m).getLabel());
        return out;
    }

    /**
     * Puts the words in the UI's language on the series, axes, tooltips and the empty chart. A series' key is its name
     * in the legend and the tooltips; JFreeChart deprecates renaming it (a key should identify a series for good), but
     * these series are never looked up by key, only by position, so renaming them on a language change is safe.
     */
    @SuppressWarnings("deprecation")
    private void applyWords() {
        showChanges();
        chart.setNotify(false);
        try {
            for (int k = 0; k < series.length; k++) series[k].setKey(I18n.get(SERIES_KEYS[k]));
            stepAxis.setLabel(I18n.get("chart.axis.step"));
            lossAxis.setLabel(I18n.get(shortTitle ? "chart.axis.lossShort" : "chart.axis.loss"));
            losses.setNoDataMessage(I18n.get("chart.empty"));
            tips = new Tooltips(new StandardXYToolTipGenerator(I18n.get("chart.tooltip"),
                    new DecimalFormat("#,##0"), new DecimalFormat("0.0")));
            lines.setDefaultToolTipGenerator(tips);
            klLine.setDefaultToolTipGenerator(tips);
        } finally {
            chart.setNotify(true);
        }
    }

    private void applyFonts(double px) {
        fontPx = px;
        // JFreeChart sizes fonts in points of its own; at 96 dpi one px is 0.75 pt, but FXGraphics2D draws them as px
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(px));
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(px * 0.9));
        for (NumberAxis a : new NumberAxis[] {stepAxis, lossAxis, klAxis}) {
            a.setLabelFont(label);
            a.setTickLabelFont(tick);
        }
        // a size no other text uses: FXGraphics2D skips setFont for a font equal to its last one, but after restoring a
        // clip its canvas may hold another, so the legend (drawn first) kept the base size when the text grew
        chart.getLegend().setItemFont(label.deriveFont(label.getSize2D() + 0.01f));
        losses.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(px * 1.1)));
        markerFont = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(px * 0.9));
        showChanges();
        fitLayout();
    }
}
