package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.PlotTransform;
import vaeexplorer.ui.lessons.arithmetic.ArithmeticModel;

/**
 * The Arith tab as a student uses it, by mouse: choosing classes A and B draws the arrow from A's mean to B's (the
 * model's vector is the difference of the class means), dragging the slider puts z at base + t v, and a click and two
 * Ctrl+clicks in the scatter give the analogy a - b + c, its images, its words, and a button that moves z there.
 */
@ExtendWith(ApplicationExtension.class)
class ArithmeticLessonTest {
    /** The arrow's colour (ArithmeticOverlay.ARROW). */
    private static final Color ARROW = Color.web("#00695c");
    /** Where the four classes' points lie: around (-2, -1.5), (2, -1.5), (-2, 1.5) and (2, 1.5). */
    private static final double[][] CENTRES = {{-2, -1.5}, {2, -1.5}, {-2, 1.5}, {2, 1.5}};
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
        LessonWindow w = LessonWindow.show(stage, latent, clusters(), 1100, 800, 0.5);
        plot = w.plot;
        lessons = w.lessons;
        plot.setView(0, 0, PlotTransform.DEFAULT_SPAN);
    }

    /** 16 points, four of each class: point i of class i / 4 at its class's centre ± 0.3 in x and in y. */
    private static LatentCodes clusters() {
        int n = 16;
        int[] idx = new int[n], labels = new int[n];
        float[] mu = new float[2 * n], sigma = new float[2 * n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            labels[i] = i / 4;
            mu[2 * i] = (float) (CENTRES[i / 4][0] + (i % 2 == 0 ? -0.3 : 0.3));
            mu[2 * i + 1] = (float) (CENTRES[i / 4][1] + (i % 4 < 2 ? -0.3 : 0.3));
            sigma[2 * i] = sigma[2 * i + 1] = 0.2f;
        }
        return new LatentCodes(1, 2, idx, labels, mu, sigma);
    }

    private ArithmeticModel model() {
        return lessons.arithmetic();
    }

    private Point2D point(int i) {
        return fx(() -> plot.localToScreen(plot.pointPosition(i)));
    }

    /** The colour the scatter shows at latent (x, y). */
    private Color colourAt(double x, double y) {
        return fx(() -> {
            WritableImage img = plot.snapshot(null, null);
            return img.getPixelReader().getColor((int) Math.round(plot.transform().toScreenX(x)),
                    (int) Math.round(plot.transform().toScreenY(y)));
        });
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue()) < 0.12;
    }

    /** Opens a class choice and clicks the class's name in its list. */
    private void choose(FxRobot robot, String box, String name) {
        robot.clickOn(box);
        WaitForAsyncUtils.waitForFxEvents();
        Node item = robot.lookup((Node n) -> n instanceof Labeled l && name.equals(l.getText()) && n.getScene() != null
                && n.getScene().getWindow() instanceof PopupWindow && n.isVisible()).query();
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The mean of mu over class k's points, worked out here (in double). */
    private static double[] mean(LatentCodes c, int k) {
        double[] m = new double[c.latent()];
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.label(i) != k) continue;
            n++;
            for (int j = 0; j < m.length; j++) m[j] += c.mu(i, j);
        }
        for (int j = 0; j < m.length; j++) m[j] /= n;
        return m;
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int j = 0; j < d.length; j++) f[j] = (float) d[j];
        return f;
    }

    @Test
    void classesDrawTheArrowTheSliderMovesZAlongItAndThreeSelectedImagesGiveTheAnalogy(FxRobot robot) {
        robot.clickOn("#arithmeticTab");
        WaitForAsyncUtils.waitForFxEvents();
        LatentCodes c = fx(() -> latent.codes().get());
        // the arrow from class c's mean to class d's, where the scatter was blank before
        double[] third = {-2 + 4 / 3.0, 1.5};
        assertFalse(near(ARROW, colourAt(third[0], third[1])), "no arrow there yet");
        choose(robot, "#arithmeticClassA", "c");
        choose(robot, "#arithmeticClassB", "d");
        assertEquals(2, fx(() -> model().classA().get()));
        assertEquals(3, fx(() -> model().classB().get()));
        double[] a = mean(c, 2), b = mean(c, 3);
        double[] v = new double[2];
        for (int j = 0; j < 2; j++) v[j] = b[j] - a[j];
        assertArrayEquals(floats(v), fx(() -> model().vector().get()), 1e-6f, "v = mean of class d - mean of class c");
        assertArrayEquals(new double[] {a[0], a[1], b[0], b[1]}, fx(() -> model().arrow(latent.plane().get())), 1e-6);
        assertTrue(near(ARROW, colourAt(third[0], third[1])), "the arrow is drawn from c's mean to d's: " + colourAt(third[0], third[1]));

        // a click takes image 1 as the base; dragging the slider moves z to base + t v
        robot.clickOn(point(1));
        await("image 1 selected", () -> latent.selected().get() == 1);
        float[] base = fx(() -> latent.z().get().clone());
        assertArrayEquals(new float[] {c.mu(1, 0), c.mu(1, 1)}, base);
        robot.drag("#arithmeticT .thumb").moveBy(90, 0).drop();
        double t = fx(() -> model().t().get());
        assertTrue(t > 0.1, "the slider moved: t = " + t);
        float[] z = fx(() -> latent.z().get());
        for (int j = 0; j < 2; j++) assertEquals(base[j] + t * v[j], z[j], 1e-5, "z = base + t v, dimension " + j);
        assertEquals(String.format(java.util.Locale.ROOT, "t = %+.2f", t),
                fx(() -> ((Label) stage.getScene().lookup("#arithmeticTValue")).getText()));
        await("the strip along v", () -> model().strips().get() != null && model().strips().get().along() != null
                && lessons.arithmeticView().alongStrip().tiles() == model().strips().get().along());

        // click a, Ctrl+click b and c: a - b + c, shown and visited
        assertFalse(fx(() -> lessons.arithmeticView().analogyStrip().isVisible()), "no analogy before three are selected");
        robot.clickOn(point(2));
        robot.press(KeyCode.CONTROL);
        try {
            robot.clickOn(point(6)).clickOn(point(11));
        } finally {
            robot.release(KeyCode.CONTROL);
        }
        await("three selected", () -> model().picks().get() != null);
        assertArrayEquals(new int[] {2, 6, 11}, fx(() -> model().picks().get()));
        float[] expected = new float[2];
        for (int j = 0; j < 2; j++) expected[j] = c.mu(2, j) - c.mu(6, j) + c.mu(11, j);
        assertArrayEquals(expected, fx(() -> model().analogy().get()), 1e-6f, "a - b + c");
        await("its images", () -> model().strips().get().analogy() != null
                && lessons.arithmeticView().analogyStrip().tiles() == model().strips().get().analogy());
        assertTrue(fx(() -> lessons.arithmeticView().analogyStrip().isVisible()));
        String words = fx(() -> ((Label) stage.getScene().lookup("#arithmeticPicked")).getText());
        assertEquals("a: a (#2), b: b (#6), c: c (#11). b is to a as c is to a \u2212 b + c.", words);
        Button go = (Button) fx(() -> stage.getScene().lookup("#arithmeticGoButton"));
        assertFalse(fx(go::isDisabled));
        assertNotEquals(expected[0], fx(() -> latent.z().get()[0]), 1e-3);
        robot.clickOn(go);
        assertArrayEquals(expected, fx(() -> latent.z().get()), 1e-6f, "the button moves z to a - b + c");
    }
}
