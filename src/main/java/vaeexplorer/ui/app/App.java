package vaeexplorer.ui.app;

import javafx.application.Application;
import javafx.stage.Stage;
import vaeexplorer.core.nn.backend.MatMulBackends;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Language;

/**
 * The JavaFX application: one {@link Explorer} window, with an {@link ErrorReporter} for whatever nothing else caught
 * (on any thread, the trainer's included: logged to {@link ErrorReporter#defaultLogFile()} and shown in a short
 * dialog). System properties for demos: {@code vaeexplorer.autotrain=true}
 * starts training at once; {@code vaeexplorer.textScale=1.5} starts with larger text; {@code vaeexplorer.threads=N}
 * sets the trainer's matrix threads (default: all cores but one); {@code vaeexplorer.language=zh-CN} (or {@code en})
 * chooses the UI language,
 * which otherwise follows the last choice in the Language menu, then the system locale.
 */
public final class App extends Application {
    private Explorer explorer;
    private ErrorReporter errors;

    public static void launchApp(String[] args) {
        Application.launch(App.class, args);
    }

    @Override
    public void start(Stage stage) {
        // compile the matrix kernels while the window builds and the first data loads: the first Train is then at full
        // speed from its first step
        MatMulBackends.warmUpInBackground();
        errors = new ErrorReporter(ErrorReporter.defaultLogFile());
        errors.install();
        errors.setDialogOwner(stage);
        I18n.locale().set(Language.inAppHome().startLocale());
        explorer = Explorer.open(stage, null, Boolean.getBoolean("vaeexplorer.autotrain"));
        // large the first time, then as the user left it (tests open their own windows at a size of their own); after
        // show, as a size set before is lost under some window managers (openbox: 200 x 200, or the minimum size)
        new WindowPlacement(vaeexplorer.core.io.AppHome.path().resolve("window.properties")).apply(stage);
        String scale = System.getProperty("vaeexplorer.textScale");
        if (scale != null) {
            try {
                explorer.text().scale().set(Math.max(0.5, Math.min(3, Double.parseDouble(scale))));
            } catch (NumberFormatException e) {
                System.err.println("vaeexplorer.textScale: not a number: " + scale);
            }
        }
    }

    @Override
    public void stop() {
        if (explorer != null) explorer.shutdown();
    }
}
