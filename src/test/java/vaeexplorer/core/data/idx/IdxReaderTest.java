package vaeexplorer.core.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.IdxBytes;

class IdxReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] data) {
        return IdxBytes.write(dir.resolve(name), data);
    }

    private DataException imageError(byte[] data) {
        Path f = file("train-images-idx3-ubyte.gz", data);
        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(f));
        assertTrue(e.getMessage().startsWith(f + ": "), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().indexOf('\n') < 0, "one line: " + e.getMessage());
        return e;
    }

    private static void assertMentions(DataException e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
    }

    @Test
    void rawImageFileIsRead() throws DataException {
        byte[] data = IdxBytes.images(3, 2, 4);
        IdxReader.Images im = IdxReader.readImages(file("raw", data));
        assertEquals(3, im.count());
        assertEquals(2, im.rows());
        assertEquals(4, im.cols());
        assertArrayEquals(Arrays.copyOfRange(data, 16, data.length), im.pixels());
    }

    @Test
    void gzipImageFileIsRecognisedByContentNotName() throws DataException {
        byte[] data = IdxBytes.images(5, 28, 28);
        IdxReader.Images im = IdxReader.readImages(file("images.raw", IdxBytes.gzip(data)));
        assertEquals(5, im.count());
        assertArrayEquals(Arrays.copyOfRange(data, 16, data.length), im.pixels());
    }

    @Test
    void largeGzipImageFileIsReadCompletely() throws DataException {
        byte[] data = IdxBytes.images(12_000, 28, 28); // more than the first read chunk
        IdxReader.Images im = IdxReader.readImages(file("big.gz", IdxBytes.gzip(data)));
        assertEquals(12_000, im.count());
        assertArrayEquals(Arrays.copyOfRange(data, 16, data.length), im.pixels());
    }

    @Test
    void concatenatedGzipMembersAreOneFile() throws DataException {
        byte[] data = IdxBytes.images(4, 3, 3);
        byte[] twoMembers = IdxBytes.concat(IdxBytes.gzip(Arrays.copyOf(data, 20)),
                IdxBytes.gzip(Arrays.copyOfRange(data, 20, data.length)));
        IdxReader.Images im = IdxReader.readImages(file("two.gz", twoMembers));
        assertArrayEquals(Arrays.copyOfRange(data, 16, data.length), im.pixels());
    }

    @Test
    void imagesAreReadFromAStream() throws DataException {
        byte[] data = IdxBytes.images(2, 5, 5);
        IdxReader.Images im = IdxReader.readImages(new ByteArrayInputStream(IdxBytes.gzip(data)), "resource");
        assertEquals(2, im.count());
    }

    @Test
    void labelFileIsRead() throws DataException {
        assertArrayEquals(new int[] {0, 9, 3, 254}, IdxReader.readLabels(file("l", IdxBytes.labels(0, 9, 3, 254))));
        assertArrayEquals(new int[] {7, 1}, IdxReader.readLabels(file("l.gz", IdxBytes.gzip(IdxBytes.labels(7, 1)))));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 10, 15, 16, 17, 100, 16 + 3 * 28 * 28 - 1})
    void truncatedImageFileIsRejectedWithItsName(int length) {
        byte[] whole = IdxBytes.images(3, 28, 28);
        DataException raw = imageError(Arrays.copyOf(whole, length));
        DataException gz = imageError(IdxBytes.gzip(Arrays.copyOf(whole, length)));
        for (DataException e : new DataException[] {raw, gz}) {
            if (length < 16) assertMentions(e, "ends inside the IDX header");
            else assertMentions(e, "header says 3 images of 28x28 but the file holds " + length + " bytes");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 10, 30, 200})
    void truncatedGzipStreamIsRejected(int cut) {
        byte[] gz = IdxBytes.gzip(IdxBytes.images(20, 28, 28));
        DataException e = imageError(Arrays.copyOf(gz, gz.length - cut));
        assertMentions(e, "ends early");
    }

    @Test
    void emptyFileIsRejected() {
        assertMentions(imageError(new byte[0]), "empty");
    }

    @Test
    void nonGzipGarbageIsRejected() {
        DataException e = imageError("hello, this is not an IDX file at all".getBytes(StandardCharsets.US_ASCII));
        assertMentions(e, "not an IDX or gzip file", "68 65 6C 6C");
    }

    @Test
    void corruptGzipDataIsRejected() {
        byte[] gz = IdxBytes.gzip(IdxBytes.images(20, 28, 28));
        for (int i = 20; i < gz.length - 20; i += 7) gz[i] ^= (byte) 0x5A;
        assertMentions(imageError(gz), "gzip");
    }

    @Test
    void gzipChecksumMismatchIsRejected() {
        byte[] gz = IdxBytes.gzip(IdxBytes.images(2, 4, 4));
        gz[gz.length - 8] ^= 1; // stored CRC
        assertMentions(imageError(gz), "checksum");
    }

    @Test
    void trailingGarbageAfterGzipDataIsRejected() {
        byte[] gz = IdxBytes.concat(IdxBytes.gzip(IdxBytes.images(2, 4, 4)), "junk".getBytes(StandardCharsets.US_ASCII));
        assertMentions(imageError(gz), "after the end of the gzip data");
    }

    @Test
    void dataBeyondWhatTheHeaderDeclaresIsRejected() {
        byte[] moreData = IdxBytes.images(2, 4, 4, 3);
        assertMentions(imageError(moreData), "more than its header says 2 images of 4x4");
        assertMentions(imageError(IdxBytes.gzip(moreData)), "more data than its header says 2 images of 4x4");
    }

    @Test
    void labelFileWhereImagesWereExpectedIsRejected() {
        assertMentions(imageError(IdxBytes.labels(1, 2, 3)), "IDX label file (magic 2049)", "expected an image file");
        assertMentions(imageError(IdxBytes.gzip(IdxBytes.labels(1, 2, 3))), "IDX label file");
    }

    @Test
    void imageFileWhereLabelsWereExpectedIsRejected() {
        Path f = file("labels", IdxBytes.images(2, 4, 4));
        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(f));
        assertMentions(e, f.toString(), "IDX image file (magic 2051)", "expected a label file");
    }

    @Test
    void unsupportedIdxDataTypeIsRejected() {
        byte[] floats = IdxBytes.images(1, 2, 2);
        floats[2] = 0x0D;
        assertMentions(imageError(floats), "data type 0x0D is not supported");
    }

    @Test
    void headerClaimingTwoBillionImagesIsRejectedWithoutRunningOutOfMemory() {
        byte[] lie = IdxBytes.images(2_000_000_000, 28, 28, 10_000);
        assertMentions(imageError(lie), "header says 2000000000 images of 28x28 but the file holds 7840016 bytes");
        assertMentions(imageError(IdxBytes.gzip(lie)),
                "header says 2000000000 images of 28x28 but the file holds 7840016 bytes");
    }

    @Test
    void headerClaimingAFewMoreImagesThanGzipHoldsIsRejected() {
        byte[] lie = IdxBytes.images(1_000_000, 28, 28, 100); // within the memory cap: read until the data runs out
        assertMentions(imageError(IdxBytes.gzip(lie)), "header says 1000000 images of 28x28 but the file holds 78416");
    }

    @Test
    void hugeImageSizeIsRejected() {
        DataException e = imageError(IdxBytes.images(1, 65535, 65535, 0));
        assertMentions(e, "65535x65535", "4096x4096");
        assertMentions(imageError(IdxBytes.gzip(IdxBytes.images(1, 65535, 65535, 0))), "65535x65535");
    }

    @Test
    void headerCountAboveTheMemoryLimitIsRejectedEvenWhenTheDataIsThere() {
        byte[] gz = IdxBytes.gzip(IdxBytes.images(100, 28, 28));
        DataException e = assertThrows(DataException.class,
                () -> IdxReader.readImages(new ByteArrayInputStream(gz), "big.gz", 50_000));
        assertMentions(e, "big.gz: header says 100 images of 28x28: more than the 50000 bytes of images");
    }

    @Test
    void zeroImagesAreRejected() {
        assertMentions(imageError(IdxBytes.images(0, 28, 28)), "holds no images");
    }

    @Test
    void zeroSizeImagesAreRejected() {
        assertMentions(imageError(IdxBytes.images(5, 0, 28)), "images of 0x28 pixels");
        assertMentions(imageError(IdxBytes.images(5, 28, 0)), "images of 28x0 pixels");
    }

    @Test
    void label255IsRejected() {
        Path f = file("l.gz", IdxBytes.gzip(IdxBytes.labels(1, 2, 255)));
        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(f));
        assertMentions(e, f.toString(), "label 255 of item 2 is out of range");
    }

    @Test
    void truncatedLabelFileIsRejected() {
        byte[] l = IdxBytes.labels(1, 2, 3, 4);
        Path f = file("l", Arrays.copyOf(l, l.length - 1));
        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(f));
        assertMentions(e, f.toString(), "header says 4 labels but the file holds 11 bytes");
    }

    @Test
    void missingFileIsRejected() {
        Path f = dir.resolve("nothing-here");
        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(f));
        assertMentions(e, f.toString(), "no such file");
    }
}
