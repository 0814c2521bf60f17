package vaeexplorer.ui.training;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import javafx.beans.binding.BooleanExpression;

import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;

/**
 * Reset of a trained model asks first: Save (then reset, once the file is in place), Reset without saving, or Cancel.
 * A model that has not trained, or whose current step is in its session file, is reset at once, and so is anything
 * that does not touch the explorer's own model (compare mode's pair). Wraps the commands the Run buttons and keys
 * drive; the question itself is asked by a {@link Prompt} (a dialog in the window, a fake in tests). FX thread.
 */
public final class ResetGuard implements RunCommands {
    /** How the user answered. */
    public enum Choice { SAVE, DISCARD, CANCEL }

    /** Asks, and saves. */
    public interface Prompt {
        /** True when the explorer's model as it is now (this step) is in a session file. */
        boolean saved();

        /** Asks what to do with a model trained for steps steps; answer is called once (Cancel when dismissed). */
        void ask(long steps, Consumer<Choice> answer);

        /** Asks for a file, saves to it, and calls then once the file is in place; not at all when cancelled or failed. */
        void saveThen(Runnable then);
    }

    private final RunCommands inner;
    private final BooleanSupplier touchesModel;
    private final LongSupplier steps;
    private final Prompt prompt;
    private boolean asking;

    /**
     * @param touchesModel whether a reset now replaces the explorer's own model (false in compare mode)
     * @param steps        the steps the explorer's model has trained
     */
    public ResetGuard(RunCommands inner, BooleanSupplier touchesModel, LongSupplier steps, Prompt prompt) {
        this.inner = inner;
        this.touchesModel = touchesModel;
        this.steps = steps;
        this.prompt = prompt;
    }

    /** Whether Reset now asks first. */
    /** The question's text for a model trained this many steps ("one step" for one, never "1 steps"). */
    public static String question(long steps) {
        return steps == 1 ? I18n.get("reset.askMessageOne") : I18n.format("reset.askMessage", Formats.count(steps));
    }

    public boolean wouldAsk() {
        return touchesModel.getAsBoolean() && steps.getAsLong() > 0 && !prompt.saved();
    }

    @Override
    public void reset() {
        if (asking || !inner.canReset().get()) return;
        if (!wouldAsk()) {
            inner.reset();
            return;
        }
        asking = true;
        prompt.ask(steps.getAsLong(), choice -> {
            asking = false;
            switch (choice) {
                case SAVE -> prompt.saveThen(this::resetIfStillAllowed);
                case DISCARD -> resetIfStillAllowed();
                case CANCEL -> { }
            }
        });
    }

    private void resetIfStillAllowed() {
        if (inner.canReset().get()) inner.reset();
    }

    @Override public BooleanExpression canTrain() { return inner.canTrain(); }
    @Override public BooleanExpression canPause() { return inner.canPause(); }
    @Override public BooleanExpression canResume() { return inner.canResume(); }
    @Override public BooleanExpression canStep() { return inner.canStep(); }
    @Override public BooleanExpression canReset() { return inner.canReset(); }
    @Override public void train() { inner.train(); }
    @Override public void pause() { inner.pause(); }
    @Override public void resume() { inner.resume(); }
    @Override public void stepOnce() { inner.stepOnce(); }
}
