package vaeexplorer.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vaeexplorer.core.vae.Likelihood;

/**
 * The side bar: run buttons, the live settings (beta, learning rate, KL warm-up), and the settings that need a new model (data
 * set, architecture, batch, epochs, seed) with a note while they wait for Reset and a plain message for invalid values.
 */
final class ControlsView extends VBox {
    private final Runnable focusPlot;
    private final GridPane runButtons;

    /**
     * @param run       what the run buttons drive (the explorer's model, or both runs in compare mode)
     * @param focusPlot gives the keyboard focus to the plot; used when a focused button becomes disabled (Train while
     *                  it starts training), so the focus does not land in a text field where typing would change a
     *                  setting by accident
     */
    ControlsView(SettingsModel s, TrainingModel t, RunCommands run, ObservableStringValue loading, Runnable openFolder,
                 Runnable focusPlot) {
        this.focusPlot = focusPlot;
        setId("controls");
        getStyleClass().add("sidebar");

        GridPane buttons = new GridPane();
        buttons.getStyleClass().add("run-buttons");
        for (int c = 0; c < 3; c++) {
            ColumnConstraints third = new ColumnConstraints();
            third.setPercentWidth(100.0 / 3);
            buttons.getColumnConstraints().add(third);
        }
        buttons.addRow(0,
                button("Train", "trainButton", run.canTrain(), run::train),
                button("Pause", "pauseButton", run.canPause(), run::pause),
                button("Resume", "resumeButton", run.canResume(), run::resume));
        buttons.addRow(1,
                button("Step", "stepButton", run.canStep(), run::stepOnce),
                button("Reset", "resetButton", run.canReset(), run::reset));
        runButtons = buttons;
        buttons.getChildren().get(0).getStyleClass().add("primary");

        GridPane live = form();
        row(live, 0, "Beta (KL weight)", field(s.beta(), s.betaError(), "betaField", "e.g. 1, 0.5, 4"));
        row(live, 1, "Learning rate", field(s.learningRate(), s.learningRateError(), "learningRateField", "e.g. 0.001"));
        row(live, 2, "KL warm-up", field(s.klWarmup(), s.klWarmupError(), "klWarmupField",
                "epochs over which beta rises from 0 (0 = off)"));

        ComboBox<DatasetChoice> dataset = new ComboBox<>(s.datasets());
        dataset.setId("datasetChoice");
        dataset.valueProperty().bindBidirectional(s.dataset());
        dataset.setMaxWidth(Double.MAX_VALUE);
        Button open = new Button("Open IDX folder…");
        open.setId("openFolderButton");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> openFolder.run());
        open.disableProperty().bind(Bindings.isNotEmpty(loading));
        Label loadingLabel = note(loading, "loadingLabel", "hint-text");

        ComboBox<Likelihood> likelihood = new ComboBox<>(FXCollections.observableArrayList(Likelihood.values()));
        likelihood.setId("likelihoodChoice");
        likelihood.valueProperty().bindBidirectional(s.likelihood());
        likelihood.setMaxWidth(Double.MAX_VALUE);
        likelihood.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Likelihood l) {
                return l == null ? "" : l == Likelihood.BERNOULLI ? "Bernoulli" : "Gaussian";
            }

            @Override
            public Likelihood fromString(String text) {
                return Likelihood.parse(text);
            }
        });

        GridPane model = form();
        row(model, 0, "Latent size", field(s.latent(), s.latentError(), "latentField", "1 to 64, e.g. 2"));
        row(model, 1, "Hidden sizes", field(s.hidden(), s.hiddenError(), "hiddenField", "e.g. 512 or 512,256"));
        row(model, 2, "Likelihood", likelihood);
        row(model, 3, "Batch size", field(s.batchSize(), s.batchSizeError(), "batchField", "e.g. 128"));
        row(model, 4, "Epochs", field(s.epochs(), s.epochsError(), "epochsField", "e.g. 10"));
        row(model, 5, "Seed", field(s.seed(), s.seedError(), "seedField", "any whole number"));

        StringBinding error = Bindings.createStringBinding(() -> !s.firstError().get().isEmpty() ? s.firstError().get()
                : t.buildError().get(), s.firstError(), t.buildError());
        Label errorLabel = note(error, "settingsError", "error-text");
        Label pending = note(s.pendingNote(), "pendingNote", "note-text");

        getChildren().addAll(
                section("Run"), buttons,
                section("Live: act at once"), live,
                section("New model: apply on Reset"), dataset, open, loadingLabel, model,
                pending, errorLabel);
    }

    /** Adds a control under the run buttons (the compare toggle). */
    void addRunControl(Node n) {
        getChildren().add(getChildren().indexOf(runButtons) + 1, n);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        l.setWrapText(true);
        return l;
    }

    private Button button(String text, String id, BooleanExpression enabled, Runnable action) {
        Button b = new Button(text);
        b.disabledProperty().addListener((o, was, disabled) -> {
            if (disabled && b.isFocused()) javafx.application.Platform.runLater(focusPlot);
        });
        b.setId(id);
        b.setMaxWidth(Double.MAX_VALUE);
        b.disableProperty().bind(enabled.not());
        b.setOnAction(e -> action.run());
        return b;
    }

    private static GridPane form() {
        GridPane g = new GridPane();
        g.getStyleClass().add("form");
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grow.setFillWidth(true);
        g.getColumnConstraints().addAll(new ColumnConstraints(), grow);
        return g;
    }

    private static void row(GridPane g, int row, String label, Node control) {
        Label l = new Label(label);
        l.setLabelFor(control);
        l.setMinWidth(Label.USE_PREF_SIZE);
        g.addRow(row, l, control);
    }

    /** A text field bound both ways to a setting, outlined red with the message as tooltip while invalid. */
    private static TextField field(StringProperty value, StringBinding error, String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(5);
        f.textProperty().bindBidirectional(value);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.when(error.isEmpty()).then(prompt).otherwise(error));
        f.setTooltip(tip);
        Runnable mark = () -> {
            if (error.get().isEmpty()) f.getStyleClass().remove("invalid");
            else if (!f.getStyleClass().contains("invalid")) f.getStyleClass().add("invalid");
        };
        error.addListener((o, a, b) -> mark.run());
        mark.run();
        return f;
    }

    /** A wrapping label shown only while its text is not empty. */
    private static Label note(ObservableStringValue text, String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.visibleProperty().bind(Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
