package vaeexplorer.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

import vaeexplorer.ui.i18n.I18n;

/**
 * What a service needs to talk to the user in a dialog: the window that owns the dialogs and the window's text style
 * (so a dialog's text is as large as the window's). Services get this instead of the window object. FX thread.
 */
public final class Dialogs {
    private final Window owner;
    private final Supplier<String> style;

    /** @param style the window's inline style (its font size), read each time a dialog opens */
    public Dialogs(Window owner, Supplier<String> style) {
        this.owner = owner;
        this.style = style;
    }

    /** The window that owns the dialogs and file choosers. */
    public Window owner() { return owner; }

    /** The window's inline style, for a dialog's pane. */
    public String style() { return style.get(); }

    /**
     * An error dialog with the given id (for tests), header and message, in the language of the moment; it does not
     * wait.
     */
    public void showError(String id, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("VAE Explorer");
        alert.setHeaderText(header);
        alert.setContentText(message);
        alert.getDialogPane().setId(id);
        alert.getDialogPane().setStyle(style());
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        translateButtons(alert.getDialogPane());
        alert.show();
    }

    /**
     * A question with buttons of the given texts (the first is the default, the last is Cancel and also what closing
     * the dialog means); answer gets the index of the chosen one. It does not wait.
     *
     * @param id for tests; the buttons get the ids id + "-0", id + "-1", ...
     */
    public void ask(String id, String header, String message, List<String> buttons, IntConsumer answer) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner);
        alert.setTitle("VAE Explorer");
        alert.setHeaderText(header);
        alert.setContentText(message);
        DialogPane pane = alert.getDialogPane();
        pane.setId(id);
        pane.setStyle(style());
        pane.setMinHeight(Region.USE_PREF_SIZE);
        List<ButtonType> types = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            ButtonBar.ButtonData data = i == 0 ? ButtonBar.ButtonData.YES
                    : i == buttons.size() - 1 ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.NO;
            types.add(new ButtonType(buttons.get(i), data));
        }
        pane.getButtonTypes().setAll(types);
        for (int i = 0; i < types.size(); i++) {
            Node b = pane.lookupButton(types.get(i));
            b.setId(id + "-" + i);
            ((Button) b).setDefaultButton(i == 0);
        }
        alert.setOnHidden(e -> {
            int chosen = alert.getResult() == null ? -1 : types.indexOf(alert.getResult());
            answer.accept(chosen < 0 ? types.size() - 1 : chosen);
        });
        alert.show();
    }

    /**
     * Gives the standard buttons of a dialog (OK, Cancel, Close) the UI's words: JavaFX names them in the language of
     * the system, not the one chosen in the app.
     */
    public static void translateButtons(DialogPane pane) {
        for (ButtonType t : pane.getButtonTypes()) {
            String key = t == ButtonType.OK ? "dialogButtons.ok" : t == ButtonType.CANCEL ? "dialogButtons.cancel"
                    : t == ButtonType.CLOSE ? "dialogButtons.close" : null;
            if (key != null && pane.lookupButton(t) instanceof Button b) b.setText(I18n.get(key));
        }
    }
}
