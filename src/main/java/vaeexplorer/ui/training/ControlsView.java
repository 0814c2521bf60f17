package vaeexplorer.ui.training;

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
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.VaeConfig;

import vaeexplorer.ui.datasets.DatasetChoice;
import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;

/**
 * The side bar: run buttons, the live settings (beta, learning rate, KL warm-up), and the settings that need a new model (data
 * set, architecture, batch, epochs, seed) with a note while they wait for Reset and a plain message for invalid values.
 * Every text follows the UI's language.
 */
public final class ControlsView extends VBox {
    private final Runnable focusPlot;
    private final GridPane runButtons;

    /**
     * @param run       what the run buttons drive (the explorer's model, or both runs in compare mode)
     * @param focusPlot gives the keyboard focus to the plot; used when a focused button becomes disabled (Train while
     *                  it starts training), so the focus does not land in a text field where typing would change a
     *                  setting by accident
     */
    public ControlsView(SettingsModel s, TrainingModel t, RunCommands run, ObservableStringValue loading, Runnable openFolder,
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
        Button train = button("controls.train", "trainButton", run.canTrain(), run::train);
        javafx.scene.control.Tooltip trainTip = new javafx.scene.control.Tooltip();
        trainTip.textProperty().bind(I18n.tr("controls.train.tooltip"));
        train.setTooltip(trainTip);
        buttons.addRow(0,
                train,
                button("controls.pause", "pauseButton", run.canPause(), run::pause),
                button("controls.resume", "resumeButton", run.canResume(), run::resume));
        buttons.addRow(1,
                button("controls.step", "stepButton", run.canStep(), run::stepOnce),
                button("controls.reset", "resetButton", run.canReset(), run::reset));
        runButtons = buttons;
        buttons.getChildren().get(0).getStyleClass().add("primary");

        GridPane live = form();
        row(live, 0, "controls.field.beta", field(s.beta(), s.betaError(), "betaField", I18n.tr("controls.prompt.beta")));
        row(live, 1, "controls.field.learningRate", field(s.learningRate(), s.learningRateError(), "learningRateField",
                I18n.tr("controls.prompt.learningRate")));
        row(live, 2, "controls.field.klWarmup", field(s.klWarmup(), s.klWarmupError(), "klWarmupField",
                I18n.tr("controls.prompt.klWarmup")));
        // the speed across both columns: its choices are longer than a number
        Label speedLabel = new Label();
        speedLabel.textProperty().bind(I18n.tr("controls.field.speed"));
        speedLabel.setMinWidth(Label.USE_PREF_SIZE);
        ComboBox<Double> speed = speedChoice(s);
        speedLabel.setLabelFor(speed);
        HBox speedRow = new HBox(8, speedLabel, speed);
        speedRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(speed, Priority.ALWAYS);
        live.add(speedRow, 0, 3, 2, 1);

        ComboBox<DatasetChoice> dataset = new ComboBox<>(s.datasets());
        dataset.setId("datasetChoice");
        dataset.valueProperty().bindBidirectional(s.dataset());
        dataset.setMaxWidth(Double.MAX_VALUE);
        dataset.accessibleTextProperty().bind(I18n.tr("a11y.dataset")); // it has no label of its own
        named(dataset, DatasetChoice::displayName, DatasetChoice.MNIST);
        Button open = new Button();
        open.textProperty().bind(I18n.tr("menu.openIdxFolder"));
        open.setId("openFolderButton");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> openFolder.run());
        open.disableProperty().bind(Bindings.isNotEmpty(loading));
        Label loadingLabel = note(loading, "loadingLabel", "hint-text");

        ComboBox<Likelihood> likelihood = new ComboBox<>(FXCollections.observableArrayList(Likelihood.values()));
        likelihood.setId("likelihoodChoice");
        likelihood.valueProperty().bindBidirectional(s.likelihood());
        likelihood.setMaxWidth(Double.MAX_VALUE);
        named(likelihood, l -> I18n.get(l == Likelihood.BERNOULLI ? "likelihood.bernoulli" : "likelihood.gaussian"),
                Likelihood.BERNOULLI);

        GridPane model = form();
        row(model, 0, "controls.field.latent", field(s.latent(), s.latentError(), "latentField",
                I18n.trf("controls.prompt.latent", VaeConfig.MAX_LATENT)));
        row(model, 1, "controls.field.hidden", field(s.hidden(), s.hiddenError(), "hiddenField", I18n.tr("controls.prompt.hidden")));
        row(model, 2, "controls.field.likelihood", likelihood);
        row(model, 3, "controls.field.batchSize", field(s.batchSize(), s.batchSizeError(), "batchField",
                I18n.tr("controls.prompt.batchSize")));
        row(model, 4, "controls.field.epochs", field(s.epochs(), s.epochsError(), "epochsField", I18n.tr("controls.prompt.epochs")));
        row(model, 5, "controls.field.seed", field(s.seed(), s.seedError(), "seedField", I18n.tr("controls.prompt.seed")));

        StringBinding error = Bindings.createStringBinding(() -> !s.firstError().get().isEmpty() ? s.firstError().get()
                : t.buildError().get(), s.firstError(), t.buildError());
        Label errorLabel = note(error, "settingsError", "error-text");
        Label pending = note(s.pendingNote(), "pendingNote", "note-text");

        getChildren().addAll(
                section("controls.section.run"), buttons,
                section("controls.section.live"), live,
                section("controls.section.newModel"), dataset, open, loadingLabel, model,
                pending, errorLabel);
    }

    /** Adds a control under the run buttons (the compare toggle). */
    public void addRunControl(Node n) {
        getChildren().add(getChildren().indexOf(runButtons) + 1, n);
    }

    private static Label section(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.tr(key));
        l.getStyleClass().add("section-title");
        l.setWrapText(true);
        return l;
    }

    private Button button(String key, String id, BooleanExpression enabled, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(I18n.tr(key));
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

    private static void row(GridPane g, int row, String key, Node control) {
        Label l = new Label();
        l.textProperty().bind(I18n.tr(key));
        l.setLabelFor(control);
        l.setMinWidth(Label.USE_PREF_SIZE);
        g.addRow(row, l, control);
    }

    /** A text field bound both ways to a setting, outlined red with the message as tooltip while invalid. */
    private static TextField field(StringProperty value, StringBinding error, String id, ObservableStringValue prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.promptTextProperty().bind(prompt);
        f.setPrefColumnCount(5);
        f.textProperty().bindBidirectional(value);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> error.get().isEmpty() ? prompt.get() : error.get(), error, prompt));
        f.setTooltip(tip);
        Runnable mark = () -> {
            if (error.get().isEmpty()) f.getStyleClass().remove("invalid");
            else if (!f.getStyleClass().contains("invalid")) f.getStyleClass().add("invalid");
        };
        error.addListener((o, a, b) -> mark.run());
        mark.run();
        return f;
    }

    /** A speed's name: "Full speed", "1 step/s", "30 steps/s". */
    static String speedName(double stepsPerSecond) {
        if (stepsPerSecond <= 0) return I18n.get("controls.speed.full");
        return stepsPerSecond == 1 ? I18n.get("controls.speed.one") : I18n.format("controls.speed.steps", Formats.plain(stepsPerSecond));
    }

    /** Full speed, or training held to a few steps a second for a class to watch (a live setting). */
    private static ComboBox<Double> speedChoice(SettingsModel s) {
        ComboBox<Double> speed = new ComboBox<>(FXCollections.observableArrayList(0.0, 100.0, 30.0, 10.0, 3.0, 1.0));
        speed.setId("speedChoice");
        speed.setValue(s.speedLimit().get());
        speed.valueProperty().addListener((o, a, v) -> s.speedLimit().set(v == null ? 0 : v));
        s.speedLimit().addListener((o, a, v) -> speed.setValue(v.doubleValue()));
        speed.setMaxWidth(Double.MAX_VALUE);
        named(speed, ControlsView::speedName, 0.0);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(I18n.tr("controls.speed.tooltip"));
        speed.setTooltip(tip);
        return speed;
    }

    /**
     * Shows a combo box's items by name, named again when the language changes (a combo box does not renew its cells
     * for a new converter, so its cells word themselves). {@code probe} is any item, for the converter's fromString
     * (unused by a non-editable box).
     */
    private static <T> void named(ComboBox<T> box, java.util.function.Function<T, String> name, T probe) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : name.apply(item);
            }

            @Override
            public T fromString(String text) {
                for (T item : box.getItems()) if (toString(item).equals(text)) return item;
                return probe;
            }
        });
        box.setCellFactory(list -> new NameCell<>(name));
        box.setButtonCell(new NameCell<>(name));
    }

    /** A cell that shows its item's name in the UI's language. */
    private static final class NameCell<T> extends ListCell<T> {
        private final java.util.function.Function<T, String> name;

        NameCell(java.util.function.Function<T, String> name) {
            this.name = name;
            Relabel.onLocaleChange(this, this::showName);
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            showName();
        }

        private void showName() {
            setText(isEmpty() || getItem() == null ? null : name.apply(getItem()));
        }
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
