package vaeexplorer.ui.datasets;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import vaeexplorer.core.data.SkippedFile;

import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.ProblemTexts;

/**
 * The files a folder import skipped, each with its path and the reason, in a table the user can scroll. The window
 * stays open beside the app, so its texts (reasons included) follow the language when it changes.
 */
final class SkippedFilesDialog {
    private SkippedFilesDialog() {}

    static Alert create(Window owner, String style, String source, List<SkippedFile> skipped) {
        TableView<SkippedFile> table = new TableView<>(FXCollections.observableArrayList(skipped));
        table.setId("skippedFilesTable");
        TableColumn<SkippedFile, String> path = new TableColumn<>();
        path.textProperty().bind(I18n.tr("skipped.fileColumn"));
        path.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        path.setPrefWidth(430);
        TableColumn<SkippedFile, String> reason = new TableColumn<>();
        reason.textProperty().bind(I18n.tr("skipped.reasonColumn"));
        reason.setCellValueFactory(c -> Bindings.createStringBinding(() -> ProblemTexts.reason(c.getValue()), I18n.locale()));
        reason.setPrefWidth(330);
        table.getColumns().add(path);
        table.getColumns().add(reason);
        table.setPrefSize(780, 340);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label intro = new Label();
        intro.setId("skippedFilesIntro");
        intro.textProperty().bind(I18n.trf(skipped.size() == 1 ? "skipped.introOne" : "skipped.introMany",
                Formats.count(skipped.size()), source));
        intro.setWrapText(true);

        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.initModality(Modality.NONE);
        alert.setResizable(true);
        alert.titleProperty().bind(I18n.tr("skipped.title"));
        alert.setHeaderText(null);
        alert.getDialogPane().setId("skippedFilesDialog");
        alert.getDialogPane().setStyle(style);
        alert.getDialogPane().setContent(new VBox(8, intro, table));
        if (alert.getDialogPane().lookupButton(ButtonType.CLOSE) instanceof javafx.scene.control.Button close)
            close.textProperty().bind(I18n.tr("dialogButtons.close"));
        return alert;
    }
}
