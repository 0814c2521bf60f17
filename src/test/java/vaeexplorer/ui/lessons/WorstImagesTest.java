package vaeexplorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.vae.ImageScores;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.fixtures.LessonFixture;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.worst.WorstImagesModel;
import vaeexplorer.ui.lessons.worst.WorstImagesModel.Ranking;

/** The "Worst explained" lesson's ranking, without a window: jobs run on the calling thread. */
class WorstImagesTest {
    private static final MatMul MM = new EjmlMatMul(1);
    private static Dataset images;
    private static ModelSnapshot trained;

    @BeforeAll
    static void train() throws Exception {
        images = LessonFixture.images(64);
        trained = LessonFixture.trained(6, 2, 10);
    }

    private static LatentModel latent(ModelSnapshot m) {
        LatentModel latent = new LatentModel();
        latent.shown().set(images);
        latent.model().set(m);
        int n = images.size();
        float[] mu = new float[2 * n], sigma = new float[2 * n], xs = new float[n * 784];
        for (int i = 0; i < n; i++) images.copyImage(i, xs, i * 784);
        m.encodeBatch(MM, xs, n, mu, sigma);
        int[] idx = new int[n], labels = new int[n];
        // the codes list the images in reverse, so that a code row is not its image's index
        for (int i = 0; i < n; i++) {
            idx[i] = n - 1 - i;
            labels[i] = images.label(n - 1 - i);
        }
        float[] rmu = new float[2 * n], rsig = new float[2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(mu, 2 * (n - 1 - i), rmu, 2 * i, 2);
            System.arraycopy(sigma, 2 * (n - 1 - i), rsig, 2 * i, 2);
        }
        latent.codes().set(new LatentCodes(1, 2, idx, labels, rmu, rsig));
        return latent;
    }

    private static WorstImagesModel model(LatentModel latent) {
        return new WorstImagesModel(LessonWindow.direct(latent));
    }

    @Test
    void theStripsAreTheHighestAndLowestScoresWithTheirReconstructions() {
        LatentModel latent = latent(trained);
        WorstImagesModel m = model(latent);
        Ranking r = m.ranking().get();
        assertNotNull(r);
        double[] s = ImageScores.negativeElbo(trained, MM, images, 0, images.size());
        double[] sorted = s.clone();
        java.util.Arrays.sort(sorted);
        int k = WorstImagesModel.COUNT;
        for (int i = 0; i < k; i++) {
            assertEquals(sorted[sorted.length - 1 - i], r.worstScores()[i], 1e-9, "worst " + i);
            assertEquals(sorted[i], r.bestScores()[i], 1e-9, "best " + i);
            assertEquals(s[r.worst()[i]], r.worstScores()[i], 1e-9);
            assertEquals(s[r.best()[i]], r.bestScores()[i], 1e-9);
        }
        assertEquals(java.util.Arrays.stream(s).average().orElseThrow(), r.mean(), 1e-9);
        assertEquals(images.size(), r.images());
        // row 0: the images themselves; row 1: decoded from their mu
        float[] x = new float[784], mu = new float[2], sigma = new float[2], decoded = new float[784];
        images.copyImage(r.worst()[2], x, 0);
        assertArrayEquals(x, r.worstTiles().image(2), 0f);
        trained.encodeBatch(MM, x, 1, mu, sigma);
        trained.decode(mu, decoded);
        assertArrayEquals(decoded, r.worstTiles().image(k + 2), 1e-4f);
    }

    @Test
    void choosingAnImageSelectsItsPointInTheScatter() {
        LatentModel latent = latent(trained);
        WorstImagesModel m = model(latent);
        int image = m.ranking().get().worst()[0];
        m.choose(image);
        int row = latent.selected().get();
        assertEquals(image, latent.codes().get().index(row), "the code row of that image");
        float[] x = new float[784];
        images.copyImage(image, x, 0);
        assertArrayEquals(x, latent.selectedOriginal().get(), 0f);
    }

    @Test
    void noModelNoRanking() {
        LatentModel latent = new LatentModel();
        latent.shown().set(images);
        WorstImagesModel m = model(latent);
        assertNull(m.ranking().get());
        latent.model().set(trained);
        assertNotNull(m.ranking().get(), "a model arrives: ranked");
        assertTrue(m.ranking().get().worstScores()[0] >= m.ranking().get().bestScores()[0]);
    }
}
