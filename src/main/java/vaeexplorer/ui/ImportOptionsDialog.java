package vaeexplorer.ui;

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
import vaeexplorer.core.data.InvertMode;
import vaeexplorer.core.data.LoadOptions;

/**
 * The small step between choosing a folder or CSV file and loading it: image size (folders only), inversion and the
 * share held out for testing, with the defaults filled in.
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
        setTitle(csv ? "Open CSV file" : "Open image folder");
        setHeaderText((csv ? "Load the images of " : "Load the images in ") + source.getFileName());
        getDialogPane().setId("importOptionsDialog");
        getDialogPane().setStyle(style);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ((javafx.scene.control.Button) getDialogPane().lookupButton(ButtonType.OK)).setText("Load");

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
                    case AUTO -> "Automatic: when the background is light";
                    case ALWAYS -> "Always";
                    case NEVER -> "Never";
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
            form.addRow(row++, new Label("Image size (pixels)"), side);
        }
        form.addRow(row++, new Label("Invert (white ↔ black)"), invert);
        form.addRow(row, new Label("Held out for testing (%)"), heldOut);
        Label note = new Label(csv
                ? "One image per line, pixels in rows; a first column named label or class gives the classes. "
                        + "The images keep the size the file gives them. The models expect light ink on a dark "
                        + "background, as in MNIST: \"Automatic\" inverts images whose border is light."
                : "Each image is fitted into a square of this size (aspect kept). Subfolders are classes; a folder "
                        + "without subfolders is unlabelled. Files that cannot be read are skipped and listed. The models "
                        + "expect light ink on a dark background, as in MNIST: \"Automatic\" inverts images whose "
                        + "border is light.");
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
