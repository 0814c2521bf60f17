package vaeexplorer.ui.training;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import vaeexplorer.ui.i18n.I18n;

/** The status bar: run state, progress of the epoch and of the whole run, and a line of numbers. */
public final class ProgressView extends VBox {
    public ProgressView(TrainingModel t) {
        setId("statusBar");
        getStyleClass().add("status-bar");
        Label state = new Label();
        state.setId("stateLabel");
        state.getStyleClass().add("state-label");
        state.textProperty().bind(t.stateText());
        state.setMinWidth(Label.USE_PREF_SIZE);
        ProgressBar epoch = bar("epochProgress");
        epoch.progressProperty().bind(t.epochProgress());
        ProgressBar run = bar("runProgress");
        run.progressProperty().bind(t.runProgress());
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(t.status());
        status.setWrapText(true);
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        Label epochLabel = new Label();
        epochLabel.textProperty().bind(I18n.tr("progress.epoch"));
        Label runLabel = new Label();
        runLabel.textProperty().bind(I18n.tr("progress.run"));
        epochLabel.setMinWidth(Label.USE_PREF_SIZE);
        runLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox line = new HBox(8, state, epochLabel, epoch, runLabel, run, status);
        line.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("messageLabel");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(t.message());
        message.visibleProperty().bind(Bindings.isNotEmpty(t.message()));
        message.managedProperty().bind(message.visibleProperty());
        getChildren().addAll(line, message);
    }

    private static ProgressBar bar(String id) {
        ProgressBar b = new ProgressBar(0);
        b.setId(id);
        b.setPrefWidth(120);
        b.setMinWidth(60);
        return b;
    }
}
