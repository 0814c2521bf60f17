package vaeexplorer.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Loads a folder of image files (PNG, JPEG, BMP, GIF; recognised by extension, case-insensitive).
 *
 * <p><b>Layout.</b> If the folder has subfolders, each subfolder is a class: its name is the class name, classes are
 * sorted by name, and the images anywhere below a class folder get its label. Otherwise the folder is flat and its
 * images are unlabelled. Hidden folders (name starting with ".") and {@code __MACOSX} are not read.
 *
 * <p><b>Skipped files.</b> Every file that does not become an image is listed in {@link LoadResult#skipped()} with a
 * reason, so the user can see it: image files that fail to decode (with the decoder's reason), files without an
 * image extension (such as {@code notes.txt} or {@code .DS_Store}), images lying next to the class folders of a
 * labelled folder, and unread hidden folders. Only decoding failures count towards "no readable images".
 *
 * <p><b>Images.</b> Each file is decoded to greyscale, fitted into {@code side x side} ({@link SquareFitter}: aspect
 * kept, padded with the border value), inverted per {@link InvertMode}, and stored as bytes before the next file is
 * decoded, so memory holds one full-size image at a time plus about twice {@code side * side} bytes per image. A
 * seeded share of the images is held out as test data ({@link LoadOptions#testFraction()}).
 *
 * <p><b>Progress and cancellation.</b> Progress counts image files decoded out of all image files; the cancel flag is
 * checked before each file, and cancelling throws {@link LoadCancelledException}.
 */
public final class ImageFolderLoader {
    /** The file extensions read as images, lower case. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    private ImageFolderLoader() {
    }

    /**
     * @throws DataException when the folder cannot be listed, holds no image files, none of them can be read, or
     *                       fewer than 2 can
     * @throws IllegalStateException when options carry no decoder
     */
    public static LoadResult load(Path dir, LoadOptions options, LoadProgress progress, BooleanSupplier cancelled)
            throws DataException {
        if (options.decoder() == null) throw new IllegalStateException("an image folder needs an image decoder");
        List<SkippedFile> skipped = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> fileLabels = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        int otherFiles = collect(dir, files, fileLabels, classes, skipped);
        if (files.isEmpty())
            throw otherFiles == 0 ? new DataException(DataProblem.FOLDER_EMPTY, dir)
                    : new DataException(otherFiles == 1 ? DataProblem.FOLDER_NO_IMAGES_ONE : DataProblem.FOLDER_NO_IMAGES,
                            dir, otherFiles, skipped.get(0).path());
        int side = options.side(), d = side * side;
        if ((long) files.size() * d > IdxReader.MAX_BYTES)
            throw new DataException(DataProblem.FOLDER_TOO_MANY_IMAGES, dir, files.size(), side, IdxReader.MAX_BYTES >> 20);
        byte[] pixels = new byte[files.size() * d];
        int[] labels = new int[files.size()];
        int used = 0, failed = 0;
        SkippedFile firstFailure = null;
        progress.update(0, files.size());
        for (int i = 0; i < files.size(); i++) {
            if (cancelled.getAsBoolean()) throw new LoadCancelledException(dir);
            Path f = files.get(i);
            try {
                GreyImage image = options.decoder().decode(f);
                SquareFitter.fitInto(image, side, pixels, used * d);
                options.invert().applyTo(pixels, used * d, side);
                labels[used++] = fileLabels.get(i);
            } catch (IOException e) {
                SkippedFile s = e instanceof ImageDecodeException bad
                        ? new SkippedFile(f.toString(), bad.getMessage(), bad.problem(), bad.args())
                        : e.getMessage() == null || e.getMessage().isBlank() ? SkippedFile.of(f, DataProblem.IMAGE_UNREADABLE)
                        : new SkippedFile(f.toString(), e.getMessage());
                skipped.add(s);
                if (failed++ == 0) firstFailure = s;
            }
            progress.update(i + 1, files.size());
        }
        if (used == 0)
            throw new DataException(DataProblem.FOLDER_NONE_READABLE, dir, files.size(), firstFailure);
        DataSplit split = HeldOutSplit.split(dir.toString(), side, pixels, labels, used, classes,
                options.testFraction(), options.seed());
        return new LoadResult(split, skipped);
    }

    /** Lists the image files with their labels and records the rest as skipped; returns how many other files. */
    private static int collect(Path dir, List<Path> files, List<Integer> labels, List<String> classes,
            List<SkippedFile> skipped) throws DataException {
        List<Path> entries = list(dir);
        List<Path> classDirs = new ArrayList<>();
        for (Path e : entries)
            if (Files.isDirectory(e) && !ignoredFolder(e)) classDirs.add(e);
        boolean labelled = !classDirs.isEmpty();
        int others = 0;
        for (Path e : entries) {
            if (Files.isDirectory(e)) {
                if (ignoredFolder(e)) skipped.add(SkippedFile.of(e, DataProblem.SKIP_HIDDEN_FOLDER));
            } else if (!isImageFile(e)) {
                skipped.add(SkippedFile.of(e, DataProblem.SKIP_NOT_IMAGE_FILE));
                others++;
            } else if (labelled) {
                skipped.add(SkippedFile.of(e, DataProblem.SKIP_OUTSIDE_CLASS_FOLDERS));
                others++;
            } else {
                files.add(e);
                labels.add(Dataset.NO_LABEL);
            }
        }
        Set<Path> visited = new HashSet<>();
        for (Path c : classDirs) {
            int label = classes.size();
            classes.add(c.getFileName().toString());
            others += collectClass(c, label, files, labels, skipped, visited);
        }
        return others;
    }

    /** Collects the files below a class folder, following each real folder once (links cannot make loops). */
    private static int collectClass(Path classDir, int label, List<Path> files, List<Integer> labels,
            List<SkippedFile> skipped, Set<Path> visited) {
        List<Path> entries;
        try {
            if (!visited.add(classDir.toRealPath())) return 0;
            entries = list(classDir);
        } catch (IOException | DataException e) {
            skipped.add(SkippedFile.of(classDir, DataProblem.SKIP_FOLDER_UNREADABLE));
            return 0;
        }
        int others = 0;
        for (Path e : entries) {
            if (Files.isDirectory(e)) {
                if (ignoredFolder(e)) skipped.add(SkippedFile.of(e, DataProblem.SKIP_HIDDEN_FOLDER));
                else others += collectClass(e, label, files, labels, skipped, visited);
            } else if (isImageFile(e)) {
                files.add(e);
                labels.add(label);
            } else {
                skipped.add(SkippedFile.of(e, DataProblem.SKIP_NOT_IMAGE_FILE));
                others++;
            }
        }
        return others;
    }

    /** The entries of dir sorted by name. */
    private static List<Path> list(Path dir) throws DataException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DataException(e, DataProblem.FOLDER_UNREADABLE, dir, e.getMessage());
        }
    }

    private static boolean ignoredFolder(Path dir) {
        String n = dir.getFileName().toString();
        return n.startsWith(".") || n.equals("__MACOSX");
    }

    /** True for a file whose name is not hidden and ends in an image extension. */
    static boolean isImageFile(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return !n.startsWith(".") && dot > 0 && IMAGE_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
