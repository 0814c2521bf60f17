package vaeexplorer.core.data;

/**
 * Receives loading progress. Called on the loading thread (a UI must hand it over to its own thread); {@code done}
 * grows from 0 to {@code total}, and the last call of a successful load has {@code done == total}. The unit depends on
 * the source (files, images, bytes); only the ratio is meaningful.
 */
@FunctionalInterface
public interface LoadProgress {
    /** Ignores all progress. */
    LoadProgress NONE = (done, total) -> { };

    void update(long done, long total);
}
