package vaeexplorer.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path dir;

    /** A file made by hand: the length field (as given), the header text, then the data bytes. */
    private Path file(long headerLen, String header, byte[] data) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, headerLen).array());
        o.write(header.getBytes(StandardCharsets.UTF_8));
        o.write(data);
        Path f = dir.resolve("t" + System.nanoTime() + ".safetensors");
        Files.write(f, o.toByteArray());
        return f;
    }

    private Path file(String header, byte[] data) throws Exception {
        return file(header.getBytes(StandardCharsets.UTF_8).length, header, data);
    }

    private static byte[] f32(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    private String refused(Path f) {
        return assertThrows(FileFormatException.class, () -> SafeTensors.read(f)).getMessage();
    }

    @Test
    void writeThenReadGivesTheSameTensorsAndMetadata() throws Exception {
        Path f = dir.resolve("m.safetensors");
        SafeTensors.write(f, List.of(new SafeTensors.Tensor("a.weight", new int[] {2, 3}, new float[] {1, -2, 3.5f, 0, 1e-7f, 9}),
                new SafeTensors.Tensor("a.bias", new int[] {2}, new float[] {0.25f, -0.5f})),
                Map.of("latent", "2", "quote\"d", "line\nbreak"));
        SafeTensors.Contents c = SafeTensors.read(f);
        assertEquals(List.of("a.weight", "a.bias"), List.copyOf(c.tensors().keySet()));
        assertArrayEquals(new int[] {2, 3}, c.tensors().get("a.weight").shape());
        assertArrayEquals(new float[] {1, -2, 3.5f, 0, 1e-7f, 9}, c.tensors().get("a.weight").values());
        assertArrayEquals(new float[] {0.25f, -0.5f}, c.tensors().get("a.bias").values());
        assertEquals("line\nbreak", c.metadata().get("quote\"d"));
        long headerLen = ByteBuffer.wrap(Files.readAllBytes(f), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLen % 8, "the header is padded to 8 bytes");
        assertTrue(SafeTensors.looksLike(f));
    }

    @Test
    void readsF16AndBf16() throws Exception {
        // F16: 1.0 = 0x3c00, -2.0 = 0xc000, 0.5 = 0x3800, smallest subnormal 2^-24 = 0x0001
        ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort((short) 0x3c00).putShort((short) 0xc000).putShort((short) 0x3800).putShort((short) 0x0001);
        // BF16: the top 16 bits of the F32: 1.0 = 0x3f80, -3.0 = 0xc040
        ByteBuffer bf = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        bf.putShort((short) 0x3f80).putShort((short) 0xc040);
        byte[] data = new byte[12];
        System.arraycopy(h.array(), 0, data, 0, 8);
        System.arraycopy(bf.array(), 0, data, 8, 4);
        Path f = file("{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[8,12]}}", data);
        SafeTensors.Contents c = SafeTensors.read(f);
        assertArrayEquals(new float[] {1, -2, 0.5f, 0x1p-24f}, c.tensors().get("h").values());
        assertArrayEquals(new float[] {1, -3}, c.tensors().get("b").values());
        assertTrue(c.metadata().isEmpty());
    }

    @Test
    void halfPrecisionMatchesTheStandardOverEveryBitPattern() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float f = SafeTensors.halfToFloat((short) bits);
            int exp = (bits >>> 10) & 0x1f;
            if (exp == 0x1f) {
                assertTrue(Float.isNaN(f) || Float.isInfinite(f));
                continue;
            }
            double mant = bits & 0x3ff;
            double expected = exp == 0 ? mant * Math.pow(2, -24) : (1 + mant / 1024) * Math.pow(2, exp - 15);
            if ((bits & 0x8000) != 0) expected = -expected;
            assertEquals(expected, f, 0, "bits " + Integer.toHexString(bits));
        }
    }

    @Test
    void aHeaderLongerThanTheFileIsRefusedBeforeAllocating() throws Exception {
        String msg = refused(file(1L << 40, "{}", new byte[0]));
        assertTrue(msg.contains("header claims 1099511627776 bytes") && msg.contains("file has 2"), msg);
        // a negative length (u64 above 2^63) too
        assertTrue(refused(file(-5, "{}", new byte[0])).contains("header claims 18446744073709551611"));
    }

    @Test
    void aHeaderOverTheLimitIsRefusedEvenIfTheFileIsThatLong() throws Exception {
        Path f = dir.resolve("big.safetensors");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(f,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, SafeTensors.MAX_HEADER_BYTES + 1));
            ch.write(ByteBuffer.wrap(new byte[] {'{'}), SafeTensors.MAX_HEADER_BYTES + 20); // sparse file
        }
        assertTrue(refused(f).contains("at most " + SafeTensors.MAX_HEADER_BYTES));
    }

    @Test
    void tooShortAndMissingFiles() throws Exception {
        Path f = dir.resolve("short.safetensors");
        Files.write(f, new byte[] {1, 2, 3});
        assertTrue(refused(f).contains("only 3 bytes"));
        assertTrue(refused(dir.resolve("nope.safetensors")).contains("no such file"));
        assertFalse(SafeTensors.looksLike(f));
    }

    @Test
    void badJsonIsRefusedWithWhere() throws Exception {
        assertTrue(refused(file("{\"a\":{\"dtype\":\"F32\",}", new byte[0])).contains("not valid JSON"));
        assertTrue(refused(file("[1,2]", new byte[0])).contains("not a JSON object"));
        String nan = refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[NaN],\"data_offsets\":[0,4]}}", new byte[4]));
        assertTrue(nan.contains("not valid JSON") && nan.contains("character"), nan);
        assertTrue(refused(file("{\"a\":1,\"a\":2}", new byte[0])).contains("duplicate key \"a\""));
        byte[] notUtf8 = {'{', '"', (byte) 0xff, '"', ':', '1', '}'};
        Path f = dir.resolve("latin.safetensors");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, notUtf8.length).array());
        o.write(notUtf8);
        Files.write(f, o.toByteArray());
        assertTrue(refused(f).contains("not UTF-8"));
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 5000; i++) deep.append('[');
        assertTrue(refused(file("{\"a\":" + deep + "}", new byte[0])).contains("nested more than"));
    }

    @Test
    void offsetsPastTheEndAreRefused() throws Exception {
        String msg = refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", f32(1, 2)));
        assertTrue(msg.contains("tensor w") && msg.contains("[0, 16] run past the end of the data (8 bytes)"), msg);
    }

    @Test
    void aShapeThatDoesNotMatchTheBytesIsRefused() throws Exception {
        String msg = refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", f32(1, 2)));
        assertTrue(msg.contains("tensor w: F32 [3] needs 12 bytes, but data_offsets [0, 8] give 8"), msg);
        // a huge shape over a tiny file: refused by arithmetic, nothing allocated
        String huge = refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647,8],\"data_offsets\":[0,8]}}",
                f32(1, 2)));
        assertTrue(huge.contains("needs more bytes than the file's 8 bytes"), huge);
        assertTrue(refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}", new byte[0]))
                .contains("whole numbers >= 0"));
    }

    @Test
    void overlappingTensorsAreRefused() throws Exception {
        String msg = refused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", f32(1, 2, 3)));
        assertTrue(msg.contains("tensors a (bytes 0..8) and b (bytes 4..12) overlap"), msg);
    }

    @Test
    void unknownDtypesAndFieldsAreRefused() throws Exception {
        assertTrue(refused(file("{\"w\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]))
                .contains("tensor w: dtype I64 is not supported (F32, F16 and BF16 are read)"));
        assertTrue(refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}", new byte[4]))
                .contains("unexpected field \"x\""));
        assertTrue(refused(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4]}}", new byte[4]))
                .contains("data_offsets must be [begin, end]"));
        assertTrue(refused(file("{\"__metadata__\":{\"latent\":2}}", new byte[0])).contains("\"latent\" must be a string"));
    }

    @Test
    void nanAndInfiniteValuesAreRefusedWithTheirTensorAndIndex() throws Exception {
        String msg = refused(file("{\"fc1.weight\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]}}",
                f32(1, Float.NaN, 2)));
        assertTrue(msg.contains("tensor fc1.weight holds NaN at element 1"), msg);
        assertTrue(refused(file("{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
                f32(Float.NEGATIVE_INFINITY))).contains("-Infinity at element 0"));
    }

    @Test
    void truncatedDataIsRefused() throws Exception {
        Path f = file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", f32(1));
        assertTrue(refused(f).contains("run past the end of the data (4 bytes)"));
    }
}
