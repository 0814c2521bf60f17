package vaeexplorer.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vaeexplorer.core.nn.Param;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

class ModelFileTest {
    @TempDir
    Path dir;

    private static Vae model() {
        return new Vae(new VaeConfig(12, List.of(6, 5), 3, Likelihood.GAUSSIAN, 0.25), new Rng(4));
    }

    @Test
    void saveThenLoadGivesBitIdenticalWeightsAndConfig() throws Exception {
        Vae vae = model();
        Path f = dir.resolve("m.vae");
        ModelFile.save(f, vae, Map.of("dataset", "mnist", "beta", "0.5"));
        ModelFile.Loaded loaded = ModelFile.load(f);
        assertEquals(vae.config(), loaded.vae().config());
        assertEquals("mnist", loaded.dataset());
        assertEquals("0.5", loaded.info().getProperty("beta"));
        List<Param> a = vae.params(), b = loaded.vae().params();
        for (int k = 0; k < a.size(); k++) assertArrayEquals(a.get(k).value.data, b.get(k).value.data, a.get(k).name);
    }

    @Test
    void everyTruncationOfAValidFileIsRefusedWithTheFileName() throws Exception {
        Path f = dir.resolve("m.vae");
        ModelFile.save(f, new Vae(VaeConfig.of(4, 3, 2), new Rng(1)), Map.of());
        byte[] whole = Files.readAllBytes(f);
        for (int cut = 0; cut < whole.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            FileFormatException e = assertThrows(FileFormatException.class,
                    () -> ModelFile.fromSections("cut.vae", SectionFile.parse("cut.vae", part)), "cut at " + cut);
            assertTrue(e.getMessage().startsWith("cut.vae: "), e.getMessage());
        }
    }

    @Test
    void aFlippedByteIsCaughtByTheChecksum() throws Exception {
        Path f = dir.resolve("m.vae");
        ModelFile.save(f, model(), Map.of());
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x10;
        Files.write(f, b);
        FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void aFileFromANewerVersionIsRefusedClearly() throws Exception {
        Path f = dir.resolve("m.vae");
        ModelFile.save(f, model(), Map.of());
        byte[] b = Files.readAllBytes(f);
        b[7] = (byte) (SectionFile.VERSION + 1);
        Files.write(f, b);
        FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void otherFilesAreNotTakenForModels() throws Exception {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "hello, this is not a model at all");
        FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFile.load(f));
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("not a VAE Explorer"), e.getMessage());
        FileFormatException missing = assertThrows(FileFormatException.class, () -> ModelFile.load(dir.resolve("nope.vae")));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
    }

    @Test
    void theStreamedSaveWritesWhatTheSectionsHoldAndTheShapesAreTheModels() throws Exception {
        for (VaeConfig c : List.of(VaeConfig.of(12, 7, 2),
                new VaeConfig(30, List.of(9, 5, 3), 4, vaeexplorer.core.vae.Likelihood.GAUSSIAN, 0.2))) {
            Vae vae = new Vae(c, new Rng(4));
            List<Vae.ParamShape> shapes = Vae.paramShapes(c);
            assertEquals(vae.params().size(), shapes.size());
            for (int k = 0; k < shapes.size(); k++) {
                var p = vae.params().get(k);
                assertEquals(new Vae.ParamShape(p.name, p.value.numRows, p.value.numCols), shapes.get(k));
            }
            Path streamed = dir.resolve("streamed.vae");
            ModelFile.save(streamed, vae, Map.of("dataset", "x"));
            java.io.ByteArrayOutputStream held = new java.io.ByteArrayOutputStream();
            SectionFile.write(held, ModelFile.sections(vae, Map.of("dataset", "x")));
            assertArrayEquals(held.toByteArray(), Files.readAllBytes(streamed));
        }
    }

    @Test
    void aSaveInterruptedAtAnyByteLeavesThePreviousFileIntact() throws Exception {
        Path f = dir.resolve("m.vae");
        Vae first = model();
        ModelFile.save(f, first, Map.of("dataset", "first"));
        byte[] before = Files.readAllBytes(f);
        Map<String, byte[]> sections = ModelFile.sections(new Vae(VaeConfig.of(12, 7, 2), new Rng(9)), Map.of());
        java.io.ByteArrayOutputStream full = new java.io.ByteArrayOutputStream();
        SectionFile.write(full, sections);
        int length = full.size();
        for (int failAt = 0; failAt < length; failAt += Math.max(1, length / 97)) {
            int limit = failAt;
            assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> SectionFile.write(new FailingStream(out, limit), sections)));
            assertArrayEquals(before, Files.readAllBytes(f), "after a failure at byte " + failAt);
        }
        assertEquals("first", ModelFile.load(f).dataset());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary files are left behind");
        }
    }

    /** Passes bytes through until a limit, then fails like a full disk. */
    private static final class FailingStream extends OutputStream {
        private final OutputStream out;
        private long left;

        FailingStream(OutputStream out, long limit) {
            this.out = out;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) throw new IOException("disk full (simulated)");
            out.write(b);
        }
    }

    @Test
    void savedFilesGetOrdinaryPermissionsAndKeepTheirOwn() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Path f = dir.resolve("m.vae");
        ModelFile.save(f, model(), Map.of());
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        ModelFile.save(f, model(), Map.of());
        assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
}
