package vaeexplorer.core.data.images;

/**
 * A decoded greyscale image of any size: luminance bytes 0 (black) to 255 (white), row-major.
 *
 * @param pixels width * height bytes; not copied
 */
public record GreyImage(int width, int height, byte[] pixels) {
    public GreyImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image size " + width + "x" + height);
        if (pixels.length != (long) width * height)
            throw new IllegalArgumentException(pixels.length + " pixels for a " + width + "x" + height + " image");
    }

    /** The luminance at (x, y), 0..255. */
    public int get(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }
}
