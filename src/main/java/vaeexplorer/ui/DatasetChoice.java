package vaeexplorer.ui;

import java.nio.file.Path;
import java.util.Objects;

import vaeexplorer.core.data.BuiltInDatasets;

/** A data set the user can pick: one of the built-in ones, or an IDX folder. */
public record DatasetChoice(String label, String builtIn, Path folder) {
    public static final DatasetChoice MNIST = new DatasetChoice("MNIST digits", BuiltInDatasets.MNIST, null);
    public static final DatasetChoice FASHION = new DatasetChoice("Fashion-MNIST", BuiltInDatasets.FASHION_MNIST, null);

    public DatasetChoice {
        Objects.requireNonNull(label);
        if ((builtIn == null) == (folder == null)) throw new IllegalArgumentException("built-in name or folder, not both");
    }

    public static DatasetChoice folder(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path name = abs.getFileName();
        return new DatasetChoice("Folder: " + (name == null ? abs : name), null, abs);
    }

    @Override
    public String toString() {
        return label;
    }
}
