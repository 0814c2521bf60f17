package vaeexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vaeexplorer.core.io.FileFormatException;
import vaeexplorer.core.io.FileProblem;
import vaeexplorer.core.io.HostileSafeTensors;
import vaeexplorer.core.io.ModelFile;
import vaeexplorer.core.io.ModelFiles;
import vaeexplorer.core.io.SectionFile;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

/** Values and destinations an unlucky user could give: each ends in one line in words and exit code 2, before training. */
class CliHostileInputTest {
    @TempDir
    Path dir;

    private static void refused(CliRun r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("For input string"), r.err());
        assertFalse(r.out().contains("epoch"), "refused before training: " + r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--beta|abc|--beta must be a number from 0 to 1000, got 'abc'",
            "--beta|NaN|--beta must be a number from 0 to 1000, got 'NaN'",
            "--beta|-5|--beta must be a number from 0 to 1000, got '-5'",
            "--sigma-x|1e-300|--sigma-x must be a number from 0.001 to 100, got '1e-300'",
            "--sigma-x|NaN|--sigma-x must be a number from 0.001 to 100, got 'NaN'",
            "--lr|0|--lr must be a number above 0 and up to 100, got '0'",
            "--batch|0|--batch must be a whole number from 1 to",
            "--epochs|1e3|--epochs must be a whole number from 1 to 100000, got '1e3'",
            "--latent|65|--latent must be a whole number from 1 to 64",
            "--hidden|0|--hidden must be 1 to 4 whole numbers from 1 to 4096",
            "--seed|1.5|--seed must be a whole number",
            "--threads|999|--threads must be a whole number from 1 to 256",
    })
    void everyTrainingValueIsCheckedInWords(String option, String value, String expected) {
        refused(CliRun.of("train", "--dataset", "no-such-data-is-loaded", option, value), expected);
    }

    @Test
    void benchSecondsAreChecked() {
        refused(CliRun.of("bench", "--seconds", "-1"), "--seconds must be a number from");
    }

    @Test
    void outOntoADeviceIsRefusedBeforeTrainingAndTheDeviceIsLeftAsItIs() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
        refused(CliRun.of("train", "--dataset", "mnist", "--epochs", "1", "--out", "/dev/null"),
                "/dev/null: is not a regular file");
        assertFalse(Files.isRegularFile(devNull));
    }

    @Test
    void outIntoAMissingFolderOrOntoAFolderIsRefusedBeforeTraining() {
        Path missing = dir.resolve("nope/model.vae");
        refused(CliRun.of("train", "--dataset", "mnist", "--epochs", "1", "--out", missing.toString()),
                missing + ": cannot be saved (the folder " + missing.getParent() + " does not exist)");
        refused(CliRun.of("train", "--dataset", "mnist", "--epochs", "1", "--out", dir.toString()), "is a folder");
    }

    @Test
    void aModelWithALyingBetaIsRefusedByEvaluate() throws Exception {
        for (String beta : new String[] {"abc", "NaN", "-5"}) {
            Map<String, byte[]> s = new LinkedHashMap<>(ModelFile.sections(new Vae(VaeConfig.of(784, 8, 2), new Rng(1)),
                    Map.of("beta", beta)));
            Path f = dir.resolve("lying.vae");
            SectionFile.write(f, s);
            refused(CliRun.of("evaluate", "--model", f.toString(), "--dataset", "mnist", "--threads", "1"), "beta must be");
        }
    }

    @Test
    void everyHostileSafeTensorsFileIsRefusedByEvaluateAndConvertInOneLineNamingTheFile() throws Exception {
        for (HostileSafeTensors.Case c : HostileSafeTensors.make(dir.resolve("st")).cases) {
            if (c.problem() == FileProblem.NO_LIKELIHOOD) continue; // CliPyTorchTest: the error asks for --likelihood
            String expected = assertThrows(FileFormatException.class, () -> ModelFiles.open(c.file(), null)).getMessage();
            CliRun e = CliRun.of("evaluate", "--model", c.file().toString(), "--dataset", "mnist", "--threads", "1");
            refused(e, c.file().toString());
            assertEquals("error: " + expected, e.err().strip(), c.name());
            refused(CliRun.of("convert", "--model", c.file().toString(), "--out", dir.resolve("out.vae").toString()),
                    c.file().toString());
            assertFalse(Files.exists(dir.resolve("out.vae")), c.name() + ": nothing written");
        }
    }

    /** A CSV of 4 images of 1000x1000 pixels: rows of 10^6 cells. */
    private Path wideCsv() throws Exception {
        Path f = dir.resolve("wide.csv");
        StringBuilder row = new StringBuilder(2_000_000);
        for (int i = 0; i < 1_000_000; i++) row.append(i == 0 ? "" : ",").append(i % 7 == 0 ? "255" : "0");
        row.append('\n');
        Files.writeString(f, row.toString().repeat(4));
        return f;
    }

    @Test
    void aNetworkThatCannotFitIsRefusedUpFrontWithTheFigure() throws Exception {
        Path csv = wideCsv();
        // 10^6 x 4096 weights: more than one Java array holds
        CliRun r = CliRun.of("train", "--dataset", csv.toString(), "--hidden", "4096", "--batch", "2", "--epochs", "1",
                "--threads", "1");
        refused(r, "a layer of 1,000,000 x 4,096 weights (4,096,000,000 values) is more than one Java array holds");
        // 10^6 x 2048 fits an array, but its 4 * 10^9 parameters and their optimiser state need about 80 GB
        CliRun m = CliRun.of("train", "--dataset", csv.toString(), "--hidden", "2048", "--batch", "2", "--epochs", "1",
                "--threads", "1");
        refused(m, "MiB to be trained with batch 2, but only");
        assertTrue(m.err().contains("(4,097,016,388 parameters, 1,000,000 pixels per image)"), m.err());
    }

    @Test
    void wideImagesTrainWithAnEvaluationWorkspaceSizedFromTheBudget() throws Exception {
        Path csv = wideCsv();
        CliRun r = CliRun.of("train", "--dataset", csv.toString(), "--hidden", "8", "--batch", "2", "--epochs", "1",
                "--threads", "1", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"test_loss\": "), r.out());
        assertFalse(r.out().contains("NaN"), r.out());
    }

    @Test
    void aFifoNamedClassesTxtInAnIdxFolderIsNotedAsSkippedAndDoesNotBlock() throws Exception {
        Path idx = vaeexplorer.core.data.IdxBytes.folder(Files.createDirectories(dir.resolve("idx")), 30, 10, 8, 3);
        Path fifo = idx.resolve("classes.txt");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (java.io.IOException none) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available");
        CliRun r = CliRun.of("train", "--dataset", idx.toString(), "--hidden", "8", "--batch", "10", "--epochs", "1",
                "--threads", "1", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("note: skipped 1 of") && r.err().contains(fifo
                + " (not a regular file (a FIFO, device or socket), not opened)"), r.err());
    }

    @Test
    void aFullDiskNamesTheUsersFileRemovesTheTempFileAndKeepsTheOldFile() throws Exception {
        Path idx = vaeexplorer.core.data.IdxBytes.folder(Files.createDirectories(dir.resolve("idx")), 30, 10, 8, 3);
        Path out = Files.createDirectories(dir.resolve("out")).resolve("model.vae");
        Files.writeString(out, "the old file");
        vaeexplorer.core.io.AtomicFiles.filterChannelForTests(raw -> new java.io.FilterOutputStream(raw) {
            private long written;

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                if ((written += len) > 1000) throw new java.io.IOException("No space left on device");
                out.write(b, off, len);
            }
        });
        CliRun r;
        try {
            r = CliRun.of("train", "--dataset", idx.toString(), "--hidden", "8", "--batch", "10", "--epochs", "1",
                    "--threads", "1", "--out", out.toString());
        } finally {
            vaeexplorer.core.io.AtomicFiles.filterChannelForTests(null);
        }
        assertTrue(r.code() != 0, r.err());
        assertTrue(r.err().contains("error: " + out + ": cannot be saved (No space left on device)"), r.err());
        assertFalse(r.err().contains(".tmp"), "the temporary file is not named: " + r.err());
        assertEquals("the old file", Files.readString(out));
        try (var files = Files.list(out.getParent())) {
            assertEquals(java.util.List.of(out), files.toList(), "the temporary file is removed");
        }
    }

    @Test
    void aFolderThatTakesNoFilesNamesTheUsersFileAndTheReason() {
        assumeTrue(Files.isDirectory(Path.of("/proc")));
        Path out = Path.of("/proc/model.vae"); // not writable, even for root (as the tests may run)
        Path idx = vaeexplorer.core.data.IdxBytes.folder(dir.resolve("idx2"), 30, 10, 8, 3);
        CliRun r = CliRun.of("train", "--dataset", idx.toString(), "--hidden", "8", "--batch", "10", "--epochs", "1",
                "--threads", "1", "--out", out.toString());
        assertTrue(r.code() != 0, r.err());
        assertTrue(r.err().contains("error: /proc/model.vae: cannot be saved (") && (r.err().contains("does not take new files")
                || r.err().contains("permission denied")), r.err());
        assertFalse(r.err().contains("does not exist") || r.err().contains(".tmp"), r.err());
    }

    /** An IDX folder of 4096x4096 images (the largest side), gzip-compressed: 2 train, 1 test. */
    private Path hugeIdxFolder() throws Exception {
        Path d = Files.createDirectories(dir.resolve("huge-idx"));
        for (String split : new String[] {"train", "t10k"}) {
            int n = split.equals("train") ? 2 : 1;
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(d.resolve(split + "-images-idx3-ubyte.gz")))) {
                out.write(java.nio.ByteBuffer.allocate(16).putInt(2051).putInt(n).putInt(4096).putInt(4096).array());
                byte[] row = new byte[4096];
                for (int r = 0; r < n * 4096; r++) {
                    row[r % 4096] = (byte) 200;
                    out.write(row);
                }
            }
            java.nio.ByteBuffer lab = java.nio.ByteBuffer.allocate(8 + n).putInt(2049).putInt(n);
            Files.write(d.resolve(split + "-labels-idx1-ubyte"), lab.array());
        }
        return d;
    }

    @Test
    void theLargestImagesTheFormatsAllowAreRefusedWithTheFigureNotAnIntegerOverflow() throws Exception {
        Path d = hugeIdxFolder();
        CliRun r = CliRun.of("train", "--dataset", d.toString(), "--hidden", "512", "--batch", "2", "--epochs", "1", "--threads", "1");
        refused(r, "a layer of 16,777,216 x 512 weights (8,589,934,592 values) is more than one Java array holds");
        assertFalse(r.err().contains("Matrix size"), r.err());
    }
}
