package vaeexplorer.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldOutSplitTest {
    /** count images of 2x2 whose pixels all hold the image's index. */
    private static DataSplit split(int count, double fraction, long seed) throws DataException {
        byte[] px = new byte[count * 4 + 8]; // longer than needed, as loaders allocate
        int[] labels = new int[count + 2];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 4; p++) px[i * 4 + p] = (byte) i;
            labels[i] = i % 3;
        }
        return HeldOutSplit.split("set", 2, px, labels, count, List.of("a", "b", "c"), fraction, seed);
    }

    private static List<Integer> ids(Dataset d) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            ids.add(d.pixel(i, 0));
            assertEquals(d.pixel(i, 0) % 3, d.label(i), "labels travel with their images");
        }
        return ids;
    }

    @Test
    void heldOutShareIsRoundedAndBothPartsKeepTheirOrder() throws DataException {
        DataSplit s = split(200, 0.1, 7);
        assertEquals(180, s.train().size());
        assertEquals(20, s.test().size());
        List<Integer> train = ids(s.train()), test = ids(s.test());
        assertEquals(train.stream().sorted().toList(), train);
        assertEquals(test.stream().sorted().toList(), test);
        List<Integer> all = new ArrayList<>(train);
        all.addAll(test);
        assertEquals(200, all.stream().distinct().count());
    }

    @Test
    void sameSeedGivesTheSameSplitAndAnotherSeedAnother() throws DataException {
        assertEquals(ids(split(200, 0.1, 7).test()), ids(split(200, 0.1, 7).test()));
        assertNotEquals(ids(split(200, 0.1, 7).test()), ids(split(200, 0.1, 8).test()));
    }

    @Test
    void atLeastOneImageIsHeldOutAndOneKept() throws DataException {
        DataSplit two = split(2, 0.1, 1);
        assertEquals(1, two.train().size());
        assertEquals(1, two.test().size());
        assertEquals(1, split(5, 0.99, 1).train().size());
    }

    @Test
    void oneImageCannotBeSplit() {
        DataException e = assertThrows(DataException.class, () -> split(1, 0.1, 1));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }
}
