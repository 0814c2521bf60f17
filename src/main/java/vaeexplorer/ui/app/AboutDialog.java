package vaeexplorer.ui.app;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vaeexplorer.core.About;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.widgets.Dialogs;

/** Help › About: the program's name and version, its licence, and the licences of what it bundles. */
final class AboutDialog {
    private AboutDialog() {}

    static Alert create(Dialogs dialogs) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(dialogs.owner());
        a.setTitle(I18n.get("about.title"));
        a.setHeaderText(About.versionLine());
        Label licence = new Label(I18n.format("about.licence", About.get("licence")) + "\n\n" + About.get("licence.text"));
        Label bundled = new Label(About.get("bundled"));
        for (Label l : new Label[] {licence, bundled}) {
            l.setWrapText(true);
            l.setPrefWidth(520);
            l.setMinHeight(Region.USE_PREF_SIZE); // whole paragraphs, never cut to "..."
        }
        VBox content = new VBox(10, licence, bundled);
        content.setId("aboutText");
        a.getDialogPane().setContent(content);
        a.getDialogPane().setId("aboutDialog");
        a.getDialogPane().setStyle(dialogs.style());
        Dialogs.translateButtons(a.getDialogPane());
        return a;
    }
}
