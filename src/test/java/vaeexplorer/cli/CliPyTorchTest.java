package vaeexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vaeexplorer.core.io.SafeTensors;

/** convert, and evaluate / export-latent on .safetensors files, through the command line. */
class CliPyTorchTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.eE+-]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

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
        Result back = run("convert", "--model", fixture().toString(), "--out", ours.toString());
        assertEquals(0, back.code, back.err);
        Result to = run("convert", "--model", ours.toString(), "--out", st.toString());
        assertEquals(0, to.code, to.err);
        assertTrue(to.out.contains("examples names") && to.out.contains("hidden 16"), to.out);
        SafeTensors.Contents c = SafeTensors.read(st);
        assertEquals(List.of("fc1.weight", "fc1.bias", "fc21.weight", "fc21.bias", "fc22.weight", "fc22.bias",
                "fc3.weight", "fc3.bias", "fc4.weight", "fc4.bias"), List.copyOf(c.tensors().keySet()));
        assertEquals("28,28", c.metadata().get("input_shape"));
        assertEquals("bernoulli", c.metadata().get("likelihood"));
        Result e1 = run("evaluate", "--model", ours.toString(), "--dataset", "mnist", "--threads", "1", "--json");
        Result e2 = run("evaluate", "--model", st.toString(), "--dataset", "mnist", "--threads", "1", "--json");
        assertEquals(0, e1.code, e1.err);
        assertEquals(0, e2.code, e2.err);
        assertEquals(number(e1.out, "test_loss"), number(e2.out, "test_loss"));
        assertTrue(number(e2.out, "test_loss") > 100, e2.out);
    }

    @Test
    void exportLatentTakesASafeTensorsModel() throws Exception {
        Path csv = dir.resolve("z.csv");
        Result r = run("export-latent", "--model", fixture().toString(), "--dataset", "mnist", "--out", csv.toString());
        assertEquals(0, r.code, r.err);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(10_001, lines.size());
        assertTrue(lines.get(0).contains("mu_2") && lines.get(0).contains("sigma_2"), lines.get(0));
    }

    @Test
    void aSafeTensorsFileWithoutLikelihoodNeedsTheOption() throws Exception {
        Path f = dir.resolve("nolik.safetensors");
        SafeTensors.Contents c = SafeTensors.read(fixture());
        SafeTensors.write(f, List.copyOf(c.tensors().values()), java.util.Map.of());
        Result r = run("evaluate", "--model", f.toString(), "--dataset", "mnist");
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("error: ") && r.err.contains("--likelihood") && r.err.strip().lines().count() == 1, r.err);
        Result ok = run("evaluate", "--model", f.toString(), "--dataset", "mnist", "--likelihood", "bernoulli", "--json");
        assertEquals(0, ok.code, ok.err);
        Result bad = run("evaluate", "--model", f.toString(), "--dataset", "mnist", "--likelihood", "poisson");
        assertEquals(2, bad.code);
        assertTrue(bad.err.contains("--likelihood: likelihood must be bernoulli or gaussian"), bad.err);
    }

    @Test
    void versionPrintsNameVersionAndLicence() {
        Result r = run("--version");
        assertEquals(0, r.code);
        assertTrue(r.out.matches("VAE Explorer [0-9]+\\.[0-9]+\\.[0-9]+\\S* \\(Apache-2\\.0\\)\\R"), r.out);
    }
}
