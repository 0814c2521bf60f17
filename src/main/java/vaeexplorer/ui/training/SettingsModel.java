package vaeexplorer.ui.training;

import java.util.ArrayList;
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
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.VaeConfig;

import vaeexplorer.ui.datasets.DatasetChoice;
import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;

/**
 * The settings form as text, with a plain-words error per field (empty when valid) in the UI's language: the limits
 * are the core's (its constants), checked and worded here, and then the core's own validating constructors run as a
 * backstop (their English words would show only if the two ever disagreed). Beta, the KL warm-up and the learning rate
 * act on a running model; the rest need a new model and apply on Reset, which {@link #pendingNote()} tells.
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
    /** Steps per second training is held to, for watching it (0: full speed); a live setting. */
    private final javafx.beans.property.DoubleProperty speedLimit = new javafx.beans.property.SimpleDoubleProperty(0);
    private final StringProperty batchSize = new SimpleStringProperty("64");
    private final StringProperty epochs = new SimpleStringProperty("10");
    private final StringProperty seed = new SimpleStringProperty("1");
    /** The settings of the model now in use (set when a model is built). */
    private final ObjectProperty<RunSettings> applied = new SimpleObjectProperty<>();

    private final StringBinding latentError = error(() -> {
        int v = parseInt(latent, "settings.name.latent");
        if (v < 1 || v > VaeConfig.MAX_LATENT) throw invalid("settings.error.latentRange", VaeConfig.MAX_LATENT, v);
        new VaeConfig(1, List.of(1), v, Likelihood.BERNOULLI, 1);
    }, latent);
    private final StringBinding hiddenError = error(() -> {
        List<Integer> sizes = parseHidden(hidden.get());
        if (sizes.size() > VaeConfig.MAX_HIDDEN_LAYERS)
            throw invalid("settings.error.hiddenCount", VaeConfig.MAX_HIDDEN_LAYERS, sizes.size());
        for (int h : sizes)
            if (h < 1 || h > VaeConfig.MAX_HIDDEN) throw invalid("settings.error.hiddenRange", VaeConfig.MAX_HIDDEN, h);
        new VaeConfig(1, sizes, 1, Likelihood.BERNOULLI, 1);
    }, hidden);
    private final StringBinding betaError = error(() -> {
        double v = parseDouble(beta, "settings.name.beta");
        if (!(v >= 0 && v <= TrainConfig.MAX_BETA))
            throw invalid("settings.error.betaRange", (int) TrainConfig.MAX_BETA, text(beta));
        TrainConfig.checkBeta(v);
    }, beta);
    private final StringBinding learningRateError = error(() -> {
        double v = parseDouble(learningRate, "settings.name.learningRate");
        if (!(v > 0 && v <= TrainConfig.MAX_LEARNING_RATE))
            throw invalid("settings.error.learningRateRange", (int) TrainConfig.MAX_LEARNING_RATE, text(learningRate));
        TrainConfig.checkLearningRate(v);
    }, learningRate);
    private final StringBinding batchSizeError = error(() -> {
        int v = parseInt(batchSize, "settings.name.batchSize");
        if (v < 1 || v > TrainConfig.MAX_BATCH) throw invalid("settings.error.batchRange", TrainConfig.MAX_BATCH, v);
        new TrainConfig(1, 1e-3, v, 1, 1, TrainConfig.OptimizerKind.ADAM, 1);
    }, batchSize);
    private final StringBinding epochsError = error(() -> {
        int v = parseInt(epochs, "settings.name.epochs");
        if (v < 1 || v > TrainConfig.MAX_EPOCHS) throw invalid("settings.error.epochsRange", TrainConfig.MAX_EPOCHS, v);
        new TrainConfig(1, 1e-3, 1, v, 1, TrainConfig.OptimizerKind.ADAM, 1);
    }, epochs);
    private final StringBinding seedError = error(() -> parseLong(seed, "settings.name.seed"), seed);
    private final StringBinding klWarmupError = error(() -> {
        double v = parseDouble(klWarmup, "settings.name.klWarmup");
        if (!(v >= 0 && v <= Trainer.MAX_KL_WARMUP))
            throw invalid("settings.error.klWarmupRange", (int) Trainer.MAX_KL_WARMUP, text(klWarmup));
    }, klWarmup);

    private final StringBinding firstError = Bindings.createStringBinding(this::findFirstError, latentError, hiddenError,
            betaError, learningRateError, batchSizeError, epochsError, seedError, klWarmupError);
    private final BooleanBinding valid = firstError.isEmpty();
    private final ObjectBinding<RunSettings> parsed = Bindings.createObjectBinding(this::parse, firstError, dataset, latent,
            hidden, likelihood, beta, learningRate, batchSize, epochs, seed);
    private final StringBinding pendingNote = Bindings.createStringBinding(this::findPending, parsed, applied, I18n.locale());

    public ObservableList<DatasetChoice> datasets() { return datasets; }
    public ObjectProperty<DatasetChoice> dataset() { return dataset; }

    /**
     * Makes a loaded data set one of the choices and the chosen one (it applies on Reset or Train); an earlier
     * choice of the same kind from the same place gives way to it (the same folder opened again with other options).
     */
    public void choose(DatasetChoice choice) {
        datasets.removeIf(c -> c != choice && choice.folder() != null && choice.folder().equals(c.folder())
                && c.kind() == choice.kind());
        if (!datasets.contains(choice)) datasets.add(choice);
        dataset.set(choice);
    }
    public StringProperty latent() { return latent; }
    public StringProperty hidden() { return hidden; }
    public ObjectProperty<Likelihood> likelihood() { return likelihood; }
    public StringProperty beta() { return beta; }
    public StringProperty learningRate() { return learningRate; }
    public StringProperty batchSize() { return batchSize; }
    public StringProperty epochs() { return epochs; }
    public StringProperty seed() { return seed; }
    public StringProperty klWarmup() { return klWarmup; }
    /** Steps per second training is held to (0: full speed). */
    public javafx.beans.property.DoubleProperty speedLimit() { return speedLimit; }
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
    /**
     * "Applies on Reset: latent size, seed." (in the UI's language) while settings that need a new model differ from the
     * model's; else "".
     */
    public StringBinding pendingNote() { return pendingNote; }

    /** Beta as a number, or NaN while its text is invalid. */
    public double betaValue() {
        return betaError.get().isEmpty() ? parseDouble(beta, "settings.name.beta") : Double.NaN;
    }

    /** The learning rate as a number, or NaN while its text is invalid. */
    public double learningRateValue() {
        return learningRateError.get().isEmpty() ? parseDouble(learningRate, "settings.name.learningRate") : Double.NaN;
    }

    /** The KL warm-up in epochs (0: off), or NaN while its text is invalid. */
    public double klWarmupValue() {
        return klWarmupError.get().isEmpty() ? parseDouble(klWarmup, "settings.name.klWarmup") : Double.NaN;
    }

    private String findFirstError() {
        for (StringBinding e : List.of(latentError, hiddenError, betaError, learningRateError, batchSizeError, epochsError,
                seedError, klWarmupError))
            if (!e.get().isEmpty()) return e.get();
        return "";
    }

    private RunSettings parse() {
        if (!firstError.get().isEmpty() || dataset.get() == null || likelihood.get() == null) return null;
        return new RunSettings(dataset.get(), parseInt(latent, ""), parseHidden(hidden.get()), likelihood.get(),
                parseDouble(beta, ""), parseDouble(learningRate, ""), parseInt(batchSize, ""), parseInt(epochs, ""),
                parseLong(seed, ""));
    }

    private String findPending() {
        RunSettings now = parsed.get(), used = applied.get();
        if (now == null || used == null) return "";
        List<String> changed = now.modelChangesFrom(used);
        return changed.isEmpty() ? "" : I18n.format("settings.pending", Formats.list(changed));
    }

    /** Whether the model in use was built with settings that differ from the form's. */
    public boolean hasPendingChanges() {
        return !pendingNote.get().isEmpty();
    }

    private interface Check {
        void run() throws IllegalArgumentException;
    }

    /** A value the form refuses, with the message in the UI's language. */
    private static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private static Invalid invalid(String key, Object... args) {
        return new Invalid(I18n.format(key, args));
    }

    /** The check's message, or "" when the value passes; worded again when the language changes. */
    private static StringBinding error(Check check, Observable field) {
        Callable<String> c = () -> {
            try {
                check.run();
                return "";
            } catch (Invalid e) {
                return e.getMessage();
            } catch (IllegalArgumentException e) { // the core refused what the form let through
                return I18n.format("settings.error.rejected", Formats.sentence(e.getMessage()));
            }
        };
        return Bindings.createStringBinding(c, field, I18n.locale());
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().trim();
    }

    /** @param name the key of the setting's name, for the message */
    private static int parseInt(StringProperty p, String name) {
        String s = text(p);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw invalid("settings.error.wholeNumber", I18n.get(name), s);
        }
    }

    private static long parseLong(StringProperty p, String name) {
        String s = text(p);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw invalid("settings.error.wholeNumber", I18n.get(name), s);
        }
    }

    private static double parseDouble(StringProperty p, String name) {
        String s = text(p);
        try {
            double v = Double.parseDouble(s);
            if (s.endsWith("d") || s.endsWith("D") || s.endsWith("f") || s.endsWith("F")) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw invalid("settings.error.number", I18n.get(name), s);
        }
    }

    /** Hidden sizes written as "512" or "512,256" (as {@link VaeConfig#parseHidden}, with the message translated). */
    private static List<Integer> parseHidden(String text) {
        String s = text == null ? "" : text;
        List<Integer> out = new ArrayList<>();
        for (String part : s.split(",")) {
            try {
                out.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw invalid("settings.error.hiddenNumbers", s);
            }
        }
        return out;
    }
}
