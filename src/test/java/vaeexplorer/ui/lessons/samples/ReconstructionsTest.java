package vaeexplorer.ui.lessons.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.ui.fixtures.LessonFixture;
import vaeexplorer.ui.widgets.ImageTiles;

/** The reconstructions lesson's computation, without a window. */
class ReconstructionsTest {
    private final ModelSnapshot model = LessonFixture.model(3, 2);
    private final Dataset shown = LessonFixture.images(40);

    @Test
    void theFirstPickIsOneImageOfEachClassAndLaterPicksOthers() {
        int[] first = Reconstructions.choose(shown, 4, 0);
        Set<Integer> classes = new HashSet<>();
        for (int i : first) classes.add(shown.label(i));
        assertEquals(Set.of(0, 1, 2, 3), classes, "one of each class: " + Arrays.toString(first));
        assertFalse(Arrays.equals(first, Reconstructions.choose(shown, 4, 1)), "Other images");
        assertEquals(8, new HashSet<>(Arrays.stream(Reconstructions.choose(shown, 8, 2)).boxed().toList()).size(), "no repeats");
    }

    @Test
    void theRowsAreTheImagesTheirDecodedMeanAndSamplesAroundIt() {
        Dataset images = shown.subset("four", Reconstructions.choose(shown, 4, 0));
        ImageTiles t = Reconstructions.job(model, images, 3, 1).apply(new EjmlMatMul(1));
        assertEquals(4, t.gridCols());
        assertEquals(5 * 4, t.count(), "image, mean, three samples");
        for (int i = 0; i < 4; i++) {
            float[] x = new float[784];
            images.copyImage(i, x, 0);
            assertArrayEquals(x, t.image(i), "row 1: the image");
            assertArrayEquals(model.reconstruct(x), t.image(4 + i), 1e-5f, "row 2: decoded mu");
            for (int s = 0; s < 3; s++)
                assertFalse(Arrays.equals(t.image(4 + i), t.image(8 + 4 * s + i)), "a sample is not the mean");
        }
        ImageTiles again = Reconstructions.job(model, images, 3, 1).apply(new EjmlMatMul(1));
        assertArrayEquals(t.pixels(), again.pixels(), "the same eps for the same seed");
        ImageTiles resampled = Reconstructions.job(model, images, 3, 2).apply(new EjmlMatMul(1));
        assertArrayEquals(Arrays.copyOf(t.pixels(), 8 * 784), Arrays.copyOf(resampled.pixels(), 8 * 784), "Resample keeps the images and means");
        assertFalse(Arrays.equals(t.pixels(), resampled.pixels()), "and draws new samples");
    }
}
