package vaeexplorer.core.data.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.data.FakeDecoder;
import vaeexplorer.core.data.LoadCancelledException;
import vaeexplorer.core.data.LoadOptions;
import vaeexplorer.core.data.LoadProgress;
import vaeexplorer.core.data.LoadResult;
import vaeexplorer.core.data.SkippedFile;

/** The folder rules, with a stand-in decoder; real image formats are tested in vaeexplorer.imaging. */
class ImageFolderLoaderTest {
    @TempDir
    Path dir;
    final FakeDecoder decoder = new FakeDecoder();

    private LoadResult load(LoadOptions options) throws DataException {
        return ImageFolderLoader.load(dir, options, LoadProgress.NONE, () -> false);
    }

    private LoadOptions options() {
        return LoadOptions.defaults(decoder);
    }

    private static Map<String, String> byName(List<SkippedFile> skipped) {
        return skipped.stream().collect(Collectors.toMap(s -> Path.of(s.path()).getFileName().toString(),
                SkippedFile::reason));
    }

    private void classFolders() throws IOException {
        for (int i = 0; i < 12; i++) FakeDecoder.write(dir.resolve("dog/d" + i + ".png"), 30 + i, 20, 250, 0);
        for (int i = 0; i < 8; i++) FakeDecoder.write(dir.resolve("cat/c" + i + ".JPG"), 10, 10 + i, 5, 255);
        FakeDecoder.write(dir.resolve("cat/nested/deeper.bmp"), 16, 16, 0, 255);
        Files.writeString(dir.resolve("cat/notes.txt"), "my cats");
        Files.writeString(dir.resolve("dog/broken.png"), "this is not an image");
        Files.writeString(dir.resolve("dog/.DS_Store"), "mac");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("README"), "read me");
    }

    @Test
    void subfoldersAreSortedClassesAndJunkIsListed() throws Exception {
        classFolders();
        LoadResult r = load(options());
        DataSplit s = r.split();
        assertEquals(List.of("cat", "dog"), s.train().classNames());
        assertEquals(21, s.train().size() + s.test().size());
        assertEquals(2, s.test().size());
        assertEquals(28, s.train().rows());
        int cats = 0;
        for (Dataset d : List.of(s.train(), s.test()))
            for (int i = 0; i < d.size(); i++) if (d.className(i).equals("cat")) cats++;
        assertEquals(9, cats);
        Map<String, String> skipped = byName(r.skipped());
        assertEquals(5, skipped.size(), r.skipped().toString());
        assertEquals("not a PGM image", skipped.get("broken.png"));
        assertEquals("not an image file", skipped.get("notes.txt"));
        assertEquals("not an image file", skipped.get(".DS_Store"));
        assertEquals("not an image file", skipped.get("README"));
        assertTrue(skipped.get(".git").contains("not read"));
        assertTrue(r.skipped().stream().anyMatch(f -> f.path().equals(dir.resolve("dog/broken.png").toString())));
    }

    @Test
    void everyImageEndsWithADarkBackgroundUnderAutoInvert() throws Exception {
        classFolders();
        DataSplit s = load(options()).split();
        for (Dataset d : List.of(s.train(), s.test()))
            for (int i = 0; i < d.size(); i++) assertTrue(d.pixel(i, 0) <= 5, "corner of image " + i + " is dark");
    }

    @Test
    void invertNeverKeepsLuminance() throws Exception {
        classFolders();
        DataSplit s = load(options().withInvert(InvertMode.NEVER)).split();
        for (Dataset d : List.of(s.train(), s.test()))
            for (int i = 0; i < d.size(); i++)
                assertEquals(d.className(i).equals("dog") ? 250 : d.pixel(i, 0), d.pixel(i, 0));
    }

    @Test
    void chosenSideAndHeldOutShareAreUsed() throws Exception {
        classFolders();
        DataSplit s = load(options().withSide(40).withTestFraction(0.5)).split();
        assertEquals(40, s.test().cols());
        assertEquals(10, s.train().size());
        assertEquals(11, s.test().size());
    }

    @Test
    void flatFolderIsUnlabelled() throws Exception {
        for (int i = 0; i < 10; i++) FakeDecoder.write(dir.resolve("img" + i + ".gif"), 28, 28, 0, 200);
        Files.writeString(dir.resolve("notes.txt"), "x");
        LoadResult r = load(options());
        assertTrue(!r.split().train().isLabelled());
        assertEquals(Dataset.NO_LABEL, r.split().train().label(0));
        assertEquals(9, r.split().train().size());
        assertEquals(1, r.split().test().size());
        assertEquals(List.of("notes.txt"), List.copyOf(byName(r.skipped()).keySet()));
    }

    @Test
    void imagesNextToClassFoldersAreListedAsSkipped() throws Exception {
        FakeDecoder.write(dir.resolve("a/1.png"), 8, 8, 0, 255);
        FakeDecoder.write(dir.resolve("b/2.png"), 8, 8, 0, 255);
        FakeDecoder.write(dir.resolve("stray.png"), 8, 8, 0, 255);
        LoadResult r = load(options());
        assertEquals(2, r.split().train().size() + r.split().test().size());
        assertTrue(byName(r.skipped()).get("stray.png").contains("outside the class folders"));
    }

    @Test
    void emptyFolderIsRejected() {
        DataException e = assertThrows(DataException.class, () -> load(options()));
        assertTrue(e.getMessage().equals(dir + ": the folder holds no files"), e.getMessage());
    }

    @Test
    void folderWithoutImageFilesIsRejected() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "x");
        DataException e = assertThrows(DataException.class, () -> load(options()));
        assertTrue(e.getMessage().contains("no image files"), e.getMessage());
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
    }

    @Test
    void folderWhereNoImageDecodesIsRejectedWithTheFirstReason() throws IOException {
        Files.writeString(dir.resolve("a.png"), "junk");
        Files.writeString(dir.resolve("b.png"), "junk");
        DataException e = assertThrows(DataException.class, () -> load(options()));
        assertTrue(e.getMessage().contains("none of the 2 image files could be read"), e.getMessage());
        assertTrue(e.getMessage().contains("a.png: not a PGM image"), e.getMessage());
    }

    @Test
    void progressCountsImageFilesUpToTheTotal() throws Exception {
        classFolders();
        List<long[]> calls = new ArrayList<>();
        ImageFolderLoader.load(dir, options(), (done, total) -> calls.add(new long[] {done, total}), () -> false);
        assertEquals(23, calls.size()); // 0 of 22, then one per image file
        assertEquals(22, calls.get(calls.size() - 1)[0]);
        assertEquals(22, calls.get(calls.size() - 1)[1]);
    }

    @Test
    void cancellingStopsBeforeTheNextFile() throws Exception {
        classFolders();
        int[] done = {0};
        assertThrows(LoadCancelledException.class, () -> ImageFolderLoader.load(dir, options(),
                (d, t) -> done[0] = (int) d, () -> done[0] >= 5));
        assertEquals(5, decoder.decoded);
    }

    @Test
    void sideOutsideTheAllowedRangeIsRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options().withSide(100));
        assertEquals("the image size must be 16 to 64 pixels, not 100", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> options().withSide(15));
        assertThrows(IllegalArgumentException.class, () -> options().withTestFraction(1.0));
    }
}
