package vaeexplorer.ui;

import java.util.concurrent.Executor;

import javafx.application.Platform;
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
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.train.LossHistory;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TestPoint;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.core.train.TrainingRun.State;
import vaeexplorer.core.train.TrainingSnapshot;
import vaeexplorer.core.vae.ModelSnapshot;

/**
 * The training side of the explorer, used on the FX thread: builds models from the settings, starts, pauses, steps
 * and resets runs, and turns the trainer's snapshots (handed over by a {@link Coalescer}) into properties the views
 * bind to. Commands never wait for the trainer; only {@link #shutdown()} waits, briefly, for its thread to end.
 *
 * <p>{@link #state()} is what the user asked for (ready, running, paused) until the run itself ends (finished,
 * diverged, failed): the buttons follow a click at once, not one report later.
 */
public final class TrainingModel implements RunCommands {
    private final SettingsModel settings;
    private final DatasetLibrary library;
    private final Executor fx;

    private TrainingRun run;
    private long generation;
    private TrainingSnapshot last;
    private LossPoint lastLoss;
    private TestPoint lastTest;
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
    private final LossCurves history = new LossCurves();
    /** Every loss point of the run (bounded), for sessions and exports; the chart draws {@link #history}. */
    private final LossHistory lossHistory = new LossHistory();
    private final ReadOnlyIntegerWrapper modelVersion = new ReadOnlyIntegerWrapper();
    /** What the status says about an opened session before it trains, or "". */
    private String openedNote = "";
    private final ReadOnlyIntegerWrapper historyVersion = new ReadOnlyIntegerWrapper();
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper epochProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper runProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("Starting…");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper buildError = new ReadOnlyStringWrapper("");

    private final BooleanBinding canTrain;
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
        settings.dataset().addListener((o, a, b) -> buildError.set(""));
        settings.batchSize().addListener((o, a, b) -> buildError.set(""));
        state.addListener((o, a, b) -> {
            long now = System.nanoTime();
            if (a == State.RUNNING && runningSince >= 0) wallNanos += now - runningSince;
            runningSince = b == State.RUNNING ? now : -1;
            updateStatus();
        });
        resetting.addListener((o, a, b) -> updateStatus());
    }

    // ---- commands (FX thread) ----

    /** Trains the model from the start: the fresh model if its settings are current, else a new one. */
    public void train() {
        if (!canTrain.get()) return;
        if (run != null && state.get() == State.IDLE && !settings.hasPendingChanges()) start(false);
        else rebuild(true);
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
            message.set("");
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
     */
    public void restore(RunSettings s, DataSplit split, Dataset shownSet, Trainer trainer, LossHistory saved,
            LatentCodes savedCodes, String note) {
        long token = ++generation;
        if (run != null) run.stop(0);
        run = null;
        state.set(null);
        clearDisplays();
        buildError.set("");
        message.set("");
        resetting.set(false);
        data.set(split);
        shown.set(shownSet);
        settings.applied().set(s);
        attach(RunFactory.continueWith(trainer, shownSet, listenerFor(token, shownSet)));
        lossHistory.addAll(saved.points(), saved.tests());
        for (LossPoint p : saved.points()) {
            history.add(p);
            lastLoss = p;
        }
        for (TestPoint t : saved.tests()) {
            history.add(t);
            lastTest = t;
        }
        historyVersion.set(historyVersion.get() + 1);
        step.set(trainer.step());
        int epochSize = split.train().size();
        epochProgress.set((double) trainer.epochProgress() / epochSize);
        runProgress.set(Math.min(1, (trainer.epoch() + (double) trainer.epochProgress() / epochSize) / trainer.config().epochs()));
        model.set(trainer.vae().snapshot()); // the thread has not started: nobody else touches the model yet
        codes.set(savedCodes);
        openedNote = note;
        modelVersion.set(modelVersion.get() + 1);
        state.set(trainer.epoch() >= trainer.config().epochs() ? State.FINISHED : State.IDLE);
        updateStatus();
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
    public LossCurves history() { return history; }
    /** The run's loss points (bounded, merged when long) and test points, fed from the snapshots. */
    public LossHistory lossHistory() { return lossHistory; }
    /** Changes whenever a new model replaces the current one (Reset, Train from scratch, an opened session). */
    public ReadOnlyIntegerProperty modelVersion() { return modelVersion.getReadOnlyProperty(); }
    /** Changes whenever the history does. */
    public ReadOnlyIntegerProperty historyVersion() { return historyVersion.getReadOnlyProperty(); }
    public ReadOnlyLongProperty step() { return step.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty epochProgress() { return epochProgress.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty runProgress() { return runProgress.getReadOnlyProperty(); }
    /** "Training", "Paused", ... */
    public ReadOnlyStringProperty stateText() { return stateText.getReadOnlyProperty(); }
    /** Epoch, step, speed, times and losses. */
    public ReadOnlyStringProperty status() { return status.getReadOnlyProperty(); }
    /** Why the run ended (divergence, failure), or "". */
    public ReadOnlyStringProperty message() { return message.getReadOnlyProperty(); }
    /** Why the last Reset could not build a model, or "". */
    public ReadOnlyStringProperty buildError() { return buildError.getReadOnlyProperty(); }
    public BooleanBinding canTrain() { return canTrain; }
    public BooleanBinding canPause() { return canPause; }
    public BooleanBinding canResume() { return canResume; }
    public BooleanBinding canStep() { return canStep; }
    public BooleanBinding canReset() { return canReset; }

    /** The current run (for tests and diagnostics), or null. */
    TrainingRun currentRun() {
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
        buildError.set("");
        message.set("");
        resetting.set(true);
        state.set(null);
        library.load(s.dataset(), false, split -> {
            if (token != generation) return;
            resetting.set(false);
            build(s, split, thenTrain);
        }, error -> {
            if (token != generation) return;
            resetting.set(false);
            buildError.set(error);
            updateStatus();
        });
    }

    private void build(RunSettings s, DataSplit split, boolean thenTrain) {
        Dataset shownSet = RunFactory.shownImages(split);
        TrainingRun r;
        try {
            r = RunFactory.create(split, s, shownSet, listenerFor(generation, shownSet));
        } catch (IllegalArgumentException e) {
            buildError.set(Formats.sentence(e.getMessage()) + ".");
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
    void setTap(java.util.function.BiConsumer<Dataset, TrainingSnapshot> tap) {
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
        if (!Double.isNaN(b)) run.setBeta(b);
        if (!Double.isNaN(lr)) run.setLearningRate(lr);
        if (!Double.isNaN(w)) run.setKlWarmupEpochs(w);
    }

    private void clearDisplays() {
        history.clear();
        lossHistory.clear();
        openedNote = "";
        historyVersion.set(historyVersion.get() + 1);
        codes.set(null);
        step.set(0);
        epochProgress.set(0);
        runProgress.set(0);
        last = null;
        wallNanos = 0;
        lastLoss = null;
        lastTest = null;
        latestLoss.set(null);
        klPerDim.set(null);
    }

    private void onSnapshot(TrainingSnapshot s) {
        for (LossPoint p : s.losses()) {
            history.add(p);
            lossHistory.add(p);
            lastLoss = p;
        }
        for (TestPoint t : s.tests()) {
            history.add(t);
            lossHistory.addTest(t);
            lastTest = t;
        }
        if (!s.losses().isEmpty() || !s.tests().isEmpty()) historyVersion.set(historyVersion.get() + 1);
        if (!s.losses().isEmpty()) {
            latestLoss.set(lastLoss);
            if (s.klPerDim() != null) klPerDim.set(s.klPerDim());
        }
        step.set(s.step());
        epochProgress.set(s.state() == State.FINISHED ? 1 : s.epochProgress());
        runProgress.set(s.state() == State.FINISHED ? 1 : s.runProgress());
        if (s.model() != null) model.set(s.model());
        if (s.latent() != null) codes.set(s.latent());
        last = s;
        if (s.state().isOver()) {
            if (!s.message().isEmpty()) message.set(s.message());
            state.set(s.state());
        }
        updateStatus();
    }

    private void updateStatus() {
        State st = state.get();
        stateText.set(resetting.get() ? "Loading…" : st == null ? "No model" : switch (st) {
            case IDLE -> "Ready";
            case RUNNING -> "Training";
            case PAUSED -> "Paused";
            case FINISHED -> "Finished";
            case STOPPED -> "Stopped";
            case DIVERGED -> "Diverged";
            case FAILED -> "Failed";
        });
        TrainingSnapshot s = last;
        if (s == null) {
            status.set(!openedNote.isEmpty() ? openedNote
                    : st == State.IDLE ? "Untrained model: press Train, or Step for one batch." : "");
            return;
        }
        StringBuilder b = new StringBuilder();
        int shownEpoch = Math.min(s.epochs(), s.epoch() + (s.imagesInEpoch() > 0 || s.epoch() == 0 ? 1 : 0));
        b.append("Epoch ").append(Math.max(1, shownEpoch)).append(" of ").append(s.epochs());
        b.append("  ·  step ").append(Formats.count(s.step()));
        b.append("  ·  ").append(Formats.count(Math.round(s.samplesPerSecond()))).append(" images/s");
        double elapsed = (wallNanos + (runningSince >= 0 ? System.nanoTime() - runningSince : 0)) / 1e9;
        b.append("  ·  ").append(Formats.duration(elapsed)).append(" elapsed");
        long imagesDone = (long) s.epoch() * s.epochSize() + s.imagesInEpoch();
        long imagesLeft = (long) s.epochs() * s.epochSize() - imagesDone;
        // the wall-clock rate, which includes encoding the plotted images, predicts the rest better than training speed
        if (!s.state().isOver() && imagesDone > 0 && elapsed > 2)
            b.append(", ~").append(Formats.duration(imagesLeft * elapsed / imagesDone)).append(" left");
        if (lastLoss != null)
            b.append("  ·  loss ").append(Formats.nats(lastLoss.loss())).append(" = recon ")
                    .append(Formats.nats(lastLoss.recon())).append(" + β·KL ")
                    .append(Formats.nats(lastLoss.beta() * lastLoss.kl()));
        if (lastLoss != null && run != null && run.trainer().klWarmupEpochs() > 0 && lastLoss.beta() < run.trainer().beta())
            b.append("  ·  KL warm-up: β ").append(String.format(java.util.Locale.ROOT, "%.2f", lastLoss.beta()));
        if (lastTest != null) b.append("  ·  test ").append(Formats.nats(lastTest.evaluation().loss()));
        status.set(b.toString());
    }
}
