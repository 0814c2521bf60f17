package vaeexplorer.core.data;

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
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vaeexplorer.core.data.images.InvertMode;

class CsvLoaderTest {
    @TempDir
    Path dir;

    private static final LoadOptions KEEP = LoadOptions.defaults(null).withInvert(InvertMode.NEVER);

    /** rows lines of pixels (value of pixel p in row r: (r + p) % 200), each optionally preceded by a label. */
    private static String rows(int rows, int pixels, IntFunction<String> label, boolean unit) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            if (label != null) b.append(label.apply(r)).append(',');
            for (int p = 0; p < pixels; p++) {
                int v = (r + p) % 200;
                b.append(p == 0 ? "" : ",").append(unit ? Double.toString(v / 200.0) : Integer.toString(v));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String header(int pixels, String first) {
        StringBuilder b = new StringBuilder(first == null ? "" : first + ",");
        for (int p = 0; p < pixels; p++) b.append(p == 0 ? "" : ",").append("pixel").append(p);
        return b.append('\n').toString();
    }

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), text, StandardCharsets.UTF_8);
    }

    private LoadResult load(String text, LoadOptions options) throws IOException, DataException {
        return CsvLoader.load(csv(text), options, LoadProgress.NONE, () -> false);
    }

    private DataException error(String text) throws IOException {
        Path f = csv(text);
        DataException e = assertThrows(DataException.class, () -> CsvLoader.load(f, KEEP, LoadProgress.NONE, () -> false));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        return e;
    }

    private static void assertMentions(DataException e, String part) {
        assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
    }

    private static List<Integer> all(DataSplit s, int pixel) {
        List<Integer> v = new ArrayList<>();
        for (Dataset d : List.of(s.train(), s.test())) for (int i = 0; i < d.size(); i++) v.add(d.pixel(i, pixel));
        return v;
    }

    @Test
    void headerWithLabelColumnGivesNumberedClasses() throws Exception {
        DataSplit s = load(header(256, "label") + rows(20, 256, r -> Integer.toString(r % 4), false), KEEP).split();
        assertEquals(16, s.train().rows());
        assertEquals(18, s.train().size());
        assertEquals(2, s.test().size());
        assertEquals(List.of("0", "1", "2", "3"), s.train().classNames());
        for (Dataset d : List.of(s.train(), s.test()))
            for (int i = 0; i < d.size(); i++) {
                int row = d.pixel(i, 0); // pixel 0 of row r holds r
                assertEquals(row % 4, d.label(i));
                assertEquals((row + 17) % 200, d.pixel(i, 17));
            }
    }

    @Test
    void mnistStyleCsvWithoutHeaderHasItsLabelFirst() throws Exception {
        DataSplit s = load(rows(10, 784, r -> Integer.toString(9 - r), false), KEEP).split();
        assertEquals(28, s.train().cols());
        assertEquals(10, s.train().classNames().size());
        assertEquals(10, s.train().size() + s.test().size());
    }

    @Test
    void unitScaleValuesWithoutHeaderOrLabelsAreScaledTo255() throws Exception {
        DataSplit s = load(rows(10, 256, null, true), KEEP).split();
        assertFalse(s.train().isLabelled());
        assertEquals(Dataset.NO_LABEL, s.train().label(0));
        List<Integer> p199 = all(s, 199); // value (r + 199) % 200 / 200
        assertTrue(p199.contains(Math.round(199 / 200f * 255)), p199.toString());
        assertTrue(p199.contains(0), p199.toString());
    }

    @Test
    void zeroAndOneValuesAreTakenAsZeroToOne() throws Exception {
        String img = "0,1,0,1,0,0,0,0,0,0,0,0,0,0,0,0\n";
        DataSplit s = load(img + img + img, KEEP).split();
        assertEquals(4, s.train().rows());
        assertEquals(255, s.train().pixel(0, 1));
        assertEquals(0, s.train().pixel(0, 0));
    }

    @Test
    void headerWithoutLabelColumnIsUnlabelled() throws Exception {
        DataSplit s = load(header(256, null) + rows(5, 256, null, false), KEEP).split();
        assertFalse(s.train().isLabelled());
        assertEquals(5, s.train().size() + s.test().size());
    }

    @Test
    void textLabelsBecomeSortedClassNames() throws Exception {
        String[] names = {"dog", "cat", "bird", "cat"};
        DataSplit s = load(header(16, "Class") + rows(8, 16, r -> names[r % 4], false), KEEP).split();
        assertEquals(List.of("bird", "cat", "dog"), s.train().classNames());
        for (Dataset d : List.of(s.train(), s.test()))
            for (int i = 0; i < d.size(); i++) assertEquals(names[d.pixel(i, 0) % 4], d.className(i));
    }

    @Test
    void quotesBomBlankLinesAndCrLfAreAccepted() throws Exception {
        String text = "\uFEFF\"label\",\"a\",\"b\",\"c\",\"d\"\r\n\r\n 1 , 0 , 10 , 20 , 30 \r\n\"2\",1,2,3,4\r\n\r\n";
        DataSplit s = load(text, KEEP).split();
        assertEquals(2, s.train().rows());
        assertEquals(List.of(2, 10), all(s, 1).stream().sorted().toList());
        assertEquals(List.of("0", "1", "2"), s.train().classNames());
        for (Dataset d : List.of(s.train(), s.test()))
            for (int i = 0; i < d.size(); i++) assertEquals(d.pixel(i, 1) == 10 ? 1 : 2, d.label(i));
    }

    @Test
    void autoInvertDarkensBrightBackgrounds() throws Exception {
        String bright = "250,250,250,250,250,0,0,250,250,0,0,250,250,250,250,250\n";
        DataSplit s = load(bright + bright, LoadOptions.defaults(null)).split();
        assertEquals(5, s.train().pixel(0, 0));
        assertEquals(255, s.train().pixel(0, 5));
    }

    @Test
    void heldOutSplitIsSeeded() throws Exception {
        String text = rows(50, 16, null, false);
        LoadOptions o = KEEP.withTestFraction(0.2).withSeed(5);
        assertEquals(all(load(text, o).split(), 0), all(load(text, o).split(), 0));
        assertEquals(10, load(text, o).split().test().size());
    }

    @Test
    void rowWithAnotherColumnCountIsRejectedWithItsLine() throws IOException {
        String text = header(16, "label") + rows(2, 16, r -> "1", false) + "1,2,3\n";
        assertMentions(error(text), "line 4 has 3 columns but the first line has 17");
    }

    @Test
    void nanIsRejectedWithLineAndColumn() throws IOException {
        assertMentions(error("0,0,0,0\n0,0,NaN,0\n"), "line 2, column 3: NaN is not a pixel value from 0 to 255");
    }

    @Test
    void outOfRangeValuesAreRejectedWithLineAndColumn() throws IOException {
        assertMentions(error("0,0,0,0\n0,0,0,256\n"), "line 2, column 4: 256 is not a pixel value from 0 to 255");
        assertMentions(error("0,-1,0,0\n0,0,0,0\n"), "line 1, column 2: -1 is not a pixel value");
    }

    @Test
    void textAndEmptyCellsAreRejectedWithLineAndColumn() throws IOException {
        assertMentions(error("label,a,b,c,d\n1,0,0,x7,0\n"), "line 2, column 4: 'x7' is not a number");
        assertMentions(error("label,a,b,c,d\n1,0,,0,0\n"), "line 2, column 3: the cell is empty");
        assertMentions(error("label,a,b,c,d\n,0,0,0,0\n"), "line 2, column 1: the label is empty");
    }

    @Test
    void nonSquarePixelCountIsRejectedNamingTheLine() throws IOException {
        assertMentions(error("0,0,0,0,0,0\n"), "line 1 has 6 columns: the pixel columns must make a square image");
        assertMentions(error("a,b,c,d,e\n1,2,3,4,5\n"), "line 1: 5 pixel columns do not make a square image");
        assertMentions(error("a,b,c,d,e\n1,2,3,4,5\n"), "name it 'label'");
    }

    @Test
    void emptyFileAndHeaderOnlyAreRejected() throws IOException {
        assertMentions(error(""), "holds no data");
        assertMentions(error("label,a,b,c,d\n\n"), "holds a header but no data lines");
        assertMentions(error("0,0,0,0\n"), "only 1 usable image");
    }

    @Test
    void progressReachesTotalAndCancellingStops() throws Exception {
        Path f = csv(rows(500, 16, null, false));
        List<long[]> calls = new ArrayList<>();
        CsvLoader.load(f, KEEP, (d, t) -> calls.add(new long[] {d, t}), () -> false);
        long[] last = calls.get(calls.size() - 1);
        assertEquals(last[1], last[0]);
        assertTrue(calls.size() > 3);
        for (int i = 1; i < calls.size(); i++) assertTrue(calls.get(i)[0] >= calls.get(i - 1)[0]);
        assertThrows(LoadCancelledException.class, () -> CsvLoader.load(f, KEEP, LoadProgress.NONE, () -> true));
    }
}
