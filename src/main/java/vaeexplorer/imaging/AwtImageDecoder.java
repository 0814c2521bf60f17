package vaeexplorer.imaging;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import vaeexplorer.core.data.DataProblem;
import vaeexplorer.core.data.images.GreyImage;
import vaeexplorer.core.data.images.ImageDecodeException;
import vaeexplorer.core.data.images.ImageDecoder;

/**
 * Decodes PNG, JPEG, BMP and GIF files (the first frame) with {@code javax.imageio} into greyscale luminance: Y = 0.299
 * R + 0.587 G + 0.114 B on the sRGB values (greyscale images keep their stored grey levels). Transparent pixels are
 * blended over white (so dark strokes on a transparent background stay dark on light). Images above
 * {@value #MAX_PIXELS} pixels are refused from their header, before any pixel memory is allocated; only regular files
 * are opened (a FIFO would block), through NIO so that any name the file system holds can be read. Stateless: one instance may be shared by threads.
 */
public final class AwtImageDecoder implements ImageDecoder {
    /** Largest image decoded, in pixels (width x height). */
    public static final long MAX_PIXELS = 100_000_000L;

    @Override
    public GreyImage decode(Path file) throws IOException {
        try {
            if (!Files.readAttributes(file, BasicFileAttributes.class).isRegularFile())
                throw new IOException("not a regular file (a folder, FIFO, device or socket), not opened");
        } catch (NoSuchFileException e) {
            throw new ImageDecodeException(DataProblem.IMAGE_NO_SUCH_FILE);
        }
        // NIO stream, not file.toFile(): java.io cannot open names the platform encoding cannot spell (C locale);
        // a memory cache, not ImageIO's default temp-file cache
        try (InputStream raw = Files.newInputStream(file);
             ImageInputStream in = new MemoryCacheImageInputStream(new BufferedInputStream(raw, 1 << 16))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new ImageDecodeException(DataProblem.IMAGE_UNKNOWN_FORMAT);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0), h = reader.getHeight(0);
                if (w * h > MAX_PIXELS)
                    throw new ImageDecodeException(DataProblem.IMAGE_TOO_LARGE, w, h, MAX_PIXELS / 1_000_000);
                BufferedImage image = reader.read(0);
                return toGrey(image);
            } finally {
                reader.dispose();
            }
        } catch (NoSuchFileException e) {
            throw new ImageDecodeException(DataProblem.IMAGE_NO_SUCH_FILE);
        } catch (IIOException e) {
            throw new ImageDecodeException(e, DataProblem.IMAGE_CORRUPT_OR_UNSUPPORTED, plain(e));
        } catch (RuntimeException e) { // image readers throw these on some corrupt files
            throw new ImageDecodeException(e, DataProblem.IMAGE_CORRUPT, plain(e));
        }
    }

    /** The luminance of image, transparent parts blended over white. */
    static GreyImage toGrey(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        byte[] out = new byte[w * h];
        ColorModel cm = image.getColorModel();
        if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel)) {
            // getRGB would apply a gamma conversion to grey images: read the stored grey levels instead
            Raster r = image.getRaster();
            int greyMax = (1 << cm.getComponentSize(0)) - 1;
            int alphaMax = cm.hasAlpha() ? (1 << cm.getComponentSize(1)) - 1 : 1;
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                    double g = r.getSample(x, y, 0) * 255.0 / greyMax;
                    double a = cm.hasAlpha() ? r.getSample(x, y, 1) / (double) alphaMax : 1;
                    out[y * w + x] = (byte) Math.round(g * a + 255 * (1 - a));
                }
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int argb = row[x];
                    double a = (argb >>> 24) / 255.0;
                    double lum = 0.299 * (argb >> 16 & 0xFF) + 0.587 * (argb >> 8 & 0xFF) + 0.114 * (argb & 0xFF);
                    out[y * w + x] = (byte) Math.round(lum * a + 255 * (1 - a));
                }
            }
        }
        return new GreyImage(w, h, out);
    }

    private static String plain(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
