package vaeexplorer.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.Evaluation;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

class SafeTensorsModelTest {
    @TempDir
    Path dir;

    /**
     * Made by PyTorch: {@code vae_reference.py --data assets/mnist --latent 2 --hidden 16 --epochs 1 --save
     * examples-h16.safetensors --names examples --threads 1}; then {@code --load} on the same data printed
     * test_loss 330.561 (recon 316.439, kl 14.122) nats per image.
     */
    static final String FIXTURE = "/vaeexplorer/core/io/examples-h16.safetensors";
    static final double PYTORCH_TEST_LOSS = 330.561;

    private Path fixture() throws Exception {
        Path f = dir.resolve("examples-h16.safetensors");
        try (var in = SafeTensorsModelTest.class.getResourceAsStream(FIXTURE)) {
            Files.copy(in, f);
        }
        return f;
    }

    private static Vae model(List<Integer> hidden, Likelihood l) {
        return new Vae(new VaeConfig(12, hidden, 3, l, 0.25), new Rng(7));
    }

    private static void assertSameWeights(Vae a, Vae b) {
        assertEquals(a.params().size(), b.params().size());
        for (int i = 0; i < a.params().size(); i++)
            assertArrayEquals(a.params().get(i).value.data, b.params().get(i).value.data, a.params().get(i).name);
    }

    @Test
    void aPyTorchTrainedModelEvaluatesToPyTorchsTestLossWithinHalfAPercent() throws Exception {
        ModelFile.Loaded m = ModelFiles.open(fixture(), null);
        assertEquals(new VaeConfig(784, List.of(16), 2, Likelihood.BERNOULLI, VaeConfig.DEFAULT_GAUSSIAN_SIGMA),
                m.vae().config());
        assertEquals("examples", m.info().getProperty("names"));
        DataSplit data = BuiltInDatasets.load("mnist");
        Evaluation e = Trainer.evaluate(m.vae(), new EjmlMatMul(1), m.vae().workspace(500), data.test(), 1);
        double rel = Math.abs(e.loss() - PYTORCH_TEST_LOSS) / PYTORCH_TEST_LOSS;
        assertTrue(rel < 0.005, "test loss " + e.loss() + " vs PyTorch's " + PYTORCH_TEST_LOSS);
    }

    @Test
    void oneHiddenLayerRoundTripsWithTheExamplesNamesAndMetadata() throws Exception {
        Vae vae = model(List.of(6), Likelihood.GAUSSIAN);
        Properties info = new Properties();
        info.setProperty("dataset", "mnist");
        info.setProperty("image_rows", "3");
        info.setProperty("image_cols", "4");
        Path f = dir.resolve("m.safetensors");
        SafeTensorsModel.save(f, vae, info);
        SafeTensors.Contents c = SafeTensors.read(f);
        assertEquals(List.of("fc1.weight", "fc1.bias", "fc21.weight", "fc21.bias", "fc22.weight", "fc22.bias", "fc3.weight",
                "fc3.bias", "fc4.weight", "fc4.bias"), List.copyOf(c.tensors().keySet()));
        assertArrayEquals(new int[] {6, 12}, c.tensors().get("fc1.weight").shape());
        assertArrayEquals(new int[] {3, 6}, c.tensors().get("fc22.weight").shape());
        assertArrayEquals(new int[] {12, 6}, c.tensors().get("fc4.weight").shape());
        assertEquals("gaussian", c.metadata().get("likelihood"));
        assertEquals("0.25", c.metadata().get("sigma_x"));
        assertEquals("3,4", c.metadata().get("input_shape"));
        assertEquals("3", c.metadata().get("latent"));
        assertEquals("6", c.metadata().get("hidden"));
        assertEquals("mnist", c.metadata().get("dataset"));
        // fc1.weight is [out, in]: element [o][i] is our W[i][o]
        float[] ours = vae.layers().get(0).weight.value.data;
        assertEquals(ours[5 * 6 + 2], c.tensors().get("fc1.weight").values()[2 * 12 + 5]);
        ModelFile.Loaded back = ModelFiles.open(f, null);
        assertEquals(vae.config(), back.vae().config());
        assertSameWeights(vae, back.vae());
        assertEquals("mnist", back.dataset());
        assertEquals("3", back.info().getProperty("image_rows"));
    }

    @Test
    void twoHiddenLayersRoundTripWithTheDocumentedScheme() throws Exception {
        Vae vae = model(List.of(7, 5), Likelihood.BERNOULLI);
        Path f = dir.resolve("deep.safetensors");
        SafeTensorsModel.save(f, vae, new Properties());
        SafeTensors.Contents c = SafeTensors.read(f);
        assertEquals(List.of("enc.0.weight", "enc.0.bias", "enc.1.weight", "enc.1.bias", "mu.weight", "mu.bias",
                "logvar.weight", "logvar.bias", "dec.0.weight", "dec.0.bias", "dec.1.weight", "dec.1.bias", "out.weight",
                "out.bias"), List.copyOf(c.tensors().keySet()));
        assertArrayEquals(new int[] {5, 3}, c.tensors().get("dec.0.weight").shape());
        assertArrayEquals(new int[] {7, 5}, c.tensors().get("dec.1.weight").shape());
        ModelFile.Loaded back = SafeTensorsModel.load(f, null);
        assertEquals(vae.config(), back.vae().config());
        assertSameWeights(vae, back.vae());
    }

    @Test
    void theReferenceScriptsNamesAreReadToo() throws Exception {
        Vae vae = model(List.of(6), Likelihood.BERNOULLI);
        Path f = dir.resolve("ref.safetensors");
        SafeTensors.write(f, SafeTensorsModel.tensors(vae, SafeTensorsModel.Names.REFERENCE), Map.of());
        assertEquals("e1.weight", SafeTensors.read(f).tensors().keySet().iterator().next());
        // no likelihood in the metadata: the caller's is used, and without one the file is refused
        String msg = assertThrows(FileFormatException.class, () -> ModelFiles.open(f, null)).getMessage();
        assertTrue(msg.contains("names no likelihood") && msg.contains("--likelihood"), msg);
        ModelFile.Loaded back = ModelFiles.open(f, Likelihood.BERNOULLI);
        assertEquals(List.of(6), back.vae().config().hidden());
        assertEquals(3, back.vae().config().latent());
        assertSameWeights(vae, back.vae());
        assertEquals("reference", back.info().getProperty("names"));
    }

    @Test
    void modelFilesStillOpenThroughTheSameEntryPoint() throws Exception {
        Vae vae = model(List.of(6), Likelihood.BERNOULLI);
        Path f = dir.resolve("ours.vae");
        ModelFile.save(f, vae, Map.of("dataset", "mnist"));
        ModelFile.Loaded back = ModelFiles.open(f, null);
        assertSameWeights(vae, back.vae());
        // a .safetensors file under another name is recognised by its first bytes
        Path st = dir.resolve("weights.bin");
        SafeTensorsModel.save(st, vae, new Properties());
        assertTrue(ModelFiles.isSafeTensors(st));
        assertSameWeights(vae, ModelFiles.open(st, null).vae());
    }

    private Path withTensors(Map<String, SafeTensors.Tensor> t) throws Exception {
        Path f = dir.resolve("x" + System.nanoTime() + ".safetensors");
        SafeTensors.write(f, new ArrayList<>(t.values()), Map.of("likelihood", "bernoulli"));
        return f;
    }

    private Map<String, SafeTensors.Tensor> examplesTensors() {
        Map<String, SafeTensors.Tensor> m = new LinkedHashMap<>();
        for (SafeTensors.Tensor t : SafeTensorsModel.tensors(model(List.of(6), Likelihood.BERNOULLI),
                SafeTensorsModel.Names.EXAMPLES))
            m.put(t.name(), t);
        return m;
    }

    private String refused(Path f) {
        return assertThrows(FileFormatException.class, () -> ModelFiles.open(f, null)).getMessage();
    }

    @Test
    void anUnknownLayoutNamesWhatWasFoundAndWhatIsExpected() throws Exception {
        Map<String, SafeTensors.Tensor> t = new LinkedHashMap<>();
        t.put("conv1.weight", new SafeTensors.Tensor("conv1.weight", new int[] {2, 1, 3, 3}, new float[18]));
        String msg = refused(withTensors(t));
        assertTrue(msg.contains("found tensors [conv1.weight]") && msg.contains("fc1, fc21 = mu"), msg);
    }

    @Test
    void aMissingOrExtraTensorIsNamed() throws Exception {
        Map<String, SafeTensors.Tensor> t = examplesTensors();
        t.remove("fc22.bias");
        t.put("fc5.weight", new SafeTensors.Tensor("fc5.weight", new int[] {1}, new float[1]));
        String msg = refused(withTensors(t));
        assertTrue(msg.contains("lacks [fc22.bias]") && msg.contains("also holds [fc5.weight]"), msg);
    }

    @Test
    void aWrongShapeSaysWhatWasExpected() throws Exception {
        Map<String, SafeTensors.Tensor> t = examplesTensors();
        t.put("fc3.weight", new SafeTensors.Tensor("fc3.weight", new int[] {5, 3}, new float[15]));
        String msg = refused(withTensors(t));
        assertTrue(msg.contains("fc3.weight has shape [5, 3], expected [6, 3] for input 12, hidden [6], latent 3")
                && msg.contains("mirror"), msg);
        Map<String, SafeTensors.Tensor> b = examplesTensors();
        b.put("fc1.bias", new SafeTensors.Tensor("fc1.bias", new int[] {5}, new float[5]));
        assertTrue(refused(withTensors(b)).contains("fc1.bias has shape [5], expected [6]"));
        Map<String, SafeTensors.Tensor> w = examplesTensors();
        w.put("fc1.weight", new SafeTensors.Tensor("fc1.weight", new int[] {72}, new float[72]));
        assertTrue(refused(withTensors(w)).contains("expected 2 dimensions [out, in]"));
    }

    @Test
    void sizesOutsideTheProgramsLimitsAreRefused() throws Exception {
        Map<String, SafeTensors.Tensor> t = examplesTensors();
        Path f = dir.resolve("badlik.safetensors");
        SafeTensors.write(f, new ArrayList<>(t.values()), Map.of("likelihood", "poisson"));
        assertTrue(refused(f).contains("likelihood must be bernoulli or gaussian, got 'poisson'"));
    }
}
