package vaeexplorer.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
    @TempDir
    Path dir;
    final FakeDecoder decoder = new FakeDecoder();

    private LoadResult load(String spec) throws DataException {
        return DataSources.load(spec, LoadOptions.defaults(decoder), LoadProgress.NONE, () -> false);
    }

    @Test
    void builtInNamesLoadTheBuiltInSets() throws DataException {
        LoadResult r = load("mnist");
        assertEquals("mnist", r.split().name());
        assertEquals(8_000, r.split().train().size());
        assertTrue(r.skipped().isEmpty());
    }

    @Test
    void folderOfIdxFilesIsAnIdxDataSet() throws DataException {
        IdxBytes.folder(dir, 7, 3, 20, 2);
        LoadResult r = load(dir.toString());
        assertEquals(7, r.split().train().size());
        assertEquals(3, r.split().test().size());
    }

    @Test
    void otherFolderIsAnImageFolder() throws Exception {
        for (int i = 0; i < 4; i++) FakeDecoder.write(dir.resolve("x/" + i + ".png"), 20, 20, 0, 255);
        for (int i = 0; i < 4; i++) FakeDecoder.write(dir.resolve("y/" + i + ".png"), 20, 20, 0, 255);
        LoadResult r = load(dir.toString());
        assertEquals(List.of("x", "y"), r.split().train().classNames());
        assertEquals(8, decoder.decoded);
    }

    @Test
    void csvFileIsLoadedAsCsv() throws Exception {
        Path f = Files.writeString(dir.resolve("Pics.CSV"), "label,a,b,c,d\n0,1,2,3,4\n1,5,6,7,8\n");
        LoadResult r = load(f.toString());
        assertEquals(2, r.split().train().rows());
        assertEquals(List.of("0", "1"), r.split().train().classNames());
    }

    @Test
    void missingPathIsReported() {
        String spec = dir.resolve("nowhere").toString();
        DataException e = assertThrows(DataException.class, () -> load(spec));
        assertEquals("no such file or folder: " + spec, e.getMessage());
        assertThrows(DataException.class, () -> load(""));
    }

    @Test
    void otherFileIsNotADataSet() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.txt"), "hello");
        DataException e = assertThrows(DataException.class, () -> load(f.toString()));
        assertTrue(e.getMessage().startsWith(f + ": not a data set"), e.getMessage());
    }

    @Test
    void builtInLoadCanBeCancelled() {
        assertThrows(LoadCancelledException.class,
                () -> DataSources.load("fashion-mnist", LoadOptions.defaults(null), LoadProgress.NONE, () -> true));
    }
}
