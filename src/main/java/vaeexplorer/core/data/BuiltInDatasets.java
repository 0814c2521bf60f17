package vaeexplorer.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.BooleanSupplier;

import vaeexplorer.core.data.idx.IdxFolder;
import vaeexplorer.core.data.idx.IdxReader;
import vaeexplorer.core.data.idx.IdxSplitAssembler;

/**
 * The data sets shipped with the app, read from the classpath resources {@code /assets/<name>/} holding the four
 * standard gzip IDX files: {@value #MNIST} (handwritten digits) and {@value #FASHION_MNIST} (Zalando clothing
 * pictures), each 8,000 training and 2,000 test images of 28x28.
 */
public final class BuiltInDatasets {
    /** Handwritten digits; classes "0" to "9". */
    public static final String MNIST = "mnist";
    /** Zalando's clothing pictures; classes "T-shirt/top" to "Ankle boot". */
    public static final String FASHION_MNIST = "fashion-mnist";
    /** The names of all built-in data sets. */
    public static final List<String> NAMES = List.of(MNIST, FASHION_MNIST);

    private static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private BuiltInDatasets() {
    }

    /** True when name is one of {@link #NAMES}. */
    public static boolean isBuiltIn(String name) {
        return NAMES.contains(name);
    }

    /** The class names of a built-in data set. */
    public static List<String> classNames(String name) {
        requireBuiltIn(name);
        return name.equals(FASHION_MNIST) ? FASHION_CLASSES : ClassNamesFile.numbered(9);
    }

    /** Loads a built-in data set. */
    public static DataSplit load(String name) throws DataException {
        return load(name, LoadProgress.NONE, () -> false);
    }

    /**
     * Loads a built-in data set; both parts are named {@code name}. Progress counts the four files; the cancel flag is
     * checked between files.
     *
     * @throws IllegalArgumentException when name is not built in
     * @throws LoadCancelledException   when cancelled
     * @throws DataException            when the app's own files are missing or damaged
     */
    public static DataSplit load(String name, LoadProgress progress, BooleanSupplier cancelled) throws DataException {
        requireBuiltIn(name);
        String[] files = new String[4];
        for (int i = 0; i < 4; i++) files[i] = "/assets/" + name + "/" + IdxFolder.FILES.get(i) + ".gz";
        progress.update(0, 4);
        IdxReader.Images[] images = new IdxReader.Images[2];
        int[][] labels = new int[2][];
        for (int i = 0; i < 4; i++) {
            if (cancelled.getAsBoolean()) throw new LoadCancelledException(name);
            try (InputStream in = BuiltInDatasets.class.getResourceAsStream(files[i])) {
                if (in == null)
                    throw new DataException(DataProblem.BUILT_IN_MISSING, files[i], name);
                if (i % 2 == 0) images[i / 2] = IdxReader.readImages(in, files[i]);
                else labels[i / 2] = IdxReader.readLabels(in, files[i]);
            } catch (IOException e) {
                throw new DataException(e, DataProblem.UNREADABLE, files[i], e.getMessage());
            }
            progress.update(i + 1, 4);
        }
        return IdxSplitAssembler.assemble(name, files, images[0], labels[0], images[1], labels[1], classNames(name),
                "the class names of " + name);
    }

    private static void requireBuiltIn(String name) {
        if (!isBuiltIn(name))
            throw new IllegalArgumentException("no built-in data set called '" + name + "'; there are " + NAMES);
    }
}
