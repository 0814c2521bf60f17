package vaeexplorer.core.data;

/** A training set and a held-out test set of the same image size and classes. */
public record DataSplit(Dataset train, Dataset test) {
    public DataSplit {
        if (train.rows() != test.rows() || train.cols() != test.cols())
            throw new IllegalArgumentException("train images are " + train.rows() + "x" + train.cols()
                    + " but test images are " + test.rows() + "x" + test.cols());
    }

    /** Where the data came from, for titles and session files: a built-in name or a path. */
    public String name() {
        return train.name();
    }
}
