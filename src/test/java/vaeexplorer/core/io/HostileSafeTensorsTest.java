package vaeexplorer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import vaeexplorer.core.vae.Likelihood;

/**
 * Hostile .safetensors files ({@link HostileSafeTensors}) are refused with their problem, a message made from its
 * pattern that names the file and the tensor or key at fault, before anything large is allocated; the same file
 * without the fault opens.
 */
class HostileSafeTensorsTest {
    @TempDir
    Path dir;

    @Test
    void everyHostileFileIsRefusedWithItsProblemNamingTheFileAndTheTensor() throws Exception {
        HostileSafeTensors corpus = HostileSafeTensors.make(dir);
        Set<FileProblem> seen = EnumSet.noneOf(FileProblem.class);
        for (HostileSafeTensors.Case c : corpus.cases) {
            FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFiles.open(c.file(), null),
                    c.name());
            assertEquals(c.problem(), e.problem(), c.name() + ": " + e.getMessage());
            assertEquals(c.file().toString(), e.args().get(0), c.name() + ": the first argument is the file");
            assertEquals(e.problem().format(e.args().toArray()), e.getMessage(), c.name() + ": the message is the pattern's");
            assertTrue(e.getMessage().startsWith(c.file() + ": "), c.name() + ": names the file: " + e.getMessage());
            if (c.names() != null)
                assertTrue(e.getMessage().substring(c.file().toString().length()).contains(c.names()),
                        c.name() + ": names " + c.names() + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("Exception"), c.name() + ": in words: " + e.getMessage());
            seen.add(e.problem());
        }
        for (FileProblem p : FileProblem.values())
            if (p.name().startsWith("SAFETENSORS_") && p != FileProblem.SAFETENSORS_TRUNCATED
                    && p != FileProblem.SAFETENSORS_NO_MEMORY || p.name().startsWith("PYTORCH_"))
                assertTrue(seen.contains(p), p + " has a hostile file");
    }

    private static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    // a guard only: opening a FIFO blocks until a writer comes, so a regression would hang
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aFifoAFolderOrADeviceIsNeverOpenedAsASafeTensorsFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.safetensors"));
        FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFiles.open(folder, null));
        assertEquals(FileProblem.UNREADABLE, e.problem());
        assertTrue(e.getMessage().startsWith(folder + ": cannot be read (not a regular file"), e.getMessage());
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            assertFalse(SafeTensors.looksLike(zero));
            assertEquals(FileProblem.UNREADABLE, assertThrows(FileFormatException.class, () -> SafeTensors.read(zero)).problem());
        }
        Path fifo = dir.resolve("pipe.safetensors"), sessionFifo = dir.resolve("pipe.vaesession");
        assumeTrue(mkfifo(fifo) && mkfifo(sessionFifo), "mkfifo is available");
        FileFormatException f = assertThrows(FileFormatException.class, () -> ModelFiles.open(fifo, Likelihood.BERNOULLI));
        assertEquals(FileProblem.UNREADABLE, f.problem());
        assertTrue(f.getMessage().contains("not a regular file"), f.getMessage());
        assertFalse(ModelFiles.isSafeTensors(sessionFifo), "sniffing the first bytes does not open a FIFO");
        assertThrows(FileFormatException.class, () -> ModelFiles.open(sessionFifo, null));
    }

    @Test
    void theGoodFileTheCorpusIsMadeFromOpens() throws Exception {
        Path f = HostileSafeTensors.goodFile(dir.resolve("good.safetensors"),
                Map.of("likelihood", "gaussian", "sigma_x", "0.5", "input_shape", "3,4"));
        ModelFile.Loaded m = ModelFiles.open(f, null);
        assertEquals(Likelihood.GAUSSIAN, m.vae().config().likelihood());
        assertEquals(0.5, m.vae().config().gaussianSigma());
        assertEquals("3", m.info().getProperty("image_rows"));
        assertEquals("4", m.info().getProperty("image_cols"));
    }

    @Test
    void theSparseFilesOfHundredsOfMegabytesAreRefusedFromTheirHeaderWithoutReadingTheRest() throws Exception {
        HostileSafeTensors corpus = HostileSafeTensors.make(dir);
        for (HostileSafeTensors.Case c : corpus.cases) {
            if (Files.size(c.file()) < SafeTensors.MAX_HEADER_BYTES) continue;
            Runtime rt = Runtime.getRuntime();
            long usedBefore = rt.totalMemory() - rt.freeMemory();
            assertThrows(FileFormatException.class, () -> ModelFiles.open(c.file(), null));
            long grew = (rt.totalMemory() - rt.freeMemory()) - usedBefore;
            assertTrue(grew < Files.size(c.file()) / 4, c.name() + ": allocated " + grew + " bytes");
        }
    }

    @Test
    void aSafeTensorsModelsBetaFromItsMetadataIsCheckedWhenItBecomesASession() throws Exception {
        Path f = HostileSafeTensors.goodFile(dir.resolve("beta.safetensors"), Map.of("likelihood", "bernoulli", "beta", "abc"));
        ModelFile.Loaded m = ModelFiles.open(f, null);
        FileFormatException e = assertThrows(FileFormatException.class, () -> SessionFile.of(f.toString(), m));
        assertEquals(FileProblem.TRAINING_SETTINGS_INVALID, e.problem());
        assertTrue(e.getMessage().contains("beta must be a number, got 'abc'"), e.getMessage());
    }
}
