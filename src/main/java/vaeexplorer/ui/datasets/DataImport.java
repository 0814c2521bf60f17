package vaeexplorer.ui.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.data.LoadResult;
import vaeexplorer.core.data.SkippedFile;

import vaeexplorer.ui.i18n.FileDialogs;
import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.ProblemTexts;
import vaeexplorer.ui.widgets.Dialogs;
import vaeexplorer.ui.widgets.LiveNotices;

/**
 * The user's own data in the app: File > Open image folder / Open CSV file ask for the source and the options, then
 * load it off the FX thread with a progress bar and Cancel. A loaded set joins the data sets and is chosen (it
 * applies on Reset or Train, like an IDX folder); files that could not be read are counted ("Skipped 3 of 2,003
 * files") and listed on request. When the source is empty or unusable an error dialog says why, and the data set in
 * use stays; so it does after Cancel.
 */
public final class DataImport {
    private final Dialogs dialogs;
    private final LiveNotices notices;
    private final DatasetLibrary library;
    private final Consumer<DatasetChoice> choose;
    private DatasetLibrary.Task current;
    private ImportOptions lastOptions = ImportOptions.DEFAULTS;

    /** @param choose makes a loaded data set one of the choices and the chosen one (it applies on Reset or Train) */
    public DataImport(Dialogs dialogs, LiveNotices notices, DatasetLibrary library, Consumer<DatasetChoice> choose) {
        this.dialogs = dialogs;
        this.notices = notices;
        this.library = library;
        this.choose = choose;
    }

    /** Asks for an image folder and its options, then loads it. */
    public void chooseImageFolder() {
        Path dir = FileDialogs.folder(dialogs.owner(), I18n.get("import.chooseFolder"));
        if (dir == null) return;
        ImportOptionsDialog.ask(dialogs.owner(), dialogs.style(), dir, false, lastOptions)
                .ifPresent(o -> openImageFolder(dir, o));
    }

    /** Asks for a CSV file and its options, then loads it. */
    public void chooseCsvFile() {
        Path file = FileDialogs.open(dialogs.owner(), I18n.get("import.chooseCsv"), I18n.get("import.csvFiles"), ".csv", ".CSV");
        if (file == null) return;
        ImportOptionsDialog.ask(dialogs.owner(), dialogs.style(), file, true, lastOptions)
                .ifPresent(o -> openCsvFile(file, o));
    }

    public void openImageFolder(Path dir, ImportOptions options) {
        lastOptions = options;
        load(DatasetChoice.images(dir, options), "import.folderFailed");
    }

    public void openCsvFile(Path file, ImportOptions options) {
        lastOptions = options;
        load(DatasetChoice.csv(file, options), "import.csvFailed");
    }

    /** Stops the load under way, if any; the data set in use stays. */
    void cancel() {
        if (current != null) current.cancel();
    }

    public boolean isLoading() {
        return current != null;
    }

    /** @param failedKey the key of the error dialog's header */
    private void load(DatasetChoice choice, String failedKey) {
        cancel();
        DatasetLibrary.Task[] self = new DatasetLibrary.Task[1];
        notices.hideNotice();
        notices.progress(() -> I18n.format("data.loading", choice.displayName()), library.progress(), this::cancel);
        self[0] = library.load(choice, true, new DatasetLibrary.Listener() {
            @Override
            public void loaded(LoadResult result) {
                if (!finish(self[0])) return;
                use(choice, result);
            }

            @Override
            public void failed(ProblemTexts.Text why) {
                if (!finish(self[0])) return;
                dialogs.showError("dataErrorDialog", I18n.get(failedKey), why.lines() + "\n\n" + I18n.get("import.unchanged"));
            }

            @Override
            public void cancelled() {
                if (!finish(self[0])) return;
                notices.notice(() -> I18n.format("import.cancelled", choice.displayName()), false);
            }
        });
        current = self[0];
    }

    /** Ends the task's progress line; false if a newer load has taken its place. */
    private boolean finish(DatasetLibrary.Task task) {
        if (task != current) return false;
        current = null;
        notices.hideProgress();
        return true;
    }

    private void use(DatasetChoice choice, LoadResult result) {
        choose.accept(choice);
        DataSplit split = result.split();
        Dataset train = split.train();
        int images = train.size() + split.test().size();
        List<SkippedFile> skipped = result.skipped();
        java.util.function.Supplier<String> text = () -> {
            String classes = train.isLabelled() ? I18n.format("import.classes", train.classNames().size())
                    : I18n.get("import.unlabelled");
            Object name = choice.folder().getFileName();
            String trainCount = Formats.count(train.size()), testCount = Formats.count(split.test().size());
            return skipped.isEmpty()
                    ? I18n.format("import.loaded", name, trainCount, testCount, train.cols(), train.rows(), classes)
                    : I18n.format("import.loadedSkipped", name, trainCount, testCount, train.cols(), train.rows(), classes,
                            Formats.count(skipped.size()), Formats.count(images + skipped.size()));
        };
        notices.notice(text, false, skipped.isEmpty() ? null : () -> I18n.get("import.showList"),
                () -> showSkipped(choice, skipped));
    }

    private void showSkipped(DatasetChoice choice, List<SkippedFile> skipped) {
        SkippedFilesDialog.create(dialogs.owner(), dialogs.style(), choice.folder().toString(), skipped).show();
    }
}
