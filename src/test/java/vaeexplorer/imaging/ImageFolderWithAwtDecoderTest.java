package vaeexplorer.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vaeexplorer.core.data.DataSources;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.data.LoadOptions;
import vaeexplorer.core.data.LoadProgress;
import vaeexplorer.core.data.LoadResult;
import vaeexplorer.core.data.SkippedFile;

/** Real image files of mixed formats, sizes and colours through the one loading entry point. */
class ImageFolderWithAwtDecoderTest {
    @TempDir
    Path dir;

    @Test
    void mixedImagesWithJunkLoadTrainReadyWithSubfolderLabels() throws Exception {
        Color[] inks = {Color.BLACK, Color.BLUE, new Color(90, 20, 20)};
        for (int i = 0; i < 9; i++) // dark circles on light backgrounds, PNG, of several sizes
            TestImages.write(TestImages.blob(20 + 7 * i, 30 + 3 * i, Color.WHITE, inks[i % 3]), "png",
                    dir.resolve("circle/c" + i + ".png"));
        for (int i = 0; i < 6; i++) // light circles on dark, JPEG, landscape
            TestImages.write(TestImages.blob(80, 40 + i, Color.BLACK, Color.YELLOW), "jpg",
                    dir.resolve("moon/m" + i + ".jpeg"));
        Files.writeString(dir.resolve("moon/notes.txt"), "moons");
        Files.write(dir.resolve("circle/corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1});

        List<long[]> progress = new ArrayList<>();
        LoadResult r = DataSources.load(dir.toString(), LoadOptions.defaults(new AwtImageDecoder()),
                (done, total) -> progress.add(new long[] {done, total}), () -> false);

        DataSplit s = r.split();
        assertEquals(List.of("circle", "moon"), s.train().classNames());
        assertEquals(15, s.train().size() + s.test().size());
        assertEquals(2, s.test().size());
        assertEquals(28, s.train().rows());
        assertEquals(28, s.train().cols());
        for (Dataset d : List.of(s.train(), s.test()))
            for (int i = 0; i < d.size(); i++) {
                assertTrue(d.pixel(i, 0) < 30, "background is dark after auto-invert: " + d.pixel(i, 0));
                assertTrue(d.pixel(i, 14 * 28 + 14) > 60, "the circle is bright: " + d.pixel(i, 14 * 28 + 14));
            }
        assertEquals(2, r.skipped().size(), r.skipped().toString());
        SkippedFile corrupt = r.skipped().stream().filter(f -> f.path().endsWith("corrupt.png")).findFirst().orElseThrow();
        assertTrue(corrupt.reason().startsWith("corrupt"), corrupt.reason());
        assertTrue(r.skipped().stream().anyMatch(f -> f.path().endsWith("notes.txt")));
        long[] last = progress.get(progress.size() - 1);
        assertEquals(16, last[0]);
        assertEquals(16, last[1]);
    }

    @Test
    void flatFolderOfPhotosIsUnlabelled() throws Exception {
        for (int i = 0; i < 5; i++)
            TestImages.write(TestImages.blob(50, 50, Color.LIGHT_GRAY, Color.DARK_GRAY), "bmp", dir.resolve(i + ".bmp"));
        LoadResult r = DataSources.load(dir.toString(), LoadOptions.defaults(new AwtImageDecoder()).withSide(16),
                LoadProgress.NONE, () -> false);
        assertTrue(!r.split().train().isLabelled());
        assertEquals(16, r.split().test().rows());
        assertEquals(5, r.split().train().size() + r.split().test().size());
        assertTrue(r.skipped().isEmpty());
    }
}
