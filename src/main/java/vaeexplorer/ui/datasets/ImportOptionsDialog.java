package vaeexplorer.ui.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import vaeexplorer.core.data.LoadOptions;
import vaeexplorer.core.data.images.InvertMode;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.widgets.Dialogs;

/**
 * The small step between choosing a folder or CSV file and loading it: image size (folders only), inversion and the
 * share held out for testing, with the defaults filled in. Modal and short-lived: its texts are taken in the language
 * of the moment it opens.
 */
final class ImportOptionsDialog extends Dialog<ImportOptions> {
    private final Spinner<Integer> side = new Spinner<>();
    private final ComboBox<InvertMode> invert = new ComboBox<>();
    private final Spinner<Integer> heldOut = new Spinner<>();

    /**
     * @param csv true for a CSV file (its images keep the file's size), false for an image folder
     */
    ImportOptionsDialog(Window owner, String style, Path source, boolean csv, ImportOptions initial) {
        initOwner(owner);
        setTitle(I18n.get(csv ? "importDialog.csvTitle" : "importDialog.folderTitle"));
        setHeaderText(I18n.format(csv ? "importDialog.csvHeader" : "importDialog.folderHeader", source.getFileName()));
        getDialogPane().setId("importOptionsDialog");
        getDialogPane().setStyle(style);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Dialogs.translateButtons(getDialogPane());
        ((javafx.scene.control.Button) getDialogPane().lookupButton(ButtonType.OK)).setText(I18n.get("importDialog.load"));

        side.setId("importSide");
        side.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(LoadOptions.MIN_SIDE, LoadOptions.MAX_SIDE,
                initial.side()));
        side.setEditable(true);
        side.setPrefWidth(100);
        invert.setId("importInvert");
        invert.getItems().setAll(List.of(InvertMode.values()));
        invert.setValue(initial.invert());
        invert.setConverter(new StringConverter<>() {
            @Override
            public String toString(InvertMode m) {
                if (m == null) return "";
                return switch (m) {
                    case AUTO -> I18n.get("importDialog.invertAuto");
                    case ALWAYS -> I18n.get("importDialog.invertAlways");
                    case NEVER -> I18n.get("importDialog.invertNever");
                };
            }

            @Override
            public InvertMode fromString(String s) {
                return null;
            }
        });
        heldOut.setId("importHeldOut");
        heldOut.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 50,
                (int) Math.round(initial.testFraction() * 100)));
        heldOut.setEditable(true);
        heldOut.setPrefWidth(100);

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(new ColumnConstraints(), grow);
        int row = 0;
        if (!csv) {
            form.addRow(row++, new Label(I18n.get("importDialog.side")), side);
        }
        form.addRow(row++, new Label(I18n.get("importDialog.invert")), invert);
        form.addRow(row, new Label(I18n.get("importDialog.heldOut")), heldOut);
        Label note = new Label(I18n.get(csv ? "importDialog.csvNote" : "importDialog.folderNote"));
        note.setWrapText(true);
        note.getStyleClass().add("hint-text");
        note.setPrefWidth(460);
        VBox content = new VBox(14, form, note);
        getDialogPane().setContent(content);
        setResultConverter(b -> b == ButtonType.OK ? options(initial) : null);
    }

    private ImportOptions options(ImportOptions initial) {
        commit(side);
        commit(heldOut);
        return new ImportOptions(side.getValue(), invert.getValue() == null ? InvertMode.AUTO : invert.getValue(),
                heldOut.getValue() / 100.0, initial.splitSeed());
    }

    /** Takes typed text that was not committed with Enter (out-of-range text falls back to the last valid value). */
    private static void commit(Spinner<Integer> s) {
        try {
            Integer v = s.getValueFactory().getConverter().fromString(s.getEditor().getText());
            if (v != null) s.getValueFactory().setValue(v);
        } catch (RuntimeException e) {
            s.getEditor().setText(s.getValueFactory().getConverter().toString(s.getValue()));
        }
    }

    /** Shows the dialog and waits; empty when cancelled. */
    static Optional<ImportOptions> ask(Window owner, String style, Path source, boolean csv, ImportOptions initial) {
        return new ImportOptionsDialog(owner, style, source, csv, initial).showAndWait();
    }
}
