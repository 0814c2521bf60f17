package vaeexplorer.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.testfx.util.WaitForAsyncUtils;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;

/**
 * Small subsets of the built-in MNIST for fast UI tests (an epoch is a few dozen batches), registered with the data
 * library under a choice of their own, plus the waiting helpers the classroom tests share.
 */
final class SmallData {
    /** 1,000 training and 500 test images of MNIST. */
    static final DatasetChoice MNIST_1000 = new DatasetChoice("MNIST (first 1,000)", null, Path.of("test-mnist-1000"));
    /** 1,000 training and 500 test images of Fashion-MNIST. */
    static final DatasetChoice FASHION_1000 = new DatasetChoice("Fashion (first 1,000)", null, Path.of("test-fashion-1000"));

    private SmallData() {}

    /** Makes the small sets known to the library (idempotent). */
    static void register() {
        try {
            DatasetLibrary.remember(MNIST_1000, subset(BuiltInDatasets.load(BuiltInDatasets.MNIST), 1000, 500));
            DatasetLibrary.remember(FASHION_1000, subset(BuiltInDatasets.load(BuiltInDatasets.FASHION_MNIST), 1000, 500));
        } catch (DataException e) {
            throw new AssertionError(e);
        }
    }

    /** Settings for a small fast model on MNIST_1000 (the caller may change more). */
    static void smallModel(SettingsModel s) {
        register();
        if (!s.datasets().contains(MNIST_1000)) s.datasets().addAll(MNIST_1000, FASHION_1000);
        s.dataset().set(MNIST_1000);
        s.hidden().set("32");
        s.batchSize().set("50");
        s.epochs().set("1000");
    }

    private static DataSplit subset(DataSplit d, int train, int test) {
        return new DataSplit(first(d.train(), train), first(d.test(), test));
    }

    private static Dataset first(Dataset d, int n) {
        int[] idx = new int[Math.min(n, d.size())];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        return d.subset(d.name(), idx);
    }

    // ---- waiting on the FX thread ----

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void await(String what, long millis, Callable<Boolean> condition) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!fx(condition)) {
            if (System.nanoTime() > end) throw new AssertionError("not within " + millis + " ms: " + what);
            sleep(20);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
