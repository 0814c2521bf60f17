package vaeexplorer.ui.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.widgets.Dialogs;

/**
 * Catches what nothing else caught, on any thread: the error goes to a log file (in English), and the user gets a
 * short message in the UI's language with the details folded away (one dialog at a time; errors while it is open are
 * only logged and counted). Never a silent failure, never a dead UI.
 */
public final class ErrorReporter implements Thread.UncaughtExceptionHandler {
    private final Path logFile;
    private final AtomicBoolean dialogOpen = new AtomicBoolean();
    private final AtomicInteger reported = new AtomicInteger();
    private volatile Consumer<Report> presenter = this::showDialog;
    private volatile Window owner;

    /**
     * What the user is told: a one-line message (as logged, in English), the details, where the log is, and for an
     * uncaught error the thread and the error's summary (else null), from which the dialog says the message in the
     * UI's language.
     */
    public record Report(String message, String details, Path logFile, String thread, String summary) {
        public Report(String message, String details, Path logFile) {
            this(message, details, logFile, null, null);
        }

        /** The message in the UI's language (the error's own words stay as they are). */
        public String shownMessage() {
            return thread == null ? message : I18n.format("errorReport.inThread", thread, summary);
        }
    }

    public ErrorReporter(Path logFile) {
        this.logFile = logFile;
    }

    /** The log file in the user's home (~/.vae-explorer/vae-explorer.log), or the temporary folder if home is not writable. */
    public static Path defaultLogFile() {
        Path home = Path.of(System.getProperty("user.home", "."), ".vae-explorer");
        try {
            Files.createDirectories(home);
            if (Files.isWritable(home)) return home.resolve("vae-explorer.log");
        } catch (IOException | SecurityException e) {
            // fall through to the temporary folder
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "vae-explorer.log");
    }

    /** Makes this the handler of every thread (the FX thread included). */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        if (Platform.isFxApplicationThread()) Thread.currentThread().setUncaughtExceptionHandler(this);
    }

    /** The window the dialog belongs to (it takes that window's text size), or null. */
    public void setDialogOwner(Window owner) {
        this.owner = owner;
    }

    /** Replaces the dialog (tests). */
    public void setPresenter(Consumer<Report> presenter) {
        this.presenter = presenter;
    }

    public int reportedCount() {
        return reported.get();
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        String summary = summary(e);
        report("Something went wrong in " + t.getName() + ": " + summary, e, t.getName(), summary);
    }

    /**
     * Logs the error and tells the user (on the FX thread, whatever thread this is called from).
     *
     * @param message for the log, in English; the dialog shows it as it is
     */
    public void report(String message, Throwable e) {
        report(message, e, null, null);
    }

    private void report(String message, Throwable e, String thread, String summary) {
        reported.incrementAndGet();
        StringWriter details = new StringWriter();
        e.printStackTrace(new PrintWriter(details));
        log(message + "\n" + details);
        Report r = new Report(message, details.toString(), logFile, thread, summary);
        if (!dialogOpen.compareAndSet(false, true)) return;
        Runnable show = () -> {
            try {
                presenter.accept(r);
            } finally {
                dialogOpen.set(false);
            }
        };
        try {
            if (Platform.isFxApplicationThread()) show.run();
            else Platform.runLater(show);
        } catch (IllegalStateException toolkitGone) {
            dialogOpen.set(false);
            System.err.println(message + " (details in " + logFile + ")");
        }
    }

    static String summary(Throwable e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return m == null || m.isBlank() ? kind : m + " (" + kind + ")";
    }

    private synchronized void log(String text) {
        try {
            Files.writeString(logFile, LocalDateTime.now() + " " + text + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException io) {
            System.err.println(text);
        }
    }

    private void showDialog(Report r) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.getDialogPane().setId("errorDialog");
        Window w = owner;
        if (w != null && w.isShowing()) {
            alert.initOwner(w);
            if (w.getScene() != null) alert.getDialogPane().setStyle(w.getScene().getRoot().getStyle());
        }
        alert.setTitle("VAE Explorer");
        alert.setHeaderText(I18n.get("errorReport.header"));
        TextArea area = new TextArea(r.details());
        area.setEditable(false);
        area.setPrefRowCount(14);
        Label where = new Label(I18n.format("errorReport.logFile", r.logFile()));
        where.setWrapText(true);
        alert.getDialogPane().setContent(new Label(r.shownMessage() + "\n\n" + I18n.get("errorReport.keepsRunning")));
        alert.getDialogPane().setExpandableContent(new VBox(6, where, area));
        Dialogs.translateButtons(alert.getDialogPane());
        translateDetailsButton(alert.getDialogPane());
        alert.showAndWait();
    }

    /**
     * "Show details" / "Hide details" in the UI's language (JavaFX says them in the system's language). The pane puts
     * its details link among the buttons of its button bar when it gets expandable content.
     */
    private static void translateDetailsButton(DialogPane pane) {
        if (!(pane.lookup(".button-bar") instanceof ButtonBar bar)) return;
        for (Node n : bar.getButtons())
            if (n instanceof Hyperlink link && link.getStyleClass().contains("details-button")) {
                Runnable relabel = () -> link.setText(I18n.get(pane.isExpanded() ? "errorReport.hideDetails"
                        : "errorReport.showDetails"));
                relabel.run();
                pane.expandedProperty().addListener((o, a, b) -> relabel.run()); // after the pane's own listener
            }
    }
}
