package vaeexplorer.ui;

import java.util.List;

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

/** The files a folder import skipped, each with its path and the reason, in a table the user can scroll. */
final class SkippedFilesDialog {
    private SkippedFilesDialog() {}

    static Alert create(Window owner, String style, String source, List<SkippedFile> skipped) {
        TableView<SkippedFile> table = new TableView<>(FXCollections.observableArrayList(skipped));
        table.setId("skippedFilesTable");
        TableColumn<SkippedFile, String> path = new TableColumn<>("File");
        path.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        path.setPrefWidth(430);
        TableColumn<SkippedFile, String> reason = new TableColumn<>("Why it was skipped");
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        reason.setPrefWidth(330);
        table.getColumns().add(path);
        table.getColumns().add(reason);
        table.setPrefSize(780, 340);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label intro = new Label(Formats.count(skipped.size()) + (skipped.size() == 1 ? " file" : " files")
                + " in " + source + " did not become training images:");
        intro.setWrapText(true);

        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.initModality(Modality.NONE);
        alert.setResizable(true);
        alert.setTitle("Skipped files");
        alert.setHeaderText(null);
        alert.getDialogPane().setId("skippedFilesDialog");
        alert.getDialogPane().setStyle(style);
        alert.getDialogPane().setContent(new VBox(8, intro, table));
        return alert;
    }
}
