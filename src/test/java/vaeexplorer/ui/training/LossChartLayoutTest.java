package vaeexplorer.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import vaeexplorer.ui.concurrent.FxTaskExecutor;
import vaeexplorer.ui.datasets.DatasetLibrary;
import vaeexplorer.ui.i18n.I18n;

/**
 * The loss chart lays itself out for the room it gets: in a short, wide box with large text (presentation mode) the
 * legend moves to the right and the loss axis is titled "nats" alone, so its title does not run into the KL panel's;
 * given height again it goes back; a figure export always has the legend above and the full title.
 */
@ExtendWith(ApplicationExtension.class)
class LossChartLayoutTest {
    private final SimpleDoubleProperty font = new SimpleDoubleProperty(13);
    private TrainingModel training;
    private LossChartView chart;

    @Start
    void start(Stage stage) {
        training = new TrainingModel(new SettingsModel(), new DatasetLibrary(new FxTaskExecutor("test-data")));
        chart = new LossChartView(training, font);
        chart.setManaged(false); // sized by the test, as the tabs would size it
        stage.setScene(new Scene(new javafx.scene.layout.Pane(chart), 1200, 800));
        stage.show();
        chart.resize(1200, 600);
    }

    @AfterEach
    void stop() {
        onFx(training::shutdown);
    }

    private static void onFx(Runnable r) {
        WaitForAsyncUtils.asyncFx(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void size(double w, double h) {
        onFx(() -> chart.resize(w, h));
    }

    private String lossTitle() {
        return fx(() -> ((org.jfree.chart.plot.CombinedDomainXYPlot) chart.chart().getXYPlot())
                .getSubplots().get(0).getRangeAxis().getLabel());
    }

    /** The names in the chart's legend now. */
    private java.util.List<String> legend() {
        return fx(() -> {
            java.util.List<String> names = new java.util.ArrayList<>();
            org.jfree.chart.LegendItemCollection items = chart.chart().getXYPlot().getLegendItems();
            for (int i = 0; i < items.getItemCount(); i++) names.add(items.get(i).getLabel());
            return names;
        });
    }

    @Test
    void theTestSetsLogPxElboAndGapJoinTheChartAndItsLegendOnceEstimated() {
        assertEquals(0, fx(chart::logPxCounts)[0]);
        assertTrue(!legend().contains(I18n.get("chart.series.testNll")), "no legend entry without points: " + legend());
        onFx(() -> {
            training.losses().addTestLogPx(125, 171.5, 1.2);
            training.losses().addTestLogPx(250, 165.25, 1.1);
            training.losses().addTestLogPx(375, Double.NaN, 1.0); // a diverged estimate is not drawn
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> chart.render(1)); // brings the chart up to date at once
        assertEquals(2, fx(chart::logPxCounts)[0]);
        assertEquals(2, fx(chart::logPxCounts)[1]);
        assertEquals(2, fx(chart::logPxCounts)[2]);
        assertEquals(165.25, fx(() -> training.losses().curves().testNll().y(1)), 0);
        assertEquals(1.1, fx(() -> training.losses().curves().testGap().y(1)), 0);
        assertEquals(165.25 + 1.1, fx(() -> training.losses().curves().testNegElbo().y(1)), 1e-12,
                "-ELBO = -log p(x) + gap");
        assertTrue(legend().contains(I18n.get("chart.series.testNegElbo")), legend().toString());
        assertTrue(legend().contains(I18n.get("chart.series.testNll")), legend().toString());
        assertTrue(legend().contains(I18n.get("chart.series.testGap")), legend().toString());
    }

    @Test
    void aTallChartHasItsLegendAboveAndTheFullAxisTitle() {
        assertEquals(RectangleEdge.TOP, fx(chart::legendPosition));
        assertEquals(I18n.get("chart.axis.loss"), lossTitle());
    }

    @Test
    void presentationSizedTextInAShortWideChartMovesTheLegendRightAndShortensTheTitle() {
        onFx(() -> font.set(23.4));
        size(1250, 270);
        assertTrue(fx(chart::getHeight) < 14 * 23.4, "short for its text: " + fx(chart::getHeight));
        assertEquals(RectangleEdge.RIGHT, fx(chart::legendPosition));
        assertEquals(I18n.get("chart.axis.lossShort"), lossTitle());

        size(1250, 780);
        assertEquals(RectangleEdge.TOP, fx(chart::legendPosition), "room again: the legend goes back above");
        assertEquals(I18n.get("chart.axis.loss"), lossTitle());
    }

    @Test
    void aShortNarrowChartKeepsItsLegendAboveButShortensTheTitle() {
        onFx(() -> font.set(23.4));
        size(700, 270);
        assertEquals(RectangleEdge.TOP, fx(chart::legendPosition), "no room at the right");
        assertEquals(I18n.get("chart.axis.lossShort"), lossTitle());
    }

    @Test
    void aFigureHasTheLegendAboveWhateverTheScreenLayout() {
        onFx(() -> font.set(23.4));
        size(1250, 270);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(960, 540, java.awt.image.BufferedImage.TYPE_INT_RGB);
        // every drawing of the chart while the figure is made (the screen redraws too), as "legend position | title"
        java.util.List<String> drawn = new java.util.ArrayList<>();
        onFx(() -> {
            java.awt.Graphics2D g = img.createGraphics();
            org.jfree.chart.JFreeChart c = chart.chart();
            org.jfree.chart.event.ChartProgressListener l = e -> {
                if (e.getType() == org.jfree.chart.event.ChartProgressEvent.DRAWING_STARTED) {
                    drawn.add(c.getLegend().getPosition() + " | "
                            + ((org.jfree.chart.plot.CombinedDomainXYPlot) c.getXYPlot()).getSubplots().get(0)
                            .getRangeAxis().getLabel());
                }
            };
            c.addProgressListener(l);
            chart.drawFigure(g, 960, 540);
            c.removeProgressListener(l);
            g.dispose();
        });
        String figure = RectangleEdge.TOP + " | " + I18n.get("chart.axis.loss");
        assertTrue(drawn.contains(figure), "the figure is drawn with the legend above and the full title: " + drawn);
        assertEquals(RectangleEdge.RIGHT, fx(chart::legendPosition), "the screen's layout is kept");
    }
}
