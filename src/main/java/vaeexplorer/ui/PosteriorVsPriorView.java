package vaeexplorer.ui;

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

/**
 * The aggregate posterior against the prior: for each plotted dimension a histogram of the shown points' mu with the
 * aggregate posterior and the N(0, 1) density, live; and the switch that shades the scatter's holes.
 */
final class PosteriorVsPriorView extends HBox {
    private final LatentModel latent;
    private final HistogramCanvas xHist;
    private final HistogramCanvas yHist;
    private final Refresher<Histogram[]> refresher;

    PosteriorVsPriorView(LessonContext ctx, HolesOverlay holes) {
        this.latent = ctx.latent();
        setId("posteriorVsPriorView");
        getStyleClass().add("lesson");
        xHist = new HistogramCanvas("histogramX", ctx.fontSize());
        yHist = new HistogramCanvas("histogramY", ctx.fontSize());
        yHist.visibleProperty().bind(latent.yDim().greaterThanOrEqualTo(0));
        yHist.managedProperty().bind(yHist.visibleProperty());
        refresher = new Refresher<>(ctx.worker(), 300, this::job, this::show);

        Label title = new Label("Aggregate posterior vs prior");
        title.getStyleClass().add("panel-title");
        javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(10, 2, key(new Rectangle(14, 10, HistogramCanvas.BARS), "\u03bc of the test images"),
                key(line(Color.BLACK, false), "prior N(0, 1)"),
                key(line(HistogramCanvas.AGGREGATE, true), "q(z) = mean of the q(z|x)"));
        legend.getStyleClass().add("legend-row");
        Label explain = new Label("The KL term pulls every q(z|x) towards N(0, 1). Where the bars and the dashed curve "
                + "follow the black curve, sampling from the prior finds codes the decoder knows; where they do not, "
                + "there are holes.");
        explain.setWrapText(true);
        explain.getStyleClass().add("lesson-text");
        CheckBox shade = new CheckBox("Shade the holes in the scatter");
        shade.setId("holesCheck");
        shade.selectedProperty().bindBidirectional(holes.shown());
        Label count = new Label();
        count.setId("holesSummary");
        count.setWrapText(true);
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            HoleMap m = holes.map().get();
            return m == null ? "Holes: cells inside the prior's 2\u03c3 circle where no test image is encoded."
                    : m.holeCount() + " of " + m.inside() + " cells inside 2\u03c3 hold no test image.";
        }, holes.map()));
        VBox side = new VBox(title, legend, explain, shade, count);
        side.getStyleClass().add("lesson-side");
        side.setMinWidth(0);
        side.prefWidthProperty().bind(ctx.fontSize().multiply(26));
        for (var n : side.getChildren()) if (n instanceof Label l) l.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(xHist, Priority.ALWAYS);
        HBox.setHgrow(yHist, Priority.ALWAYS);
        getChildren().addAll(xHist, yHist, side);
        LessonSupport.onChange(refresher::request, latent.codes(), latent.xDim(), latent.yDim());
        refresher.request();
    }

    Refresher<Histogram[]> refresher() {
        return refresher;
    }

    HistogramCanvas xHistogram() {
        return xHist;
    }

    HistogramCanvas yHistogram() {
        return yHist;
    }

    private static HBox key(javafx.scene.Node mark, String text) {
        HBox b = new HBox(4, mark, new Label(text));
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
