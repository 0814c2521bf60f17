package vaeexplorer.ui.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.data.LoadResult;
import vaeexplorer.core.data.idx.IdxFolder;
import vaeexplorer.core.data.images.InvertMode;
import vaeexplorer.core.io.FileFormatException;
import vaeexplorer.core.io.FileProblem;
import vaeexplorer.core.io.ModelFiles;
import vaeexplorer.core.io.SessionFile;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.train.LossHistory;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TestPoint;
import vaeexplorer.core.train.TrainConfig;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;
import vaeexplorer.ui.concurrent.TaskExecutor;
import vaeexplorer.ui.datasets.DatasetChoice;
import vaeexplorer.ui.datasets.DatasetLibrary;
import vaeexplorer.ui.datasets.ImportOptions;
import vaeexplorer.ui.i18n.FileDialogs;
import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.ProblemTexts;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.PlotTransform;
import vaeexplorer.ui.latent.PlotViewport;
import vaeexplorer.ui.training.FileNames;
import vaeexplorer.ui.training.RunFactory;
import vaeexplorer.ui.training.RunSettings;
import vaeexplorer.ui.training.SettingsModel;
import vaeexplorer.ui.training.TrainingModel;
import vaeexplorer.ui.widgets.Dialogs;
import vaeexplorer.ui.widgets.LiveNotices;

/**
 * Sessions in the app: save (to the current file, or ask), save as, open, the recent files, and autosave at the end
 * of each epoch.
 *
 * <p><b>Saving</b> never stops training for long and never writes an inconsistent file: the model and trainer state
 * are copied together on the trainer thread between two steps ({@link TrainingRun#onTrainerThread}; an array copy),
 * the loss history up to that very step on the FX thread, and the file is made and written by a background thread,
 * atomically.
 *
 * <p><b>Opening</b> reads and checks the file, loads the data set it names and rebuilds the trainer off the FX thread;
 * only when all of that worked does it replace the app's model, settings, curves and view. A damaged, truncated or
 * newer file, or missing data, shows a message and changes nothing.
 */
public final class SessionService {
    static final String EXTENSION = ".vaesession";

    /** How a save ended. */
    public record Saved(Path file, long step) {}

    private final Dialogs dialogs;
    private final LiveNotices notices;
    private final SettingsModel settings;
    private final TrainingModel training;
    private final LatentModel latent;
    private final DatasetLibrary library;
    private final PlotViewport plot;
    private final List<ViewPart> viewParts = new java.util.ArrayList<>();
    private final SessionPrefs prefs;
    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<Path> currentFile = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty autosave = new SimpleBooleanProperty();
    private boolean saving;
    private boolean opening;
    /** The model step that is in currentFile (saved or opened), or -1. */
    private long fileStep = -1;

    /**
     * @param plot  the latent plot's view, saved and restored with the session
     * @param tasks reads and writes files off the FX thread (one at a time)
     */
    public SessionService(Dialogs dialogs, LiveNotices notices, SettingsModel settings, TrainingModel training,
                          LatentModel latent, DatasetLibrary library, PlotViewport plot, SessionPrefs prefs,
                          TaskExecutor tasks) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.notices = notices;
        this.settings = settings;
        this.training = training;
        this.latent = latent;
        this.library = library;
        this.plot = plot;
        this.prefs = prefs;
        autosave.set(prefs.autosave());
        autosave.addListener((o, a, on) -> prefs.setAutosave(on));
        TrainingModel t = training;
        // a new model (Reset, Train from scratch) is not the session in the file any more
        t.modelVersion().addListener((o, a, b) -> {
            if (!opening) {
                currentFile.set(null);
                fileStep = -1;
            }
        });
        t.epochsEnded().addListener((o, a, b) -> {
            if (autosave.get() && !opening) autosaveNow();
        });
    }

    /** The file the session was last saved to or opened from; null for a new model. */
    public ReadOnlyObjectProperty<Path> currentFile() {
        return currentFile.getReadOnlyProperty();
    }

    /** Autosave at the end of every epoch (remembered between runs). */
    public BooleanProperty autosave() {
        return autosave;
    }

    public SessionPrefs prefs() {
        return prefs;
    }

    /** Where autosave writes: the current session file, else autosave.vaesession in the app's folder. */
    Path autosaveFile() {
        Path f = currentFile.get();
        return f != null ? f : prefs.file().toAbsolutePath().getParent().resolve("autosave" + EXTENSION);
    }

    /** A name like mnist-latent2-epoch5.vaesession. */
    public String defaultFileName() {
        return FileNames.base(settings, training) + EXTENSION;
    }

    /** Lets a save under way finish (up to three seconds; the old file stays whole if it cannot). */
    public void shutdown() {
        tasks.shutdown(3000);
    }

    // ---- commands from the menus ----

    /** Ctrl+S: saves to the current file, or asks for one. */
    public void save() {
        if (currentFile.get() != null) save(currentFile.get());
        else saveAs();
    }

    public void saveAs() {
        saveAsThen(() -> { });
    }

    /** Asks for a file and saves to it; then runs once the file is in place (not when cancelled or failed). */
    public void saveAsThen(Runnable then) {
        Path f = FileDialogs.save(dialogs.owner(), I18n.get("session.saveTitle"), defaultFileName(), I18n.get("session.sessions"),
                EXTENSION);
        if (f != null) save(f).thenRun(then);
    }

    /** True when the model as it is now (its current step) is in the current session file. */
    public boolean modelIsInFile() {
        return currentFile.get() != null && fileStep == training.step().get();
    }

    public void chooseAndOpen() {
        Path f = FileDialogs.open(dialogs.owner(), I18n.get("session.openTitle"), I18n.get("session.sessionsAndModels"),
                EXTENSION, ".vae", ".bin", ".safetensors");
        if (f != null) open(f);
    }

    /** Opens a recent file; one that has gone is taken off the list, with a note. */
    public void openRecent(Path f) {
        if (!Files.isRegularFile(f)) {
            prefs.removeRecent(f);
            notices.notice(() -> I18n.format("session.recentGone", f), true);
            return;
        }
        open(f);
    }

    // ---- saving ----

    /**
     * Saves the session to file: shows a notice when done or an error dialog when it failed. The future completes on
     * the FX thread after the file is in place (or fails).
     */
    public CompletableFuture<Saved> save(Path file) {
        return save(file, false);
    }

    private void autosaveNow() {
        Path target = autosaveFile();
        save(target, true);
    }

    private CompletableFuture<Saved> save(Path file, boolean auto) {
        CompletableFuture<Saved> done = new CompletableFuture<>();
        TrainingModel t = training;
        TrainingRun run = t.currentRun();
        RunSettings applied = settings.applied().get();
        if (run == null || applied == null || t.resetting().get()) {
            if (!auto) dialogs.showError("sessionErrorDialog", I18n.get("session.nothingToSave"), I18n.get("session.noModelYet"));
            done.completeExceptionally(new IOException("no model"));
            return done;
        }
        if (saving) {
            if (!auto) notices.notice(() -> I18n.get("session.saveUnderWay"), true);
            done.completeExceptionally(new IOException("a save is under way"));
            return done;
        }
        saving = true;
        int version = t.modelVersion().get();
        String spec = applied.dataset().spec();
        Map<String, String> view = viewState(applied.dataset());
        record Taken(SessionFile.Copy copy, long step, int epoch, int epochs) {}
        run.onTrainerThread(tr -> new Taken(SessionFile.copy(tr, spec), tr.step(), shownEpoch(tr), tr.config().epochs()))
                .whenComplete((taken, error) -> tasks.fx(() -> {
                    if (error != null || t.modelVersion().get() != version) {
                        saving = false;
                        String why = error != null ? String.valueOf(error.getMessage())
                                : I18n.get("session.modelReplaced");
                        failed(file, auto, I18n.format("io.other", file, why), done);
                        return;
                    }
                    // the snapshots published before the copy was taken have reached the history by now; points
                    // after it (merged into a later snapshot) are left out, so history and state match
                    Map<String, byte[]> rest = SessionFile.historyAndView(upTo(t.losses().points(), taken.step()), view);
                    tasks.background(() -> {
                        IOException failure = null;
                        try {
                            Path dir = file.toAbsolutePath().getParent();
                            if (auto && dir != null) Files.createDirectories(dir);
                            SessionFile.write(file, taken.copy(), rest); // streamed: no bytes copy
                        } catch (IOException | RuntimeException | OutOfMemoryError e) {
                            failure = e instanceof IOException io ? io : new IOException(e.toString(), e);
                        }
                        IOException f = failure;
                        tasks.fx(() -> {
                            saving = false;
                            if (f != null) {
                                failed(file, auto, ProblemTexts.io(file, f), done);
                                return;
                            }
                            if (t.modelVersion().get() == version && (!auto || currentFile.get() != null)) {
                                currentFile.set(file.toAbsolutePath().normalize());
                                fileStep = taken.step();
                            }
                            prefs.addRecent(file);
                            String step = Formats.count(taken.step());
                            notices.notice(() -> I18n.format(auto ? "session.autosaved" : "session.saved", step,
                                    I18n.format("session.epochOf", taken.epoch(), taken.epochs()), file), false);
                            done.complete(new Saved(file, taken.step()));
                        });
                    });
                }));
        return done;
    }

    /** The epoch as the status bar counts it: the epoch under way, or the last one when it just ended (from 1). */
    static int shownEpoch(Trainer t) {
        int epochs = t.config().epochs();
        return Math.max(1, Math.min(epochs, t.epoch() + (t.epochProgress() > 0 || t.epoch() == 0 ? 1 : 0)));
    }

    /** @param why in the UI's language, naming the file when it is about the file */
    private void failed(Path file, boolean auto, String why, CompletableFuture<Saved> done) {
        if (auto) notices.notice(() -> I18n.format("session.autosaveFailed", why), true);
        else dialogs.showError("sessionErrorDialog", I18n.get("session.saveFailed"), why);
        done.completeExceptionally(new IOException(why));
    }

    /** A copy of the history without points after step. */
    private static LossHistory upTo(LossHistory h, long step) {
        LossHistory copy = new LossHistory(h.capacity());
        for (LossPoint p : h.points()) if (p.step() <= step) copy.add(p);
        for (TestPoint tp : h.tests()) if (tp.step() <= step) copy.addTest(tp);
        return copy;
    }

    /**
     * A part of what a user set up that a session keeps besides the model and the plot (a lesson's drawing, the
     * interpolation's ends): it writes its keys into the view section and reads them back after a session opened.
     */
    public interface ViewPart {
        void save(Map<String, String> view);

        /** Called on the FX thread once the session's model, data and plot are in place; missing keys: leave as is. */
        void restore(Map<String, String> view);
    }

    /** Adds a part to the view section of every session saved from now on, and restores it when one opens. */
    public void addViewPart(ViewPart part) {
        viewParts.add(part);
    }

    /** The view section: latent point and sliders, plotted dimensions, zoom and pan, and how the data was loaded. */
    Map<String, String> viewState(DatasetChoice data) {
        Map<String, String> v = new TreeMap<>();
        float[] z = latent.z().get();
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < latent.size().get(); d++) b.append(d == 0 ? "" : ",").append(Double.toString(latent.get(d)));
        v.put("z", z.length == 0 ? "" : b.toString());
        v.put("plot.x_dim", String.valueOf(latent.xDim().get()));
        v.put("plot.y_dim", String.valueOf(latent.yDim().get()));
        v.put("plot.projection", latent.projection().get().key()); // the view's centre and span are in its plane
        PlotTransform view = plot.transform();
        v.put("plot.center_x", Double.toString(view.centerX()));
        v.put("plot.center_y", Double.toString(view.centerY()));
        v.put("plot.span", Double.toString(view.span()));
        v.put("settings.kl_warmup", settings.klWarmup().get());
        v.put("settings.speed", Double.toString(settings.speedLimit().get()));
        for (ViewPart part : viewParts) part.save(v);
        v.put("data.kind", data.kind().name().toLowerCase(Locale.ROOT));
        v.put("data.label", data.label());
        if (data.options() != null) {
            ImportOptions o = data.options();
            v.put("data.side", String.valueOf(o.side()));
            v.put("data.invert", o.invert().name().toLowerCase(Locale.ROOT));
            v.put("data.test_fraction", Double.toString(o.testFraction()));
            v.put("data.split_seed", String.valueOf(o.splitSeed()));
        }
        return v;
    }

    // ---- opening ----

    /** Why opening failed, in words for the user (in the language of the moment it failed). */
    private static final class OpenFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final String header;

        OpenFailure(String header, String message) {
            super(message);
            this.header = header;
        }

        /** A header and message from the UI's texts. */
        static OpenFailure of(String headerKey, String messageKey, Object... args) {
            return new OpenFailure(I18n.get(headerKey), I18n.format(messageKey, args));
        }
    }

    /** What an opened session becomes, built off the FX thread. */
    private record Prepared(SessionFile.Session session, DatasetChoice choice, DataSplit split, Dataset shown,
                            Trainer trainer, LatentCodes codes) {}

    /**
     * Opens a session (or a plain model file of the CLI): reads it, loads its data, rebuilds its trainer, and only
     * then replaces the current model; otherwise says why and changes nothing. The future completes on the FX thread
     * with true when the session is in place.
     */
    public CompletableFuture<Boolean> open(Path file) {
        return open(file, null);
    }

    /**
     * Opens a file; a .safetensors model whose metadata names no likelihood is opened with {@code likelihood}, or,
     * when that is null, after the user has said which one (Cancel opens nothing).
     */
    private CompletableFuture<Boolean> open(Path file, Likelihood likelihood) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (opening) {
            notices.notice(() -> I18n.get("session.openUnderWay"), true);
            done.complete(false);
            return done;
        }
        opening = true;
        new Opening(file, likelihood, done).start();
        return done;
    }

    /**
     * One opening, step by step: read the file (off the FX thread), load its data set (the library's own loader),
     * rebuild its trainer and encodings (off the FX thread), put it in place (FX thread). Each step hands over to the
     * next on the thread it needs; a cancel or a failure at any step ends it with nothing changed.
     */
    private final class Opening {
        private final Path file;
        private final Likelihood likelihood;
        private final CompletableFuture<Boolean> done;
        /** A model that names no data set (a PyTorch model without metadata) is shown on the data set chosen now. */
        private final DatasetChoice chosenNow = settings.dataset().get();
        private volatile boolean cancelled;
        private DatasetLibrary.Task loading; // FX thread
        private SessionFile.Session session;
        private DatasetChoice choice;

        Opening(Path file, Likelihood likelihood, CompletableFuture<Boolean> done) {
            this.file = file;
            this.likelihood = likelihood;
            this.done = done;
        }

        void start() {
            notices.progress(() -> I18n.format("session.opening", file.getFileName()), new SimpleDoubleProperty(-1), this::cancel);
            tasks.background(this::read);
        }

        private void cancel() {
            cancelled = true;
            if (loading != null) loading.cancel();
        }

        /** 1. Reads the file and finds its data set (background). */
        private void read() {
            try {
                session = SessionService.read(file, likelihood);
                choice = session.dataset().isBlank() && ModelFiles.isSafeTensors(file) && chosenNow != null ? chosenNow
                        : choiceFor(session);
                tasks.fx(this::loadData);
            } catch (OpenFailure e) {
                tasks.fx(() -> openFailed(e, done));
            } catch (NeedsLikelihood e) {
                tasks.fx(() -> {
                    if (cancelled) openCancelled(file, done);
                    else askLikelihood(file, done);
                });
            }
        }

        /** 2. Loads the data set (FX thread; the library loads in its own background and calls back here). */
        private void loadData() {
            if (cancelled) {
                openCancelled(file, done);
                return;
            }
            notices.progress(() -> I18n.format("session.openingLoading", file.getFileName(), choice.displayName()),
                    library.progress(), this::cancel);
            loading = library.load(choice, false, new DatasetLibrary.Listener() {
                @Override
                public void loaded(LoadResult result) {
                    if (cancelled) openCancelled(file, done);
                    else tasks.background(() -> prepare(result.split()));
                }

                @Override
                public void failed(ProblemTexts.Text why) {
                    openFailed(OpenFailure.of("session.dataNotLoaded", "session.dataNotLoadedText", describe(choice),
                            why.lines()), done);
                }

                @Override
                public void cancelled() {
                    openCancelled(file, done);
                }
            });
        }

        /** 3. Rebuilds the trainer and the scatter's encodings on the data (background). */
        private void prepare(DataSplit split) {
            try {
                Prepared p = SessionService.prepare(session, choice, split);
                tasks.fx(() -> {
                    if (cancelled) openCancelled(file, done);
                    else apply(file, p, done); // 4. in place
                });
            } catch (OpenFailure e) {
                tasks.fx(() -> openFailed(e, done));
            }
        }
    }

    /** A .safetensors model that names no likelihood, opened without one: the user is to be asked. */
    private static final class NeedsLikelihood extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private static SessionFile.Session read(Path file, Likelihood likelihood) throws OpenFailure, NeedsLikelihood {
        try {
            // a PyTorch model opens like a plain model file: explored, and trainable from here on, without its
            // optimiser state; the likelihood and data set come from its metadata (else asked, or the one chosen now)
            return ModelFiles.isSafeTensors(file) ? SessionFile.of(file.toString(), ModelFiles.open(file, likelihood))
                    : SessionFile.load(file);
        } catch (FileFormatException e) {
            if (e.problem() == FileProblem.NO_LIKELIHOOD && likelihood == null) throw new NeedsLikelihood();
            throw new OpenFailure(I18n.get("session.openFailed"), ProblemTexts.of(e).lines());
        } catch (RuntimeException | OutOfMemoryError e) {
            throw OpenFailure.of("session.openFailed", "session.notReadable", file, e);
        }
    }

    /** The data set a session names, with the options it was loaded with. */
    static DatasetChoice choiceFor(SessionFile.Session s) throws OpenFailure {
        String spec = s.dataset();
        Map<String, String> v = s.view();
        if (spec.isBlank()) throw OpenFailure.of("session.noDataSet", "session.noDataSetText");
        String kind = v.getOrDefault("data.kind", "");
        if (BuiltInDatasets.isBuiltIn(spec) && (kind.isEmpty() || kind.equals("built_in")))
            return DatasetChoice.builtIn(spec);
        Path path;
        try {
            path = Path.of(spec);
        } catch (InvalidPathException e) {
            throw OpenFailure.of("session.dataMissing", "session.invalidPath", spec);
        }
        if (!Files.exists(path))
            throw OpenFailure.of("session.dataMissing", "session.dataGone", spec);
        try {
            switch (kind) {
                case "idx":
                    return DatasetChoice.folder(path);
                case "images":
                    return DatasetChoice.images(path, options(v));
                case "csv":
                    return DatasetChoice.csv(path, options(v));
                default: // a model file of the CLI: the data is what the CLI would load from that path
                    if (Files.isDirectory(path))
                        return IdxFolder.looksLikeIdxFolder(path) ? DatasetChoice.folder(path)
                                : DatasetChoice.images(path, ImportOptions.DEFAULTS);
                    return DatasetChoice.csv(path, ImportOptions.DEFAULTS);
            }
        } catch (IllegalArgumentException e) {
            throw OpenFailure.of("session.openFailed", "session.optionsDamaged", e.getMessage());
        }
    }

    private static ImportOptions options(Map<String, String> v) {
        ImportOptions d = ImportOptions.DEFAULTS;
        return new ImportOptions(Integer.parseInt(v.getOrDefault("data.side", String.valueOf(d.side()))),
                InvertMode.valueOf(v.getOrDefault("data.invert", "auto").toUpperCase(Locale.ROOT)),
                Double.parseDouble(v.getOrDefault("data.test_fraction", String.valueOf(d.testFraction()))),
                Long.parseLong(v.getOrDefault("data.split_seed", String.valueOf(d.splitSeed()))));
    }

    /** "the IDX folder ...", in the UI's language. */
    private static String describe(DatasetChoice c) {
        return switch (c.kind()) {
            case BUILT_IN -> I18n.format("session.builtInDataSet", c.builtIn());
            case IDX -> I18n.format("session.idxFolder", c.folder());
            case IMAGES -> I18n.format("session.imageFolder", c.folder());
            case CSV -> I18n.format("session.csvFile", c.folder());
        };
    }

    /** Rebuilds the trainer of a session on its data (off the FX thread). */
    private static Prepared prepare(SessionFile.Session s, DatasetChoice choice, DataSplit split) throws OpenFailure {
        Vae vae = s.model().vae();
        VaeConfig cfg = vae.config();
        if (cfg.inputSize() != split.train().imageSize())
            throw OpenFailure.of("session.doesNotFit", "session.pixelsDiffer", cfg.inputSize(), describe(choice),
                    split.train().rows(), split.train().cols(), split.train().imageSize());
        TrainConfig tc = s.trainConfig().withThreads(RunFactory.THREADS);
        Trainer trainer;
        try {
            RunFactory.checkTraining(cfg, tc.batchSize(), split.train().size()); // before the optimiser state exists
            trainer = new Trainer(vae, split, tc, RunFactory.matMul(), new Rng(tc.seed()));
            if (s.trainer() != null) trainer.restore(s.trainer());
        } catch (IllegalArgumentException e) {
            throw new OpenFailure(I18n.get("session.doesNotFit"), Formats.sentence(ProblemTexts.refusal(e)) + ".");
        }
        Dataset shown = RunFactory.shownImages(split);
        return new Prepared(s, choice, split, shown, trainer,
                LatentCodes.encode(trainer.step(), vae.snapshot(), RunFactory.matMul(), shown));
    }

    /** Puts a prepared session in place (FX thread). */
    private void apply(Path file, Prepared p, CompletableFuture<Boolean> done) {
        Trainer tr = p.trainer();
        VaeConfig cfg = tr.vae().config();
        TrainConfig tc = tr.config();
        RunSettings rs = new RunSettings(p.choice(), cfg.latent(), cfg.hidden(), cfg.likelihood(), tr.beta(),
                tr.learningRate(), tc.batchSize(), tc.epochs(), tc.seed());
        boolean trained = p.session().hasTrainingState(), finished = tr.epoch() >= tc.epochs();
        long step = tr.step();
        var shown = shownEpoch(tr);
        int epochs = tc.epochs();
        // a Supplier, so that the note follows a later change of language
        java.util.function.Supplier<String> note = () -> trained
                ? I18n.format(finished ? "session.openedDone" : "session.openedGoOn", Formats.count(step),
                        I18n.format("session.epochOf", shown, epochs))
                : I18n.get("session.openedModel");
        training.restore(rs, p.split(), p.shown(), tr, p.session().history(), p.codes(), note);
        if (!settings.datasets().contains(p.choice())) settings.datasets().add(p.choice());
        settings.dataset().set(p.choice());
        settings.latent().set(String.valueOf(cfg.latent()));
        settings.hidden().set(cfg.hiddenText());
        settings.likelihood().set(cfg.likelihood());
        settings.beta().set(Formats.plain(tr.beta()));
        settings.learningRate().set(Formats.plain(tr.learningRate()));
        settings.batchSize().set(String.valueOf(tc.batchSize()));
        settings.epochs().set(String.valueOf(tc.epochs()));
        settings.seed().set(String.valueOf(tc.seed()));
        applyView(p.session().view());
        currentFile.set(file.toAbsolutePath().normalize());
        fileStep = step;
        prefs.addRecent(file);
        opening = false;
        notices.hideProgress();
        notices.notice(() -> I18n.format("session.opened", file), false);
        done.complete(true);
    }

    /** Restores z, the plotted dimensions and zoom and pan; what is missing or does not fit keeps its default. */
    private void applyView(Map<String, String> v) {
        int n = latent.size().get();
        try {
            int xd = Integer.parseInt(v.getOrDefault("plot.x_dim", "0"));
            int yd = Integer.parseInt(v.getOrDefault("plot.y_dim", n > 1 ? "1" : "-1"));
            if (xd >= 0 && xd < n && yd >= -1 && yd < n && xd != yd && (yd >= 0 || n == 1)) {
                latent.xDim().set(xd);
                latent.yDim().set(yd);
            }
        } catch (NumberFormatException e) {
            // keep the default dimensions
        }
        latent.projection().set(vaeexplorer.ui.latent.LatentPlane.Kind.ofKey(v.getOrDefault("plot.projection", "dimensions")));
        String z = v.getOrDefault("z", "");
        if (!z.isBlank()) {
            String[] parts = z.split(",");
            if (parts.length == n) {
                try {
                    double[] values = new double[n];
                    for (int d = 0; d < n; d++) values[d] = Double.parseDouble(parts[d].trim());
                    for (int d = 0; d < n; d++) if (Double.isFinite(values[d])) latent.dims().get(d).set(values[d]);
                } catch (NumberFormatException e) {
                    // keep z at 0
                }
            }
        }
        try {
            if (v.containsKey("plot.span"))
                plot.setView(Double.parseDouble(v.getOrDefault("plot.center_x", "0")),
                        Double.parseDouble(v.getOrDefault("plot.center_y", "0")), Double.parseDouble(v.get("plot.span")));
        } catch (IllegalArgumentException e) {
            // keep the default view
        }
        // the live settings that are not in the trainer's state: the KL warm-up and the speed
        String warmup = v.get("settings.kl_warmup");
        if (warmup != null) settings.klWarmup().set(warmup); // a wrong value shows as the field's error, as if typed
        try {
            double speed = Double.parseDouble(v.getOrDefault("settings.speed", "0"));
            settings.speedLimit().set(Double.isFinite(speed) && speed > 0 ? speed : 0);
        } catch (NumberFormatException e) {
            settings.speedLimit().set(0);
        }
        for (ViewPart part : viewParts) part.restore(v);
    }

    private void openFailed(OpenFailure e, CompletableFuture<Boolean> done) {
        opening = false;
        notices.hideProgress();
        dialogs.showError("sessionErrorDialog", e.header, e.getMessage() + "\n\n" + I18n.get("session.nothingChanged"));
        done.complete(false);
    }

    /** Asks which likelihood a PyTorch model was trained with, then opens it with that one (Cancel: nothing). */
    private void askLikelihood(Path file, CompletableFuture<Boolean> done) {
        notices.hideProgress();
        dialogs.ask("likelihoodDialog", I18n.get("likelihoodQuestion.header"),
                I18n.format("likelihoodQuestion.message", file.getFileName()),
                List.of(I18n.get("likelihoodQuestion.bernoulli"), I18n.get("likelihoodQuestion.gaussian"),
                        I18n.get("dialogButtons.cancel")), i -> {
                    opening = false;
                    if (i == 0 || i == 1) {
                        open(file, i == 0 ? Likelihood.BERNOULLI : Likelihood.GAUSSIAN).thenAccept(done::complete);
                    } else {
                        openCancelled(file, done);
                    }
                });
    }

    private void openCancelled(Path file, CompletableFuture<Boolean> done) {
        opening = false;
        notices.hideProgress();
        notices.notice(() -> I18n.format("session.openCancelled", file.getFileName()), false);
        done.complete(false);
    }

    /** The recent files for the menu, after dropping those that have gone (returned in the second list). */
    public List<List<Path>> recentForMenu() {
        List<Path> gone = prefs.dropMissing();
        return List.of(prefs.recent(), gone);
    }
}
