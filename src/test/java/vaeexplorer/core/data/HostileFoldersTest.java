package vaeexplorer.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import vaeexplorer.core.data.idx.IdxReader;
import vaeexplorer.core.data.images.ImageFolderLoader;

/**
 * Folders an attacker or an unlucky user could hand over: special files, links out of the tree, link loops, trees
 * too deep or too large. Each must load what it can or say why not, never block, never walk the rest of the disk.
 */
class HostileFoldersTest {
    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;
    final FakeDecoder decoder = new FakeDecoder();

    private LoadResult load(Path folder) throws DataException {
        return ImageFolderLoader.load(folder, LoadOptions.defaults(decoder), LoadProgress.NONE, () -> false);
    }

    private static boolean mkfifo(Path p) throws IOException, InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String reasonFor(LoadResult r, String name) {
        return r.skipped().stream().filter(s -> s.path().endsWith(name)).findFirst()
                .map(SkippedFile::reason).orElse("(not skipped)");
    }

    // a guard only: opening the FIFO would block for ever
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aFifoNamedLikeAnImageIsSkippedWithoutBeingOpened() throws Exception {
        for (int i = 0; i < 3; i++) FakeDecoder.write(dir.resolve("a" + i + ".png"), 10, 10, 0, 255);
        assumeTrue(mkfifo(dir.resolve("pipe.png")), "mkfifo is available");
        assumeTrue(mkfifo(dir.resolve("cls-less.txt")), "mkfifo is available");
        LoadResult r = load(dir);
        assertEquals(3, r.split().train().size() + r.split().test().size());
        assertEquals(3, decoder.decoded);
        assertTrue(reasonFor(r, "pipe.png").contains("not a regular file"), reasonFor(r, "pipe.png"));
        assertTrue(reasonFor(r, "cls-less.txt").contains("not a regular file"), r.skipped().toString());
    }

    @Test
    void linksLeadingOutOfTheFolderAreNotFollowed() throws Exception {
        for (int i = 0; i < 4; i++) FakeDecoder.write(dir.resolve("cat/c" + i + ".png"), 10, 10, 0, 255);
        for (int i = 0; i < 5; i++) FakeDecoder.write(elsewhere.resolve("x/e" + i + ".png"), 10, 10, 0, 255);
        Files.createSymbolicLink(dir.resolve("cat/out"), elsewhere.resolve("x"));
        Files.createSymbolicLink(dir.resolve("cat/one.png"), elsewhere.resolve("x/e0.png"));
        Files.createSymbolicLink(dir.resolve("dog"), elsewhere.resolve("x"));
        Files.createSymbolicLink(dir.resolve("cat/broken.png"), elsewhere.resolve("nothing.png"));
        LoadResult r = load(dir);
        assertEquals(4, r.split().train().size() + r.split().test().size());
        assertEquals(java.util.List.of("cat"), r.split().train().classNames());
        assertTrue(reasonFor(r, "out").contains("link to outside"), r.skipped().toString());
        assertTrue(reasonFor(r, "one.png").contains("link to outside"), r.skipped().toString());
        assertTrue(reasonFor(r, "dog").contains("link to outside"), r.skipped().toString());
        assertTrue(reasonFor(r, "broken.png").contains("broken link"), r.skipped().toString());
    }

    @Test
    void linksInsideTheFolderAreFollowedOnceAndCannotLoop() throws Exception {
        for (int i = 0; i < 4; i++) FakeDecoder.write(dir.resolve("cat/c" + i + ".png"), 10, 10, 0, 255);
        for (int i = 0; i < 2; i++) FakeDecoder.write(dir.resolve("dog/d" + i + ".png"), 10, 10, 0, 255);
        Files.createSymbolicLink(dir.resolve("cat/again"), dir.resolve("cat"));
        Files.createSymbolicLink(dir.resolve("cat/top"), dir);
        Files.createSymbolicLink(dir.resolve("dog/more"), dir.resolve("cat"));
        LoadResult r = load(dir);
        // cat's 4 images once (under cat, not again under dog/more), dog's 2
        assertEquals(6, r.split().train().size() + r.split().test().size());
    }

    @Test
    void aTreeTooDeepIsRefusedWithTheLimit() throws Exception {
        Path p = dir.resolve("cat");
        for (int i = 0; i < ImageFolderLoader.MAX_DEPTH + 2; i++) p = p.resolve("d");
        FakeDecoder.write(p.resolve("deep.png"), 10, 10, 0, 255);
        FakeDecoder.write(dir.resolve("cat/c.png"), 10, 10, 0, 255);
        DataException e = assertThrows(DataException.class, () -> load(dir));
        assertTrue(e.getMessage().contains("more than " + ImageFolderLoader.MAX_DEPTH + " levels"), e.getMessage());
    }

    @Test
    void aTreeAsDeepAsAllowedLoads() throws Exception {
        Path p = dir.resolve("cat");
        for (int i = 1; i < ImageFolderLoader.MAX_DEPTH; i++) p = p.resolve("d" + i);
        FakeDecoder.write(p.resolve("deep.png"), 10, 10, 0, 255);
        FakeDecoder.write(dir.resolve("cat/c.png"), 10, 10, 0, 255);
        assertEquals(2, load(dir).split().train().size() + load(dir).split().test().size());
    }

    @Test
    void procIsNotWalkedBeyondItself() {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc.resolve("self")), "a Linux /proc");
        // no image files there: the load ends with a message (no images, or too many entries), having read no file
        DataException e = assertThrows(DataException.class, () -> load(proc));
        assertTrue(e.getMessage().startsWith("/proc"), e.getMessage());
        assertEquals(0, decoder.decoded);
    }

    // a guard only: opening the FIFO would block for ever
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void specialFilesGivenAsDataAreRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("data.csv");
        assumeTrue(mkfifo(fifo), "mkfifo is available");
        DataException e = assertThrows(DataException.class,
                () -> DataSources.load(fifo.toString(), LoadOptions.defaults(decoder), LoadProgress.NONE, () -> false));
        assertTrue(e.getMessage().startsWith(fifo + ": could not be read (not a regular file"), e.getMessage());
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) { // endless: reading it would never stop
            DataException z = assertThrows(DataException.class, () -> IdxReader.readImages(zero));
            assertTrue(z.getMessage().contains("not a regular file"), z.getMessage());
            assertThrows(DataException.class, () -> IdxReader.readLabels(zero));
            assertThrows(DataException.class, () -> ClassNamesFile.read(zero));
        }
    }

    @Test
    void aHugeClassNamesFileIsRefusedBeforeReading() throws Exception {
        Path f = dir.resolve("classes.txt");
        try (java.io.RandomAccessFile r = new java.io.RandomAccessFile(f.toString(), "rw")) {
            r.setLength(3_000_000_000L); // sparse: reading it whole would need 3 GB
        }
        DataException e = assertThrows(DataException.class, () -> ClassNamesFile.read(f));
        assertTrue(e.getMessage().contains("is not a list of class names"), e.getMessage());
    }
}
