package vaeexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    private Path fakeIdxFolderFromMnistSubset() throws Exception {
        // a small IDX folder: 600 train and 200 test images of the built-in MNIST, written by the test
        vaeexplorer.core.data.DataSplit s = vaeexplorer.core.data.BuiltInDatasets.load("mnist");
        Path d = Files.createDirectories(dir.resolve("small-mnist"));
        writeIdx(d, "train", s.train(), 600);
        writeIdx(d, "t10k", s.test(), 200);
        return d;
    }

    private static void writeIdx(Path d, String split, vaeexplorer.core.data.Dataset set, int n) throws Exception {
        java.nio.ByteBuffer img = java.nio.ByteBuffer.allocate(16 + n * 784).putInt(2051).putInt(n).putInt(28).putInt(28);
        java.nio.ByteBuffer lab = java.nio.ByteBuffer.allocate(8 + n).putInt(2049).putInt(n);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 784; p++) img.put((byte) set.pixel(i, p));
            lab.put((byte) set.label(i));
        }
        Files.write(d.resolve(split + "-images-idx3-ubyte"), img.array());
        Files.write(d.resolve(split + "-labels-idx1-ubyte"), lab.array());
    }

    @Test
    void trainWithJsonPrintsOneObjectPerEpochWithTheStableKeys() throws Exception {
        Path data = fakeIdxFolderFromMnistSubset();
        Path model = dir.resolve("model.vae");
        CliRun r = CliRun.of("train", "--dataset", data.toString(), "--latent", "2", "--hidden", "64", "--epochs", "2",
                "--batch", "50", "--threads", "1", "--out", model.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        for (String key : List.of("epoch", "train_loss", "train_recon", "train_kl", "test_loss", "test_recon", "test_kl",
                "samples_per_sec", "seconds"))
            assertTrue(lines.get(1).contains("\"" + key + "\": "), key + " in " + lines.get(1));
        assertEquals(2, CliRun.number(lines.get(1), "epoch"));
        assertTrue(CliRun.number(lines.get(1), "test_loss") < CliRun.number(lines.get(0), "test_loss") + 5, r.out());
        assertEquals(CliRun.number(lines.get(1), "train_recon") + CliRun.number(lines.get(1), "train_kl"), CliRun.number(lines.get(1), "train_loss"), 0.01);
        assertTrue(Files.size(model) > 1000);

        CliRun e = CliRun.of("evaluate", "--model", model.toString(), "--dataset", data.toString(), "--threads", "1", "--json");
        assertEquals(0, e.code(), e.err());
        assertEquals(CliRun.number(lines.get(1), "test_loss"), CliRun.number(e.out(), "test_loss"), 1e-3, "save -> load -> evaluate agrees");
        assertEquals(CliRun.number(lines.get(1), "test_kl"), CliRun.number(e.out(), "test_kl"), 1e-3);

        Path csv = dir.resolve("latent.csv");
        CliRun x = CliRun.of("export-latent", "--model", model.toString(), "--dataset", data.toString(), "--out", csv.toString());
        assertEquals(0, x.code(), x.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("index,split,label,class_name,mu_1,mu_2,sigma_1,sigma_2,neg_elbo", rows.get(0));
        assertEquals(801, rows.size());
        // neg_elbo: each image's -ELBO, whose mean over the test rows is the evaluated test -ELBO (up to sampling)
        double sum = 0;
        int tests = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            double v = Double.parseDouble(f[f.length - 1]);
            assertTrue(v > 0 && Double.isFinite(v), row);
            if (f[1].equals("test")) {
                sum += v;
                tests++;
            }
        }
        CliRun ev = CliRun.of("evaluate", "--model", model.toString(), "--dataset", data.toString(), "--json");
        double negElbo = CliRun.number(ev.out(), "test_neg_elbo");
        assertEquals(negElbo, sum / tests, 0.03 * negElbo, "mean neg_elbo of the test rows vs evaluate");
    }

    @Test
    void evaluateEstimatesLogPxByIwaeAndByTheGrid() throws Exception {
        Path data = fakeIdxFolderFromMnistSubset();
        Path model = dir.resolve("m2.vae"), model3 = dir.resolve("m3.vae");
        for (Object[] m : new Object[][] {{model, "2"}, {model3, "3"}}) {
            CliRun t = CliRun.of("train", "--dataset", data.toString(), "--latent", (String) m[1], "--hidden", "32",
                    "--epochs", "2", "--batch", "50", "--threads", "1", "--out", m[0].toString(), "--json");
            assertEquals(0, t.code(), t.err());
        }
        CliRun plain = CliRun.of("evaluate", "--model", model.toString(), "--dataset", data.toString(), "--threads", "1", "--json");
        CliRun one = CliRun.of("evaluate", "--model", model.toString(), "--dataset", data.toString(), "--threads", "1",
                "--iwae", "1", "--json");
        CliRun r = CliRun.of("evaluate", "--model", model.toString(), "--dataset", data.toString(), "--threads", "1",
                "--iwae", "100", "--grid", "20", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, one.code(), one.err());
        double negElbo = CliRun.number(r.out(), "test_neg_elbo"), iwae = CliRun.number(r.out(), "test_nll_iwae"),
                grid = CliRun.number(r.out(), "test_nll_grid");
        assertEquals(CliRun.number(plain.out(), "test_neg_elbo"), negElbo, 1e-9, "test_neg_elbo is kept");
        assertEquals(100, CliRun.number(r.out(), "iwae_k"));
        // K = 1 is the single-sample ELBO (same eps seed): -ELBO up to the Monte Carlo KL's noise over 200 images
        assertEquals(negElbo, CliRun.number(one.out(), "test_nll_iwae"), 0.02 * negElbo);
        assertTrue(iwae < negElbo, "-log p(x) by IWAE below -ELBO: " + iwae + " vs " + negElbo);
        // a 20 x 20 grid that follows each posterior has converged here (40 x 40 gives the same to 0.02 nats)
        assertTrue(grid <= iwae + 0.05 && iwae - grid < 10, "grid " + grid + " below IWAE(100) " + iwae);

        CliRun text = CliRun.of("evaluate", "--model", model.toString(), "--dataset", data.toString(), "--threads", "1",
                "--iwae", "10");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("-log p(x) by IWAE, K = 10:") && text.out().contains("gap"), text.out());

        CliRun latent3 = CliRun.of("evaluate", "--model", model3.toString(), "--dataset", data.toString(), "--iwae", "5",
                "--json");
        assertEquals(0, latent3.code(), latent3.err());
        assertTrue(CliRun.number(latent3.out(), "test_nll_iwae") < CliRun.number(latent3.out(), "test_neg_elbo"));
        String[][] bad = {
                {"--iwae", "0"}, {"--iwae", "x"}, {"--grid", "9"}, {"--grid", "100000"}};
        for (String[] b : bad) {
            CliRun e = CliRun.of("evaluate", "--model", model.toString(), "--dataset", data.toString(), b[0], b[1]);
            assertEquals(2, e.code(), String.join(" ", b) + ": " + e.err());
            assertTrue(e.err().startsWith("error: evaluate: " + b[0]) && e.err().lines().count() == 1, e.err());
        }
        CliRun g3 = CliRun.of("evaluate", "--model", model3.toString(), "--dataset", data.toString(), "--grid", "50");
        assertEquals(2, g3.code(), g3.err());
        assertTrue(g3.err().contains("2-D latent") && g3.err().contains("latent of 3") && g3.err().lines().count() == 1,
                g3.err());
    }

    @Test
    void readableTableWithoutJson() throws Exception {
        Path data = fakeIdxFolderFromMnistSubset();
        CliRun r = CliRun.of("train", "--dataset", data.toString(), "--hidden", "32", "--epochs", "1", "--batch", "100", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("test_loss") && r.out().lines().anyMatch(l -> l.trim().startsWith("1 ")), r.out());
    }

    @Test
    void badArgumentsAndFilesGiveOneLineAndExitCodeTwo() throws Exception {
        Path notAModel = Files.writeString(dir.resolve("junk.vae"), "junk");
        String[][] cases = {
                {"train"},
                {"train", "--dataset", "no-such-dir"},
                {"train", "--dataset", "mnist", "--latent", "0"},
                {"train", "--dataset", "mnist", "--lr", "-1"},
                {"train", "--dataset", "mnist", "--lr", "abc"},
                {"train", "--dataset", "mnist", "--beta", "NaN"},
                {"train", "--dataset", "mnist", "--batch", "9000"},
                {"train", "--dataset", "mnist", "--likelihood", "poisson"},
                {"train", "--dataset", "mnist", "--hidden", "512,x"},
                {"train", "--dataset", "mnist", "--frobnicate", "3"},
                {"evaluate", "--model", notAModel.toString(), "--dataset", "mnist"},
                {"evaluate", "--model", dir.resolve("missing.vae").toString(), "--dataset", "mnist"},
                {"fly"},
        };
        for (String[] c : cases) {
            CliRun r = CliRun.of(c);
            assertEquals(2, r.code(), String.join(" ", c) + " -> " + r.err());
            assertEquals(1, r.err().lines().count(), String.join(" ", c) + " -> " + r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void divergingTrainingExitsWithCodeThreeAndNoNumbersPrintedAsNormal() throws Exception {
        Path data = fakeIdxFolderFromMnistSubset();
        CliRun r = CliRun.of("train", "--dataset", data.toString(), "--hidden", "32", "--epochs", "3", "--batch", "50",
                "--optimizer", "sgd", "--lr", "80", "--threads", "1", "--json");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("diverged") && r.err().contains("learning rate"), r.err());
        assertFalse(r.out().contains("NaN") || r.out().contains("null"), r.out());
    }

    @Test
    void benchReportsSamplesPerSecond() {
        CliRun r = CliRun.of("bench", "--hidden", "32", "--seconds", "0.5", "--threads", "1", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(CliRun.number(r.out(), "samples_per_sec") > 0, r.out());
    }
}
