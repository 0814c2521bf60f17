package vaeexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import vaeexplorer.core.About;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.widgets.Dialogs;

/** Help › About names the program, its version and licence, and the licences of what the jar bundles. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    private String[] texts(Locale locale) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            I18n.locale().set(locale);
            try {
                Alert a = AboutDialog.create(new Dialogs(stage, () -> ""));
                VBox box = (VBox) a.getDialogPane().getContent();
                return new String[] {a.getTitle(), a.getHeaderText(), ((Label) box.getChildren().get(0)).getText(),
                        ((Label) box.getChildren().get(1)).getText()};
            } finally {
                I18n.locale().set(Locale.ENGLISH);
            }
        }).get();
    }

    @Test
    void aboutSaysVersionLicenceAndTheBundledLicencesInTheUisLanguage() throws Exception {
        String[] en = texts(Locale.ENGLISH);
        assertEquals("About VAE Explorer", en[0]);
        assertTrue(en[1].startsWith("VAE Explorer ") && en[1].contains(About.version()), en[1]);
        assertFalse(About.version().equals("unknown"), "the build fills in the version");
        assertTrue(en[2].startsWith("Licence: Apache-2.0"), en[2]);
        assertTrue(en[3].contains("Classpath Exception") && en[3].contains("LGPL") && en[3].contains("EJML"), en[3]);
        String[] zh = texts(I18n.CHINESE);
        assertEquals("关于 VAE Explorer", zh[0]);
        assertTrue(zh[2].startsWith("许可证：Apache-2.0"), zh[2]);
    }
}
