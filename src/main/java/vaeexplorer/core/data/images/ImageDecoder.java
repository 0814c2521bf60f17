package vaeexplorer.core.data.images;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns an image file into greyscale luminance. Core code has no imaging library of its own: the app passes an
 * implementation ({@code vaeexplorer.imaging.AwtImageDecoder}) in {@link vaeexplorer.core.data.LoadOptions}.
 */
@FunctionalInterface
public interface ImageDecoder {
    /**
     * Decodes one image file.
     *
     * @throws IOException when the file is not a readable image; the message is a short reason in plain words (the
     *                     loader lists it next to the file)
     */
    GreyImage decode(Path file) throws IOException;
}
