package vaeexplorer.ui.app;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.InvalidationListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.widgets.TextScale;

/**
 * Presentation mode for a projector: full screen, text scaled to the window's height (so it is as large, relative to
 * the picture, at 1280x720 as at 1920x1080) and lines twice as thick; leaving it (F11, Esc) restores the text size.
 * The controls and the loss chart can be hidden, in or out of presentation mode; presentation mode hides the controls
 * (the room watches the plots; Space, Ctrl+T and S still train, Ctrl+1 shows them) and leaving it shows them again
 * if they were shown before.
 */
public final class Presentation {
    /** Text scale on a 720-line screen; taller screens get proportionally more. */
    public static final double SCALE_AT_720 = TextScale.PRESENTATION_AT_720;
    static final double LINE_SCALE = 2;

    private final Stage stage;
    private final TextScale text;
    private final BooleanProperty on = new SimpleBooleanProperty(false);
    private final BooleanProperty showControls = new SimpleBooleanProperty(true);
    private final BooleanProperty showChart = new SimpleBooleanProperty(true);
    private final DoubleBinding lineScale = Bindings.when(on).then(LINE_SCALE).otherwise(1.0);
    private double savedScale = 1;
    private boolean controlsWereShown = true;
    private final InvalidationListener follow = o -> rescale();

    Presentation(Stage stage, TextScale text) {
        this.stage = stage;
        this.text = text;
        on.addListener((o, was, now) -> apply(now));
        stage.fullScreenProperty().addListener((o, was, full) -> {
            if (!full && on.get()) on.set(false); // Esc left full screen
        });
    }

    /** Whether presentation mode is on. */
    public BooleanProperty on() { return on; }
    public BooleanProperty showControls() { return showControls; }
    BooleanProperty showChart() { return showChart; }
    /** Line widths multiply by this: 1, or {@link #LINE_SCALE} in presentation mode. */
    DoubleBinding lineScale() { return lineScale; }

    void toggle() {
        on.set(!on.get());
    }

    /** The text scale for a window this tall: 1.3 at 720 lines, 1.95 at 1080, between 1.3 and 2.4, in steps of 0.05. */
    public static double scaleFor(double height) {
        double s = SCALE_AT_720 * height / 720;
        return Math.round(Math.max(SCALE_AT_720, Math.min(2.4, s)) * 20) / 20.0;
    }

    private void apply(boolean now) {
        Scene scene = stage.getScene();
        if (now) {
            savedScale = text.scale().get();
            controlsWereShown = showControls.get();
            showControls.set(false);
            stage.setFullScreenExitHint(I18n.get("presentation.exitHint"));
            stage.setFullScreen(true);
            // the text follows the window's height: it is set now and again when full screen has taken effect
            rescale();
            if (scene != null) scene.heightProperty().addListener(follow);
        } else {
            if (scene != null) scene.heightProperty().removeListener(follow);
            text.scale().set(savedScale);
            showControls.set(controlsWereShown);
            stage.setFullScreen(false);
        }
    }

    private void rescale() {
        Scene scene = stage.getScene();
        if (scene != null && scene.getHeight() > 0) text.scale().set(Math.max(savedScale, scaleFor(scene.getHeight())));
    }
}
