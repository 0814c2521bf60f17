package vaeexplorer.ui.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import vaeexplorer.core.data.LoadResult;

import vaeexplorer.ui.data.DataImport;
import vaeexplorer.ui.data.DatasetChoice;
import vaeexplorer.ui.data.DatasetLibrary;
import vaeexplorer.ui.export.Exporter;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Language;
import vaeexplorer.ui.i18n.ProblemTexts;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.session.SessionPrefs;
import vaeexplorer.ui.session.SessionService;
import vaeexplorer.ui.training.SettingsModel;
import vaeexplorer.ui.training.TrainingModel;
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
    private final DataImport imports = new DataImport(this);
    private final SessionService sessions;
    private final Exporter exporter = new Exporter(this);
    private final Classroom classroom;
    private final Language language = Language.inAppHome();
    private final MainView view;
    private boolean shutDown;

    private Explorer(Stage stage) {
        this.stage = stage;
        training = new TrainingModel(settings, library);
        classroom = new Classroom(this);
        latent.shown().bind(training.shown());
        latent.codes().bind(classroom.timeline().codes()); // live, or an earlier epoch's
        latent.model().bind(classroom.timeline().model());
        sessions = new SessionService(this, new SessionPrefs(SessionPrefs.appHome().resolve("sessions.properties")));
        view = new MainView(this);
        exporter.setManifoldGridRenderer(scale -> scaled(view.lessons().manifoldView().snapshotImage(), scale));
        view.styleProperty().bind(Bindings.format(Locale.ROOT, "-fx-font-size: %.2fpx;", text.fontSize()));
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(Explorer.class.getResource("explorer.css").toExternalForm());
        // Ctrl+= and the keypad's + also mean "larger" (Plus needs Shift on most keyboards)
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), text::larger);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), text::larger);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), text::smaller);
        classroom.install(scene);
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
    /** Compare mode, the timeline, presentation mode, shortcuts and the Resample hooks. */
    public Classroom classroom() { return classroom; }
    public DatasetLibrary library() { return library; }
    public MainView view() { return view; }
    public Stage stage() { return stage; }
    /** Sessions: save, open, recent files, autosave. */
    public SessionService sessions() { return sessions; }
    /** The user's own data: image folders and CSV files. */
    public DataImport imports() { return imports; }
    /** PNG and CSV exports (and the manifold-grid hook for the teaching views). */
    public Exporter exporter() { return exporter; }
    public NoticeBar notices() { return notices; }
    /** The notice bar for texts that follow the language while they show. */
    public LiveNotices liveNotices() { return liveNotices; }
    /** The Language menu and the remembered choice. */
    Language language() { return language; }

    /**
     * An error dialog with the given id (for tests), header and message, in the language of the moment; it does not
     * wait.
     */
    public void showError(String id, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle("VAE Explorer");
        alert.setHeaderText(header);
        alert.setContentText(message);
        alert.getDialogPane().setId(id);
        alert.getDialogPane().setStyle(view.getStyle());
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        translateButtons(alert.getDialogPane());
        alert.show();
    }

    /**
     * Gives the standard buttons of a dialog (OK, Cancel, Close) the UI's words: JavaFX names them in the language of
     * the system, not the one chosen in the app.
     */
    public static void translateButtons(DialogPane pane) {
        for (ButtonType t : pane.getButtonTypes()) {
            String key = t == ButtonType.OK ? "dialogButtons.ok" : t == ButtonType.CANCEL ? "dialogButtons.cancel"
                    : t == ButtonType.CLOSE ? "dialogButtons.close" : null;
            if (key != null && pane.lookupButton(t) instanceof Button b) b.setText(I18n.get(key));
        }
    }

    /** Asks for an IDX folder and opens it. */
    public void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(I18n.get("explorer.openIdxFolder"));
        File dir = chooser.showDialog(stage);
        if (dir != null) openFolder(dir.toPath());
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
                showError("folderErrorDialog", I18n.get("explorer.idxFolderFailed"), why.lines());
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
        classroom.shutdown();
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
