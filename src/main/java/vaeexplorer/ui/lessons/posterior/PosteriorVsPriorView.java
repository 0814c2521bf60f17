package vaeexplorer.ui.lessons.posterior;

import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.train.LatentCodes;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.LessonInputs;
import vaeexplorer.ui.lessons.Refresher;

/**
 * The aggregate posterior against the prior: for each plotted dimension a histogram of the shown points' mu with the
 * aggregate posterior and the N(0, 1) density, live; and the switch that shades the scatter's holes.
 */
public final class PosteriorVsPriorView extends HBox {
    private final LatentModel latent;
    private final HistogramCanvas xHist;
    private final HistogramCanvas yHist;
    private final Refresher<Histogram[]> refresher;

    public PosteriorVsPriorView(LessonContext ctx, HolesOverlay holes) {
        this.latent = ctx.latent();
        setId("posteriorVsPriorView");
        getStyleClass().add("lesson");
        xHist = new HistogramCanvas("histogramX", ctx.fontSize());
        yHist = new HistogramCanvas("histogramY", ctx.fontSize());
        yHist.visibleProperty().bind(latent.yDim().greaterThanOrEqualTo(0));
        yHist.managedProperty().bind(yHist.visibleProperty());
        refresher = new Refresher<>(ctx.worker(), 300, this::job, this::show);

        Label title = label("posterior.title");
        title.getStyleClass().add("panel-title");
        javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(10, 2,
                key(new Rectangle(14, 10, HistogramCanvas.BARS), "posterior.legendMu"),
                key(line(Color.BLACK, false), "posterior.legendPrior"),
                key(line(HistogramCanvas.AGGREGATE, true), "posterior.legendAggregate"));
        legend.getStyleClass().add("legend-row");
        Label explain = label("posterior.explain");
        explain.setWrapText(true);
        explain.getStyleClass().add("lesson-text");
        CheckBox shade = new CheckBox();
        shade.textProperty().bind(I18n.tr("posterior.shadeHoles"));
        shade.setId("holesCheck");
        shade.selectedProperty().bindBidirectional(holes.shown());
        Label count = new Label();
        count.setId("holesSummary");
        count.setWrapText(true);
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            HoleMap m = holes.map().get();
            return m == null ? I18n.get("posterior.holesExplained")
                    : I18n.format("posterior.holeCount", m.holeCount(), m.inside());
        }, holes.map(), I18n.locale()));
        VBox side = new VBox(title, legend, explain, shade, count);
        side.getStyleClass().add("lesson-side");
        side.setMinWidth(0);
        side.prefWidthProperty().bind(ctx.fontSize().multiply(26));
        for (var n : side.getChildren()) if (n instanceof Label l) l.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(xHist, Priority.ALWAYS);
        HBox.setHgrow(yHist, Priority.ALWAYS);
        getChildren().addAll(xHist, yHist, side);
        LessonInputs.onChange(refresher::request, latent.codes(), latent.xDim(), latent.yDim());
        refresher.request();
    }

    public Refresher<Histogram[]> refresher() {
        return refresher;
    }

    public HistogramCanvas xHistogram() {
        return xHist;
    }

    public HistogramCanvas yHistogram() {
        return yHist;
    }

    private static Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.tr(key));
        return l;
    }

    private static HBox key(javafx.scene.Node mark, String textKey) {
        HBox b = new HBox(4, mark, label(textKey));
        b.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return b;
    }

    private static Line line(Color c, boolean dashed) {
        Line l = new Line(0, 0, 18, 0);
        l.setStroke(c);
        l.setStrokeWidth(2);
        if (dashed) l.getStrokeDashArray().addAll(5.0, 3.0);
        return l;
    }

    private Function<MatMul, Histogram[]> job() {
        LatentCodes c = latent.codes().get();
        int dx = latent.xDim().get(), dy = latent.yDim().get();
        if (c == null || dx < 0 || dx >= c.latent() || dy >= c.latent()) return null;
        return mm -> new Histogram[] {Histogram.of(c, dx), dy >= 0 ? Histogram.of(c, dy) : null};
    }

    private void show(Histogram[] h) {
        xHist.show(h == null ? null : h[0]);
        yHist.show(h == null ? null : h[1]);
    }
}
