package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.vae.LatentArithmetic;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.ui.fixtures.LessonFixture;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlane;
import vaeexplorer.ui.lessons.arithmetic.ArithmeticModel;
import vaeexplorer.ui.lessons.arithmetic.ArithmeticModel.Strips;
import vaeexplorer.ui.widgets.ImageTiles;

/**
 * The latent arithmetic lesson's view-model without a window (its jobs run on the calling thread): choosing A and B
 * moves the arrow to the classes' projected means (two dimensions and PCA), the slider puts z exactly at base + t v,
 * the strips are the decodes of those z, the analogy follows the selection, and a session keeps A, B and t.
 */
class ArithmeticModelTest {
    private final ObservableList<Integer> selection = FXCollections.observableArrayList();

    private static LatentModel latent(int d) {
        LatentModel latent = LessonFixture.latent(d);
        latent.codes().set(LessonFixture.codes(d));
        return latent;
    }

    @Test
    void choosingTheClassesMovesTheArrowToTheirProjectedMeansInBothProjections() {
        LatentModel latent = latent(5);
        LatentCodes c = latent.codes().get();
        ArithmeticModel m = new ArithmeticModel(LessonWindow.direct(latent), selection);
        m.classA().set(1);
        m.classB().set(3);
        float[] a = LatentArithmetic.classMean(c, 1), b = LatentArithmetic.classMean(c, 3);
        assertArrayEquals(a, m.meanA().get());
        assertArrayEquals(b, m.meanB().get());
        assertArrayEquals(LatentArithmetic.direction(a, b), m.vector().get());
        latent.xDim().set(3);
        latent.yDim().set(4);
        assertArrayEquals(new double[] {a[3], a[4], b[3], b[4]}, m.arrow(latent.plane().get()), 1e-6);
        m.classB().set(0);
        float[] b0 = LatentArithmetic.classMean(c, 0);
        assertArrayEquals(new double[] {a[3], a[4], b0[3], b0[4]}, m.arrow(latent.plane().get()), 1e-6);
        latent.projection().set(LatentPlane.Kind.PCA);
        LatentPlane pca = latent.plane().get();
        assertEquals(LatentPlane.Kind.PCA, pca.kind());
        assertArrayEquals(new double[] {pca.x(a), pca.y(a), pca.x(b0), pca.y(b0)}, m.arrow(pca), 1e-9);
        m.classA().set(7);
        assertNull(m.arrow(pca), "no shown point of class 7: no arrow");
        assertNull(m.vector().get());
    }

    @Test
    void theSliderMovesZExactlyToBasePlusTvAndTheStripDecodesThoseZ() {
        LatentModel latent = latent(5);
        ArithmeticModel m = new ArithmeticModel(LessonWindow.direct(latent), selection);
        m.classA().set(0);
        m.classB().set(2);
        latent.select(7);
        float[] base = latent.z().get().clone();
        assertArrayEquals(LatentArithmetic.mu(latent.codes().get(), 7), base);
        float[] v = m.vector().get();
        for (double t : new double[] {0.5, -1.5, 1.25}) {
            m.t().set(t);
            assertArrayEquals(LatentArithmetic.along(base, v, t), latent.z().get(), "t = " + t);
        }
        // t = 1 from A's mean lands on B's
        latent.setZ(toDoubles(m.meanA().get()));
        assertEquals(0, m.t().get(), "z set elsewhere: the slider starts again from 0");
        m.t().set(1);
        assertArrayEquals(m.meanB().get(), latent.z().get(), 1e-6f);

        Strips s = m.strips().get();
        assertNotNull(s);
        assertArrayEquals(m.meanA().get(), s.base());
        ModelSnapshot model = latent.model().get();
        double[] ts = {-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1};
        assertEquals(ts.length, s.along().count());
        for (int k = 0; k < ts.length; k++)
            assertArrayEquals(model.decode(LatentArithmetic.along(s.base(), v, ts[k])), s.along().image(k), 1e-5f,
                    "strip frame " + k);
        // another pair of classes: z follows at the same t from the same base
        m.classB().set(3);
        assertArrayEquals(LatentArithmetic.along(s.base(), m.vector().get(), 1), latent.z().get());
    }

    @Test
    void theAnalogyOfTheLastThreeSelectedPointsIsDecodedAndCanBeVisited() {
        LatentModel latent = latent(2);
        LatentCodes c = latent.codes().get();
        ArithmeticModel m = new ArithmeticModel(LessonWindow.direct(latent), selection);
        selection.setAll(3, 9);
        assertNull(m.analogy().get());
        assertNull(m.strips().get().analogy());
        selection.setAll(1, 2, 12, 20); // the last three: a = 2, b = 12, c = 20
        assertArrayEquals(new int[] {2, 12, 20}, m.picks().get());
        float[] r = LatentArithmetic.analogy(LatentArithmetic.mu(c, 2), LatentArithmetic.mu(c, 12), LatentArithmetic.mu(c, 20));
        assertArrayEquals(r, m.analogy().get());
        ImageTiles four = m.strips().get().analogy();
        ModelSnapshot model = latent.model().get();
        assertArrayEquals(model.decode(LatentArithmetic.mu(c, 12)), four.image(1), 1e-5f);
        assertArrayEquals(model.decode(r), four.image(3), 1e-5f);
        m.goToAnalogy();
        assertArrayEquals(r, latent.z().get());
        assertArrayEquals(model.decode(r), latent.decoded().get(), 1e-6f);
    }

    @Test
    void aSessionKeepsTheClassesAndTAndTheSliderGoesOnFromTheSameBase() {
        LatentModel latent = latent(5);
        ArithmeticModel m = new ArithmeticModel(LessonWindow.direct(latent), selection);
        m.classA().set(2);
        m.classB().set(1);
        latent.select(4);
        float[] base = latent.z().get().clone();
        m.t().set(0.75);
        Map<String, String> view = new HashMap<>();
        m.saveTo(view);
        float[] z = latent.z().get().clone();

        LatentModel again = latent(5);
        again.setZ(toDoubles(z)); // the session gives z back first
        ArithmeticModel restored = new ArithmeticModel(LessonWindow.direct(again), FXCollections.observableArrayList());
        restored.restoreFrom(view);
        assertEquals(2, restored.classA().get());
        assertEquals(1, restored.classB().get());
        assertEquals(0.75, restored.t().get());
        assertArrayEquals(z, again.z().get(), "restoring t does not move z");
        restored.t().set(0);
        assertArrayEquals(base, again.z().get(), 1e-6f);
        view.put("arithmetic.a", "99");
        view.put("arithmetic.t", "x");
        restored.restoreFrom(view);
        assertEquals(2, restored.classA().get(), "an unknown class leaves A as it is");
    }

    private static double[] toDoubles(float[] z) {
        double[] d = new double[z.length];
        for (int j = 0; j < d.length; j++) d[j] = z[j];
        return d;
    }
}
