package vaeexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vaeexplorer.core.io.SafeTensors;

/** convert, and evaluate / export-latent on .safetensors files, through the command line. */
class CliPyTorchTest {
    @TempDir
    Path dir;

    private Path fixture() throws Exception {
        Path f = dir.resolve("examples-h16.safetensors");
        try (var in = CliPyTorchTest.class.getResourceAsStream("/vaeexplorer/core/io/examples-h16.safetensors")) {
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    void convertToSafeTensorsAndBackKeepsTheTestLoss() throws Exception {
        // a model of our own from a PyTorch file: convert it back, then to .safetensors again
        Path ours = dir.resolve("m.vae"), st = dir.resolve("m.safetensors");
        CliRun back = CliRun.of("convert", "--model", fixture().toString(), "--out", ours.toString());
        assertEquals(0, back.code(), back.err());
        CliRun to = CliRun.of("convert", "--model", ours.toString(), "--out", st.toString());
        assertEquals(0, to.code(), to.err());
        assertTrue(to.out().contains("examples names") && to.out().contains("hidden 16"), to.out());
        SafeTensors.Contents c = SafeTensors.read(st);
        assertEquals(List.of("fc1.weight", "fc1.bias", "fc21.weight", "fc21.bias", "fc22.weight", "fc22.bias",
                "fc3.weight", "fc3.bias", "fc4.weight", "fc4.bias"), List.copyOf(c.tensors().keySet()));
        assertEquals("28,28", c.metadata().get("input_shape"));
        assertEquals("bernoulli", c.metadata().get("likelihood"));
        CliRun e1 = CliRun.of("evaluate", "--model", ours.toString(), "--dataset", "mnist", "--threads", "1", "--json");
        CliRun e2 = CliRun.of("evaluate", "--model", st.toString(), "--dataset", "mnist", "--threads", "1", "--json");
        assertEquals(0, e1.code(), e1.err());
        assertEquals(0, e2.code(), e2.err());
        assertEquals(CliRun.number(e1.out(), "test_loss"), CliRun.number(e2.out(), "test_loss"));
        assertTrue(CliRun.number(e2.out(), "test_loss") > 100, e2.out());
    }

    @Test
    void exportLatentTakesASafeTensorsModel() throws Exception {
        Path csv = dir.resolve("z.csv");
        CliRun r = CliRun.of("export-latent", "--model", fixture().toString(), "--dataset", "mnist", "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(10_001, lines.size());
        assertTrue(lines.get(0).contains("mu_2") && lines.get(0).contains("sigma_2"), lines.get(0));
    }

    @Test
    void aSafeTensorsFileWithoutLikelihoodNeedsTheOption() throws Exception {
        Path f = dir.resolve("nolik.safetensors");
        SafeTensors.Contents c = SafeTensors.read(fixture());
        SafeTensors.write(f, List.copyOf(c.tensors().values()), java.util.Map.of());
        CliRun r = CliRun.of("evaluate", "--model", f.toString(), "--dataset", "mnist");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("--likelihood") && r.err().strip().lines().count() == 1, r.err());
        CliRun ok = CliRun.of("evaluate", "--model", f.toString(), "--dataset", "mnist", "--likelihood", "bernoulli", "--json");
        assertEquals(0, ok.code(), ok.err());
        CliRun bad = CliRun.of("evaluate", "--model", f.toString(), "--dataset", "mnist", "--likelihood", "poisson");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--likelihood must be bernoulli or gaussian"), bad.err());
    }

    @Test
    void versionPrintsNameVersionAndLicence() {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("VAE Explorer [0-9]+\\.[0-9]+\\.[0-9]+\\S* \\(Apache-2\\.0\\)\\R"), r.out());
    }
}
