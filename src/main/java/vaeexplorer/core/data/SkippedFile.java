package vaeexplorer.core.data;

/**
 * A file in a user's folder that did not become an image, with the reason in plain words (for example "not an image
 * file" or "corrupt or unsupported image (...)").
 *
 * @param path   the file's path
 * @param reason why it was skipped
 */
public record SkippedFile(String path, String reason) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
