package vaeexplorer.core.data;

import vaeexplorer.core.data.images.ImageDecoder;
import vaeexplorer.core.data.images.InvertMode;

/**
 * How users' own data (image folders and CSV files) is loaded. Built-in and IDX data ignore these options: they come
 * with their own image size and train/test split and are never inverted.
 *
 * @param decoder      decodes image files (the app passes {@code new vaeexplorer.imaging.AwtImageDecoder()}); may be
 *                     null when no image folder will be loaded
 * @param side         images from a folder are fitted into side x side pixels ({@value #MIN_SIDE} to
 *                     {@value #MAX_SIDE}; CSV images keep the size the file gives them)
 * @param invert       whether images are inverted so the background is dark, as in MNIST
 * @param testFraction the share of images held out as test data (between 0 and 1, exclusive; at least one image is
 *                     held out and at least one kept for training)
 * @param seed         seed of the random held-out choice: the same data, fraction and seed give the same split
 */
public record LoadOptions(ImageDecoder decoder, int side, InvertMode invert, double testFraction, long seed) {
    public static final int DEFAULT_SIDE = 28;
    public static final int MIN_SIDE = 16;
    public static final int MAX_SIDE = 64;
    public static final double DEFAULT_TEST_FRACTION = 0.1;
    public static final long DEFAULT_SEED = 1;

    /** @throws IllegalArgumentException with a message for the user when side or testFraction is out of range */
    public LoadOptions {
        if (side < MIN_SIDE || side > MAX_SIDE)
            throw new IllegalArgumentException("the image size must be " + MIN_SIDE + " to " + MAX_SIDE
                    + " pixels, not " + side);
        if (!(testFraction > 0 && testFraction < 1))
            throw new IllegalArgumentException("the held-out test share must be between 0 and 1 (for example 0.1), not "
                    + testFraction);
        if (invert == null) throw new IllegalArgumentException("invert mode missing");
    }

    /** Side 28, {@link InvertMode#AUTO}, 10% held out, seed 1. */
    public static LoadOptions defaults(ImageDecoder decoder) {
        return new LoadOptions(decoder, DEFAULT_SIDE, InvertMode.AUTO, DEFAULT_TEST_FRACTION, DEFAULT_SEED);
    }

    /** These options with another image side. */
    public LoadOptions withSide(int newSide) {
        return new LoadOptions(decoder, newSide, invert, testFraction, seed);
    }

    /** These options with another invert mode. */
    public LoadOptions withInvert(InvertMode newInvert) {
        return new LoadOptions(decoder, side, newInvert, testFraction, seed);
    }

    /** These options with another held-out share. */
    public LoadOptions withTestFraction(double newTestFraction) {
        return new LoadOptions(decoder, side, invert, newTestFraction, seed);
    }

    /** These options with another split seed. */
    public LoadOptions withSeed(long newSeed) {
        return new LoadOptions(decoder, side, invert, testFraction, newSeed);
    }
}
