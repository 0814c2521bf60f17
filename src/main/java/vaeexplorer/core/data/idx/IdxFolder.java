package vaeexplorer.core.data.idx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import vaeexplorer.core.data.ClassNamesFile;
import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataProblem;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.LoadCancelledException;
import vaeexplorer.core.data.LoadProgress;
import vaeexplorer.core.data.LoadResult;
import vaeexplorer.core.data.SkippedFile;

/**
 * A folder holding a data set as the four standard IDX files: {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each raw or
 * with a {@code .gz} suffix (the content decides whether it is decompressed). The variant names with a dot before
 * {@code idx} ({@code train-images.idx3-ubyte}) are accepted too. When several variants of a file exist, the first
 * present in the order raw, {@code .gz}, dotted, dotted {@code .gz} is used.
 *
 * <p>An optional {@link ClassNamesFile classes.txt} names the classes; without it they are "0", "1", ... up to the
 * largest label.
 */
public final class IdxFolder {
    /** The standard file names, without {@code .gz}: train images, train labels, test images, test labels. */
    public static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private IdxFolder() {
    }

    /** True when dir holds at least one of the four standard files (so a folder missing some is reported as such). */
    public static boolean looksLikeIdxFolder(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        for (String f : FILES)
            if (find(dir, f) != null) return true;
        return false;
    }

    /**
     * Loads the folder as {@link #load} does, and lists the files of the names it looks for (the IDX files, {@code
     * classes.txt}) that are there but were passed over unopened because they are not regular files: a FIFO named
     * classes.txt is said to be skipped (as in image folders), never opened (it would block) nor silently ignored.
     */
    public static LoadResult open(Path dir, LoadProgress progress, BooleanSupplier cancelled) throws DataException {
        DataSplit split = load(dir, progress, cancelled);
        List<SkippedFile> skipped = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String f : FILES) {
            String dotted = f.replace("-idx", ".idx");
            names.addAll(List.of(f, f + ".gz", dotted, dotted + ".gz"));
        }
        names.add(ClassNamesFile.NAME);
        for (String name : names) {
            Path p = dir.resolve(name);
            if (Files.exists(p) && !Files.isRegularFile(p) && !Files.isDirectory(p))
                skipped.add(new SkippedFile(p.toString(), SkippedFile.NOT_REGULAR));
        }
        return new LoadResult(split, skipped);
    }

    /**
     * Loads the folder. Progress counts the four files; the cancel flag is checked between files.
     *
     * @throws LoadCancelledException when cancelled
     * @throws DataException          when a file is missing or bad, image and label counts differ, train and test image
     *                                sizes differ, or classes.txt does not fit the labels
     */
    public static DataSplit load(Path dir, LoadProgress progress, BooleanSupplier cancelled) throws DataException {
        Path[] files = new Path[FILES.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            files[i] = find(dir, FILES.get(i));
            if (files[i] == null) missing.add(FILES.get(i) + "[.gz]");
        }
        if (!missing.isEmpty())
            throw new DataException(DataProblem.IDX_INCOMPLETE, dir, String.join(", ", missing));
        String[] names = new String[files.length];
        for (int i = 0; i < files.length; i++) names[i] = files[i].toString();
        progress.update(0, 4);
        if (cancelled.getAsBoolean()) throw new LoadCancelledException(dir);
        IdxReader.Images trainImages = step(IdxReader.readImages(files[0]), dir, progress, 1, cancelled);
        int[] trainLabels = step(IdxReader.readLabels(files[1]), dir, progress, 2, cancelled);
        IdxReader.Images testImages = step(IdxReader.readImages(files[2]), dir, progress, 3, cancelled);
        int[] testLabels = IdxReader.readLabels(files[3]);
        Path classesFile = dir.resolve(ClassNamesFile.NAME);
        List<String> classNames = Files.isRegularFile(classesFile) ? ClassNamesFile.read(classesFile) : null;
        DataSplit split = IdxSplitAssembler.assemble(dir.toString(), names, trainImages, trainLabels, testImages,
                testLabels, classNames, classesFile.toString());
        progress.update(4, 4);
        return split;
    }

    private static <T> T step(T result, Path dir, LoadProgress progress, int done, BooleanSupplier cancelled)
            throws LoadCancelledException {
        progress.update(done, 4);
        if (cancelled.getAsBoolean()) throw new LoadCancelledException(dir);
        return result;
    }

    private static Path find(Path dir, String base) {
        String dotted = base.replace("-idx", ".idx");
        for (String name : new String[] {base, base + ".gz", dotted, dotted + ".gz"}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }
}
