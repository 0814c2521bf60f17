package vaeexplorer.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** Reset asks before it throws away a trained, unsaved model; the view-model alone, no window. */
class ResetGuardTest {
    /** Counts the commands that reach the model. */
    static final class Commands implements RunCommands {
        final SimpleBooleanProperty canReset = new SimpleBooleanProperty(true);
        int resets;

        @Override public BooleanExpression canTrain() { return new SimpleBooleanProperty(true); }
        @Override public BooleanExpression canPause() { return new SimpleBooleanProperty(false); }
        @Override public BooleanExpression canResume() { return new SimpleBooleanProperty(false); }
        @Override public BooleanExpression canStep() { return new SimpleBooleanProperty(true); }
        @Override public BooleanExpression canReset() { return canReset; }
        @Override public void train() { }
        @Override public void pause() { }
        @Override public void resume() { }
        @Override public void stepOnce() { }
        @Override public void reset() { resets++; }
    }

    /** Keeps the questions and the save requests for the test to answer. */
    static final class Prompt implements ResetGuard.Prompt {
        boolean saved;
        final List<Long> asked = new ArrayList<>();
        Consumer<ResetGuard.Choice> answer;
        Runnable afterSave;

        @Override public boolean saved() { return saved; }
        @Override public void ask(long steps, Consumer<ResetGuard.Choice> a) {
            asked.add(steps);
            answer = a;
        }
        @Override public void saveThen(Runnable then) { afterSave = then; }
    }

    private final Commands model = new Commands();
    private final Prompt prompt = new Prompt();
    private long steps;
    private boolean compareOn;
    private final ResetGuard guard = new ResetGuard(model, () -> !compareOn, () -> steps, prompt);

    @Test
    void anUntrainedModelResetsAtOnce() {
        guard.reset();
        assertEquals(1, model.resets);
        assertTrue(prompt.asked.isEmpty());
    }

    @Test
    void aTrainedModelIsKeptWhenTheQuestionIsCancelled() {
        steps = 1234;
        guard.reset();
        assertEquals(List.of(1234L), prompt.asked);
        assertEquals(0, model.resets, "nothing happens before the answer");
        prompt.answer.accept(ResetGuard.Choice.CANCEL);
        assertEquals(0, model.resets);
    }

    @Test
    void resetWithoutSavingResets() {
        steps = 10;
        guard.reset();
        prompt.answer.accept(ResetGuard.Choice.DISCARD);
        assertEquals(1, model.resets);
    }

    @Test
    void saveResetsOnlyOnceTheFileIsInPlace() {
        steps = 10;
        guard.reset();
        prompt.answer.accept(ResetGuard.Choice.SAVE);
        assertEquals(0, model.resets, "not before the save has finished");
        prompt.afterSave.run();
        assertEquals(1, model.resets);
    }

    @Test
    void aSavedModelResetsWithoutAsking() {
        steps = 10;
        prompt.saved = true;
        assertFalse(guard.wouldAsk());
        guard.reset();
        assertEquals(1, model.resets);
        assertTrue(prompt.asked.isEmpty());
    }

    @Test
    void compareModeResetsThePairWithoutAskingForTheExplorersModel() {
        steps = 10;
        compareOn = true;
        guard.reset();
        assertEquals(1, model.resets);
        assertTrue(prompt.asked.isEmpty());
    }

    @Test
    void aSecondResetWhileTheQuestionIsOpenDoesNotAskAgain() {
        steps = 10;
        guard.reset();
        guard.reset();
        assertEquals(1, prompt.asked.size());
        prompt.answer.accept(ResetGuard.Choice.DISCARD);
        assertEquals(1, model.resets);
        guard.reset();
        assertEquals(2, prompt.asked.size(), "asks again once answered");
    }

    @Test
    void noResetWhenResetIsNoLongerAllowedByTheTimeTheAnswerComes() {
        steps = 10;
        guard.reset();
        model.canReset.set(false); // e.g. a data set is loading
        prompt.answer.accept(ResetGuard.Choice.DISCARD);
        assertEquals(0, model.resets);
    }

    @Test
    void aDisabledResetDoesNotAsk() {
        steps = 10;
        model.canReset.set(false);
        guard.reset();
        assertTrue(prompt.asked.isEmpty());
        assertEquals(0, model.resets);
    }

    @Test
    void theQuestionSaysOneStepNotOneSteps() {
        vaeexplorer.ui.i18n.I18n.useOnThisThread(java.util.Locale.ENGLISH);
        try {
            String one = ResetGuard.question(1);
            assertTrue(one.contains("one step"), one);
            assertFalse(one.contains("1 steps"), one);
            String many = ResetGuard.question(2500);
            assertTrue(many.contains("2,500 steps"), many);
        } finally {
            vaeexplorer.ui.i18n.I18n.useOnThisThread(null);
        }
    }
}
