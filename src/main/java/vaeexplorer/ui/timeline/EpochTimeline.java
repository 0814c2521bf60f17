package vaeexplorer.ui.timeline;

import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.train.TrainingSnapshot;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.core.vae.VaeConfig;

import vaeexplorer.ui.training.TrainingModel;

/**
 * The model and the latent codes at every epoch end (and at the start), so that the class can rewind the scatter and
 * the decoder to any earlier epoch while training goes on. Bounded: at most {@link #MAX_ENTRIES} epochs and
 * {@link #maxBytes()} of weights; when full, older epochs are thinned (the one whose removal leaves the smallest gap
 * goes; the start and the most recent quarter stay). A new model clears it.
 *
 * <p>{@link #model()} and {@link #codes()} are what the explorer shows: the chosen epoch's, or the live ones.
 * Snapshots arrive through the training model's tap on the trainer thread and are handed to the FX thread, where
 * everything else happens.
 */
public final class EpochTimeline {
    public static final int MAX_ENTRIES = 200;

    /** One epoch end: completed epochs (0 = before training), the step, the model then and its codes. */
    public record Entry(int epoch, long step, ModelSnapshot model, LatentCodes codes) {}

    private final TrainingModel training;
    private final Executor fx;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    /** One read-only view, kept: its listeners hold on to the list only weakly, so a view made per call would lose them. */
    private final ObservableList<Entry> readOnly = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyObjectWrapper<Entry> shownEntry = new ReadOnlyObjectWrapper<>();
    private final ObjectBinding<ModelSnapshot> model;
    private final ObjectBinding<LatentCodes> codes;

    public EpochTimeline(TrainingModel training) {
        this(training, Platform::runLater);
    }

    EpochTimeline(TrainingModel training, Executor fx) {
        this.training = training;
        this.fx = fx;
        model = Bindings.createObjectBinding(() -> shownEntry.get() == null ? training.model().get()
                : shownEntry.get().model(), shownEntry, training.model());
        codes = Bindings.createObjectBinding(() -> shownEntry.get() == null ? training.codes().get()
                : shownEntry.get().codes(), shownEntry, training.codes());
        training.shown().addListener((o, a, b) -> clear());
        training.setTap(this::offer);
    }

    /** The kept epoch ends, oldest first. */
    public ObservableList<Entry> entries() { return readOnly; }
    /** The epoch shown instead of the live model, or null while live. */
    public ReadOnlyObjectProperty<Entry> shownEntry() { return shownEntry.getReadOnlyProperty(); }
    /** The model to decode with: the chosen epoch's, or the latest. */
    public ObjectBinding<ModelSnapshot> model() { return model; }
    /** The codes to plot: the chosen epoch's, or the latest. */
    public ObjectBinding<LatentCodes> codes() { return codes; }

    public boolean isLive() {
        return shownEntry.get() == null;
    }

    /** Shows an epoch (one of {@link #entries()}) in place of the live model. */
    public void show(Entry e) {
        shownEntry.set(e);
    }

    /** Back to the current model. */
    public void live() {
        shownEntry.set(null);
    }

    /** One kept epoch earlier (from live: the latest epoch end). */
    public void earlier() {
        if (entries.isEmpty()) return;
        int i = indexOfShown();
        show(entries.get(Math.max(0, (i < 0 ? entries.size() : i) - 1)));
    }

    /** One kept epoch later, or live after the last. */
    public void later() {
        int i = indexOfShown();
        if (i < 0) return;
        if (i + 1 >= entries.size()) live();
        else show(entries.get(i + 1));
    }

    /** The shown entry's position in {@link #entries()} (the latest kept one at or before it if it was thinned), -1 live. */
    public int indexOfShown() {
        Entry e = shownEntry.get();
        if (e == null) return -1;
        int i = entries.indexOf(e);
        if (i >= 0) return i;
        for (i = entries.size() - 1; i > 0 && entries.get(i).step() > e.step(); i--) { }
        return Math.max(0, i);
    }

    /** The most weights kept: a quarter of the heap, at most 256 MB. */
    /** The bytes the kept epochs hold (weights and codes), at most about {@link #maxBytes()}; FX thread. */
    public long heldBytes() {
        long sum = 0;
        for (Entry e : entries()) sum += bytes(e.model(), e.codes());
        return sum;
    }

    static long maxBytes() {
        return Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4);
    }

    /** Bytes one entry of this model holds (weights and codes). */
    static long bytes(ModelSnapshot m, LatentCodes c) {
        VaeConfig cfg = m.config();
        long params = 0;
        int in = cfg.inputSize();
        for (int h : cfg.hidden()) {
            params += 2L * ((long) in * h + h); // the encoder's layer and the decoder's mirror of it
            in = h;
        }
        params += (long) in * 2 * cfg.latent() + 2L * cfg.latent() + (long) cfg.latent() * in + in;
        return 4 * params + (long) c.size() * (8L * c.latent() + 8);
    }

    // ---- internals ----

    /** Trainer thread: keeps epoch ends (with a model copy and codes, and no images into the next epoch). */
    private void offer(Dataset shown, TrainingSnapshot s) {
        if (s.model() == null || s.latent() == null || s.imagesInEpoch() != 0) return;
        Entry e = new Entry(s.epoch(), s.step(), s.model(), s.latent());
        fx.execute(() -> add(shown, e));
    }

    private void add(Dataset shown, Entry e) {
        if (shown != training.shown().get()) return; // an earlier model's
        if (!entries.isEmpty() && entries.get(entries.size() - 1).step() >= e.step()) return; // paused at the end: seen
        entries.add(e);
        int cap = (int) Math.max(8, Math.min(MAX_ENTRIES, maxBytes() / Math.max(1, bytes(e.model(), e.codes()))));
        while (entries.size() > cap) entries.remove(thinningVictim(cap));
    }

    /** The older entry whose removal leaves the smallest gap in epochs (not the first, nor the latest quarter). */
    private int thinningVictim(int cap) {
        int recent = Math.max(2, cap / 4), last = entries.size() - 1 - recent;
        int best = 1;
        long bestGap = Long.MAX_VALUE;
        for (int i = 1; i <= Math.max(1, last); i++) {
            long gap = entries.get(i + 1).epoch() - entries.get(i - 1).epoch();
            if (gap < bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        return best;
    }

    private void clear() {
        shownEntry.set(null);
        entries.clear();
    }
}
