package vaeexplorer.ui;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.IdxFolder;
import vaeexplorer.core.data.LoadProgress;

/**
 * Loads data sets on a background thread and keeps them: built-in sets once per process, folders until reopened.
 * Results and errors come back on the FX thread. {@link #loading()} names what is being loaded ("" when idle).
 */
public final class DatasetLibrary {
    private static final Map<DatasetChoice, DataSplit> CACHE = new ConcurrentHashMap<>();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vae-data-loader");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyStringWrapper loading = new ReadOnlyStringWrapper("");
    private int inFlight;

    public ReadOnlyStringProperty loading() {
        return loading.getReadOnlyProperty();
    }

    /**
     * Loads a data set off the FX thread (or takes it from the cache unless reload) and calls back on the FX thread:
     * onLoaded with the data, or onError with a message for the user. Call on the FX thread.
     */
    public void load(DatasetChoice choice, boolean reload, Consumer<DataSplit> onLoaded, Consumer<String> onError) {
        DataSplit known = reload ? null : CACHE.get(choice);
        if (known != null) {
            onLoaded.accept(known);
            return;
        }
        inFlight++;
        loading.set("Loading " + choice.label() + "…");
        worker.execute(() -> {
            DataSplit split = null;
            String error = null;
            try {
                split = choice.builtIn() != null ? BuiltInDatasets.load(choice.builtIn())
                        : IdxFolder.load(choice.folder(), LoadProgress.NONE, () -> false);
                CACHE.put(choice, split);
            } catch (DataException e) {
                error = e.getMessage();
            } catch (IllegalArgumentException | OutOfMemoryError e) {
                error = choice.label() + ": could not be loaded (" + e.getMessage() + ")";
            }
            DataSplit result = split;
            String message = error;
            Platform.runLater(() -> {
                if (--inFlight == 0) loading.set("");
                if (result != null) onLoaded.accept(result);
                else onError.accept(message);
            });
        });
    }

    /** Makes a data set known without loading it (tests use small subsets this way). */
    static void remember(DatasetChoice choice, DataSplit split) {
        CACHE.put(choice, split);
    }

    public void shutdown() {
        worker.shutdownNow();
    }
}
