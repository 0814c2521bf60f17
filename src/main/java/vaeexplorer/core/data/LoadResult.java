package vaeexplorer.core.data;

import java.util.List;

/**
 * What {@link DataSources#load} produced: the data and the files that were skipped (empty for built-in, IDX and CSV
 * data, which either load completely or fail).
 */
public record LoadResult(DataSplit split, List<SkippedFile> skipped) {
    public LoadResult {
        skipped = List.copyOf(skipped);
    }
}
