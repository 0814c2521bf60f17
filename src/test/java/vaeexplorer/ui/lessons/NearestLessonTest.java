package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
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
import vaeexplorer.ui.lessons.nearest.NearestModel;

/**
 * The Nearest tab as a student uses it: open it, drag z in the scatter, and find both strips, their words and what a
 * screen reader hears following the drag, in English and in Chinese.
 */
@ExtendWith(ApplicationExtension.class)
class NearestLessonTest {
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
        w.training.set(LessonFixture.images(64));
        plot = w.plot;
        lessons = w.lessons;
        plot.setView(0, 0, PlotTransform.DEFAULT_SPAN);
    }

    private Point2D screen(double x, double y) {
        return fx(() -> plot.localToScreen(plot.transform().toScreenX(x), plot.transform().toScreenY(y)));
    }

    private String text(String id) {
        return fx(() -> ((Label) stage.getScene().lookup(id)).getText());
    }

    @Test
    void draggingZUpdatesBothStripsTheirWordsAndTheirScreenReaderTextsInBothLanguages(FxRobot robot) {
        robot.clickOn("#nearestTab");
        WaitForAsyncUtils.waitForFxEvents();
        await("found", WAIT, () -> lessons.nearest().result().get() != null
                && lessons.nearestView().pixelsGrid().tiles() != null);
        NearestModel.Result before = fx(() -> lessons.nearest().result().get());
        String spokenBefore = fx(() -> lessons.nearestView().pixelsGrid().getAccessibleText());
        robot.drag(screen(-0.5, 0.5), MouseButton.PRIMARY).moveTo(screen(1.5, -1)).moveTo(screen(2.5, -2)).drop();
        await("z moved", WAIT, () -> latent.get(0) > 2);
        await("searched at the new z", WAIT, () -> {
            NearestModel.Result r = lessons.nearest().result().get();
            return r != before && lessons.nearestView().pixelsGrid().tiles() == r.pixelTiles()
                    && java.util.Arrays.equals(r.pixelTiles().image(0), latent.decoded().get());
        });
        NearestModel.Result after = fx(() -> lessons.nearest().result().get());
        assertTrue(fx(() -> lessons.nearestView().latentGrid().tiles()) == after.latentTiles());
        String spoken = fx(() -> lessons.nearestView().pixelsGrid().getAccessibleText());
        assertTrue(spoken.startsWith("Training images nearest the decoded image by pixels: #" + after.byPixels()[0]), spoken);
        assertNotEquals(spokenBefore, spoken, "a screen reader hears the new neighbours");
        String latentSpoken = fx(() -> lessons.nearestView().latentGrid().getAccessibleText());
        assertTrue(latentSpoken.contains("#" + after.byLatent()[0]) && latentSpoken.contains("codes lie nearest z"),
                latentSpoken);
        String closest = text("#nearestClosest");
        assertTrue(closest.contains("training image #" + after.byPixels()[0]) && closest.contains("typically"), closest);
        String verdict = text("#nearestVerdict");
        assertEquals(after.recalls() ? I18n.format("nearest.recall", after.byPixels()[0]) : I18n.get("nearest.generate"),
                verdict);
        try {
            FxTesting.run(() -> I18n.locale().set(I18n.CHINESE));
            WaitForAsyncUtils.waitForFxEvents();
            String zh = text("#nearestClosest");
            assertTrue(zh.contains("按像素最近") && zh.contains("第 " + after.byPixels()[0] + " 号"), zh);
            String zhSpoken = fx(() -> lessons.nearestView().pixelsGrid().getAccessibleText());
            assertTrue(zhSpoken.startsWith("按像素与解码图像最接近的训练图像"), zhSpoken);
            assertTrue(text("#nearestVerdict").matches(".*\\p{IsHan}.*"));
        } finally {
            FxTesting.run(() -> I18n.locale().set(I18n.ENGLISH));
        }
    }
}
