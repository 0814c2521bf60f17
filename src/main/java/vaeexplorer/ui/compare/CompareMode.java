package vaeexplorer.ui.compare;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ToggleButton;
import vaeexplorer.core.train.TrainingRun.State;

import vaeexplorer.ui.datasets.DatasetLibrary;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.training.ResetGuard;
import vaeexplorer.ui.training.RunCommands;
import vaeexplorer.ui.training.SettingsModel;
import vaeexplorer.ui.training.TrainingModel;

/**
 * Compare mode as a switch: on, the explorer's model pauses and the beta = 0 / beta = 1 pair ({@link CompareModel})
 * trains; off, the pair pauses and the explorer's model goes on if it was training. The Run buttons and keys drive
 * {@link #run()}: the explorer's model, or the pair while compare mode is on. FX thread.
 */
public final class CompareMode {
    private final BooleanProperty on = new SimpleBooleanProperty(false);
    private final TrainingModel main;
    private final CompareModel pair;
    private final RunCommands run;
    private boolean mainWasRunning;

    /** @param resetPrompt asks before Reset throws away the explorer's trained model (see {@link ResetGuard}) */
    public CompareMode(SettingsModel settings, DatasetLibrary library, TrainingModel main, ResetGuard.Prompt resetPrompt) {
        this.main = main;
        pair = new CompareModel(settings, library);
        run = new ResetGuard(new ActiveRun(on, main, pair), () -> !on.get(), () -> main.step().get(), resetPrompt);
        on.addListener((o, was, now) -> switched(now));
    }

    /** Compare beta = 0 vs 1: on shows the two runs instead of the explorer's plot and chart. */
    public BooleanProperty on() { return on; }
    public CompareModel pair() { return pair; }
    /** What the Run buttons and keys drive: the explorer's model, or both compare runs. */
    public RunCommands run() { return run; }

    public void toggle() {
        on.set(!on.get());
    }

    /** The compare toggle for the side bar's Run section. */
    public ToggleButton toggleButton() {
        ToggleButton b = new ToggleButton();
        b.textProperty().bind(I18n.tr("classroom.compare"));
        b.setId("compareToggle");
        b.setMaxWidth(Double.MAX_VALUE);
        b.selectedProperty().bindBidirectional(on);
        return b;
    }

    private void switched(boolean now) {
        if (now) {
            mainWasRunning = main.state().get() == State.RUNNING;
            main.pause();
            pair.start();
        } else {
            pair.pause();
            if (mainWasRunning) main.resume();
        }
    }

    /** Ends the compare runs' threads. */
    public void shutdown() {
        pair.shutdown();
    }
}
