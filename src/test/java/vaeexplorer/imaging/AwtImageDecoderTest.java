package vaeexplorer.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vaeexplorer.core.data.images.GreyImage;

class AwtImageDecoderTest {
    @TempDir
    Path dir;
    final AwtImageDecoder decoder = new AwtImageDecoder();

    @Test
    void colourPixelsBecomeTheirLuminance() throws IOException {
        BufferedImage im = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
        im.setRGB(0, 0, 0xFF0000);
        im.setRGB(1, 0, 0x00FF00);
        im.setRGB(2, 0, 0x0000FF);
        im.setRGB(3, 0, 0xFFFFFF);
        GreyImage g = decoder.decode(TestImages.write(im, "png", dir.resolve("rgb.png")));
        assertEquals(4, g.width());
        assertEquals(1, g.height());
        assertEquals(76, g.get(0, 0));
        assertEquals(150, g.get(1, 0));
        assertEquals(29, g.get(2, 0));
        assertEquals(255, g.get(3, 0));
    }

    @Test
    void greyImagesKeepTheirStoredLevels() throws IOException {
        BufferedImage im = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
        int[] levels = {0, 64, 128, 200};
        for (int x = 0; x < 4; x++) im.getRaster().setSample(x, 0, 0, levels[x]);
        GreyImage g = decoder.decode(TestImages.write(im, "png", dir.resolve("grey.png")));
        for (int x = 0; x < 4; x++) assertEquals(levels[x], g.get(x, 0));
    }

    @Test
    void transparentPixelsAreBlendedOverWhite() throws IOException {
        BufferedImage im = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        im.setRGB(0, 0, 0x00000000); // fully transparent black
        im.setRGB(1, 0, 0x80000000); // half transparent black
        im.setRGB(2, 0, 0xFF000000); // opaque black
        GreyImage g = decoder.decode(TestImages.write(im, "png", dir.resolve("alpha.png")));
        assertEquals(255, g.get(0, 0));
        assertEquals(127, g.get(1, 0), 1);
        assertEquals(0, g.get(2, 0));
    }

    @Test
    void jpegBmpAndGifAreRead() throws IOException {
        BufferedImage im = TestImages.blob(40, 30, Color.WHITE, Color.BLACK);
        for (String format : new String[] {"jpg", "bmp", "gif"}) {
            GreyImage g = decoder.decode(TestImages.write(im, format, dir.resolve("blob." + format)));
            assertEquals(40, g.width(), format);
            assertEquals(30, g.height(), format);
            assertTrue(g.get(0, 0) > 240, format + " background is light");
            assertTrue(g.get(20, 15) < 15, format + " centre is dark");
        }
    }

    @Test
    void corruptPngIsRefusedWithAReason() throws IOException {
        byte[] png = Files.readAllBytes(TestImages.write(TestImages.blob(30, 30, Color.WHITE, Color.RED), "png",
                dir.resolve("ok.png")));
        byte[] broken = Arrays.copyOf(png, png.length / 2);
        for (int i = 60; i < broken.length; i++) broken[i] ^= 0x33;
        Path f = Files.write(dir.resolve("broken.png"), broken);
        IOException e = assertThrows(IOException.class, () -> decoder.decode(f));
        assertTrue(e.getMessage().startsWith("corrupt"), e.getMessage());
    }

    @Test
    void nonImageFileIsRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("fake.png"), "just text");
        IOException e = assertThrows(IOException.class, () -> decoder.decode(f));
        assertEquals("not a PNG, JPEG, BMP or GIF image", e.getMessage());
        assertThrows(IOException.class, () -> decoder.decode(dir.resolve("missing.png")));
    }

    @Test
    void hugeImageIsRefusedBeforeDecoding() throws IOException {
        byte[] png = Files.readAllBytes(TestImages.write(TestImages.blob(8, 8, Color.WHITE, Color.RED), "png",
                dir.resolve("small.png")));
        ByteBuffer b = ByteBuffer.wrap(png); // IHDR: length at 8, type at 12, width at 16, height at 20, CRC at 29
        b.putInt(16, 60_000).putInt(20, 60_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        Path f = Files.write(dir.resolve("huge.png"), png);
        IOException e = assertThrows(IOException.class, () -> decoder.decode(f));
        assertTrue(e.getMessage().contains("60000x60000"), e.getMessage());
    }

    @Test
    void onlyRegularFilesAreOpened() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.png"));
        IOException e = assertThrows(IOException.class, () -> new AwtImageDecoder().decode(folder));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        Path fifo = dir.resolve("pipe.png");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException noMkfifo) {
            made = false;
        }
        if (made) { // opening it would block until a writer comes
            IOException f = assertThrows(IOException.class, () -> new AwtImageDecoder().decode(fifo));
            assertTrue(f.getMessage().contains("not a regular file"), f.getMessage());
        }
    }
}
