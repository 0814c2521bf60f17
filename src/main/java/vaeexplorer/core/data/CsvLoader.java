package vaeexplorer.core.data;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import vaeexplorer.core.data.idx.IdxReader;

/**
 * Loads images from a CSV file: one image per line, comma-separated, row-major pixels of a square image.
 *
 * <ul>
 * <li><b>Header.</b> The first line is a header when its first cell is {@code label} or {@code class} (any case) or
 * any later cell is not a number; otherwise it is data.</li>
 * <li><b>Labels.</b> With a header, the first column holds labels when it is named {@code label} or {@code class}.
 * Without one, the first column holds labels when the column count is not a square number but one less is (785 =
 * label + 28x28). Labels that are all whole numbers 0 to 254 are class numbers (classes "0" up to the largest);
 * otherwise labels are class names, sorted (numbers by value, before text).</li>
 * <li><b>Pixels.</b> The pixel columns must make a square image (side x side, from 2x2; the images keep that size).
 * Values are numbers from 0 to 255; when no value in the file is above 1.0 they are taken as 0 to 1 and scaled by
 * 255. Images are then inverted per {@link LoadOptions#invert()}.</li>
 * <li><b>Format.</b> UTF-8 (a byte order mark is ignored), cells trimmed, a cell may be wrapped in double quotes but
 * cannot contain a comma; blank lines are ignored. A line with another number of columns, an empty, non-numeric,
 * NaN, infinite or out-of-range cell is an error naming the line and column (1-based, as in a spreadsheet).</li>
 * </ul>
 *
 * <p>The file is read twice (first to check it and find the value range, then to store the bytes), so memory holds
 * only the result. Progress counts bytes read over both passes; the cancel flag is checked every few lines and
 * cancelling throws {@link LoadCancelledException}. A seeded share of the images is held out as test data.
 */
public final class CsvLoader {
    private static final int CHECK_EVERY = 64;
    private static final Pattern NUMERIC = Pattern.compile(
            "[+-]?(([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?|(?i:nan|inf|infinity))");

    private CsvLoader() {
    }

    /** Loads the CSV file; the result has no skipped files. */
    public static LoadResult load(Path file, LoadOptions options, LoadProgress progress, BooleanSupplier cancelled)
            throws DataException {
        long size = RegularFile.size(file);
        Layout layout = new Layout();
        List<String> labelCells = new ArrayList<>();
        double[] max = {0};
        long total = 2 * size;
        progress.update(0, total);
        int rows = read(file, layout, (line, cells, row) -> {
            for (int c = layout.firstPixel; c < cells.count; c++) {
                double v = cells.number(c);
                if (!(v >= 0 && v <= 255)) throw cellError(file, line, cells, c);
                max[0] = Math.max(max[0], v);
            }
            if (layout.labelled) {
                if (cells.length(0) == 0) throw new DataException(DataProblem.CSV_LABEL_EMPTY, file, line);
                labelCells.add(cells.text(0));
            }
            if ((long) (row + 1) * layout.side * layout.side > IdxReader.MAX_BYTES)
                throw new DataException(DataProblem.CSV_TOO_MANY_IMAGES, file, line, IdxReader.MAX_BYTES >> 20);
        }, progress, 0, total, cancelled);
        if (rows == 0)
            throw new DataException(layout.header ? DataProblem.CSV_HEADER_ONLY : DataProblem.CSV_NO_DATA, file);

        Labels labels = layout.labelled ? Labels.of(file, labelCells) : Labels.none(rows);
        labelCells.clear();
        boolean unitScale = max[0] <= 1.0;
        int side = layout.side, d = side * side;
        byte[] pixels = new byte[rows * d];
        Layout again = new Layout();
        int rowsAgain = read(file, again, (line, cells, row) -> {
            if (row >= rows || again.columns != layout.columns)
                throw new DataException(DataProblem.CSV_CHANGED, file);
            for (int c = layout.firstPixel, p = row * d; c < cells.count; c++, p++) {
                double v = cells.number(c);
                if (!(v >= 0 && v <= 255)) throw new DataException(DataProblem.CSV_CHANGED, file);
                pixels[p] = (byte) Math.round(unitScale ? v * 255 : v);
            }
            options.invert().applyTo(pixels, row * d, side);
        }, progress, size, total, cancelled);
        if (rowsAgain != rows) throw new DataException(DataProblem.CSV_CHANGED, file);
        progress.update(total, total);
        DataSplit split = HeldOutSplit.split(file.toString(), side, pixels, labels.values, rows, labels.names,
                options.testFraction(), options.seed());
        return new LoadResult(split, List.of());
    }

    /** Receives one data line. */
    @FunctionalInterface
    private interface RowHandler {
        void row(int line, Cells cells, int row) throws DataException;
    }

    /** What the first line says about the columns. */
    private static final class Layout {
        boolean decided, header, labelled;
        int columns, firstPixel, side;
    }

    /** Reads the file line by line, settles the layout on the first line and hands over the data lines. */
    private static int read(Path file, Layout layout, RowHandler handler, LoadProgress progress, long progressBase,
            long total, BooleanSupplier cancelled) throws DataException {
        try (CountingStream counted = new CountingStream(Files.newInputStream(file));
                BufferedReader in = new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8),
                        1 << 16)) {
            Cells cells = new Cells();
            int lineNo = 0, rows = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) continue;
                if (lineNo % CHECK_EVERY == 0) {
                    if (cancelled.getAsBoolean()) throw new LoadCancelledException(file);
                    progress.update(Math.min(total, progressBase + counted.count), total);
                }
                cells.split(line);
                if (!layout.decided) {
                    decideLayout(file, lineNo, cells, layout);
                    if (layout.header) continue;
                }
                if (cells.count != layout.columns)
                    throw new DataException(layout.header ? DataProblem.CSV_COLUMN_COUNT_HEADER : DataProblem.CSV_COLUMN_COUNT,
                            file, lineNo, cells.count, layout.columns);
                handler.row(lineNo, cells, rows++);
            }
            if (cancelled.getAsBoolean()) throw new LoadCancelledException(file);
            return rows;
        } catch (IOException e) {
            throw new DataException(e, DataProblem.UNREADABLE, file, e.getMessage());
        }
    }

    private static void decideLayout(Path file, int line, Cells cells, Layout layout) throws DataException {
        String first = cells.text(0).toLowerCase(Locale.ROOT);
        boolean namedLabel = first.equals("label") || first.equals("class");
        boolean header = namedLabel;
        for (int c = 1; c < cells.count && !header; c++) header = !Cells.looksNumeric(cells.text(c));
        int n = cells.count;
        boolean labelled = header ? namedLabel : !isSquare(n) && isSquare(n - 1);
        int pixels = labelled ? n - 1 : n;
        int side = (int) Math.round(Math.sqrt(pixels));
        if (side * side != pixels || side < 2) {
            if (!header) throw new DataException(DataProblem.CSV_NOT_SQUARE, file, line, n);
            throw new DataException(namedLabel ? DataProblem.CSV_HEADER_NOT_SQUARE
                    : DataProblem.CSV_HEADER_NOT_SQUARE_UNNAMED, file, line, pixels);
        }
        if (side > IdxReader.MAX_SIDE)
            throw new DataException(DataProblem.CSV_IMAGE_TOO_LARGE, file, line, side, IdxReader.MAX_SIDE);
        layout.decided = true;
        layout.header = header;
        layout.labelled = labelled;
        layout.columns = n;
        layout.firstPixel = labelled ? 1 : 0;
        layout.side = side;
    }

    private static boolean isSquare(int n) {
        int r = (int) Math.round(Math.sqrt(n));
        return n > 0 && r * r == n;
    }

    /** A cell that is not a pixel value from 0 to 255. */
    private static DataException cellError(Path file, int line, Cells cells, int c) {
        String text = cells.text(c);
        if (text.isEmpty()) return new DataException(DataProblem.CSV_CELL_EMPTY, file, line, c + 1);
        String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
        if (!Cells.looksNumeric(text)) return new DataException(DataProblem.CSV_CELL_NOT_A_NUMBER, file, line, c + 1, shown);
        return new DataException(DataProblem.CSV_CELL_OUT_OF_RANGE, file, line, c + 1, shown);
    }

    /** Labels as class indices and names. */
    private record Labels(int[] values, List<String> names) {
        static Labels none(int rows) {
            int[] v = new int[rows];
            Arrays.fill(v, Dataset.NO_LABEL);
            return new Labels(v, List.of());
        }

        static Labels of(Path file, List<String> cells) throws DataException {
            int[] v = new int[cells.size()];
            boolean numbers = true;
            int max = 0;
            for (int i = 0; i < v.length && numbers; i++) {
                v[i] = smallWholeNumber(cells.get(i));
                numbers = v[i] >= 0;
                max = Math.max(max, v[i]);
            }
            if (numbers) return new Labels(v, ClassNamesFile.numbered(max));
            TreeSet<String> distinct = new TreeSet<>(Comparator.comparing((String s) -> !isWholeNumber(s))
                    .thenComparing(s -> isWholeNumber(s) ? new BigInteger(s) : BigInteger.ZERO)
                    .thenComparing(Comparator.naturalOrder()));
            distinct.addAll(cells);
            if (distinct.size() > IdxReader.MAX_LABEL + 1)
                throw new DataException(DataProblem.CSV_TOO_MANY_LABELS, file, distinct.size(), IdxReader.MAX_LABEL + 1);
            List<String> names = List.copyOf(distinct);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) index.put(names.get(i), i);
            for (int i = 0; i < v.length; i++) v[i] = index.get(cells.get(i));
            return new Labels(v, names);
        }

        private static boolean isWholeNumber(String s) {
            if (s.isEmpty() || s.length() > 30) return false;
            for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
            return true;
        }

        /** The value of a whole number 0..MAX_LABEL, else -1. */
        private static int smallWholeNumber(String s) {
            if (!isWholeNumber(s) || s.length() > 3) return -1;
            int v = Integer.parseInt(s);
            return v <= IdxReader.MAX_LABEL ? v : -1;
        }
    }

    /** The cells of one line, as trimmed, unquoted ranges of the line. */
    private static final class Cells {
        String line;
        int count;
        int[] start = new int[1024], end = new int[1024];

        void split(String l) {
            line = l;
            count = 0;
            int s = 0;
            while (true) {
                int comma = l.indexOf(',', s);
                add(s, comma < 0 ? l.length() : comma);
                if (comma < 0) break;
                s = comma + 1;
            }
        }

        private void add(int s, int e) {
            while (s < e && Character.isWhitespace(line.charAt(s))) s++;
            while (e > s && Character.isWhitespace(line.charAt(e - 1))) e--;
            if (e - s >= 2 && line.charAt(s) == '"' && line.charAt(e - 1) == '"') {
                s++;
                e--;
            }
            if (count == start.length) {
                start = Arrays.copyOf(start, 2 * count);
                end = Arrays.copyOf(end, 2 * count);
            }
            start[count] = s;
            end[count++] = e;
        }

        int length(int c) {
            return end[c] - start[c];
        }

        String text(int c) {
            return line.substring(start[c], end[c]);
        }

        /** The cell as a finite number, or NaN when it is not a plain decimal number. */
        double number(int c) {
            int s = start[c], e = end[c];
            if (s == e) return Double.NaN;
            if (e - s <= 9) { // fast path: whole numbers
                int v = 0, i = s;
                for (; i < e; i++) {
                    char ch = line.charAt(i);
                    if (ch < '0' || ch > '9') break;
                    v = v * 10 + (ch - '0');
                }
                if (i == e) return v;
            }
            if (!isDecimal(s, e)) return Double.NaN;
            double v = Double.parseDouble(line.substring(s, e));
            return Double.isInfinite(v) ? Double.NaN : v;
        }

        /** [+-] digits [. digits] [e [+-] digits], with at least one mantissa digit. */
        private boolean isDecimal(int s, int e) {
            int i = s;
            if (i < e && (line.charAt(i) == '+' || line.charAt(i) == '-')) i++;
            int digits = 0;
            while (i < e && Character.isDigit(line.charAt(i)) && line.charAt(i) < 128) { i++; digits++; }
            if (i < e && line.charAt(i) == '.') {
                i++;
                while (i < e && Character.isDigit(line.charAt(i)) && line.charAt(i) < 128) { i++; digits++; }
            }
            if (digits == 0) return false;
            if (i < e && (line.charAt(i) == 'e' || line.charAt(i) == 'E')) {
                i++;
                if (i < e && (line.charAt(i) == '+' || line.charAt(i) == '-')) i++;
                int exp = 0;
                while (i < e && Character.isDigit(line.charAt(i)) && line.charAt(i) < 128) { i++; exp++; }
                if (exp == 0) return false;
            }
            return i == e;
        }

        /** Whether the text reads as a number, counting NaN and infinities (which are not pixel values). */
        static boolean looksNumeric(String text) {
            return NUMERIC.matcher(text).matches();
        }
    }

    /** Counts the bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
