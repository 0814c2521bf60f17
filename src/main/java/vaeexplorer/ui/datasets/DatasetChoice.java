package vaeexplorer.ui.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import vaeexplorer.core.data.BuiltInDatasets;

import vaeexplorer.ui.i18n.I18n;

/**
 * A data set the user can pick: one of the built-in ones, an IDX folder, or the user's own images (a folder of image
 * files or a CSV file) with the options they are loaded with. {@code label} is its English name, kept in session files
 * and part of its identity; {@link #displayName()} (and {@link #toString()}, so a combo box shows it) is the name in
 * the UI's language.
 *
 * @param folder  the IDX folder, image folder or CSV file (absolute), or null for a built-in set
 * @param options how the user's images are loaded; null for built-in sets and IDX folders
 */
public record DatasetChoice(String label, String builtIn, Path folder, ImportOptions options) {
    public static final DatasetChoice MNIST = new DatasetChoice("MNIST digits", BuiltInDatasets.MNIST, null);
    public static final DatasetChoice FASHION = new DatasetChoice("Fashion-MNIST", BuiltInDatasets.FASHION_MNIST, null);

    /** The keys of Fashion-MNIST's class names are this and the label, 0 to 9. */

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
        return new DatasetChoice(englishLabel(Kind.IDX, abs, null), null, abs);
    }

    /** A folder of image files (subfolders are classes). */
    public static DatasetChoice images(Path dir, ImportOptions options) {
        Path abs = dir.toAbsolutePath().normalize();
        return new DatasetChoice(englishLabel(Kind.IMAGES, abs, Objects.requireNonNull(options)), null, abs, options);
    }

    /** A CSV file of images, one per line. */
    public static DatasetChoice csv(Path file, ImportOptions options) {
        Path abs = file.toAbsolutePath().normalize();
        return new DatasetChoice(englishLabel(Kind.CSV, abs, Objects.requireNonNull(options)), null, abs, options);
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

    /**
     * The name shown to the user, in the UI's language: "MNIST 手写数字", "文件夹:digits", ... A label given by hand
     * (not the one the factories make) is shown as it is.
     */
    public String displayName() {
        if (builtIn != null) {
            return builtIn.equals(BuiltInDatasets.MNIST) ? I18n.get("dataset.mnist")
                    : builtIn.equals(BuiltInDatasets.FASHION_MNIST) ? I18n.get("dataset.fashion") : label;
        }
        Kind k = kind();
        if (!label.equals(englishLabel(k, folder, options))) return label;
        return switch (k) {
            case IDX -> I18n.format("dataset.folder", name(folder));
            case IMAGES -> I18n.format("dataset.images", name(folder), options.side(), options.side());
            case CSV -> I18n.format("dataset.csv", name(folder));
            case BUILT_IN -> label;
        };
    }

    /** The label the factories give (English, as session files keep it). */
    private static String englishLabel(Kind kind, Path abs, ImportOptions options) {
        return switch (kind) {
            case IDX -> "Folder: " + name(abs);
            case IMAGES -> "Images: " + name(abs) + " (" + options.side() + "×" + options.side() + ")";
            case CSV -> "CSV: " + name(abs);
            case BUILT_IN -> "";
        };
    }

    private static String name(Path abs) {
        Path name = abs.getFileName();
        return String.valueOf(name == null ? abs : name);
    }

    /** The {@link #displayName()}. */
    @Override
    public String toString() {
        return displayName();
    }
}
