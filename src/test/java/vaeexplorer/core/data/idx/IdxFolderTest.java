package vaeexplorer.core.data.idx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.IdxBytes;
import vaeexplorer.core.data.LoadCancelledException;
import vaeexplorer.core.data.LoadProgress;

class IdxFolderTest {
    @TempDir
    Path dir;

    private DataException loadError() {
        return assertThrows(DataException.class, () -> IdxFolder.load(dir, LoadProgress.NONE, () -> false));
    }

    private static void assertMentions(DataException e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
    }

    @Test
    void gzipFolderLoadsWithNumberedClasses() throws DataException {
        IdxBytes.folder(dir, 30, 10, 28, 10);
        assertTrue(IdxFolder.looksLikeIdxFolder(dir));
        DataSplit s = IdxFolder.load(dir, LoadProgress.NONE, () -> false);
        assertEquals(30, s.train().size());
        assertEquals(10, s.test().size());
        assertEquals(28, s.train().rows());
        assertEquals(28, s.test().cols());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), s.train().classNames());
        assertEquals(3, s.train().label(13));
        assertEquals((5 * 7 + 100) % 256, s.train().pixel(5, 100));
        assertEquals(dir.toString(), s.name());
    }

    @Test
    void rawFolderWithFewerClassesNamesOnlyTheLabelsUsed() throws DataException {
        IdxBytes.write(dir.resolve("train-images-idx3-ubyte"), IdxBytes.images(4, 16, 16));
        IdxBytes.write(dir.resolve("train-labels-idx1-ubyte"), IdxBytes.labels(0, 1, 2, 1));
        IdxBytes.write(dir.resolve("t10k-images-idx3-ubyte"), IdxBytes.images(2, 16, 16));
        IdxBytes.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxBytes.labels(1, 0));
        DataSplit s = IdxFolder.load(dir, LoadProgress.NONE, () -> false);
        assertEquals(List.of("0", "1", "2"), s.train().classNames());
        assertEquals(16, s.test().rows());
    }

    @Test
    void classesFileNamesTheClasses() throws Exception {
        IdxBytes.folder(dir, 6, 3, 8, 3);
        Files.writeString(dir.resolve("classes.txt"), "cat\ndog \n bird\n\n", StandardCharsets.UTF_8);
        DataSplit s = IdxFolder.load(dir, LoadProgress.NONE, () -> false);
        assertEquals(List.of("cat", "dog", "bird"), s.test().classNames());
        assertEquals("bird", s.train().className(2));
    }

    @Test
    void classesFileWithTooFewNamesIsRejected() throws IOException {
        IdxBytes.folder(dir, 6, 3, 8, 3);
        Files.writeString(dir.resolve("classes.txt"), "cat\ndog\n");
        assertMentions(loadError(), "classes.txt", "names 2 classes but the labels go up to 2");
    }

    @Test
    void classesFileWithRepeatedNameIsRejected() throws IOException {
        IdxBytes.folder(dir, 6, 3, 8, 3);
        Files.writeString(dir.resolve("classes.txt"), "cat\ndog\ncat\n");
        assertMentions(loadError(), "classes.txt", "line 3 repeats the class name 'cat'");
    }

    @Test
    void dottedKaggleFileNamesAreAccepted() throws DataException {
        IdxBytes.write(dir.resolve("train-images.idx3-ubyte"), IdxBytes.images(2, 4, 4));
        IdxBytes.write(dir.resolve("train-labels.idx1-ubyte"), IdxBytes.labels(0, 1));
        IdxBytes.write(dir.resolve("t10k-images.idx3-ubyte"), IdxBytes.images(1, 4, 4));
        IdxBytes.write(dir.resolve("t10k-labels.idx1-ubyte"), IdxBytes.labels(1));
        assertEquals(2, IdxFolder.load(dir, LoadProgress.NONE, () -> false).train().size());
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        IdxBytes.folder(dir, 4, 2, 8, 2);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        Files.delete(dir.resolve("train-images-idx3-ubyte.gz"));
        assertTrue(IdxFolder.looksLikeIdxFolder(dir));
        assertMentions(loadError(), dir.toString(), "missing train-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]");
    }

    @Test
    void folderWithoutIdxFilesIsNotAnIdxFolder() {
        assertFalse(IdxFolder.looksLikeIdxFolder(dir));
        assertFalse(IdxFolder.looksLikeIdxFolder(dir.resolve("absent")));
    }

    @Test
    void imageAndLabelCountMismatchIsRejected() {
        IdxBytes.folder(dir, 5, 2, 8, 2);
        IdxBytes.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxBytes.gzip(IdxBytes.labels(0, 1, 0, 1)));
        assertMentions(loadError(), "train-images-idx3-ubyte.gz holds 5 images but ",
                "train-labels-idx1-ubyte.gz holds 4 labels");
    }

    @Test
    void trainAndTestShapesThatDifferAreRejected() {
        IdxBytes.folder(dir, 5, 2, 8, 2);
        IdxBytes.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxBytes.gzip(IdxBytes.images(2, 8, 9)));
        assertMentions(loadError(), "holds 8x8 images but", "t10k-images-idx3-ubyte.gz holds 8x9 images");
    }

    @Test
    void zeroTestImagesAreRejected() {
        IdxBytes.folder(dir, 5, 2, 8, 2);
        IdxBytes.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxBytes.gzip(IdxBytes.images(0, 8, 8)));
        assertMentions(loadError(), "t10k-images-idx3-ubyte.gz: holds no images");
    }

    @Test
    void zeroSizeImagesAreRejected() {
        IdxBytes.folder(dir, 5, 2, 8, 2);
        IdxBytes.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxBytes.gzip(IdxBytes.images(5, 0, 0)));
        assertMentions(loadError(), "train-images-idx3-ubyte.gz: header says images of 0x0 pixels");
    }

    @Test
    void badFileInsideTheFolderIsNamed() {
        IdxBytes.folder(dir, 5, 2, 8, 2);
        IdxBytes.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {1, 2, 3});
        assertMentions(loadError(), "t10k-labels-idx1-ubyte.gz: not an IDX or gzip file");
    }

    @Test
    void progressReachesTotal() throws DataException {
        IdxBytes.folder(dir, 5, 2, 8, 2);
        List<long[]> calls = new ArrayList<>();
        IdxFolder.load(dir, (done, total) -> calls.add(new long[] {done, total}), () -> false);
        long[] last = calls.get(calls.size() - 1);
        assertEquals(last[1], last[0]);
        assertTrue(calls.size() >= 2);
    }

    @Test
    void cancellationStopsLoading() {
        IdxBytes.folder(dir, 5, 2, 8, 2);
        int[] checks = {0};
        LoadCancelledException e = assertThrows(LoadCancelledException.class,
                () -> IdxFolder.load(dir, LoadProgress.NONE, () -> ++checks[0] > 1));
        assertMentions(e, "cancelled");
        assertEquals(2, checks[0]);
    }

    /** mkfifo at path; false where there is no mkfifo. */
    static boolean mkfifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
        } catch (IOException none) {
            return false;
        }
    }

    @Test
    void aFifoNamedClassesTxtIsSaidToBeSkippedAndNeverOpened() throws Exception {
        IdxBytes.folder(dir, 30, 10, 28, 10);
        Path fifo = dir.resolve("classes.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo(fifo), "mkfifo is not available");
        // opening the FIFO for reading would block this thread for good (no writer): the test would not end
        vaeexplorer.core.data.LoadResult r = IdxFolder.open(dir, LoadProgress.NONE, () -> false);
        assertEquals(List.of(new vaeexplorer.core.data.SkippedFile(fifo.toString(),
                "not a regular file (a FIFO, device or socket), not opened")), r.skipped());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), r.split().train().classNames(),
                "numbered classes, as without classes.txt");
        assertEquals(30, r.split().train().size());
        // the same through the data sources every caller uses
        assertEquals(r.skipped(), vaeexplorer.core.data.DataSources.load(dir.toString(),
                vaeexplorer.core.data.LoadOptions.defaults(null), LoadProgress.NONE, () -> false).skipped());
    }

    @Test
    void aRegularFolderHasNothingSkipped() throws Exception {
        IdxBytes.folder(dir, 30, 10, 28, 10);
        assertEquals(List.of(), IdxFolder.open(dir, LoadProgress.NONE, () -> false).skipped());
    }
}
