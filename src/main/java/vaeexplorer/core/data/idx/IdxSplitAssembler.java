package vaeexplorer.core.data.idx;

import java.util.List;

import vaeexplorer.core.data.ClassNamesFile;
import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataProblem;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;

/** Checks that four IDX files fit together and makes them a {@link DataSplit}. */
public final class IdxSplitAssembler {
    private IdxSplitAssembler() {
    }

    /**
     * @param files      how the four files are called in messages: train images, train labels, test images, test labels
     * @param classNames names for the labels, or null for "0", "1", ... up to the largest label
     * @param classesFile how the class-name source is called in messages (ignored when classNames is null)
     */
    public static DataSplit assemble(String name, String[] files, IdxReader.Images trainImages, int[] trainLabels,
            IdxReader.Images testImages, int[] testLabels, List<String> classNames, String classesFile)
            throws DataException {
        checkCount(files[0], trainImages, files[1], trainLabels);
        checkCount(files[2], testImages, files[3], testLabels);
        if (trainImages.rows() != testImages.rows() || trainImages.cols() != testImages.cols())
            throw new DataException(DataProblem.IDX_TRAIN_TEST_SIZES, files[0], trainImages.rows(), trainImages.cols(),
                    files[2], testImages.rows(), testImages.cols());
        int max = Math.max(max(trainLabels), max(testLabels));
        List<String> names = classNames == null ? ClassNamesFile.numbered(max) : classNames;
        if (names.size() <= max)
            throw new DataException(DataProblem.TOO_FEW_CLASS_NAMES, classesFile, names.size(), max, max + 1);
        return new DataSplit(
                new Dataset(name, trainImages.rows(), trainImages.cols(), trainImages.pixels(), trainLabels, names),
                new Dataset(name, testImages.rows(), testImages.cols(), testImages.pixels(), testLabels, names));
    }

    private static void checkCount(String imageFile, IdxReader.Images images, String labelFile, int[] labels)
            throws DataException {
        if (images.count() != labels.length)
            throw new DataException(DataProblem.IDX_COUNT_MISMATCH, imageFile, images.count(), labelFile, labels.length);
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) m = Math.max(m, v);
        return m;
    }
}
