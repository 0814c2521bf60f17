package vaeexplorer.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.images.InvertMode;

class DatasetChoiceTest {
    @Test
    void eachSourceHasItsKindSpecAndAShortNameForFiles() {
        assertEquals(DatasetChoice.Kind.BUILT_IN, DatasetChoice.MNIST.kind());
        assertEquals("mnist", DatasetChoice.MNIST.spec());
        assertEquals("fashion-mnist", DatasetChoice.FASHION.shortName());
        Path dir = Path.of("/data/My Photos");
        DatasetChoice images = DatasetChoice.images(dir, ImportOptions.DEFAULTS);
        assertEquals(DatasetChoice.Kind.IMAGES, images.kind());
        assertEquals("Images: My Photos (28×28)", images.label());
        assertEquals(dir.toAbsolutePath().toString(), images.spec());
        assertEquals("My-Photos", images.shortName());
        DatasetChoice csv = DatasetChoice.csv(Path.of("/data/faces.CSV"), ImportOptions.DEFAULTS);
        assertEquals(DatasetChoice.Kind.CSV, csv.kind());
        assertEquals("faces", csv.shortName());
        assertEquals(DatasetChoice.Kind.IDX, DatasetChoice.folder(dir).kind());
    }

    @Test
    void theSameFolderWithOtherOptionsIsAnotherChoice() {
        Path dir = Path.of("/data/pics");
        assertEquals(DatasetChoice.images(dir, ImportOptions.DEFAULTS), DatasetChoice.images(dir, ImportOptions.DEFAULTS));
        assertNotEquals(DatasetChoice.images(dir, ImportOptions.DEFAULTS),
                DatasetChoice.images(dir, new ImportOptions(32, InvertMode.AUTO, 0.1)));
    }

    @Test
    void optionsOutOfRangeSayWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImportOptions(8, InvertMode.AUTO, 0.1));
        assertEquals("the image size must be 16 to 64 pixels, not 8", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ImportOptions(28, InvertMode.AUTO, 1.0));
    }
}
