package vaeexplorer.ui.training;

import javafx.beans.binding.BooleanExpression;

/**
 * What the Run buttons and the keyboard drive: one model ({@link TrainingModel}) or the beta = 0 / beta = 1 pair of
 * compare mode (ui.compare). Used on the FX thread; commands that do not apply now do nothing.
 */
public interface RunCommands {
    BooleanExpression canTrain();

    BooleanExpression canPause();

    BooleanExpression canResume();

    BooleanExpression canStep();

    BooleanExpression canReset();

    void train();

    void pause();

    void resume();

    void stepOnce();

    void reset();

    /** Pause, Resume or Train, whichever applies now (Space). */
    default void toggle() {
        if (canPause().get()) pause();
        else if (canResume().get()) resume();
        else if (canTrain().get()) train();
    }
}
