package vaeexplorer.core.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import vaeexplorer.core.data.idx.IdxFolder;
import vaeexplorer.core.data.images.ImageFolderLoader;

/**
 * The one way the CLI and the UI load data. A spec is one of:
 * <ul>
 * <li>{@code mnist} or {@code fashion-mnist}: a {@link BuiltInDatasets built-in} set (these names win over a folder
 * of the same name; write {@code ./mnist} for the folder);</li>
 * <li>a folder holding the standard IDX files: an {@link IdxFolder};</li>
 * <li>any other folder: an {@link ImageFolderLoader image folder};</li>
 * <li>a file ending in {@code .csv}: a {@link CsvLoader CSV file}.</li>
 * </ul>
 */
public final class DataSources {
    private DataSources() {
    }

    /**
     * Loads the data named by spec.
     *
     * @param options   how users' images are loaded; the decoder is needed only for image folders
     * @param progress  told how far loading has come, on the calling thread
     * @param cancelled polled while loading; once true, loading stops with {@link LoadCancelledException}
     * @throws DataException with a message for the user, such as {@code no such file or folder: ...}
     */
    public static LoadResult load(String spec, LoadOptions options, LoadProgress progress, BooleanSupplier cancelled)
            throws DataException {
        if (BuiltInDatasets.isBuiltIn(spec))
            return new LoadResult(BuiltInDatasets.load(spec, progress, cancelled), List.of());
        Path path;
        try {
            path = Path.of(spec);
        } catch (InvalidPathException e) {
            throw new DataException(DataProblem.INVALID_NAME, spec);
        }
        if (spec.isBlank() || !Files.exists(path)) throw new DataException(DataProblem.NO_SUCH_FILE_OR_FOLDER, spec);
        if (Files.isDirectory(path)) {
            if (IdxFolder.looksLikeIdxFolder(path))
                return IdxFolder.open(path, progress, cancelled);
            return ImageFolderLoader.load(path, options, progress, cancelled);
        }
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
            return CsvLoader.load(path, options, progress, cancelled);
        throw new DataException(DataProblem.NOT_A_DATA_SET, spec, String.join(", ", BuiltInDatasets.NAMES));
    }
}
