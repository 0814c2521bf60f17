package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * The "Worst explained" tab as a student uses it: open it, click the worst image, find it selected in the scatter; and
 * the same by the keyboard alone, hearing each image's class and -ELBO on the way, in both languages.
 */
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

    /** Presses Tab until the focus is on n (at most 60 times). */
    private static void tabTo(FxRobot robot, javafx.scene.Node n) {
        for (int i = 0; i < 60 && fx(() -> !n.isFocused()); i++) robot.type(javafx.scene.input.KeyCode.TAB);
        assertTrue(fx(n::isFocused), "Tab reaches " + n.getId());
    }

    private static String said(javafx.scene.Node n) {
        return String.valueOf(fx(() -> n.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.TEXT)));
    }

    @Test
    void theStripsAreChosenByKeysAloneWithAFrameACursorAndTheImageUnderItSpoken(FxRobot robot) {
        var tabs = lessons.tabPane();
        robot.interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> "worstTab".equals(t.getId())).findFirst().orElseThrow()));
        robot.interact(plot::requestFocus);
        await("ranked", WAIT, () -> lessons.worstImages().ranking().get() != null
                && lessons.worstImagesView().worstGrid().tileCentre(0) != null);
        vaeexplorer.ui.widgets.ImageGridView worst = lessons.worstImagesView().worstGrid(),
                best = lessons.worstImagesView().bestGrid();
        var r = fx(() -> lessons.worstImages().ranking().get());
        assertTrue(fx(() -> worst.lookup(".focus-ring") != null && !worst.lookup(".focus-ring").isVisible()),
                "no frame before the focus");

        tabTo(robot, worst);
        assertTrue(fx(() -> worst.lookup(".focus-ring").isVisible()), "the focused strip shows its frame");
        assertEquals(0, (int) fx(() -> worst.cursor().get()), "the cursor starts on the first image");
        assertTrue(said(worst).contains("1 of 6") && said(worst).contains("−ELBO "
                + String.format(java.util.Locale.ROOT, "%.0f", r.worstScores()[0])), said(worst));

        robot.type(javafx.scene.input.KeyCode.RIGHT, 3);
        robot.type(javafx.scene.input.KeyCode.LEFT);
        assertEquals(2, (int) fx(() -> worst.cursor().get()), "→ → → ← : the third image");
        String cls = fx(() -> latent.shown().get().classNames().get(latent.shown().get().label(r.worst()[2])));
        String third = said(worst);
        assertTrue(third.startsWith("Worst explained, image 3 of 6: " + cls + ", −ELBO "
                + String.format(java.util.Locale.ROOT, "%.0f", r.worstScores()[2]) + " nats"), third);
        // the cursor is drawn: the focus colour on the frame round the third column, not round the first
        javafx.geometry.Rectangle2D box = fx(worst::cursorBounds);
        javafx.scene.image.WritableImage shot = fx(() -> worst.snapshot(null, null));
        javafx.scene.paint.Color edge = shot.getPixelReader().getColor((int) (box.getMinX() + box.getWidth() / 2),
                (int) Math.round(box.getMinY() + 0.5));
        assertEquals(javafx.scene.paint.Color.web("#0b57d0").getBlue(), edge.getBlue(), 0.15, "the cursor's frame: " + edge);
        assertTrue(edge.getRed() < 0.3, "blue, not white or grey: " + edge);
        javafx.scene.paint.Color first = shot.getPixelReader().getColor((int) (fx(() -> worst.tileCentre(0)).getX()),
                (int) Math.round(box.getMinY() + 0.5));
        assertTrue(first.getBlue() - first.getRed() < 0.3, "no frame on the first image: " + first);

        robot.type(javafx.scene.input.KeyCode.ENTER);
        await("selected", WAIT, () -> latent.selected().get() >= 0);
        assertEquals(r.worst()[2], (int) fx(() -> latent.codes().get().index(latent.selected().get())),
                "Enter selected the image under the cursor");
        assertEquals(worst, fx(() -> stage.getScene().getFocusOwner()), "the keys stay on the strip");

        // on to the best strip: End, then Space does what Enter does
        tabTo(robot, best);
        assertFalse(fx(() -> worst.lookup(".focus-ring").isVisible()), "the frame goes with the focus");
        robot.type(javafx.scene.input.KeyCode.END);
        robot.type(javafx.scene.input.KeyCode.SPACE);
        int last = r.best().length - 1;
        await("the best image selected", WAIT,
                () -> latent.codes().get().index(latent.selected().get()) == r.best()[last]);
        assertTrue(said(best).startsWith("Best explained, image 6 of 6"), said(best));
        try {
            FxTesting.run(() -> I18n.locale().set(I18n.CHINESE));
            WaitForAsyncUtils.waitForFxEvents();
            String zh = said(best);
            assertTrue(zh.startsWith("解释最好，第 6 张（共 6 张）") && zh.contains("奈特"), zh);
        } finally {
            FxTesting.run(() -> I18n.locale().set(I18n.ENGLISH));
        }
    }
}
