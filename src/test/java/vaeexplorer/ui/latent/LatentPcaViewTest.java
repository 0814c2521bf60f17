package vaeexplorer.ui.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.ui.fixtures.LessonFixture;
import vaeexplorer.ui.widgets.TextScale;

/**
 * In a window: choosing the PCA projection relabels the scatter's axes with the components' shares of the variance,
 * hides the dimension choosers, says what holds the other components, and a drag in the PCA plane decodes the z at
 * the crosshair, the image shown being that z's.
 */
@ExtendWith(ApplicationExtension.class)
class LatentPcaViewTest {
    private static final int LATENT = 6;
    private LatentModel latent;
    private LatentPanel panel;
    private DecodedView decoded;
    private ModelSnapshot model;

    @Start
    void start(Stage stage) throws Exception {
        model = LessonFixture.trained(3, LATENT, 4);
        LatentCodes codes = LessonFixture.encoded(model, LessonFixture.images(64));
        latent = new LatentModel();
        latent.shown().set(LessonFixture.images(64));
        latent.model().set(model);
        latent.codes().set(codes);
        panel = new LatentPanel(latent, new TextScale(), new SimpleStringProperty(""));
        decoded = new DecodedView(latent);
        VBox side = new VBox(decoded, new DimensionSlidersView(latent));
        HBox root = new HBox(panel, side);
        HBox.setHgrow(panel, javafx.scene.layout.Priority.ALWAYS);
        stage.setScene(new Scene(root, 1000, 640));
        stage.show();
    }

    private boolean shown(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    @Test
    void choosingPcaRelabelsTheAxesAndADragDecodesTheZUnderTheCrosshair(FxRobot robot) {
        LatentPlotView plot = panel.plot();
        assertArrayEquals(new String[] {"z0", "z1"}, fx(plot::axisTitles));
        assertTrue(shown(robot, "#xDimChoice") && shown(robot, "#projectionChoice"));

        robot.clickOn("#projectionChoice");
        robot.clickOn("PCA");
        await("the PCA plane", 5000, () -> latent.plane().get().isPca());
        LatentPlane plane = fx(() -> latent.plane().get());
        String[] titles = fx(plot::axisTitles);
        assertEquals("PC1 (" + Math.round(100 * plane.explained(0)) + "% of variance)", titles[0]);
        assertEquals("PC2 (" + Math.round(100 * plane.explained(1)) + "% of variance)", titles[1]);
        assertFalse(shown(robot, "#xDimChoice"), "no dimensions to choose in a PCA plane");
        assertTrue(shown(robot, "#pcaNote"), "the sliders' panel says what holds the other components");
        assertTrue(fx(plot::getAccessibleText).startsWith("PCA: PC1 = "), fx(plot::getAccessibleText));

        // a drag from the plot's centre to a quarter of the way right and up, in empty space or not
        Point2D centre = fx(() -> plot.localToScreen(plot.transform().left() + plot.transform().width() / 2,
                plot.transform().top() + plot.transform().height() / 2));
        double dx = fx(() -> plot.transform().width() / 4), dy = fx(() -> plot.transform().height() / 4);
        int before = fx(() -> latent.selected().get());
        robot.moveTo(centre.add(0, 30)).press(MouseButton.PRIMARY).moveTo(centre.add(dx / 2, -dy / 2)).moveTo(centre.add(dx, -dy))
                .release(MouseButton.PRIMARY);
        Point2D local = fx(() -> plot.screenToLocal(centre.add(dx, -dy)));
        double ax = fx(() -> plot.transform().toLatentX(local.getX())), ay = fx(() -> plot.transform().toLatentY(local.getY()));
        double[] p = fx(latent::planePoint);
        double pixel = 1.5 / fx(() -> plot.transform().scale());
        assertEquals(ax, p[0], pixel, "z lies under the mouse along PC1");
        assertEquals(ay, p[1], pixel, "and along PC2");
        float[] z = fx(() -> latent.z().get());
        // the other components: the selected image's (if the press landed on one) or the mean's
        LatentPlane now = fx(() -> latent.plane().get());
        int sel = fx(() -> latent.selected().get());
        float[] base = fx(latent::planeBase);
        for (int k = 2; k < LATENT; k++)
            assertEquals(now.pca().coordinate(base, k), now.pca().coordinate(z, k), 1e-4,
                    "component " + (k + 1) + " held (selected before " + before + ", now " + sel + ")");
        assertArrayEquals(model.decode(z), fx(() -> decoded.image().pixels()), 0f, "the image shown is z's");
    }
}
