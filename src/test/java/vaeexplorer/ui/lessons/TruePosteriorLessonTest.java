package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;


import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.LessonFixture;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.PlotTransform;
import vaeexplorer.ui.lessons.truepost.TruePosteriorModel;
import vaeexplorer.ui.lessons.truepost.TruePosteriorModel.Status;

/** The "True posterior" tab as a student uses it: open it, click a point, read the numbers; other latent sizes; Chinese. */
@ExtendWith(ApplicationExtension.class)
class TruePosteriorLessonTest {
    private static final long WAIT = 20_000;
    private Stage stage;
    private final LatentModel latent = new LatentModel();
    private LatentPlotView plot;
    private Lessons lessons;

    @Stop
    void stop() {
        FxTesting.closeWindows(stage);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        LessonWindow w = LessonWindow.show(stage, latent, LessonFixture.grid(), 1100, 800, 0.5);
        plot = w.plot;
        lessons = w.lessons;
        plot.setView(0, 0, PlotTransform.DEFAULT_SPAN);
    }

    private Point2D pointOnScreen(int i) {
        return fx(() -> {
            var c = latent.codes().get();
            return plot.localToScreen(plot.transform().toScreenX(c.mu(i, latent.xDim().get())),
                    plot.transform().toScreenY(c.mu(i, latent.yDim().get())));
        });
    }

    private String text(String id) {
        return fx(() -> ((Label) stage.getScene().lookup(id)).getText());
    }

    private static double number(String s) {
        return Double.parseDouble(s.replace('\u2212', '-'));
    }

    private void open(FxRobot robot) {
        robot.clickOn("#truePosteriorTab");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingAPointShowsItsNumbersAndTheIdentityAddsUp(FxRobot robot) {
        open(robot);
        await("asks for an image", WAIT, () -> lessons.truePosterior().result().get().status() == Status.NO_IMAGE);
        assertTrue(text("#truePosteriorStatus").contains("Click a point"), text("#truePosteriorStatus"));
        assertFalse(fx(() -> lessons.truePosteriorOverlay().drawn()));
        robot.clickOn(pointOnScreen(12));
        await("the posterior of the clicked point", WAIT,
                () -> lessons.truePosterior().result().get().status() == Status.READY);
        await("drawn on the scatter", WAIT, () -> lessons.truePosteriorOverlay().drawn());
        // a posterior a few pixels wide at the scatter's scale (here: the view zoomed out) is shown enlarged in a
        // corner, not over the point
        double focus = fx(() -> lessons.truePosterior().result().get().map().focusWidth());
        FxTesting.run(() -> plot.setView(0, 0, 25 * focus));
        await("the enlarged view", WAIT, () -> lessons.truePosteriorOverlay().inset() != null);
        var inset = fx(() -> lessons.truePosteriorOverlay().inset());
        Point2D onScreen = pointOnScreen(12);
        Point2D at = fx(() -> plot.screenToLocal(onScreen));
        assertFalse(inset.contains(at.getX(), at.getY()), "the inset leaves the clicked point in view: " + inset);
        assertTrue(inset.zoom() >= 1.5, inset.toString());
        FxTesting.run(() -> plot.setView(0, 0, 0.6 * focus));
        await("no enlarged view when zoomed in on the posterior", WAIT,
                () -> lessons.truePosteriorOverlay().drawn() && lessons.truePosteriorOverlay().inset() == null);
        String identity = text("#truePosteriorIdentityValues");
        Matcher m = Pattern.compile("(\\S+)  =  (\\S+)  \\+  (\\S+)").matcher(identity);
        assertTrue(m.find(), identity);
        double logPx = number(m.group(1)), elbo = number(m.group(2)), gap = number(m.group(3));
        assertEquals(logPx, elbo + gap, 1e-9, "log p(x) = ELBO + KL(q || p(z|x)) in the numbers shown: " + identity);
        assertTrue(gap >= 0, "the gap is not negative: " + identity);
        assertEquals(logPx, number(text("#truePosteriorLogPx").replace(" nats", "")), 1e-9);
        assertEquals(elbo, number(text("#truePosteriorElbo").replace(" nats", "")), 1e-9);
        double recon = number(text("#truePosteriorRecon").replace(" nats", ""));
        double kl = number(text("#truePosteriorKl").replace(" nats", ""));
        assertEquals(elbo, recon - kl, 1e-9, "ELBO = E_q[log p(x|z)] - KL(q || p(z))");
        assertEquals(fx(() -> lessons.truePosterior().result().get().map().posterior().logPx()), logPx, 0.01);

        robot.clickOn("#formulaTab");
        await("the map leaves with its tab", WAIT, () -> !lessons.truePosteriorOverlay().drawn());
    }

    @Test
    void aTwentyDimensionalLatentShowsTheSliceAndSaysSo(FxRobot robot) {
        open(robot);
        FxTesting.run(() -> {
            latent.model().set(LessonFixture.model(2, 20));
            latent.codes().set(LessonFixture.codes(20));
            latent.xDim().set(3);
            latent.yDim().set(4);
        });
        robot.clickOn(pointOnScreen(9));
        await("the slice", WAIT, () -> lessons.truePosterior().result().get().status() == Status.READY
                && lessons.truePosterior().result().get().latent() == 20);
        String s = text("#truePosteriorStatus");
        assertTrue(s.contains("slice through z3 and z4") && s.contains("other 18 dimensions"), s);
        assertTrue(fx(() -> robot.lookup(".lesson-text").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains("importance sampling with " + TruePosteriorModel.IWAE_K))));
        await("drawn on the plotted dimensions", WAIT, () -> lessons.truePosteriorOverlay().drawn());
        Matcher m = Pattern.compile("(\\S+)  =  (\\S+)  \\+  (\\S+)").matcher(text("#truePosteriorIdentityValues"));
        assertTrue(m.find());
        assertEquals(number(m.group(1)), number(m.group(2)) + number(m.group(3)), 1e-9);
        FxTesting.run(() -> latent.yDim().set(6));
        await("another slice", WAIT, () -> lessons.truePosterior().result().get().dimY() == 6);
        assertTrue(text("#truePosteriorStatus").contains("z3 and z6"), text("#truePosteriorStatus"));

        FxTesting.run(() -> {
            latent.codes().set(null);
            latent.model().set(LessonFixture.model(2, 1));
        });
        await("the message", WAIT, () -> lessons.truePosterior().result().get().status() == Status.NEEDS_2D);
        s = text("#truePosteriorStatus");
        assertTrue(s.contains("two latent dimensions") && s.contains("has 1"), s);
        assertFalse(fx(() -> stage.getScene().lookup("#truePosteriorIdentityValues").isVisible()));
        assertFalse(fx(() -> lessons.truePosteriorOverlay().drawn()));
    }

    @Test
    void theLessonSpeaksChinese(FxRobot robot) {
        try {
            open(robot);
            robot.clickOn(pointOnScreen(7));
            await("ready", WAIT, () -> lessons.truePosterior().result().get().status() == Status.READY);
            FxTesting.run(() -> I18n.locale().set(I18n.CHINESE));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("真实后验", fx(() -> lessons.tabPane().getTabs().stream()
                    .filter(t -> "truePosteriorTab".equals(t.getId())).findFirst().orElseThrow().getTooltip().getText()));
            assertTrue(text("#truePosteriorStatus").contains("所点击的图像"), text("#truePosteriorStatus"));
            assertTrue(text("#truePosteriorLogPx").endsWith("奈特"), text("#truePosteriorLogPx"));
            assertTrue(fx(() -> robot.lookup(".lesson-text").queryAll().stream()
                    .anyMatch(n -> ((Label) n).getText().contains("β = 0"))));
        } finally {
            FxTesting.run(() -> I18n.locale().set(I18n.ENGLISH));
        }
        assertTrue(text("#truePosteriorStatus").contains("clicked image"), text("#truePosteriorStatus"));
    }
}
