package vaeexplorer.ui.datasets;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSources;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.LoadCancelledException;
import vaeexplorer.core.data.LoadProgress;
import vaeexplorer.core.data.LoadResult;
import vaeexplorer.core.data.idx.IdxFolder;
import vaeexplorer.core.data.images.ImageDecoder;
import vaeexplorer.imaging.AwtImageDecoder;
import vaeexplorer.ui.concurrent.Coalescer;
import vaeexplorer.ui.concurrent.FxTaskExecutor;
import vaeexplorer.ui.concurrent.TaskExecutor;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.ProblemTexts;

/**
 * Loads data sets on a background thread and keeps them: built-in sets once per process, folders and files until
 * reopened. Results and errors come back on the FX thread, errors said in the UI's language ({@link ProblemTexts}).
 * {@link #loading()} names what is being loaded ("" when idle), in the UI's language, and {@link #progress()} tells
 * how far the current load has come.
 */
public final class DatasetLibrary {
    private static final Map<DatasetChoice, DataSplit> CACHE = new ConcurrentHashMap<>();

    private final TaskExecutor tasks;
    private final ReadOnlyStringWrapper loading = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private volatile ImageDecoder decoder = new AwtImageDecoder();
    private int inFlight;
    /** The label of the latest load under way, or null. */
    private DatasetChoice loadingChoice;

    /** Says {@link #loading()} again in a new language (held here: the locale only holds it weakly). */
    private final javafx.beans.value.ChangeListener<java.util.Locale> onLocale = (o, a, b) -> updateLoading();

    public DatasetLibrary() {
        this(new FxTaskExecutor("vae-data-loader"));
    }

    /** @param tasks loads off the FX thread, one data set at a time, and reports on the FX thread */
    public DatasetLibrary(TaskExecutor tasks) {
        this.tasks = tasks;
        I18n.locale().addListener(new javafx.beans.value.WeakChangeListener<>(onLocale));
    }

    /** What a load reports, on the FX thread: exactly one of loaded, failed and cancelled. */
    public interface Listener {
        void loaded(LoadResult result);

        /** @param why for the user, in the UI's language: what kind of failure, naming the file or folder */
        void failed(ProblemTexts.Text why);

        default void cancelled() {}
    }

    /** A load under way; {@link #cancel()} stops it at the next file (or chunk of lines) it reads. */
    public static final class Task {
        private final AtomicBoolean cancelled = new AtomicBoolean();

        public void cancel() {
            cancelled.set(true);
        }

        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    public ReadOnlyStringProperty loading() {
        return loading.getReadOnlyProperty();
    }

    /** How far the latest load has come, 0..1 (-1 while its size is unknown). */
    public ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }

    /** The decoder of image files (tests slow it down). */
    void setDecoder(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * Loads a data set off the FX thread (or takes it from the cache unless reload) and calls back on the FX thread:
     * onLoaded with the data, or onError with a message for the user in the UI's language (the explanation of
     * {@link ProblemTexts.Text}, naming the file or folder). Call on the FX thread.
     */
    public void load(DatasetChoice choice, boolean reload, Consumer<DataSplit> onLoaded, Consumer<String> onError) {
        load(choice, reload, new Listener() {
            @Override
            public void loaded(LoadResult result) {
                onLoaded.accept(result.split());
            }

            @Override
            public void failed(ProblemTexts.Text why) {
                onError.accept(why.explanation());
            }
        });
    }

    /**
     * Loads a data set off the FX thread (or takes it from the cache unless reload: then at once, with no skipped
     * files) and tells the listener on the FX thread. Call on the FX thread.
     */
    public Task load(DatasetChoice choice, boolean reload, Listener listener) {
        Task task = new Task();
        DataSplit known = reload ? null : CACHE.get(choice);
        if (known != null) {
            listener.loaded(new LoadResult(known, List.of()));
            return task;
        }
        inFlight++;
        loadingChoice = choice;
        updateLoading();
        progress.set(-1);
        Coalescer<Double> progressToFx = new Coalescer<>((a, b) -> b, p -> {
            if (!task.isCancelled()) progress.set(p);
        }, tasks::fx);
        LoadProgress onProgress = (done, total) -> {
            if (total > 0) progressToFx.offer(Math.min(1.0, (double) done / total));
        };
        ImageDecoder imageDecoder = decoder;
        tasks.background(() -> {
            LoadResult result = null;
            DataException dataError = null;
            Throwable otherError = null;
            try {
                result = read(choice, imageDecoder, onProgress, () -> task.isCancelled() || Thread.currentThread().isInterrupted());
                CACHE.put(choice, result.split());
            } catch (LoadCancelledException e) {
                task.cancel();
            } catch (DataException e) {
                dataError = e;
            } catch (IllegalArgumentException | IllegalStateException | OutOfMemoryError e) {
                otherError = e;
            }
            LoadResult loaded = result;
            DataException d = dataError;
            Throwable other = otherError;
            tasks.fx(() -> {
                if (--inFlight == 0) {
                    loadingChoice = null;
                    updateLoading();
                }
                if (loaded != null) listener.loaded(loaded);
                else if (d != null) listener.failed(ProblemTexts.of(d));
                else if (other != null) listener.failed(new ProblemTexts.Text(ProblemTexts.Kind.OTHER_DATA.headline(),
                        I18n.format("data.couldNotLoad", choice.displayName(), other.getMessage()), null));
                else listener.cancelled();
            });
        });
        return task;
    }

    private static LoadResult read(DatasetChoice choice, ImageDecoder decoder, LoadProgress progress,
            java.util.function.BooleanSupplier cancelled) throws DataException {
        return switch (choice.kind()) {
            case BUILT_IN -> new LoadResult(BuiltInDatasets.load(choice.builtIn(), progress, cancelled), List.of());
            case IDX -> IdxFolder.open(choice.folder(), progress, cancelled);
            case IMAGES, CSV -> DataSources.load(choice.folder().toString(), choice.options().toLoadOptions(decoder),
                    progress, cancelled);
        };
    }

    private void updateLoading() {
        loading.set(loadingChoice == null ? "" : I18n.format("data.loading", loadingChoice.displayName()));
    }

    /** Makes a data set known without loading it (tests use small subsets this way). */
    public static void remember(DatasetChoice choice, DataSplit split) {
        CACHE.put(choice, split);
    }

    public void shutdown() {
        tasks.shutdown(0);
    }
}
