package vaeexplorer.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

import vaeexplorer.core.data.BuiltInDatasets;

/**
 * A data set the user can pick: one of the built-in ones, an IDX folder, or the user's own images (a folder of image
 * files or a CSV file) with the options they are loaded with.
 *
 * @param folder  the IDX folder, image folder or CSV file (absolute), or null for a built-in set
 * @param options how the user's images are loaded; null for built-in sets and IDX folders
 */
public record DatasetChoice(String label, String builtIn, Path folder, ImportOptions options) {
    public static final DatasetChoice MNIST = new DatasetChoice("MNIST digits", BuiltInDatasets.MNIST, null);
    public static final DatasetChoice FASHION = new DatasetChoice("Fashion-MNIST", BuiltInDatasets.FASHION_MNIST, null);

    /** Where the data comes from. */
    public enum Kind { BUILT_IN, IDX, IMAGES, CSV }

    public DatasetChoice {
        Objects.requireNonNull(label);
        if ((builtIn == null) == (folder == null)) throw new IllegalArgumentException("built-in name or folder, not both");
        if (builtIn != null && options != null) throw new IllegalArgumentException("built-in sets take no options");
    }

    /** A built-in set or an IDX folder. */
    public DatasetChoice(String label, String builtIn, Path folder) {
        this(label, builtIn, folder, null);
    }

    public static DatasetChoice folder(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return new DatasetChoice("Folder: " + name(abs), null, abs);
    }

    /** A folder of image files (subfolders are classes). */
    public static DatasetChoice images(Path dir, ImportOptions options) {
        Path abs = dir.toAbsolutePath().normalize();
        return new DatasetChoice("Images: " + name(abs) + " (" + options.side() + "×" + options.side() + ")", null, abs,
                Objects.requireNonNull(options));
    }

    /** A CSV file of images, one per line. */
    public static DatasetChoice csv(Path file, ImportOptions options) {
        Path abs = file.toAbsolutePath().normalize();
        return new DatasetChoice("CSV: " + name(abs), null, abs, Objects.requireNonNull(options));
    }

    /** The built-in set with this name, if there is one. */
    public static DatasetChoice builtIn(String name) {
        return name.equals(BuiltInDatasets.FASHION_MNIST) ? FASHION : name.equals(BuiltInDatasets.MNIST) ? MNIST : null;
    }

    public Kind kind() {
        if (builtIn != null) return Kind.BUILT_IN;
        if (options == null) return Kind.IDX;
        return folder.getFileName() != null && folder.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                ? Kind.CSV : Kind.IMAGES;
    }

    /** The built-in name or the path, as the CLI and session files name data sets. */
    public String spec() {
        return builtIn != null ? builtIn : folder.toString();
    }

    /** A short name for file names: "mnist", "photos", "faces" (for faces.csv). */
    public String shortName() {
        String s = builtIn != null ? builtIn : name(folder);
        if (kind() == Kind.CSV && s.toLowerCase(Locale.ROOT).endsWith(".csv")) s = s.substring(0, s.length() - 4);
        s = s.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return s.isEmpty() ? "data" : s;
    }

    private static String name(Path abs) {
        Path name = abs.getFileName();
        return String.valueOf(name == null ? abs : name);
    }

    @Override
    public String toString() {
        return label;
    }
}
