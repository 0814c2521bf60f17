package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;


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
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.PlotTransform;

/** The "Worst explained" tab as a student uses it: open it, click the worst image, find it selected in the scatter. */
@ExtendWith(ApplicationExtension.class)
class WorstImagesLessonTest {
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
        LessonWindow w = LessonWindow.show(stage, latent, allImages(64), 1100, 800, 0.5);
        plot = w.plot;
        lessons = w.lessons;
        plot.setView(0, 0, PlotTransform.DEFAULT_SPAN);
    }

    /** Codes of all n shown images, on an 8-wide grid (so that every ranked image is a point of the scatter). */
    private static vaeexplorer.core.train.LatentCodes allImages(int n) {
        int[] idx = new int[n], labels = new int[n];
        float[] mu = new float[2 * n], sigma = new float[2 * n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            labels[i] = i % 4;
            mu[2 * i] = -3.5f + i % 8;
            mu[2 * i + 1] = -3.5f + i / 8;
            sigma[2 * i] = sigma[2 * i + 1] = 0.3f;
        }
        return new vaeexplorer.core.train.LatentCodes(1, 2, idx, labels, mu, sigma);
    }

    @Test
    void clickingTheWorstImageSelectsItInTheScatterAndTheTabSpeaksChinese(FxRobot robot) {
        robot.clickOn("#worstTab");
        WaitForAsyncUtils.waitForFxEvents();
        await("ranked", WAIT, () -> lessons.worstImages().ranking().get() != null
                && lessons.worstImagesView().worstGrid().tileCentre(0) != null);
        int worst = fx(() -> lessons.worstImages().ranking().get().worst()[0]);
        Point2D at = fx(() -> lessons.worstImagesView().worstGrid().localToScreen(
                lessons.worstImagesView().worstGrid().tileCentre(0)));
        robot.clickOn(at);
        await("selected", WAIT, () -> latent.selected().get() >= 0);
        assertEquals(worst, fx(() -> latent.codes().get().index(latent.selected().get())), "the clicked image is selected");
        String summary = fx(() -> ((Label) stage.getScene().lookup("#worstSummary")).getText());
        assertTrue(summary.contains("ranked by") && summary.contains("nats"), summary);
        try {
            FxTesting.run(() -> I18n.locale().set(I18n.CHINESE));
            WaitForAsyncUtils.waitForFxEvents();
            String zh = fx(() -> ((Label) stage.getScene().lookup("#worstSummary")).getText());
            assertTrue(zh.contains("奈特") && zh.contains("排序"), zh);
        } finally {
            FxTesting.run(() -> I18n.locale().set(I18n.ENGLISH));
        }
    }
}
