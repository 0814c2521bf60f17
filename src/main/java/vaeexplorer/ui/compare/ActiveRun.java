package vaeexplorer.ui.compare;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableBooleanValue;

import vaeexplorer.ui.training.RunCommands;

/** The run the Run buttons and keys act on: the explorer's model, or the compare pair while compare mode is on. */
final class ActiveRun implements RunCommands {
    private final ObservableBooleanValue compare;
    private final RunCommands single;
    private final RunCommands pair;
    private final BooleanBinding canTrain;
    private final BooleanBinding canPause;
    private final BooleanBinding canResume;
    private final BooleanBinding canStep;
    private final BooleanBinding canReset;

    ActiveRun(ObservableBooleanValue compare, RunCommands single, RunCommands pair) {
        this.compare = compare;
        this.single = single;
        this.pair = pair;
        canTrain = pick(single.canTrain(), pair.canTrain());
        canPause = pick(single.canPause(), pair.canPause());
        canResume = pick(single.canResume(), pair.canResume());
        canStep = pick(single.canStep(), pair.canStep());
        canReset = pick(single.canReset(), pair.canReset());
    }

    private BooleanBinding pick(BooleanExpression one, BooleanExpression two) {
        return Bindings.createBooleanBinding(() -> compare.get() ? two.get() : one.get(), compare, one, two);
    }

    RunCommands current() {
        return compare.get() ? pair : single;
    }

    @Override public BooleanBinding canTrain() { return canTrain; }
    @Override public BooleanBinding canPause() { return canPause; }
    @Override public BooleanBinding canResume() { return canResume; }
    @Override public BooleanBinding canStep() { return canStep; }
    @Override public BooleanBinding canReset() { return canReset; }
    @Override public void train() { current().train(); }
    @Override public void pause() { current().pause(); }
    @Override public void resume() { current().resume(); }
    @Override public void stepOnce() { current().stepOnce(); }
    @Override public void reset() { current().reset(); }
}
