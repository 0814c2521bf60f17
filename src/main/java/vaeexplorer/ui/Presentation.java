package vaeexplorer.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Presentation mode for a projector: full screen, text scaled to the screen (so it is as large, relative to the
 * picture, at 1280x720 as at 1920x1080) and lines twice as thick; leaving it (F11, Esc) restores the text size. The
 * controls and the loss chart can be hidden, in or out of presentation mode.
 */
final class Presentation {
    /** Text scale on a 720-line screen; taller screens get proportionally more. */
    static final double SCALE_AT_720 = 1.3;
    static final double LINE_SCALE = 2;

    private final Stage stage;
    private final TextScale text;
    private final BooleanProperty on = new SimpleBooleanProperty(false);
    private final BooleanProperty showControls = new SimpleBooleanProperty(true);
    private final BooleanProperty showChart = new SimpleBooleanProperty(true);
    private final DoubleBinding lineScale = Bindings.when(on).then(LINE_SCALE).otherwise(1.0);
    private double savedScale = 1;

    Presentation(Stage stage, TextScale text) {
        this.stage = stage;
        this.text = text;
        on.addListener((o, was, now) -> apply(now));
        stage.fullScreenProperty().addListener((o, was, full) -> {
            if (!full && on.get()) on.set(false); // Esc left full screen
        });
    }

    /** Whether presentation mode is on. */
    BooleanProperty on() { return on; }
    BooleanProperty showControls() { return showControls; }
    BooleanProperty showChart() { return showChart; }
    /** Line widths multiply by this: 1, or {@link #LINE_SCALE} in presentation mode. */
    DoubleBinding lineScale() { return lineScale; }

    void toggle() {
        on.set(!on.get());
    }

    /** The text scale for a screen this size: 1.3 at 720 lines, 1.95 at 1080, between 1.3 and 2.4. */
    static double scaleFor(Rectangle2D screen) {
        double s = SCALE_AT_720 * screen.getHeight() / 720;
        return Math.round(Math.max(SCALE_AT_720, Math.min(2.4, s)) * 20) / 20.0;
    }

    private void apply(boolean now) {
        if (now) {
            savedScale = text.scale().get();
            var screens = Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            Screen screen = screens.isEmpty() ? Screen.getPrimary() : screens.get(0);
            text.scale().set(Math.max(savedScale, scaleFor(screen.getBounds())));
            stage.setFullScreenExitHint("Presentation mode: F11 or Esc to leave.");
            stage.setFullScreen(true);
        } else {
            text.scale().set(savedScale);
            stage.setFullScreen(false);
        }
    }
}
