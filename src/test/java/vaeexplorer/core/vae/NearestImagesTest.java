package vaeexplorer.core.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.nn.Elementwise;
import vaeexplorer.core.nn.Rng;

/**
 * The nearest-image searches against a brute-force search ({@link BruteForceNearest}): by pixels on random images
 * (with ties planted), on the built-in Fashion-MNIST with its own images, decoded images and noise as queries; by
 * latent distance on random codes with ties and on a model's encodings of real images. (The vector kernels run the
 * same checks in a child JVM: ElementwiseChecks.)
 */
class NearestImagesTest {
    private static DataSplit fashion;

    @BeforeAll
    static void load() throws Exception {
        fashion = BuiltInDatasets.load(BuiltInDatasets.FASHION_MNIST);
    }

    @Test
    void byPixelsEqualsBruteForceOnRandomImagesWithTies() {
        // 9 x 7 = 63 pixels: rows that end in a tail the kernels do one pixel at a time; 1,300 images: a partial block
        Dataset set = BruteForceNearest.randomImages(1300, 9, 7, 5, false, new int[] {5, 17}, new int[] {5, 1299},
                new int[] {40, 3});
        NearestByPixels search = new NearestByPixels(set, Elementwise.SCALAR);
        Rng r = new Rng(8);
        float[] q = new float[63];
        for (int t = 0; t < 40; t++) {
            for (int p = 0; p < q.length; p++) q[p] = (float) r.nextDouble();
            for (int k : new int[] {1, 5, 12}) assertNull(BruteForceNearest.difference(BruteForceNearest.byPixels(set, q, k),
                    search.nearest(q, k)), "query " + t + ", k " + k);
        }
        // an image with two copies: all three at distance 0, the lower indices first
        set.copyImage(17, q, 0);
        Neighbours n = search.nearest(q, 4);
        assertArrayEquals(new int[] {5, 17, 1299}, java.util.Arrays.copyOf(n.indices(), 3));
        assertArrayEquals(new double[] {0, 0, 0}, java.util.Arrays.copyOf(n.distances(), 3));
        assertNull(BruteForceNearest.difference(BruteForceNearest.byPixels(set, q, 4), n));
        set.copyImage(3, q, 0);
        assertArrayEquals(new int[] {3, 40}, search.nearest(q, 2).indices());
    }

    @Test
    void byPixelsEqualsBruteForceOnFashionMnist() {
        Dataset train = fashion.train();
        NearestByPixels search = new NearestByPixels(train, Elementwise.SCALAR);
        float[] q = new float[train.imageSize()];
        // the set's own images (each is its own nearest, at 0) and held-out ones
        for (int i : new int[] {0, 1, 4321, train.size() - 1}) {
            train.copyImage(i, q, 0);
            Neighbours n = search.nearest(q, 5);
            assertNull(BruteForceNearest.difference(BruteForceNearest.byPixels(train, q, 5), n), "training image " + i);
            assertEquals(0, n.distances()[0]);
        }
        for (int i : new int[] {0, 77, 1999}) {
            fashion.test().copyImage(i, q, 0);
            assertNull(BruteForceNearest.difference(BruteForceNearest.byPixels(train, q, 5), search.nearest(q, 5)), "test " + i);
        }
        // what the lesson asks: an untrained model's decoded (grey, blurry) image
        Vae vae = new Vae(new VaeConfig(train.imageSize(), List.of(32), 2, Likelihood.BERNOULLI, 0.1), new Rng(4));
        float[] decoded = vae.snapshot().decode(new float[] {0.5f, -1f});
        assertNull(BruteForceNearest.difference(BruteForceNearest.byPixels(train, decoded, 5), search.nearest(decoded, 5)));
    }

    @Test
    void aQueryAllocatesNothingAndReusesItsBuffers() {
        Dataset set = BruteForceNearest.randomImages(600, 4, 4, 2, true);
        NearestByPixels search = new NearestByPixels(set, Elementwise.SCALAR);
        float[] q = new float[16];
        int[] idx = new int[5];
        double[] dist = new double[5];
        java.util.Arrays.fill(q, 0.3f);
        assertEquals(5, search.nearest(q, 5, idx, dist));
        Neighbours first = new Neighbours(idx.clone(), dist.clone());
        // another query in between, then the first again: the same answer from the same buffers
        java.util.Arrays.fill(q, 0.9f);
        search.nearest(q, 5, idx, dist);
        java.util.Arrays.fill(q, 0.3f);
        search.nearest(q, 5, idx, dist);
        assertNull(BruteForceNearest.difference(first, new Neighbours(idx, dist)));
        assertNull(BruteForceNearest.difference(BruteForceNearest.byPixels(set, q, 5), first));
        // a set smaller than k gives all of it
        Dataset three = set.subset("three", new int[] {9, 2, 4});
        assertEquals(3, new NearestByPixels(three, Elementwise.SCALAR).nearest(q, 5).size());
        assertThrows(IllegalArgumentException.class, () -> search.nearest(q, 0));
        assertThrows(IllegalArgumentException.class, () -> search.nearest(q, NearestByPixels.MAX_K + 1));
        assertThrows(IllegalArgumentException.class, () -> search.nearest(new float[15], 3));
    }

    @Test
    void theYardstickIsTheMedianDistanceToTheNearestOtherImage() {
        Dataset set = BruteForceNearest.randomImages(300, 5, 5, 3, true, new int[] {0, 150});
        NearestByPixels search = new NearestByPixels(set, Elementwise.SCALAR);
        // three samples: images 0, 100 and 200; image 0 has a copy (distance 0)
        double[] d = new double[3];
        float[] q = new float[25];
        for (int s = 0; s < 3; s++) {
            set.copyImage(s * 100, q, 0);
            Neighbours n = BruteForceNearest.byPixels(set, q, 2);
            d[s] = n.indices()[0] == s * 100 ? n.distances()[1] : n.distances()[0];
        }
        assertEquals(0, d[0]);
        java.util.Arrays.sort(d);
        assertEquals(d[1], search.medianNearestOther(3));
        assertTrue(Double.isNaN(new NearestByPixels(set.subset("one", new int[] {4}), Elementwise.SCALAR)
                .medianNearestOther(10)));
    }

    @Test
    void byLatentEqualsBruteForceOnRandomCodesWithTies() {
        Rng r = new Rng(12);
        for (int dim : new int[] {1, 2, 20}) {
            int n = 2500;
            float[] mu = new float[n * dim];
            for (int i = 0; i < mu.length; i++) mu[i] = (float) r.nextGaussian();
            System.arraycopy(mu, 7 * dim, mu, 30 * dim, dim);
            System.arraycopy(mu, 7 * dim, mu, 2000 * dim, dim);
            NearestByLatent search = new NearestByLatent(mu, n, dim, null, null);
            float[] z = new float[dim];
            for (int t = 0; t < 30; t++) {
                for (int j = 0; j < dim; j++) z[j] = (float) (2 * r.nextGaussian());
                for (int k : new int[] {1, 5, 9})
                    assertNull(BruteForceNearest.difference(BruteForceNearest.byLatent(mu, n, dim, z, k), search.nearest(z, k)),
                            "latent " + dim + ", query " + t + ", k " + k);
            }
            System.arraycopy(mu, 30 * dim, z, 0, dim);
            Neighbours three = search.nearest(z, 3);
            assertArrayEquals(new int[] {7, 30, 2000}, three.indices(), "latent " + dim);
            assertArrayEquals(new double[] {0, 0, 0}, three.distances());
        }
    }

    @Test
    void byLatentSearchesAModelsCodesOfTheTrainingImages() {
        Dataset train = fashion.train().subset("part", java.util.stream.IntStream.range(0, 3000).toArray());
        Vae vae = new Vae(new VaeConfig(train.imageSize(), List.of(32), 3, Likelihood.BERNOULLI, 0.1), new Rng(6));
        ModelSnapshot m = vae.snapshot();
        NearestByLatent search = NearestByLatent.encode(m, new EjmlMatMul(1), train);
        assertEquals(train.size(), search.size());
        assertEquals(3, search.latent());
        assertTrue(search.model() == m && search.dataset() == train);
        // the codes are the encoder's mu, image by image
        float[] x = new float[train.imageSize()], mu = new float[3], lv = new float[3];
        train.copyImage(1234, x, 0);
        m.encode(x, mu, lv);
        for (int j = 0; j < 3; j++) assertEquals(mu[j], search.mu(1234, j), 1e-4);
        float[] all = new float[train.size() * 3];
        for (int i = 0; i < train.size(); i++) for (int j = 0; j < 3; j++) all[i * 3 + j] = search.mu(i, j);
        // z at an image's code: that image first, at distance 0; and z elsewhere
        float[] z = {search.mu(1234, 0), search.mu(1234, 1), search.mu(1234, 2)};
        Neighbours n = search.nearest(z, 5);
        assertEquals(1234, n.indices()[0]);
        assertEquals(0, n.distances()[0]);
        assertNull(BruteForceNearest.difference(BruteForceNearest.byLatent(all, train.size(), 3, z, 5), n));
        float[] far = {0.3f, -0.2f, 0.1f};
        assertNull(BruteForceNearest.difference(BruteForceNearest.byLatent(all, train.size(), 3, far, 5), search.nearest(far, 5)));
    }

    @Test
    void topKKeepsTheSmallestInOrderWithTiesToTheLowerIndexWhateverTheOrderOffered() {
        TopK top = new TopK(8);
        top.clear(4);
        double[] v = {5, 1, 3, 1, Double.NaN, 2, 1, 9, 0.5};
        int[] at = {10, 7, 3, 2, 1, 8, 5, 0, 11};
        for (int i = 0; i < v.length; i++) top.offer(v[i], at[i]);
        assertEquals(4, top.size());
        int[] idx = new int[4];
        double[] val = new double[4];
        for (int s = 0; s < 4; s++) {
            idx[s] = top.index(s);
            val[s] = top.value(s);
        }
        assertArrayEquals(new int[] {11, 2, 5, 7}, idx);
        assertArrayEquals(new double[] {0.5, 1, 1, 1}, val);
        assertEquals(1, top.bound());
        top.clear(2);
        assertEquals(Double.POSITIVE_INFINITY, top.bound());
        assertThrows(IllegalArgumentException.class, () -> top.clear(9));
    }
}
