package vaeexplorer.ui.datasets;

import vaeexplorer.core.data.LoadOptions;
import vaeexplorer.core.data.images.ImageDecoder;
import vaeexplorer.core.data.images.InvertMode;

/**
 * How the user's own images (an image folder or a CSV file) are loaded: the side of the square images (folders only;
 * CSV images keep their size), whether they are inverted, and the share held out for testing. The held-out choice is
 * seeded, so the same data and options always give the same split.
 */
public record ImportOptions(int side, InvertMode invert, double testFraction, long splitSeed) {
    public static final ImportOptions DEFAULTS = new ImportOptions(LoadOptions.DEFAULT_SIDE, InvertMode.AUTO,
            LoadOptions.DEFAULT_TEST_FRACTION, LoadOptions.DEFAULT_SEED);

    /** @throws IllegalArgumentException with a message for the user when a value is out of range */
    public ImportOptions {
        new LoadOptions(null, side, invert, testFraction, splitSeed); // checks the values
    }

    public ImportOptions(int side, InvertMode invert, double testFraction) {
        this(side, invert, testFraction, LoadOptions.DEFAULT_SEED);
    }

    public LoadOptions toLoadOptions(ImageDecoder decoder) {
        return new LoadOptions(decoder, side, invert, testFraction, splitSeed);
    }
}
