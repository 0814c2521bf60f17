package vaeexplorer.ui.training;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.train.LossHistory;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.RunProblem;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.core.train.TrainingRun.State;
import vaeexplorer.core.train.TrainingSnapshot;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.concurrent.Coalescer;
import vaeexplorer.ui.datasets.DatasetLibrary;
import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.ProblemTexts;

/**
 * The training side of the explorer, used on the FX thread: builds models from the settings, starts, pauses, steps
 * and resets runs, and turns the trainer's snapshots (handed over by a {@link Coalescer}) into properties the views
 * bind to. Commands never wait for the trainer; only {@link #shutdown()} waits, briefly, for its thread to end.
 *
 * <p>{@link #state()} is what the user asked for (ready, running, paused) until the run itself ends (finished,
 * diverged, failed): the buttons follow a click at once, not one report later.
 *
 * <p>The texts ({@link #stateText()}, {@link #status()}, {@link #message()}, {@link #buildError()}) are in the UI's
 * language and are worded again from their data when the language changes, also while paused or ended.
 */
public final class TrainingModel implements RunCommands {
    private final SettingsModel settings;
    private final DatasetLibrary library;
    private final Executor fx;

    private TrainingRun run;
    private long generation;
    private TrainingSnapshot last;
    /** Wall time spent running (training and encoding for the plot), excluding pauses. */
    private long wallNanos;
    private long runningSince = -1;
    private volatile java.util.function.BiConsumer<Dataset, TrainingSnapshot> tap;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper resetting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<DataSplit> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Dataset> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ModelSnapshot> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LatentCodes> codes = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LossPoint> latestLoss = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<double[]> klPerDim = new ReadOnlyObjectWrapper<>();
    private final LossRecord losses = new LossRecord();
    private final RunStatusText texts = new RunStatusText();
    private final ReadOnlyIntegerWrapper modelVersion = new ReadOnlyIntegerWrapper();
    /** What the status says about an opened session before it trains (in the UI's language), or "". */
    private Supplier<String> openedNote = () -> "";
    /** Why the run ended early, or null; {@link #message} words it. */
    private RunProblem problem;
    /** Why the last build failed, in the UI's language, or ""; {@link #buildError} shows it. */
    private Supplier<String> buildErrorText = () -> "";
    /** Rewords the texts when the language changes (held here: the locale property only holds it weakly). */
    private final InvalidationListener relabel = o -> refreshTexts();
    private final ReadOnlyIntegerWrapper epochsEnded = new ReadOnlyIntegerWrapper();
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper epochProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper runProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(I18n.get("state.starting"));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper buildError = new ReadOnlyStringWrapper("");

    private final BooleanBinding canTrain;
    private final ObservableList<SettingChange> settingChanges = FXCollections.observableArrayList();
    private final ObservableList<SettingChange> readOnlyChanges = FXCollections.unmodifiableObservableList(settingChanges);
    private final long[] lastChangeNanos = new long[SettingChange.Kind.values().length];
    private double appliedBeta = Double.NaN, appliedLearningRate = Double.NaN;
    private final ReadOnlyStringWrapper betaText = new ReadOnlyStringWrapper("");
    private final BooleanBinding canPause;
    private final BooleanBinding canResume;
    private final BooleanBinding canStep;
    private final BooleanBinding canReset;

    public TrainingModel(SettingsModel settings, DatasetLibrary library) {
        this(settings, library, Platform::runLater);
    }

    TrainingModel(SettingsModel settings, DatasetLibrary library, Executor fx) {
        this.settings = settings;
        this.library = library;
        this.fx = fx;
        canTrain = Bindings.createBooleanBinding(() -> settings.valid().get() && !resetting.get()
                && (state.get() == null || state.get() == State.IDLE || state.get().isOver()), state, resetting, settings.valid());
        canPause = Bindings.createBooleanBinding(() -> state.get() == State.RUNNING, state);
        canResume = Bindings.createBooleanBinding(() -> state.get() == State.PAUSED || state.get() == State.DIVERGED, state);
        canStep = Bindings.createBooleanBinding(() -> !resetting.get()
                && (state.get() == State.IDLE || state.get() == State.PAUSED), state, resetting);
        canReset = Bindings.createBooleanBinding(() -> settings.valid().get() && !resetting.get(), settings.valid(), resetting);
        settings.beta().addListener((o, a, b) -> applyLiveSettings());
        settings.learningRate().addListener((o, a, b) -> applyLiveSettings());
        settings.klWarmup().addListener((o, a, b) -> applyLiveSettings());
        settings.speedLimit().addListener((o, a, b) -> {
            applyLiveSettings();
            updateStatus();
        });
        settings.dataset().addListener((o, a, b) -> setBuildError(null));
        settings.batchSize().addListener((o, a, b) -> setBuildError(null));
        state.addListener((o, a, b) -> {
            long now = System.nanoTime();
            if (a == State.RUNNING && runningSince >= 0) wallNanos += now - runningSince;
            runningSince = b == State.RUNNING ? now : -1;
            updateStatus();
        });
        resetting.addListener((o, a, b) -> updateStatus());
        I18n.locale().addListener(new WeakInvalidationListener(relabel));
    }

    // ---- commands (FX thread) ----

    /**
     * Trains: a finished model goes on for as many more epochs as the Epochs field says (a new model comes only from
     * Reset); a fresh model starts if its settings are current; otherwise a new model is built and trained.
     */
    public void train() {
        if (!canTrain.get()) return;
        RunSettings s = settings.parsed().get();
        if (run != null && state.get() == State.FINISHED && s != null) trainMore(s.epochs());
        else if (run != null && state.get() == State.IDLE && !settings.hasPendingChanges()) start(false);
        else rebuild(true);
    }

    /** The finished run's trainer goes on for more epochs, on a new trainer thread; nothing of the model is lost. */
    private void trainMore(int epochs) {
        Trainer trainer = run.trainer();
        trainer.trainMoreEpochs(epochs);
        attach(RunFactory.continueWith(trainer, shown.get(), listenerFor(++generation, shown.get())));
        start(false);
    }

    public void pause() {
        if (state.get() != State.RUNNING) return;
        run.pause();
        state.set(State.PAUSED);
    }

    /** Goes on after a pause, or after divergence (with the rolled-back weights and the current learning rate). */
    public void resume() {
        if (state.get() == State.PAUSED) {
            applyLiveSettings();
            run.resume();
            state.set(State.RUNNING);
        } else if (state.get() == State.DIVERGED) {
            setProblem(null);
            attach(RunFactory.continueWith(run.trainer(), shown.get(), listenerFor(++generation, shown.get())));
            applyLiveSettings();
            run.start(false);
            state.set(State.RUNNING);
        }
    }

    /** Trains one batch, then stays paused. */
    public void stepOnce() {
        if (!canStep.get()) return;
        if (state.get() == State.IDLE) start(true);
        applyLiveSettings();
        run.stepOnce();
    }

    /** Throws the model away and builds a new one from the settings (untrained, not started). */
    public void reset() {
        if (canReset.get()) rebuild(false);
    }

    /**
     * Puts an opened session in place of the current model: trainer (weights and training state restored, not
     * started), its data, the settings it was made with, its loss history and the encodings of the shown images. Train
     * and Step then go on from the trainer's step, so the curves continue without a jump.
     *
     * @param note what the status says about the session until it trains; asked again when the language changes
     */
    public void restore(RunSettings s, DataSplit split, Dataset shownSet, Trainer trainer, LossHistory saved,
            LatentCodes savedCodes, Supplier<String> note) {
        long token = ++generation;
        if (run != null) run.stop(0);
        run = null;
        state.set(null);
        clearDisplays();
        setBuildError(null);
        setProblem(null);
        resetting.set(false);
        data.set(split);
        shown.set(shownSet);
        settings.applied().set(s);
        attach(RunFactory.continueWith(trainer, shownSet, listenerFor(token, shownSet)));
        losses.add(saved.points(), saved.tests());
        step.set(trainer.step());
        int epochSize = split.train().size();
        epochProgress.set((double) trainer.epochProgress() / epochSize);
        runProgress.set(Math.min(1, (trainer.epoch() + (double) trainer.epochProgress() / epochSize) / trainer.config().epochs()));
        model.set(trainer.vae().snapshot()); // the thread has not started: nobody else touches the model yet
        codes.set(savedCodes);
        openedNote = note == null ? () -> "" : note;
        modelVersion.set(modelVersion.get() + 1);
        state.set(trainer.epoch() >= trainer.config().epochs() ? State.FINISHED : State.IDLE);
        updateStatus();
    }

    /** As {@link #restore(RunSettings, DataSplit, Dataset, Trainer, LossHistory, LatentCodes, Supplier)} with a fixed note. */
    public void restore(RunSettings s, DataSplit split, Dataset shownSet, Trainer trainer, LossHistory saved,
            LatentCodes savedCodes, String note) {
        restore(s, split, shownSet, trainer, saved, savedCodes, () -> note);
    }

    /** Ends the trainer thread, waiting for it up to two seconds. Idempotent. */
    public void shutdown() {
        generation++;
        if (run != null) run.stop(2000);
    }

    // ---- state ----

    public ReadOnlyObjectProperty<State> state() { return state.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty resetting() { return resetting.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<DataSplit> data() { return data.getReadOnlyProperty(); }
    /** The held-out images encoded for the scatter. */
    public ReadOnlyObjectProperty<Dataset> shown() { return shown.getReadOnlyProperty(); }
    /** The latest copy of the model. */
    public ReadOnlyObjectProperty<ModelSnapshot> model() { return model.getReadOnlyProperty(); }
    /** The latest encodings of the shown images, or null before the first. */
    public ReadOnlyObjectProperty<LatentCodes> codes() { return codes.getReadOnlyProperty(); }
    /** The newest training loss point (its beta is the one in effect, lower during KL warm-up), or null. */
    public ReadOnlyObjectProperty<LossPoint> latestLoss() { return latestLoss.getReadOnlyProperty(); }
    /** Mean KL of each latent dimension over the newest reporting interval (nats), or null before the first. */
    public ReadOnlyObjectProperty<double[]> klPerDim() { return klPerDim.getReadOnlyProperty(); }
    /** Changes of beta and the learning rate made while this model trained, in step order (cleared on Reset). */
    public ObservableList<SettingChange> settingChanges() { return readOnlyChanges; }
    /** The beta training uses now, worded for the large figure over the plot ("" before the first loss). */
    public ReadOnlyStringProperty betaText() { return betaText.getReadOnlyProperty(); }
    /** The run's losses: the chart's curves, the points for sessions and exports, the newest of each. */
    public LossRecord losses() { return losses; }
    /** Changes whenever a new model replaces the current one (Reset, Train from scratch, an opened session). */
    public ReadOnlyIntegerProperty modelVersion() { return modelVersion.getReadOnlyProperty(); }
    /**
     * Counts the epochs this model's trainer has ended while shown here (each ends with its test loss); it changes
     * once per epoch end, also when one report brings several. Not changed by a restored history or a reset.
     */
    public ReadOnlyIntegerProperty epochsEnded() { return epochsEnded.getReadOnlyProperty(); }
    public ReadOnlyLongProperty step() { return step.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty epochProgress() { return epochProgress.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty runProgress() { return runProgress.getReadOnlyProperty(); }
    /** "Training", "Paused", ... in the UI's language. */
    public ReadOnlyStringProperty stateText() { return stateText.getReadOnlyProperty(); }
    /** Epoch, step, speed, times and losses. */
    public ReadOnlyStringProperty status() { return status.getReadOnlyProperty(); }
    /** Why the run ended (divergence, failure) in the UI's language, or "". */
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
    /** Why the last Reset could not build a model, or "". */
    public ReadOnlyStringProperty buildError() { return buildError.getReadOnlyProperty(); }
    public BooleanBinding canTrain() { return canTrain; }
    public BooleanBinding canPause() { return canPause; }
    public BooleanBinding canResume() { return canResume; }
    public BooleanBinding canStep() { return canStep; }
    public BooleanBinding canReset() { return canReset; }

    /** The current run (for tests and diagnostics), or null. */
    public TrainingRun currentRun() {
        return run;
    }

    // ---- internals ----

    private void rebuild(boolean thenTrain) {
        RunSettings s = settings.parsed().get();
        if (s == null) return;
        long token = ++generation;
        if (run != null) run.stop(0); // ask the old thread to end without waiting; it finishes its batch on its own
        run = null;
        clearDisplays();
        setBuildError(null);
        setProblem(null);
        resetting.set(true);
        state.set(null);
        library.load(s.dataset(), false, split -> {
            if (token != generation) return;
            resetting.set(false);
            build(s, split, thenTrain);
        }, error -> {
            if (token != generation) return;
            resetting.set(false);
            setBuildError(() -> error);
            updateStatus();
        });
    }

    private void build(RunSettings s, DataSplit split, boolean thenTrain) {
        Dataset shownSet = RunFactory.shownImages(split);
        TrainingRun r;
        int images = split.train().size();
        if (s.batchSize() > images) { // the one misfit of valid settings and data that the settings cannot see
            setBuildError(() -> I18n.format("build.batchTooLarge", s.batchSize(), images));
            updateStatus();
            return;
        }
        try {
            r = RunFactory.create(split, s, shownSet, listenerFor(generation, shownSet));
        } catch (IllegalArgumentException e) { // the core's own check caught what the settings did not
            String detail = Formats.sentence(ProblemTexts.refusal(e));
            setBuildError(() -> I18n.format("build.failed", detail));
            updateStatus();
            return;
        }
        data.set(split);
        shown.set(shownSet);
        settings.applied().set(s);
        attach(r);
        model.set(r.trainer().vae().snapshot()); // the thread has not started: nobody else touches the model yet
        modelVersion.set(modelVersion.get() + 1);
        state.set(State.IDLE);
        if (thenTrain) start(false);
        updateStatus();
    }

    private void attach(TrainingRun r) {
        run = r;
    }

    private java.util.function.Consumer<TrainingSnapshot> listenerFor(long gen, Dataset shownSet) {
        Coalescer<TrainingSnapshot> c = new Coalescer<>(TrainingSnapshot::followedBy, snap -> {
            if (gen == generation) onSnapshot(snap);
        }, fx);
        return snap -> {
            java.util.function.BiConsumer<Dataset, TrainingSnapshot> t = tap;
            if (t != null) t.accept(shownSet, snap);
            c.offer(snap);
        };
    }

    /**
     * Sees every snapshot on the trainer thread, before they are merged for the FX thread (the timeline keeps the
     * epoch ends this way), with the shown images of its model: a new model has a new set, so they tell models apart.
     * The tap must return quickly and be thread-safe.
     */
    public void setTap(java.util.function.BiConsumer<Dataset, TrainingSnapshot> tap) {
        this.tap = tap;
    }

    private void start(boolean paused) {
        applyLiveSettings();
        run.start(paused);
        state.set(paused ? State.PAUSED : State.RUNNING);
    }

    private void applyLiveSettings() {
        if (run == null) return;
        double b = settings.betaValue(), lr = settings.learningRateValue(), w = settings.klWarmupValue();
        if (!Double.isNaN(b)) {
            noteChange(SettingChange.Kind.BETA, appliedBeta, b);
            appliedBeta = b;
            run.setBeta(b);
        }
        if (!Double.isNaN(lr)) {
            noteChange(SettingChange.Kind.LEARNING_RATE, appliedLearningRate, lr);
            appliedLearningRate = lr;
            run.setLearningRate(lr);
        }
        if (!Double.isNaN(w)) run.setKlWarmupEpochs(w);
        run.setSpeedLimit(settings.speedLimit().get());
    }

    /**
     * Keeps a change of beta or the learning rate made after training began, for the loss chart's markers. Changes of
     * one kind within a few seconds are one change (the keystrokes of typing "0.25"); one that undoes itself is none.
     */
    private void noteChange(SettingChange.Kind kind, double from, double to) {
        if (Double.isNaN(from) || from == to || step.get() == 0) return;
        long now = System.nanoTime();
        SettingChange last = null;
        for (int i = settingChanges.size() - 1; i >= 0 && last == null; i--)
            if (settingChanges.get(i).kind() == kind) last = settingChanges.get(i);
        if (last != null && now - lastChangeNanos[kind.ordinal()] < SettingChange.MERGE_NANOS) {
            settingChanges.remove(last);
            from = last.from();
        }
        lastChangeNanos[kind.ordinal()] = now;
        if (from != to) settingChanges.add(new SettingChange(step.get(), kind, from, to));
    }

    /** What the KL warm-up does now, for the texts. */
    private RunStatusText.Warmup warmup() {
        return run == null ? RunStatusText.Warmup.NONE
                : new RunStatusText.Warmup(run.trainer().klWarmupEpochs(), run.trainer().beta());
    }

    private void clearDisplays() {
        losses.clear();
        openedNote = () -> "";
        codes.set(null);
        step.set(0);
        epochProgress.set(0);
        runProgress.set(0);
        last = null;
        wallNanos = 0;
        texts.clear();
        latestLoss.set(null);
        klPerDim.set(null);
        settingChanges.clear();
        appliedBeta = appliedLearningRate = Double.NaN;
        betaText.set("");
    }

    private void onSnapshot(TrainingSnapshot s) {
        losses.add(s.losses(), s.tests());
        if (!s.losses().isEmpty()) {
            latestLoss.set(losses.lastLoss());
            if (s.klPerDim() != null) klPerDim.set(s.klPerDim());
        }
        step.set(s.step());
        epochProgress.set(s.state() == State.FINISHED ? 1 : s.epochProgress());
        runProgress.set(s.state() == State.FINISHED ? 1 : s.runProgress());
        if (s.model() != null) model.set(s.model());
        if (s.latent() != null) codes.set(s.latent());
        last = s;
        // after the model and step: a listener sees the model as it was at (or just after) the epoch's end
        if (!s.tests().isEmpty()) epochsEnded.set(epochsEnded.get() + s.tests().size());
        if (s.state().isOver()) {
            if (s.problem() != null) setProblem(s.problem());
            state.set(s.state());
        }
        updateStatus();
    }

    private void setProblem(RunProblem p) {
        problem = p;
        message.set(p == null ? "" : RunStatusText.describe(p));
    }

    private void setBuildError(Supplier<String> text) {
        buildErrorText = text == null ? () -> "" : text;
        buildError.set(buildErrorText.get());
    }

    /** Words every text again in the current language. */
    private void refreshTexts() {
        setProblem(problem);
        setBuildError(buildErrorText);
        updateStatus();
    }

    private void updateStatus() {
        betaText.set(RunStatusText.betaBadge(losses.lastLoss(), warmup()));
        State st = state.get();
        stateText.set(RunStatusText.state(st, resetting.get()));
        double elapsed = (wallNanos + (runningSince >= 0 ? System.nanoTime() - runningSince : 0)) / 1e9;
        status.set(texts.status(st, last, openedNote, settings.speedLimit().get(), elapsed, losses.lastLoss(),
                losses.lastTest(), warmup()));
    }
}
