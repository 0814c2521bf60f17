package vaeexplorer.ui.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.ui.fixtures.LessonFixture;

/**
 * The scatter fits its view to the points (all but a few strays), keeps the prior's circles, Reset view refits; a click
 * near a point hits it.
 */
@ExtendWith(ApplicationExtension.class)
class LatentPlotViewTest {
    private LatentModel latent;
    private LatentPlotView plot;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        latent = LessonFixture.latent(2);
        plot = new LatentPlotView(latent, new SimpleDoubleProperty(13), new SimpleStringProperty(""));
        stage.setScene(new Scene(new StackPane(plot), 600, 400));
        stage.show();
    }

    /** 2,000 codes around (cx, cy) with a spread of s, and the last three far out at (60, -60). */
    private static LatentCodes clusterWithStrays(double cx, double cy, double s) {
        LatentCodes c = LessonFixture.cluster(2000, cx, cy, s);
        float[] mu = new float[2 * c.size()], sigma = new float[2 * c.size()];
        int[] idx = new int[c.size()], labels = new int[c.size()];
        for (int i = 0; i < c.size(); i++) {
            boolean stray = i >= c.size() - 3;
            mu[2 * i] = stray ? 60 : c.mu(i, 0);
            mu[2 * i + 1] = stray ? -60 : c.mu(i, 1);
            sigma[2 * i] = c.sigma(i, 0);
            sigma[2 * i + 1] = c.sigma(i, 1);
            idx[i] = i % 64;
        }
        return new LatentCodes(1, 2, idx, labels, mu, sigma);
    }

    private double shareShown(LatentCodes c) {
        Rectangle2D r = fx(() -> plot.visibleRange().get());
        int in = 0;
        for (int i = 0; i < c.size(); i++) if (r.contains(c.mu(i, 0), c.mu(i, 1))) in++;
        return (double) in / c.size();
    }

    private void set(LatentCodes c) {
        fx(() -> {
            latent.codes().set(c);
            return null;
        });
    }

    @Test
    void theViewFitsThePointsButNotAFewStraysAndKeepsThePriorsCircles() {
        LatentCodes c = clusterWithStrays(1, 9, 1.5); // far above the default -4..4: the old view showed none of it
        set(c);
        assertTrue(shareShown(c) >= 0.995, "nearly every point is in view: " + shareShown(c));
        Rectangle2D r = fx(() -> plot.visibleRange().get());
        assertTrue(r.getMinX() <= -2 && r.getMaxX() >= 2 && r.getMinY() <= -2 && r.getMaxY() >= 2,
                "the prior's 2-sigma circle stays in view: " + r);
        assertTrue(r.getHeight() < 25, "three strays at (60, -60) do not shrink the rest to a speck: " + r);
    }

    @Test
    void zoomingTurnsTheFitOffAndResetViewFitsAgain(FxRobot robot) {
        LatentCodes first = clusterWithStrays(0, 0, 1);
        set(first);
        robot.moveTo(plot).scroll(javafx.geometry.VerticalDirection.UP);
        assertFalse(fx(() -> plot.autoFit().get()), "the wheel takes the view over");
        double span = fx(() -> plot.transform().span());
        LatentCodes moved = clusterWithStrays(40, 30, 1);
        set(moved);
        assertEquals(span, fx(() -> plot.transform().span()), 1e-9, "the view stays where the user put it");
        assertTrue(shareShown(moved) < 0.1, "so the moved points are out of view");
        fx(() -> {
            plot.resetView();
            return null;
        });
        assertTrue(fx(() -> plot.autoFit().get()));
        assertTrue(shareShown(moved) >= 0.995, "Reset view shows them again: " + shareShown(moved));
    }

    @Test
    void aWideShortPlotStillShowsEveryPointAcrossItsHeight() {
        LatentCodes c = clusterWithStrays(0, 0, 2);
        set(c);
        fx(() -> {
            plot.setMaxSize(590, 200); // a strip three times as wide as high, as with "Enlarge tabs"
            return null;
        });
        await("the plot takes the strip's shape", 5_000, () -> fx(() -> plot.getWidth() > 500 && plot.getHeight() < 210));
        assertTrue(shareShown(c) >= 0.995, "every point still in view: " + shareShown(c));
        Rectangle2D r = fx(() -> plot.visibleRange().get());
        double needed = 0;
        for (int i = 0; i < c.size() - 3; i++) needed = Math.max(needed, Math.abs(c.mu(i, 1)));
        assertTrue(r.getHeight() < 2.6 * needed + 1, "the points fill the height, not a thin band of it: " + r);
    }

    @Test
    void aClickBesideAPointStillSelectsIt(FxRobot robot) {
        float[] mu = {-2, -2, 2, 2}, sigma = {0.1f, 0.1f, 0.1f, 0.1f};
        set(new LatentCodes(1, 2, new int[] {0, 1}, new int[] {0, 1}, mu, sigma));
        javafx.geometry.Point2D p = fx(() -> plot.pointPosition(1));
        double off = 0.8 * fx(plot::hitRadius);
        assertTrue(off >= 7, "a forgiving radius: " + off);
        javafx.geometry.Point2D screen = fx(() -> plot.localToScreen(p.getX() + off * 0.6, p.getY() - off * 0.8));
        robot.clickOn(screen.getX(), screen.getY());
        assertEquals(1, fx(() -> latent.selected().get()), "the point " + off + " pixels away is selected");
        javafx.geometry.Point2D far = fx(() -> plot.localToScreen(p.getX() + 3 * plot.hitRadius(), p.getY()));
        robot.clickOn(far.getX(), far.getY());
        float[] z = fx(() -> latent.z().get());
        assertTrue(z[0] > 2.05, "a click well away from every point moves z there instead: z0 = " + z[0]);
    }
}
