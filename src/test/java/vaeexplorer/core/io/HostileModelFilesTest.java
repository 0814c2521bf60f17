package vaeexplorer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.TrainerState;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

/**
 * Model and session files with valid checksums but lying contents: every value is checked with a message in words,
 * the declared network is checked against the file before it is allocated, the magic before the file is read.
 */
class HostileModelFilesTest {
    @TempDir
    Path dir;

    private static Map<String, byte[]> model() {
        return ModelFile.sections(new Vae(VaeConfig.of(4, 3, 2), new Rng(1)), Map.of("dataset", "test"));
    }

    /** A model file whose config has key=value in place of its own (or added). */
    private Path withConfig(String key, String value) throws IOException {
        Map<String, byte[]> s = model();
        StringBuilder b = new StringBuilder();
        boolean replaced = false;
        for (String line : new String(s.get("config"), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(key + "=")) {
                line = key + "=" + value;
                replaced = true;
            }
            b.append(line).append('\n');
        }
        if (!replaced) b.append(key).append('=').append(value).append('\n');
        s.put("config", SectionFile.text(b.toString()));
        Path f = dir.resolve("m.vaex");
        SectionFile.write(f, s);
        return f;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "beta|abc|beta must be a number, got 'abc'",
            "beta|NaN|beta must be a finite number, got NaN",
            "beta|-5|beta must be a number from 0 to 1000, got -5.0",
            "learning_rate|Infinity|learning_rate must be a finite number",
            "learning_rate|0|learning rate must be a positive number",
            "batch|lots|batch must be a whole number, got 'lots'",
            "batch|0|batch must be from 1 to",
            "epochs|99999999999|epochs must be from 1 to",
            "seed|x1|seed must be a whole number, got 'x1'",
            "threads|-1|threads must be from 1 to 256, got -1",
    })
    void trainingSettingsAreCheckedInWords(String key, String value, String expected) throws Exception {
        Path f = withConfig(key, value);
        FileFormatException e = assertThrows(FileFormatException.class, () -> SessionFile.load(f));
        assertEquals(FileProblem.TRAINING_SETTINGS_INVALID, e.problem());
        assertTrue(e.getMessage().startsWith(f + ": the training settings are invalid (" + expected), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "gaussian_sigma|1e-300|sigma_x must be a number from 0.001 to 100, got 1.0E-300",
            "gaussian_sigma|NaN|gaussian_sigma must be a finite number, got NaN",
            "gaussian_sigma|abc|gaussian_sigma must be a number, got 'abc'",
            "latent|abc|latent must be a whole number, got 'abc'",
            "latent|0|latent must be from 1 to 64, got 0",
            "input_size|99999999999|input_size must be from 1 to 16777216",
            "hidden|512;256|hidden sizes must be whole numbers",
    })
    void modelSettingsAreCheckedInWords(String key, String value, String expected) throws Exception {
        Path f = withConfig(key, value);
        FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFile.load(f));
        assertEquals(FileProblem.CONFIG_INVALID, e.problem());
        assertTrue(e.getMessage().contains("(" + expected), e.getMessage());
    }

    @Test
    void imageRowsAndColumnsMustMakeTheInputSize() throws Exception {
        Path f = rowsAndCols(3, 3); // 9 pixels, not the model's 4
        FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("image_rows x image_cols is 3x3 = 9 pixels but input_size is 4"), e.getMessage());
        assertEquals(2, ModelFile.load(rowsAndCols(2, 2)).vae().config().latent());
    }

    private Path rowsAndCols(int rows, int cols) throws IOException {
        Map<String, byte[]> s = model();
        String c = new String(s.get("config"), StandardCharsets.UTF_8) + "image_rows=" + rows + "\nimage_cols=" + cols + "\n";
        s.put("config", SectionFile.text(c));
        Path f = dir.resolve("rc.vaex");
        SectionFile.write(f, s);
        return f;
    }

    @Test
    void aSmallFileDeclaringAHugeNetworkIsRefusedBeforeAllocating() throws Exception {
        Map<String, byte[]> s = model();
        s.put("config", SectionFile.text("input_size=16777216\nhidden=4096,4096,4096,4096\nlatent=64\nlikelihood=bernoulli\n"));
        Path f = dir.resolve("huge.vaex");
        SectionFile.write(f, s);
        assertTrue(Files.size(f) < 30_000);
        FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFile.load(f));
        assertEquals(FileProblem.CONFIG_INVALID, e.problem());
        assertTrue(e.getMessage().contains("declares a network of"), e.getMessage());
        assertTrue(e.getMessage().contains("but the parameters section holds only"), e.getMessage());
    }

    @Test
    void theParameterCountIsTheModelsOwn() {
        for (VaeConfig c : new VaeConfig[] {VaeConfig.of(784, 512, 2),
                new VaeConfig(100, java.util.List.of(64, 32, 16), 5, vaeexplorer.core.vae.Likelihood.GAUSSIAN, 0.1)}) {
            long n = 0;
            for (vaeexplorer.core.nn.Param p : new Vae(c, new Rng(1)).params()) n += p.size();
            assertEquals(n, vaeexplorer.core.train.MemoryPlan.parameterCount(c));
        }
    }

    @Test
    void trainerStateValuesAreChecked() throws Exception {
        for (double[] betaLr : new double[][] {{Double.NaN, 1e-3}, {-5, 1e-3}, {1, Double.NaN}, {1, -1}}) {
            Map<String, byte[]> s = new LinkedHashMap<>(model());
            s.put("trainer", SessionFile.trainerBytes(new TrainerState(0, 0, 0, new int[] {0, 1}, new long[] {1, 2},
                    new float[0][], 0, betaLr[0], betaLr[1])));
            Path f = dir.resolve("t.vaex");
            SectionFile.write(f, s);
            FileFormatException e = assertThrows(FileFormatException.class, () -> SessionFile.load(f));
            assertEquals(FileProblem.TRAINING_SETTINGS_INVALID, e.problem(), e.getMessage());
        }
        Map<String, byte[]> o = new LinkedHashMap<>(model());
        o.put("trainer", SessionFile.trainerBytes(new TrainerState(0, 0, 0, new int[] {0, 1}, new long[] {1, 2},
                new float[][] {{0, Float.NaN}}, 0, 1, 1e-3)));
        Path g = dir.resolve("o.vaex");
        SectionFile.write(g, o);
        FileFormatException nan = assertThrows(FileFormatException.class, () -> SessionFile.load(g));
        assertEquals(g + ": the optimizer state is damaged", nan.getMessage());
        Map<String, byte[]> s = new LinkedHashMap<>(model());
        s.put("trainer", SessionFile.trainerBytes(new TrainerState(-1, 0, 0, new int[] {0, 1}, new long[] {1, 2},
                new float[0][], 0, 1, 1e-3)));
        Path f = dir.resolve("t.vaex");
        SectionFile.write(f, s);
        FileFormatException e = assertThrows(FileFormatException.class, () -> SessionFile.load(f));
        assertTrue(e.getMessage().contains("must not be negative"), e.getMessage());
    }

    @Test
    void aHugeFileOfZerosIsRefusedFromItsFirstBytes() throws Exception {
        // sparse files: reading either whole would need 1.9 GB / 3 GB of heap
        for (long size : new long[] {1_900_000_000L, 3_000_000_000L}) {
            Path f = dir.resolve("zeros" + size + ".vaex");
            try (RandomAccessFile r = new RandomAccessFile(f.toString(), "rw")) {
                r.setLength(size);
            }
            FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFile.load(f));
            assertEquals(FileProblem.NOT_VAE_EXPLORER, e.problem(), e.getMessage());
            Files.delete(f);
        }
    }

    @Test
    void aLargeFileWithAValidHeadIsRefusedByItsChecksumWithoutBeingHeldInMemory() throws Exception {
        // our magic, version 1 and one section, then 300 MB of nothing (sparse): it looks like a model file at first
        Path f = dir.resolve("head-then-zeros.vaex");
        try (RandomAccessFile r = new RandomAccessFile(f.toString(), "rw")) {
            r.write(SectionFile.MAGIC);
            r.writeInt(SectionFile.VERSION);
            r.writeInt(1);
            r.setLength(300_000_000L);
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFile.load(f));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(FileProblem.CHECKSUM, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(f.toString()), "names the file: " + e.getMessage());
        assertTrue(allocated < 16_000_000L, "refused without reading the 300 MB into memory: " + allocated + " bytes allocated");
        Files.delete(f);
    }

    @Test
    void aFolderOrAFifoIsNotOpenedAsAModel() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.vaex"));
        FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFile.load(folder));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        Path fifo = dir.resolve("pipe.vaex");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException none) {
            made = false;
        }
        if (made) {
            FileFormatException f = assertThrows(FileFormatException.class, () -> ModelFile.load(fifo));
            assertTrue(f.getMessage().contains("not a regular file"), f.getMessage());
        }
    }
}
