package vaeexplorer.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInDatasetsTest {
    private static void assertWellFormed(DataSplit s, String name, List<String> classes) {
        assertEquals(name, s.name());
        assertEquals(8_000, s.train().size());
        assertEquals(2_000, s.test().size());
        for (Dataset d : List.of(s.train(), s.test())) {
            assertEquals(28, d.rows());
            assertEquals(28, d.cols());
            assertEquals(classes, d.classNames());
            int[] perClass = new int[10];
            for (int i = 0; i < d.size(); i++) perClass[d.label(i)]++;
            for (int c = 0; c < 10; c++) assertTrue(perClass[c] > d.size() / 20, "class " + c + " is present");
        }
        // white ink on black: the corner pixels are background
        int dark = 0;
        for (int i = 0; i < s.train().size(); i++) if (s.train().pixel(i, 0) == 0) dark++;
        assertTrue(dark > 7_900, dark + " images with a black corner");
    }

    @Test
    void mnistLoadsWithItsCountsShapesAndDigitClasses() throws DataException {
        assertWellFormed(BuiltInDatasets.load("mnist"), "mnist", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    @Test
    void fashionMnistLoadsWithItsCountsShapesAndClothingClasses() throws DataException {
        assertWellFormed(BuiltInDatasets.load("fashion-mnist"), "fashion-mnist", List.of("T-shirt/top", "Trouser",
                "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));
    }

    @Test
    void unknownBuiltInNameIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> BuiltInDatasets.load("cifar"));
    }
}
