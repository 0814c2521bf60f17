package vaeexplorer.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.train.MemoryPlan;
import vaeexplorer.ui.concurrent.FxTaskExecutor;
import vaeexplorer.ui.datasets.DatasetChoice;
import vaeexplorer.ui.datasets.DatasetLibrary;
import vaeexplorer.ui.i18n.I18n;

/**
 * The app builds a model only after {@link MemoryPlan#checkTraining} has said it fits, as the CLI's train does: on
 * images of a million pixels, a network that no Java array holds or that needs more memory than the JVM has is
 * refused with the figures in the controls' error line, and no model or run is made (before, the app met an
 * OutOfMemoryError). A view-model test without a window: one plain thread stands in for the FX thread.
 */
class TrainingMemoryPlanTest {
    /** 1000 x 1000 images (10^6 pixels, as a CSV row may have): 6 to train on, 2 to test. */
    private static final DatasetChoice WIDE = new DatasetChoice("Wide (1000x1000)", null, Path.of("test-wide-1000x1000"));

    private final ExecutorService fx = Executors.newSingleThreadExecutor();
    private TrainingModel model;
    private SettingsModel settings;

    @AfterEach
    void stop() throws Exception {
        if (model != null) on(() -> {
            model.shutdown();
            return null;
        });
        fx.shutdownNow();
    }

    private <T> T on(Callable<T> c) throws Exception {
        return fx.submit(c).get(60, TimeUnit.SECONDS);
    }

    private static Dataset wide(String name, int n) {
        byte[] pixels = new byte[n * 1000 * 1000];
        for (int i = 0; i < pixels.length; i += 997) pixels[i] = (byte) 200;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = i % 2;
        return new Dataset(name, 1000, 1000, pixels, labels, List.of("a", "b"));
    }

    /** The build error after Reset with these hidden sizes on the wide images; the model's run, which must stay null. */
    private String refused(String hidden) throws Exception {
        CountDownLatch error = new CountDownLatch(1);
        on(() -> {
            settings.hidden().set(hidden);
            model.buildError().addListener((o, a, b) -> {
                if (!b.isEmpty()) error.countDown();
            });
            model.reset();
            return null;
        });
        assertTrue(error.await(60, TimeUnit.SECONDS), "a build error for hidden " + hidden);
        assertNull(on(() -> model.currentRun()), "no run was made");
        assertEquals(null, on(() -> model.state().get()), "no model to train");
        return on(() -> model.buildError().get());
    }

    @Test
    void aNetworkTooLargeForAJavaArrayOrForTheMemoryIsRefusedInWordsBeforeAnythingIsAllocated() throws Exception {
        DatasetLibrary.remember(WIDE, new DataSplit(wide("wide", 6), wide("wide test", 2)));
        on(() -> {
            I18n.useOnThisThread(Locale.ENGLISH);
            settings = new SettingsModel();
            settings.datasets().add(WIDE);
            settings.dataset().set(WIDE);
            settings.batchSize().set("4");
            model = new TrainingModel(settings, new DatasetLibrary(new FxTaskExecutor("test-data", fx)), fx);
            return null;
        });

        // 10^6 x 4096 weights: more than one Java array holds
        String matrix = refused("4096");
        assertTrue(matrix.startsWith("The model could not be built: ") && matrix.contains("A layer of 1,000,000 x 4,096 weights")
                && matrix.contains("more than one Java array holds"), matrix);

        // 10^6 x 2000 weights fit an array, but with gradients and Adam's moments need about 40 GB
        String memory = refused("2000");
        long free = Runtime.getRuntime().maxMemory() >> 20;
        assertTrue(free < 30_000, "the test needs a heap smaller than the model: " + free + " MiB");
        assertTrue(memory.contains("needs about") && memory.contains("MiB of memory are free") && memory.contains("-Xmx"),
                memory);
    }
}
