package vaeexplorer.imaging;

import vaeexplorer.core.data.DataSources;
import vaeexplorer.core.data.LoadOptions;
import vaeexplorer.core.data.LoadProgress;
import vaeexplorer.core.data.LoadResult;

/** Run in a child JVM by {@link NonAsciiNamesTest}: loads a folder and prints the file encoding, then images, skipped. */
public final class CLocaleLoad {
    private CLocaleLoad() {}

    public static void main(String[] args) throws Exception {
        LoadResult r = DataSources.load(args[0], LoadOptions.defaults(new AwtImageDecoder()), LoadProgress.NONE, () -> false);
        System.out.println(System.getProperty("sun.jnu.encoding"));
        System.out.println(r.split().train().size() + r.split().test().size());
        System.out.println(r.skipped());
    }
}
