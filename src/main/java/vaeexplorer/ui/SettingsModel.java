package vaeexplorer.ui;

import java.util.List;
import java.util.concurrent.Callable;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vaeexplorer.core.train.TrainConfig;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.VaeConfig;

/**
 * The settings form as text, with a plain-words error per field (empty when valid), checked by the core's own
 * validating constructors. Beta, the KL warm-up and the learning rate act on a running model; the rest need a new model and apply on
 * Reset, which {@link #pendingNote()} tells.
 */
public final class SettingsModel {
    private final ObservableList<DatasetChoice> datasets =
            FXCollections.observableArrayList(DatasetChoice.MNIST, DatasetChoice.FASHION);
    private final ObjectProperty<DatasetChoice> dataset = new SimpleObjectProperty<>(DatasetChoice.MNIST);
    private final StringProperty latent = new SimpleStringProperty("2");
    private final StringProperty hidden = new SimpleStringProperty("256");
    private final ObjectProperty<Likelihood> likelihood = new SimpleObjectProperty<>(Likelihood.BERNOULLI);
    private final StringProperty beta = new SimpleStringProperty("1");
    private final StringProperty learningRate = new SimpleStringProperty("0.001");
    /** KL warm-up in epochs (0: off), a live setting like beta. */
    private final StringProperty klWarmup = new SimpleStringProperty("0");
    private final StringProperty batchSize = new SimpleStringProperty("64");
    private final StringProperty epochs = new SimpleStringProperty("10");
    private final StringProperty seed = new SimpleStringProperty("1");
    /** The settings of the model now in use (set when a model is built). */
    private final ObjectProperty<RunSettings> applied = new SimpleObjectProperty<>();

    private final StringBinding latentError = error(() -> {
        new VaeConfig(1, List.of(1), parseInt(latent, "Latent size"), Likelihood.BERNOULLI, 1);
    }, latent);
    private final StringBinding hiddenError = error(() -> {
        new VaeConfig(1, VaeConfig.parseHidden(hidden.get()), 1, Likelihood.BERNOULLI, 1);
    }, hidden);
    private final StringBinding betaError = error(() -> TrainConfig.checkBeta(parseDouble(beta, "Beta")), beta);
    private final StringBinding learningRateError =
            error(() -> TrainConfig.checkLearningRate(parseDouble(learningRate, "Learning rate")), learningRate);
    private final StringBinding batchSizeError = error(() -> {
        new TrainConfig(1, 1e-3, parseInt(batchSize, "Batch size"), 1, 1, TrainConfig.OptimizerKind.ADAM, 1);
    }, batchSize);
    private final StringBinding epochsError = error(() -> {
        new TrainConfig(1, 1e-3, 1, parseInt(epochs, "Epochs"), 1, TrainConfig.OptimizerKind.ADAM, 1);
    }, epochs);
    private final StringBinding seedError = error(() -> parseLong(seed, "Seed"), seed);
    private final StringBinding klWarmupError = error(() -> checkKlWarmup(parseDouble(klWarmup, "KL warm-up")), klWarmup);

    private final StringBinding firstError = Bindings.createStringBinding(this::findFirstError, latentError, hiddenError,
            betaError, learningRateError, batchSizeError, epochsError, seedError, klWarmupError);
    private final BooleanBinding valid = firstError.isEmpty();
    private final ObjectBinding<RunSettings> parsed = Bindings.createObjectBinding(this::parse, firstError, dataset, latent,
            hidden, likelihood, beta, learningRate, batchSize, epochs, seed);
    private final StringBinding pendingNote = Bindings.createStringBinding(this::findPending, parsed, applied);

    public ObservableList<DatasetChoice> datasets() { return datasets; }
    public ObjectProperty<DatasetChoice> dataset() { return dataset; }
    public StringProperty latent() { return latent; }
    public StringProperty hidden() { return hidden; }
    public ObjectProperty<Likelihood> likelihood() { return likelihood; }
    public StringProperty beta() { return beta; }
    public StringProperty learningRate() { return learningRate; }
    public StringProperty batchSize() { return batchSize; }
    public StringProperty epochs() { return epochs; }
    public StringProperty seed() { return seed; }
    public StringProperty klWarmup() { return klWarmup; }
    public ObjectProperty<RunSettings> applied() { return applied; }

    public StringBinding latentError() { return latentError; }
    public StringBinding hiddenError() { return hiddenError; }
    public StringBinding betaError() { return betaError; }
    public StringBinding learningRateError() { return learningRateError; }
    public StringBinding batchSizeError() { return batchSizeError; }
    public StringBinding epochsError() { return epochsError; }
    public StringBinding seedError() { return seedError; }
    public StringBinding klWarmupError() { return klWarmupError; }
    /** The first field's error, or "". */
    public StringBinding firstError() { return firstError; }
    public BooleanBinding valid() { return valid; }
    /** All settings parsed, or null while any is invalid. */
    public ObjectBinding<RunSettings> parsed() { return parsed; }
    /** "Applies on Reset: latent size, seed" while settings that need a new model differ from the model's; else "". */
    public StringBinding pendingNote() { return pendingNote; }

    /** Beta as a number, or NaN while its text is invalid. */
    public double betaValue() {
        return betaError.get().isEmpty() ? parseDouble(beta, "Beta") : Double.NaN;
    }

    /** The learning rate as a number, or NaN while its text is invalid. */
    public double learningRateValue() {
        return learningRateError.get().isEmpty() ? parseDouble(learningRate, "Learning rate") : Double.NaN;
    }

    /** The KL warm-up in epochs (0: off), or NaN while its text is invalid. */
    public double klWarmupValue() {
        return klWarmupError.get().isEmpty() ? parseDouble(klWarmup, "KL warm-up") : Double.NaN;
    }

    private static void checkKlWarmup(double epochs) {
        if (!(epochs >= 0 && epochs <= 10_000))
            throw new IllegalArgumentException("KL warm-up must be 0 (off) to 10000 epochs, got " + epochs);
    }

    private String findFirstError() {
        for (StringBinding e : List.of(latentError, hiddenError, betaError, learningRateError, batchSizeError, epochsError,
                seedError, klWarmupError))
            if (!e.get().isEmpty()) return e.get();
        return "";
    }

    private RunSettings parse() {
        if (!firstError.get().isEmpty() || dataset.get() == null || likelihood.get() == null) return null;
        return new RunSettings(dataset.get(), parseInt(latent, ""), VaeConfig.parseHidden(hidden.get()), likelihood.get(),
                parseDouble(beta, ""), parseDouble(learningRate, ""), parseInt(batchSize, ""), parseInt(epochs, ""),
                parseLong(seed, ""));
    }

    private String findPending() {
        RunSettings now = parsed.get(), used = applied.get();
        if (now == null || used == null) return "";
        List<String> changed = now.modelChangesFrom(used);
        return changed.isEmpty() ? "" : "Applies on Reset: " + String.join(", ", changed) + ".";
    }

    /** Whether the model in use was built with settings that differ from the form's. */
    public boolean hasPendingChanges() {
        return !pendingNote.get().isEmpty();
    }

    private interface Check {
        void run() throws IllegalArgumentException;
    }

    private static StringBinding error(Check check, Observable field) {
        Callable<String> c = () -> {
            try {
                check.run();
                return "";
            } catch (IllegalArgumentException e) {
                return Formats.sentence(e.getMessage()) + ".";
            }
        };
        return Bindings.createStringBinding(c, field);
    }

    private static int parseInt(StringProperty p, String what) {
        String s = p.get() == null ? "" : p.get().trim();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + s + "'");
        }
    }

    private static long parseLong(StringProperty p, String what) {
        String s = p.get() == null ? "" : p.get().trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + s + "'");
        }
    }

    private static double parseDouble(StringProperty p, String what) {
        String s = p.get() == null ? "" : p.get().trim();
        try {
            double v = Double.parseDouble(s);
            if (s.endsWith("d") || s.endsWith("D") || s.endsWith("f") || s.endsWith("F")) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number like 0.5 or 1e-3, got '" + s + "'");
        }
    }
}
