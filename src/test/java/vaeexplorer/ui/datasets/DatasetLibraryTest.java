package vaeexplorer.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vaeexplorer.core.data.LoadResult;
import vaeexplorer.ui.concurrent.CurrentThreadTaskExecutor;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.ProblemTexts;

/** The data library without a window or threads: with the direct executor a load reports before load() returns. */
class DatasetLibraryTest {
    private final DatasetLibrary library = new DatasetLibrary(new CurrentThreadTaskExecutor());
    private final List<String> events = new ArrayList<>();

    private DatasetLibrary.Listener recorder() {
        return new DatasetLibrary.Listener() {
            @Override
            public void loaded(LoadResult result) {
                events.add("loaded " + result.split().train().size() + "+" + result.split().test().size());
            }

            @Override
            public void failed(ProblemTexts.Text why) {
                events.add("failed " + why.headline() + ": " + why.explanation());
            }
        };
    }

    @Test
    void aBuiltInSetLoadsAndTheLoadingLineClearsAfterwards() {
        I18n.useOnThisThread(java.util.Locale.ENGLISH);
        assertNotNull(library.load(DatasetChoice.MNIST, true, recorder()));
        assertEquals(List.of("loaded 8000+2000"), events);
        assertEquals("", library.loading().get());
    }

    @Test
    void aMissingFolderFailsWithItsPathAndLoadsNothing(@TempDir Path dir) {
        I18n.useOnThisThread(java.util.Locale.ENGLISH);
        Path missing = dir.resolve("no-such-folder");
        library.load(DatasetChoice.folder(missing), true, recorder());
        assertEquals(1, events.size(), events.toString());
        assertTrue(events.get(0).startsWith("failed "), events.get(0));
        assertTrue(events.get(0).contains("no-such-folder"), events.get(0));
    }
}
