package vaeexplorer.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.IdxFolder;
import vaeexplorer.core.data.LoadProgress;

/** Loads the data set a command names. */
final class CliData {
    private CliData() {}

    static DataSplit load(String spec, PrintStream err) throws DataException {
        if (BuiltInDatasets.isBuiltIn(spec)) return BuiltInDatasets.load(spec);
        Path p = Path.of(spec);
        if (!Files.exists(p)) throw new DataException(spec + ": no such file or folder (built-in data sets: mnist, fashion-mnist)");
        return IdxFolder.load(p, LoadProgress.NONE, () -> false);
    }
}
