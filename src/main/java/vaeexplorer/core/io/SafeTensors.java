package vaeexplorer.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@code .safetensors} files, the tensor format of the PyTorch / Hugging Face ecosystem: an 8-byte
 * little-endian unsigned header length N, N bytes of UTF-8 JSON ({@code {"name": {"dtype": "F32", "shape": [out, in],
 * "data_offsets": [begin, end]}, ..., "__metadata__": {"key": "value"}}}, offsets relative to the end of the header),
 * then the raw little-endian tensor bytes.
 *
 * <p>Written here rather than taken from a library: no maintained, small Java implementation was found (the
 * reference one is Rust with Python bindings), and the format is a page of code. F32, F16 and BF16 tensors are read
 * (as float); F32 is written.
 *
 * <p>A file that lies is refused before anything large is allocated: a header longer than the file or than
 * {@link #MAX_HEADER_BYTES}, malformed JSON, an unknown dtype, offsets past the end of the data, overlapping, or leaving
 * bytes that no tensor holds, a byte count that is not dtype size x the product of the shape, and NaN or infinite values. Every message
 * names the file, the tensor and what was found against what was expected.
 */
public final class SafeTensors {
    /** The reference implementation's limit on the JSON header. */
    public static final long MAX_HEADER_BYTES = 100L << 20;
    /** Larger files are not VAEs this program can show (its largest model is about 60 MB of floats). */
    public static final long MAX_FILE_BYTES = 1L << 30;
    /** The most dimensions a tensor's shape may have. */
    static final int MAX_DIMENSIONS = 8;
    /** The key of the free-form string map in the header. */
    public static final String METADATA = "__metadata__";

    private SafeTensors() {}

    /** One tensor: its name, its shape (PyTorch's order, row-major) and its values. */
    public record Tensor(String name, int[] shape, float[] values) {
        public Tensor {
            long n = 1;
            for (int d : shape) n *= d;
            if (n != values.length)
                throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + n
                        + " values, not " + values.length);
        }

        /** The shape as text, like {@code [400, 784]}. */
        public String shapeText() {
            return Arrays.toString(shape);
        }
    }

    /** The tensors of a file in file order, and its {@code __metadata__} (empty if it had none). */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    private record Entry(String name, String dtype, int[] shape, long begin, long end) {}

    /** Bytes per value of the dtypes read; 0 for others. */
    static int bytesPer(String dtype) {
        return switch (dtype) {
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            default -> 0;
        };
    }

    /** The header alone, checked as {@link #read} checks it: each tensor's shape in file order, and the metadata. */
    public record Header(Map<String, int[]> shapes, Map<String, String> metadata) {}

    private record Parsed(long base, List<Entry> entries, Map<String, String> metadata) {}

    /** The tensors and metadata of a file, every value checked. */
    public static Contents read(Path file) throws FileFormatException {
        String where = file.toString();
        try (FileChannel ch = open(file)) {
            Parsed p = parse(ch, where);
            checkMemory(where, p.entries);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Entry e : p.entries) {
                ByteBuffer raw = ByteBuffer.allocate((int) (e.end - e.begin)).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, raw, p.base + e.begin, where);
                float[] v = decode(where, e, raw);
                tensors.put(e.name, new Tensor(e.name, e.shape, v));
            }
            return new Contents(tensors, p.metadata);
        } catch (NoSuchFileException e) {
            throw new FileFormatException(FileProblem.NO_SUCH_FILE, where);
        } catch (IOException e) {
            throw new FileFormatException(e, FileProblem.UNREADABLE, where, String.valueOf(e.getMessage()));
        }
    }

    /**
     * The header of a file, checked against the file's size, without reading the tensors: what a reader can refuse
     * before it allocates them.
     */
    public static Header readHeader(Path file) throws FileFormatException {
        String where = file.toString();
        try (FileChannel ch = open(file)) {
            Parsed p = parse(ch, where);
            Map<String, int[]> shapes = new LinkedHashMap<>();
            for (Entry e : p.entries) shapes.put(e.name, e.shape.clone());
            return new Header(shapes, p.metadata);
        } catch (NoSuchFileException e) {
            throw new FileFormatException(FileProblem.NO_SUCH_FILE, where);
        } catch (IOException e) {
            throw new FileFormatException(e, FileProblem.UNREADABLE, where, String.valueOf(e.getMessage()));
        }
    }

    /** Opens a regular file only: a FIFO would block the open until a writer comes, a device may never end. */
    private static FileChannel open(Path file) throws IOException, FileFormatException {
        if (!Files.readAttributes(file, BasicFileAttributes.class).isRegularFile())
            throw new FileFormatException(FileProblem.UNREADABLE, file.toString(), "not a regular file: a folder, FIFO or device");
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    /** The length field and the header, checked; the data is not read. */
    private static Parsed parse(FileChannel ch, String where) throws IOException, FileFormatException {
        long size = ch.size();
        if (size < 8) throw new FileFormatException(FileProblem.SAFETENSORS_TOO_SHORT, where, size);
        if (size > MAX_FILE_BYTES)
            throw new FileFormatException(FileProblem.SAFETENSORS_TOO_LARGE, where, size, MAX_FILE_BYTES);
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, lenBuf, 0, where);
        long headerLen = lenBuf.getLong(0);
        if (headerLen < 2 || headerLen > size - 8)
            throw new FileFormatException(FileProblem.SAFETENSORS_HEADER_LENGTH, where, Long.toUnsignedString(headerLen),
                    size - 8);
        if (headerLen > MAX_HEADER_BYTES)
            throw new FileFormatException(FileProblem.SAFETENSORS_HEADER_TOO_LARGE, where, headerLen, MAX_HEADER_BYTES);
        ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
        readFully(ch, hb, 8, where);
        hb.flip();
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(hb).toString();
        } catch (CharacterCodingException e) {
            throw new FileFormatException(FileProblem.SAFETENSORS_HEADER_NOT_UTF8, where);
        }
        long base = 8 + headerLen;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = parseHeader(where, json, size - base, metadata);
        return new Parsed(base, entries, metadata);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long at, String where) throws IOException,
            FileFormatException {
        long p = at;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, p);
            if (n < 0) throw new FileFormatException(FileProblem.SAFETENSORS_TRUNCATED, where);
            p += n;
        }
    }

    /** Checks the header against the data's size; fills metadata; returns the tensors in file order. */
    static List<Entry> parseHeader(String where, String json, long dataBytes, Map<String, String> metadata)
            throws FileFormatException {
        Object root;
        try {
            root = SafeTensorsJson.parse(json);
        } catch (SafeTensorsJson.SyntaxException e) {
            throw new FileFormatException(FileProblem.SAFETENSORS_HEADER_NOT_JSON, where, e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top))
            throw new FileFormatException(FileProblem.SAFETENSORS_HEADER_NOT_OBJECT, where);
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> kv : top.entrySet()) {
            String name = (String) kv.getKey();
            Object v = kv.getValue();
            if (name.equals(METADATA)) {
                if (!(v instanceof Map<?, ?> meta))
                    throw new FileFormatException(FileProblem.SAFETENSORS_METADATA_NOT_OBJECT, where);
                for (Map.Entry<?, ?> m : meta.entrySet()) {
                    if (!(m.getValue() instanceof String s))
                        throw new FileFormatException(FileProblem.SAFETENSORS_METADATA_NOT_STRING, where, m.getKey(),
                                shorten(m.getValue()));
                    metadata.put((String) m.getKey(), s);
                }
                continue;
            }
            entries.add(entry(where, name, v, dataBytes));
        }
        // as the reference implementation asks: the tensors fill the data one after another, no two sharing bytes,
        // no byte left over (so a header length a few bytes off cannot shift every tensor onto other bytes)
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long filled = 0;
        for (int i = 0; i < byOffset.size(); i++) {
            Entry b = byOffset.get(i);
            if (b.begin > filled) throw new FileFormatException(FileProblem.SAFETENSORS_GAP, where, filled, b.begin);
            filled = Math.max(filled, b.end);
            if (i == 0) continue;
            Entry a = byOffset.get(i - 1);
            if (b.begin < a.end)
                throw new FileFormatException(FileProblem.SAFETENSORS_OVERLAP, where, a.name, a.begin, a.end, b.name,
                        b.begin, b.end);
        }
        if (filled < dataBytes) throw new FileFormatException(FileProblem.SAFETENSORS_GAP, where, filled, dataBytes);
        return entries;
    }

    private static Entry entry(String where, String name, Object v, long dataBytes) throws FileFormatException {
        if (!(v instanceof Map<?, ?> t))
            throw new FileFormatException(FileProblem.SAFETENSORS_TENSOR_NOT_OBJECT, where, name, shorten(v));
        for (Object k : t.keySet())
            if (!k.equals("dtype") && !k.equals("shape") && !k.equals("data_offsets"))
                throw new FileFormatException(FileProblem.SAFETENSORS_TENSOR_FIELD, where, name, k);
        if (!(t.get("dtype") instanceof String dtype))
            throw new FileFormatException(FileProblem.SAFETENSORS_DTYPE_MISSING, where, name);
        int per = bytesPer(dtype);
        if (per == 0) throw new FileFormatException(FileProblem.SAFETENSORS_DTYPE, where, name, shorten(dtype));
        if (!(t.get("shape") instanceof List<?> shapeList))
            throw new FileFormatException(FileProblem.SAFETENSORS_SHAPE_MISSING, where, name);
        if (shapeList.size() > MAX_DIMENSIONS)
            throw new FileFormatException(FileProblem.SAFETENSORS_SHAPE_RANK, where, name, shapeList.size(), MAX_DIMENSIONS);
        int[] shape = new int[shapeList.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            Object d = shapeList.get(i);
            if (!(d instanceof Long n) || n < 0 || n > Integer.MAX_VALUE)
                throw new FileFormatException(FileProblem.SAFETENSORS_SHAPE_NOT_WHOLE, where, name, shorten(shapeList));
            shape[i] = (int) (long) n;
            count *= n;
            if (count > dataBytes) // also keeps the product from overflowing
                throw new FileFormatException(FileProblem.SAFETENSORS_SHAPE_TOO_LARGE, where, name, shapeList.toString(),
                        dataBytes);
        }
        if (!(t.get("data_offsets") instanceof List<?> off) || off.size() != 2 || !(off.get(0) instanceof Long b)
                || !(off.get(1) instanceof Long e))
            throw new FileFormatException(FileProblem.SAFETENSORS_OFFSETS_FORM, where, name,
                    shorten(t.get("data_offsets")));
        if (b < 0 || e < b) throw new FileFormatException(FileProblem.SAFETENSORS_OFFSETS_RANGE, where, name, b, e);
        if (e > dataBytes)
            throw new FileFormatException(FileProblem.SAFETENSORS_OFFSETS_PAST_END, where, name, b, e, dataBytes);
        long expected = count * per;
        if (e - b != expected)
            throw new FileFormatException(FileProblem.SAFETENSORS_BYTE_COUNT, where, name, dtype, shapeList.toString(),
                    expected, b, e, e - b);
        return new Entry(name, dtype, shape, b, e);
    }

    /**
     * Refuses a file whose tensors, read as floats (with one tensor's raw bytes beside them), need more memory than
     * the JVM has free: a 1 GiB file of F16 values is 2 GiB of floats.
     */
    private static void checkMemory(String where, List<Entry> entries) throws FileFormatException {
        long values = 0, largestRaw = 0;
        for (Entry e : entries) {
            values += (e.end - e.begin) / bytesPer(e.dtype);
            largestRaw = Math.max(largestRaw, e.end - e.begin);
        }
        long needed = 4 * values + largestRaw;
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > free)
            throw new FileFormatException(FileProblem.SAFETENSORS_NO_MEMORY, where, values, mib(needed), mib(free));
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** A value of the header for a message: at most 60 characters of it. */
    static String shorten(Object v) {
        String s = String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static float[] decode(String where, Entry e, ByteBuffer raw) throws FileFormatException {
        int per = bytesPer(e.dtype);
        float[] v = new float[(int) ((e.end - e.begin) / per)];
        for (int i = 0; i < v.length; i++) {
            float f = switch (e.dtype) {
                case "F32" -> raw.getFloat(4 * i);
                case "F16" -> halfToFloat(raw.getShort(2 * i));
                default -> Float.intBitsToFloat((raw.getShort(2 * i) & 0xffff) << 16); // BF16: the top half of an F32
            };
            if (!Float.isFinite(f))
                throw new FileFormatException(FileProblem.SAFETENSORS_NOT_FINITE, where, e.name, String.valueOf(f), i);
            v[i] = f;
        }
        return v;
    }

    /**
     * Writes F32 tensors (in the given order) and string metadata, atomically. The header is padded with spaces to a
     * multiple of 8 bytes, as the reference implementation does, so the data stays aligned.
     */
    public static void write(Path file, List<Tensor> tensors, Map<String, String> metadata) throws IOException {
        StringBuilder h = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            h.append(SafeTensorsJson.quote(METADATA)).append(":{");
            boolean first = true;
            for (Map.Entry<String, String> m : metadata.entrySet()) {
                h.append(first ? "" : ",").append(SafeTensorsJson.quote(m.getKey())).append(':')
                        .append(SafeTensorsJson.quote(m.getValue()));
                first = false;
            }
            h.append('}');
        }
        long off = 0;
        for (Tensor t : tensors) {
            if (t.name().equals(METADATA)) throw new IllegalArgumentException("a tensor may not be called " + METADATA);
            long end = off + 4L * t.values().length;
            h.append(h.length() > 1 ? "," : "").append(SafeTensorsJson.quote(t.name())).append(":{\"dtype\":\"F32\",\"shape\":[");
            for (int i = 0; i < t.shape().length; i++) h.append(i > 0 ? "," : "").append(t.shape()[i]);
            h.append("],\"data_offsets\":[").append(off).append(',').append(end).append("]}");
            off = end;
        }
        h.append('}');
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        byte[] head = Arrays.copyOf(header, padded);
        Arrays.fill(head, header.length, padded, (byte) ' ');
        AtomicFiles.write(file, out -> {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, padded);
            out.write(len.array());
            out.write(head);
            for (Tensor t : tensors) {
                ByteBuffer b = ByteBuffer.allocate(4 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : t.values()) b.putFloat(f);
                out.write(b.array());
            }
        });
    }

    /** True if the file starts like a .safetensors file: a plausible header length followed by '{'. */
    public static boolean looksLike(Path file) {
        try {
            if (!Files.readAttributes(file, BasicFileAttributes.class).isRegularFile()) return false; // never open a FIFO
        } catch (IOException e) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() < 9) return false;
            ByteBuffer b = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) if (ch.read(b, b.position()) < 0) return false;
            long n = b.getLong(0);
            return n > 0 && n <= ch.size() - 8 && b.get(8) == '{';
        } catch (IOException e) {
            return false;
        }
    }

    /** IEEE 754 half precision to float (Float.float16ToFloat is Java 20+). */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16, exp = (h >>> 10) & 0x1f, mant = h & 0x3ff;
        if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13)); // inf / NaN
        if (exp == 0) {
            // subnormal (or zero): mant * 2^-24
            float f = mant * 0x1p-24f;
            return sign != 0 ? -f : f;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
