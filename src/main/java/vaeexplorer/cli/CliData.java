package vaeexplorer.cli;

import java.io.PrintStream;
import java.util.Locale;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSources;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.LoadOptions;
import vaeexplorer.core.data.LoadProgress;
import vaeexplorer.core.data.LoadResult;
import vaeexplorer.core.data.SkippedFile;
import vaeexplorer.imaging.AwtImageDecoder;

/** Loads the data set a command names, with the same loaders as the app; says on stderr what was skipped. */
final class CliData {
    private CliData() {}

    static DataSplit load(String spec, PrintStream err) throws DataException {
        LoadResult r = DataSources.load(spec, LoadOptions.defaults(new AwtImageDecoder()), LoadProgress.NONE, () -> false);
        if (!r.skipped().isEmpty()) {
            int total = r.split().train().size() + r.split().test().size() + r.skipped().size();
            err.printf(Locale.ROOT, "note: skipped %,d of %,d files; first: %s (%s)%n", r.skipped().size(), total,
                    r.skipped().get(0).path(), r.skipped().get(0).reason());
            for (SkippedFile s : r.skipped().subList(1, Math.min(r.skipped().size(), 10)))
                err.printf(Locale.ROOT, "      %s (%s)%n", s.path(), s.reason());
        }
        return r.split();
    }
}
