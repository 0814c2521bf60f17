package vaeexplorer.ui.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import vaeexplorer.core.io.AppHome;
import vaeexplorer.core.io.AtomicFiles;


/**
 * Which language the UI starts in, and the Language menu that switches it while the app runs. The start language is
 * the system property {@code vaeexplorer.language} (a tag such as {@code zh-CN} or {@code en}) if set, else the choice
 * last made in the menu (saved in {@code language.properties} in the app's folder), else the system locale: Chinese
 * for any Chinese locale, English otherwise.
 */
public final class Language {
    private final Path file;

    /** @param file where the menu's choice is remembered between runs */
    Language(Path file) {
        this.file = file;
    }

    public static Language inAppHome() {
        return new Language(AppHome.path().resolve("language.properties"));
    }

    /** The language to start in (see the class comment). */
    public Locale startLocale() {
        Locale forced = I18n.supportedTag(System.getProperty("vaeexplorer.language"));
        if (forced != null) return forced;
        Locale saved = saved();
        return saved != null ? saved : I18n.supported(Locale.getDefault());
    }

    /** The language saved by the menu, or null if none (or the file cannot be read). */
    Locale saved() {
        if (!Files.isRegularFile(file)) return null;
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return I18n.supportedTag(p.getProperty("language"));
    }

    /** Remembers the language for the next start; a file that cannot be written is not worth an error. */
    void save(Locale locale) {
        Properties p = new Properties();
        p.setProperty("language", I18n.supported(locale).toLanguageTag());
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            AtomicFiles.write(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                p.store(w, "VAE Explorer: the UI language");
                w.flush();
            });
        } catch (IOException | RuntimeException e) {
            // the choice still holds for this run
        }
    }

    /**
     * The Language menu: one item per language, each named in its own language (so it can be found whatever the UI
     * speaks now). Choosing one switches the whole window at once and remembers it.
     */
    public Menu menu() {
        Menu menu = new Menu();
        menu.setId("languageMenu");
        menu.textProperty().bind(I18n.tr("menu.language"));
        ToggleGroup group = new ToggleGroup();
        for (Locale l : I18n.SUPPORTED) {
            RadioMenuItem item = new RadioMenuItem(l.equals(I18n.CHINESE) ? "简体中文" : "English");
            item.setId(l.equals(I18n.CHINESE) ? "languageChinese" : "languageEnglish");
            item.setToggleGroup(group);
            item.setUserData(l);
            item.setSelected(l.equals(I18n.locale().get()));
            item.setOnAction(e -> {
                I18n.locale().set(l);
                save(l);
            });
            menu.getItems().add(item);
        }
        I18n.locale().addListener((o, a, now) -> group.getToggles().forEach(t -> t.setSelected(now.equals(t.getUserData()))));
        return menu;
    }
}
