package vaeexplorer.ui.widgets;

import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import vaeexplorer.ui.i18n.I18n;

/**
 * A strip above the status bar for what the data and session commands have to say: a progress line with Cancel while
 * something loads, and a notice line ("Skipped 3 of 2,003 files", "Saved ...") with an optional action such as Show
 * list, and a close button. Hidden while it has nothing to show.
 */
public final class NoticeBar extends VBox {
    private final HBox progressLine;
    private final Label progressText = new Label();
    private final ProgressBar progressBar = new ProgressBar();
    private final Button cancel = new Button();
    private final HBox noticeLine;
    private final Label noticeText = new Label();
    private final Button action = new Button();
    private final Button close = new Button("×");
    /** Plain notices (no action, no error) go away after this long. */
    private final javafx.animation.PauseTransition fade = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(20));
    private Runnable onCancel = () -> {};
    private Runnable onAction = () -> {};

    public NoticeBar() {
        setId("noticeBar");
        getStyleClass().add("notice-bar");
        progressText.setId("noticeProgressText");
        progressText.setMinWidth(0);
        progressBar.setId("noticeProgress");
        progressBar.setPrefWidth(220);
        progressBar.setMinWidth(80);
        cancel.setId("noticeCancelButton");
        cancel.textProperty().bind(I18n.tr("notice.cancel"));
        cancel.setMinWidth(Button.USE_PREF_SIZE);
        cancel.setOnAction(e -> onCancel.run());
        progressLine = new HBox(10, progressText, progressBar, cancel);
        progressLine.setAlignment(Pos.CENTER_LEFT);

        noticeText.setId("noticeText");
        noticeText.setWrapText(true);
        noticeText.setMinWidth(0);
        HBox.setHgrow(noticeText, Priority.ALWAYS);
        noticeText.setMaxWidth(Double.MAX_VALUE);
        action.setId("noticeActionButton");
        action.setMinWidth(Button.USE_PREF_SIZE);
        action.setOnAction(e -> onAction.run());
        close.setId("noticeCloseButton");
        close.setMinWidth(Button.USE_PREF_SIZE);
        close.getStyleClass().add("notice-close");
        javafx.scene.control.Tooltip dismiss = new javafx.scene.control.Tooltip();
        dismiss.textProperty().bind(I18n.tr("notice.dismiss"));
        close.setTooltip(dismiss);
        close.setOnAction(e -> hideNotice());
        noticeLine = new HBox(10, noticeText, action, close);
        noticeLine.setAlignment(Pos.CENTER_LEFT);

        for (HBox line : new HBox[] {progressLine, noticeLine}) {
            line.managedProperty().bind(line.visibleProperty());
            line.setVisible(false);
        }
        getChildren().addAll(progressLine, noticeLine);
        fade.setOnFinished(e -> hideNotice());
        visibleProperty().bind(progressLine.visibleProperty().or(noticeLine.visibleProperty()));
        managedProperty().bind(visibleProperty());
    }

    /** Shows a progress line (progress 0..1, or -1 for "busy") with a Cancel button that runs onCancel. */
    void showProgress(String text, ObservableDoubleValue progress, Runnable onCancel) {
        this.onCancel = onCancel;
        progressText.setText(text);
        progressBar.progressProperty().unbind();
        progressBar.progressProperty().bind(progress);
        cancel.setDisable(false);
        progressLine.setVisible(true);
    }

    void hideProgress() {
        progressBar.progressProperty().unbind();
        progressLine.setVisible(false);
    }

    /** Shows a notice; actionText null for none. Replaces the previous notice. */
    void showNotice(String text, boolean error, String actionText, Runnable onAction) {
        noticeText.setText(text);
        noticeLine.getStyleClass().remove("notice-error");
        if (error) noticeLine.getStyleClass().add("notice-error");
        this.onAction = onAction == null ? () -> {} : onAction;
        action.setText(actionText == null ? "" : actionText);
        action.setVisible(actionText != null);
        action.setManaged(actionText != null);
        noticeLine.setVisible(true);
        fade.stop();
        if (!error && actionText == null) fade.playFromStart();
    }

    void hideNotice() {
        fade.stop();
        noticeLine.setVisible(false);
    }

    /** The notice shown, or "" (for tests). */
    public String notice() {
        return noticeLine.isVisible() ? noticeText.getText() : "";
    }

    public boolean isShowingProgress() {
        return progressLine.isVisible();
    }
}
