package vaeexplorer.core.data.images;

import java.util.Arrays;

/**
 * Whether user images are inverted (v becomes 255 - v). The built-in data, like MNIST, is light ink on a dark
 * background (0 = background), while photos and scans are usually dark on light. Applies to image folders and CSV
 * files, image by image; IDX data is never inverted.
 */
public enum InvertMode {
    /** Invert an image when its border is mostly bright (median border value above 127), so backgrounds end dark. */
    AUTO,
    /** Invert every image. */
    ALWAYS,
    /** Keep luminance as it is. */
    NEVER;

    /** Applies this mode to the side x side image at pixels[off ..]; returns whether it inverted. */
    public boolean applyTo(byte[] pixels, int off, int side) {
        boolean invert = switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> SquareFitter.borderMedian(new GreyImage(side, side,
                    Arrays.copyOfRange(pixels, off, off + side * side))) > 127;
        };
        if (invert)
            for (int p = off; p < off + side * side; p++) pixels[p] = (byte) (255 - (pixels[p] & 0xFF));
        return invert;
    }
}
