package vaeexplorer.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import vaeexplorer.core.data.LoadResult;
import vaeexplorer.core.io.AppHome;

import vaeexplorer.ui.compare.CompareMode;
import vaeexplorer.ui.concurrent.FxTaskExecutor;
import vaeexplorer.ui.datasets.DataImport;
import vaeexplorer.ui.datasets.DatasetChoice;
import vaeexplorer.ui.datasets.DatasetLibrary;
import vaeexplorer.ui.export.Exporter;
import vaeexplorer.ui.export.ModelExport;
import vaeexplorer.ui.i18n.FileDialogs;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Language;
import vaeexplorer.ui.i18n.ProblemTexts;
import vaeexplorer.ui.latent.ClassMarks;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.MarkerStyle;
import vaeexplorer.ui.session.SessionPrefs;
import vaeexplorer.ui.session.SessionService;
import vaeexplorer.ui.timeline.EpochTimeline;
import vaeexplorer.ui.training.FileNames;
import vaeexplorer.ui.training.ResetGuard;
import vaeexplorer.ui.training.SettingsModel;
import vaeexplorer.ui.training.TrainingModel;
import vaeexplorer.ui.widgets.Dialogs;
import vaeexplorer.ui.widgets.LiveNotices;
import vaeexplorer.ui.widgets.NoticeBar;
import vaeexplorer.ui.widgets.TextScale;

/**
 * One explorer window: creates the view-models and the view, wires them, and owns their life. Closing the window (or
 * Platform.exit, through {@link App#stop()}) ends the trainer threads (compare mode's too).
 */
public final class Explorer {
    private final Stage stage;
    private final SettingsModel settings = new SettingsModel();
    private final DatasetLibrary library = new DatasetLibrary();
    private final TrainingModel training;
    private final LatentModel latent = new LatentModel();
    private final TextScale text = new TextScale();
    private final NoticeBar notices = new NoticeBar();
    private final LiveNotices liveNotices = new LiveNotices(notices);
    private final Language language = Language.inAppHome();
    private final Dialogs dialogs;
    private final EpochTimeline timeline;
    private final CompareMode compare;
    private final Presentation presentation;
    private final ResampleHooks resample = new ResampleHooks();
    private final Shortcuts shortcuts;
    private final MainView view;
    private final DataImport imports;
    private final SessionService sessions;
    private final Exporter exporter;
    private final ModelExport modelExport;
    private boolean shutDown;

    /** Makes the view-models, the services and the view, and wires them: the only place that knows them all. */
    private Explorer(Stage stage) {
        SharedGlyphLayout.hold();
        this.stage = stage;
        training = new TrainingModel(settings, library);
        timeline = new EpochTimeline(training);
        compare = new CompareMode(settings, library, training, new ResetPrompt());
        presentation = new Presentation(stage, text);
        latent.shown().bind(training.shown());
        latent.codes().bind(timeline.codes()); // live, or an earlier epoch's
        latent.model().bind(timeline.model());
        shortcuts = AppShortcuts.create(compare, resample, timeline, presentation, text, this::showHelp);
        view = new MainView(settings, training, latent, text, timeline, compare, presentation, resample, notices,
                library.loading(), this::openFolder);
        view.styleProperty().bind(Bindings.format(Locale.ROOT, "-fx-font-size: %.2fpx;", text.fontSize()));
        dialogs = new Dialogs(stage, view::getStyle);
        imports = new DataImport(dialogs, liveNotices, library, settings::choose);
        var plot = view.latentPanel().plot();
        // sessions and model exports write on one thread, which the window's end lets finish
        var fileIo = new FxTaskExecutor("vae-file-io");
        sessions = new SessionService(dialogs, liveNotices, settings, training, latent, library, plot,
                new SessionPrefs(AppHome.path().resolve("sessions.properties")), fileIo);
        // View › Markers, as last chosen (shapes the first time)
        ClassMarks.style().set(MarkerStyle.parse(sessions.prefs().markers()));
        ClassMarks.onChange(view, () -> sessions.prefs().setMarkers(ClassMarks.style().get().name()));
        // View › Larger / Smaller text, as last chosen; presentation mode's size (set by the window's height) is its own
        if (Double.isFinite(sessions.prefs().textScale())) text.scale().set(TextScale.step(sessions.prefs().textScale()));
        text.onChosen(s -> {
            if (!presentation.on().get()) sessions.prefs().setTextScale(s);
        });
        sessions.addViewPart(new SessionService.ViewPart() {
            @Override public void save(Map<String, String> v) { view.lessons().saveTo(v); }
            @Override public void restore(Map<String, String> v) { view.lessons().restoreFrom(v); }
        });
        exporter = new Exporter(dialogs, liveNotices, training, latent, () -> FileNames.base(settings, training), plot,
                view.chart());
        modelExport = new ModelExport(dialogs, liveNotices, settings, training, () -> FileNames.base(settings, training),
                fileIo);
        exporter.setAnimationFrames(() -> timeline.entries().stream()
                .map(e -> new Exporter.Frame(e.epoch(), e.codes())).toList());
        exporter.setManifoldGridRenderer(scale -> scaled(view.lessons().manifoldView().snapshotImage(), scale));
        view.setMenuBar(AppMenus.create(new AppMenus.Commands(this::openFolder, this::quit, plot::resetView, this::showHelp,
                        () -> AboutDialog.create(dialogs).show()),
                sessions, imports, exporter, modelExport, text, presentation, compare, resample, shortcuts, language));
        // at the largest text sizes the window's content can need more room than the window has: it then scrolls, so
        // nothing is cut off at the window's edge (with room enough the scroll pane is only a frame)
        javafx.scene.control.ScrollPane root = new javafx.scene.control.ScrollPane(view);
        root.setId("windowScroll");
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        root.setFocusTraversable(false);
        root.getStyleClass().add("edge-to-edge");
        root.styleProperty().bind(view.styleProperty()); // dialogs take the window's text size from the scene's root
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Explorer.class.getResource("explorer.css").toExternalForm());
        shortcuts.install(scene);
        stage.setTitle("VAE Explorer");
        sessions.currentFile().addListener((o, a, f) -> stage.setTitle(f == null ? "VAE Explorer"
                : f.getFileName() + " — VAE Explorer"));
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.setOnHidden(e -> shutdown());
    }

    /**
     * Opens the explorer in stage and builds the first model (MNIST, off the FX thread).
     *
     * @param preset  changes to the default settings before the first model, or null
     * @param train   start training as soon as the model is built
     */
    public static Explorer open(Stage stage, java.util.function.Consumer<SettingsModel> preset, boolean train) {
        Explorer x = new Explorer(stage);
        if (preset != null) preset.accept(x.settings);
        stage.show();
        fitToScreen(stage);
        x.view.latentPanel().plot().requestFocus();
        if (train) x.training.train();
        else x.training.reset();
        return x;
    }

    /** Shrinks and moves the window (decorations included) into the screen it is on, if it is larger. */
    static void fitToScreen(Stage stage) {
        var screens = Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        Rectangle2D vb = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
        if (stage.getWidth() <= vb.getWidth() && stage.getHeight() <= vb.getHeight()
                && stage.getX() >= vb.getMinX() && stage.getY() >= vb.getMinY()) return;
        stage.setWidth(Math.min(stage.getWidth(), vb.getWidth()));
        stage.setHeight(Math.min(stage.getHeight(), vb.getHeight()));
        stage.setX(vb.getMinX() + (vb.getWidth() - stage.getWidth()) / 2);
        stage.setY(vb.getMinY() + (vb.getHeight() - stage.getHeight()) / 2);
    }

    public SettingsModel settings() { return settings; }
    public TrainingModel training() { return training; }
    public LatentModel latent() { return latent; }
    public TextScale text() { return text; }
    public DatasetLibrary library() { return library; }
    public MainView view() { return view; }
    public Stage stage() { return stage; }
    /** Sessions: save, open, recent files, autosave. */
    public SessionService sessions() { return sessions; }
    /** The user's own data: image folders and CSV files. */
    public DataImport imports() { return imports; }
    /** PNG and CSV exports (and the manifold-grid hook for the teaching views). */
    public Exporter exporter() { return exporter; }
    /** Export › Model for PyTorch (.safetensors). */
    public ModelExport modelExport() { return modelExport; }
    public NoticeBar notices() { return notices; }
    /** The notice bar for texts that follow the language while they show. */
    public LiveNotices liveNotices() { return liveNotices; }
    /** Error dialogs and file choosers owned by this window. */
    public Dialogs dialogs() { return dialogs; }
    public EpochTimeline timeline() { return timeline; }
    public CompareMode compare() { return compare; }
    public Presentation presentation() { return presentation; }
    public Shortcuts shortcuts() { return shortcuts; }

    /** Asks before Reset throws away a trained model that is not saved, and saves it when asked to. */
    private final class ResetPrompt implements ResetGuard.Prompt {
        @Override
        public boolean saved() {
            return sessions.modelIsInFile();
        }

        @Override
        public void ask(long steps, Consumer<ResetGuard.Choice> answer) {
            dialogs.ask("resetDialog", I18n.get("reset.askHeader"), ResetGuard.question(steps),
                    List.of(I18n.get("reset.save"), I18n.get("reset.discard"), I18n.get("dialogButtons.cancel")),
                    i -> answer.accept(ResetGuard.Choice.values()[i]));
        }

        @Override
        public void saveThen(Runnable then) {
            sessions.saveAsThen(then);
        }
    }

    /** Help › Keyboard shortcuts. */
    void showHelp() {
        shortcuts.showHelp(stage.getScene(), text.fontSize().get());
    }

    /** Asks for an IDX folder and opens it. */
    public void openFolder() {
        Path dir = FileDialogs.folder(stage, I18n.get("explorer.openIdxFolder"));
        if (dir != null) openFolder(dir);
    }

    /**
     * Loads an IDX folder off the FX thread. On success it is added to the data sets and chosen (it applies on Reset);
     * on failure an error dialog says why and nothing else changes.
     */
    public void openFolder(Path dir) {
        DatasetChoice choice = DatasetChoice.folder(dir);
        library.load(choice, true, new DatasetLibrary.Listener() {
            @Override
            public void loaded(LoadResult result) {
                if (!settings.datasets().contains(choice)) settings.datasets().add(choice);
                settings.dataset().set(choice);
            }

            @Override
            public void failed(ProblemTexts.Text why) {
                dialogs.showError("folderErrorDialog", I18n.get("explorer.idxFolderFailed"), why.lines());
            }
        });
    }

    void quit() {
        shutdown();
        Platform.exit();
    }

    /** Stops the trainer thread (waiting up to two seconds) and the loader. Idempotent. */
    public void shutdown() {
        if (shutDown) return;
        shutDown = true;
        training.shutdown();
        compare.shutdown();
        library.shutdown();
        sessions.shutdown();
    }

    /** The image enlarged by a whole factor, pixels repeated (crisp), or null for null. */
    static javafx.scene.image.Image scaled(javafx.scene.image.Image image, int scale) {
        if (image == null || scale <= 1) return image;
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        javafx.scene.image.WritableImage out = new javafx.scene.image.WritableImage(w * scale, h * scale);
        javafx.scene.image.PixelReader r = image.getPixelReader();
        javafx.scene.image.PixelWriter pw = out.getPixelWriter();
        for (int y = 0; y < h * scale; y++)
            for (int x = 0; x < w * scale; x++) pw.setArgb(x, y, r.getArgb(x / scale, y / scale));
        return out;
    }
}
