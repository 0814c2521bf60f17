package vaeexplorer.core.data.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataProblem;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.data.HeldOutSplit;
import vaeexplorer.core.data.LoadCancelledException;
import vaeexplorer.core.data.LoadOptions;
import vaeexplorer.core.data.LoadProgress;
import vaeexplorer.core.data.LoadResult;
import vaeexplorer.core.data.SkippedFile;
import vaeexplorer.core.data.idx.IdxReader;

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
 * <p><b>Only regular files are opened.</b> FIFOs, devices and sockets are listed as skipped without being opened (a
 * FIFO named like an image would block for ever); links are followed only when they lead to a place inside the loaded
 * folder, and each real folder is read once, so links cannot make loops or walk the rest of the disk. The walk stops
 * with a message beyond {@value #MAX_DEPTH} levels of folders or {@value #MAX_ENTRIES} entries (a tree like
 * {@code /proc}). Paths come from NIO listings and are never turned into {@code java.io.File}, so names the platform
 * encoding cannot spell (non-ASCII names under a C locale) still load.
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
    /** The deepest folder read, counting class folders as level 1. */
    public static final int MAX_DEPTH = 32;
    /** The most files and folders listed in one load (well above the images that fit {@link IdxReader#MAX_BYTES}). */
    public static final long MAX_ENTRIES = 2_000_000;

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
        Walk walk = new Walk(dir);
        List<Entry> entries = walk.list(dir, 0);
        boolean labelled = false;
        for (Entry e : entries) labelled |= e.isFolder() && !ignoredFolder(e.path);
        int others = 0;
        for (Entry e : entries) {
            if (e.isFolder()) {
                if (ignoredFolder(e.path)) skipped.add(SkippedFile.of(e.path, DataProblem.SKIP_HIDDEN_FOLDER));
            } else if (e.skipReason != null) {
                skipped.add(new SkippedFile(e.path.toString(), e.skipReason));
                others++;
            } else if (!isImageFile(e.path)) {
                skipped.add(SkippedFile.of(e.path, DataProblem.SKIP_NOT_IMAGE_FILE));
                others++;
            } else if (labelled) {
                skipped.add(SkippedFile.of(e.path, DataProblem.SKIP_OUTSIDE_CLASS_FOLDERS));
                others++;
            } else {
                files.add(e.path);
                labels.add(Dataset.NO_LABEL);
            }
        }
        for (Entry c : entries) {
            if (!c.isFolder() || ignoredFolder(c.path)) continue;
            int label = classes.size();
            classes.add(c.path.getFileName().toString());
            others += collectClass(walk, c, 1, label, files, labels, skipped);
        }
        return others;
    }

    /** Collects the files below a class folder, reading each folder once (links cannot make loops). */
    private static int collectClass(Walk walk, Entry classDir, int depth, int label, List<Path> files,
            List<Integer> labels, List<SkippedFile> skipped) throws DataException {
        if (!walk.firstVisit(classDir)) return 0;
        List<Entry> entries;
        try {
            entries = walk.list(classDir.path, depth);
        } catch (FolderUnreadable e) {
            skipped.add(SkippedFile.of(classDir.path, DataProblem.SKIP_FOLDER_UNREADABLE));
            return 0;
        }
        int others = 0;
        for (Entry e : entries) {
            if (e.isFolder()) {
                if (ignoredFolder(e.path)) skipped.add(SkippedFile.of(e.path, DataProblem.SKIP_HIDDEN_FOLDER));
                else others += collectClass(walk, e, depth + 1, label, files, labels, skipped);
            } else if (e.skipReason != null) {
                skipped.add(new SkippedFile(e.path.toString(), e.skipReason));
                others++;
            } else if (isImageFile(e.path)) {
                files.add(e.path);
                labels.add(label);
            } else {
                skipped.add(SkippedFile.of(e.path, DataProblem.SKIP_NOT_IMAGE_FILE));
                others++;
            }
        }
        return others;
    }

    /**
     * One entry of a folder: a folder, a regular file, or something skipped with a reason (a FIFO, device or socket,
     * which would block or never end if opened; a link leading out of the loaded folder; a broken link).
     */
    private record Entry(Path path, BasicFileAttributes attrs, String skipReason) {
        boolean isFolder() {
            return skipReason == null && attrs.isDirectory();
        }
    }

    /** A class folder that cannot be listed: skipped, unlike the top folder, whose failure ends the load. */
    private static final class FolderUnreadable extends DataException {
        private static final long serialVersionUID = 1L;

        FolderUnreadable(DataException e) {
            super(e.getMessage(), e);
        }
    }

    /**
     * The walk through the tree: bounded in depth and in entries read (so a tree like {@code /proc} or a link farm ends
     * with a message instead of running for ever), never leaving the top folder through a link, and reading each real
     * folder once (by its file key, the device and inode, so no path is resolved per folder).
     */
    private static final class Walk {
        final Path root;
        Path realRoot;
        final Set<Object> visited = new HashSet<>();
        long entriesRead;

        Walk(Path root) {
            this.root = root;
            try {
                Object key = Files.readAttributes(root, BasicFileAttributes.class).fileKey();
                if (key != null) visited.add(key);
            } catch (IOException e) {
                // the listing that follows says why the folder cannot be read
            }
        }

        boolean firstVisit(Entry folder) {
            Object key = folder.attrs.fileKey();
            return key == null || visited.add(key);
        }

        List<Entry> list(Path dir, int depth) throws DataException {
            if (depth > MAX_DEPTH)
                throw new DataException(dir + ": folders are nested more than " + MAX_DEPTH
                        + " levels deep below " + root + "; is this an image data set?");
            List<Path> paths;
            try {
                paths = ImageFolderLoader.list(dir);
            } catch (DataException e) {
                if (depth == 0) throw e;
                throw new FolderUnreadable(e);
            }
            entriesRead += paths.size();
            if (entriesRead > MAX_ENTRIES)
                throw new DataException(String.format(Locale.ROOT, "%s: holds more than %,d files and folders; is this "
                        + "an image data set? (stopped reading at %s)", root, MAX_ENTRIES, dir));
            List<Entry> out = new ArrayList<>(paths.size());
            for (Path p : paths) out.add(entry(p));
            return out;
        }

        private Entry entry(Path p) {
            try {
                BasicFileAttributes own = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                BasicFileAttributes attrs = own;
                if (own.isSymbolicLink()) {
                    try {
                        attrs = Files.readAttributes(p, BasicFileAttributes.class);
                    } catch (IOException e) {
                        return new Entry(p, own, "a broken link, not followed");
                    }
                    if (!inside(p)) return new Entry(p, attrs, "a link to outside " + root + ", not followed");
                }
                if (attrs.isDirectory() || attrs.isRegularFile()) return new Entry(p, attrs, null);
                return new Entry(p, attrs, SkippedFile.NOT_REGULAR);
            } catch (IOException e) {
                return new Entry(p, null, "could not be read (" + e.getMessage() + ")");
            }
        }

        /** Whether a link leads to a place inside the top folder (resolved only for links). */
        private boolean inside(Path link) throws IOException {
            if (realRoot == null) realRoot = root.toRealPath();
            return link.toRealPath().startsWith(realRoot);
        }
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
