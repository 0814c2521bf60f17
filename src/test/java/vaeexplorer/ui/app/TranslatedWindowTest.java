package vaeexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;
import static vaeexplorer.ui.fixtures.FxTesting.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.TrainerSync;
import vaeexplorer.ui.i18n.I18n;

/**
 * The whole window, as a teacher would check it at 1280 x 720: after choosing 简体中文 in the Language menu, every text
 * on screen in every lesson tab (labels, buttons, menus, tabs, tooltips, prompts) is Chinese, apart from symbols and
 * names that stay as they are; and in both languages no label is cut off (shown with an ellipsis).
 */
@ExtendWith(ApplicationExtension.class)
class TranslatedWindowTest {
    /** Latin words that stay in the Chinese UI: symbols, file formats, data set and product names, key names. */
    private static final Set<String> KEPT = Set.of("VAE", "Explorer", "MNIST", "Fashion", "IDX", "CSV", "PNG", "SVG", "GIF", "JSON", "KL",
            "ELBO", "Adam", "SGD", "Ctrl", "Shift", "Alt", "Esc", "Space", "Home", "Enter", "Delete", "Backspace", "log",
            "exp", "sqrt", "max", "min", "Cmd", "English", "Language", "PgUp", "PgDn", "Up", "Down", "Left", "Right",
            "Plus", "Minus", "Tab", "Page", "End", "Numpad", "px", "ms", "µs", "PyTorch", "safetensors");
    private static final Pattern WORD = Pattern.compile("\\p{IsLatin}{2,}");

    private Explorer explorer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setWidth(1280);
        stage.setHeight(720);
        explorer = Explorer.open(stage, s -> {
            s.hidden().set("32");
            s.epochs().set("100");
        }, true);
    }

    @Stop
    void stop() {
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
    }

    @AfterEach
    void english() {
        run(() -> I18n.locale().set(I18n.ENGLISH));
        run(() -> explorer.text().normal());
    }

    @Test
    void choosingChineseInTheLanguageMenuLeavesNoEnglishOnScreenInAnyLesson() {
        await("training runs", 20_000, () -> explorer.training().step().get() > 20);
        long before = fx(() -> explorer.training().step().get());
        run(() -> chineseItem().fire());
        assertTrue(fx(I18n::isChinese), "the menu item switched the language");
        // reports after the switch, so the status line is rebuilt in Chinese as training goes on
        await("reports after the switch", 20_000, () -> explorer.training().step().get() > before + 5);
        List<String> english = new ArrayList<>();
        forEachTab(tab -> english.addAll(untranslated(tab)));
        assertTrue(english.isEmpty(), "English left in the Chinese UI:\n" + String.join("\n", new LinkedHashSet<>(english)));
    }

    @Test
    void noLabelIsCutOffInEitherLanguage() {
        await("training runs", 20_000, () -> explorer.training().step().get() > 20);
        run(() -> explorer.training().pause()); // texts that change on every snapshot hold still while compared
        await("paused", 10_000, () -> explorer.training().state().get() == vaeexplorer.core.train.TrainingRun.State.PAUSED);
        TrainerSync.settle(explorer.training());
        List<String> cut = new ArrayList<>();
        for (double scale : new double[] {1.0, 1.3, 1.5}) // 1.3: presentation mode's text size; 1.5: the next step up
            for (var locale : I18n.SUPPORTED) {
                run(() -> {
                    I18n.locale().set(locale);
                    explorer.text().scale().set(scale);
                });
                forEachTab(tab -> {
                    String where = locale + " x" + scale + " " + tab;
                    // a text the lesson's worker changed after the last layout shows its old words until the next one:
                    // lay out once more, and what is still cut is cut
                    if (!fx(() -> cutOff(stage.getScene().getRoot(), where)).isEmpty()) FxTesting.layOut(stage);
                    cut.addAll(fx(() -> cutOff(stage.getScene().getRoot(), where)));
                });
            }
        assertTrue(cut.isEmpty(), "cut-off texts at 1280x720:\n" + String.join("\n", new LinkedHashSet<>(cut)));
    }

    // ---- helpers ----

    private RadioMenuItem chineseItem() {
        MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup("#menuBar");
        for (Menu m : bar.getMenus())
            for (MenuItem i : m.getItems())
                if ("languageChinese".equals(i.getId())) return (RadioMenuItem) i;
        throw new AssertionError("no 简体中文 item in the menus");
    }

    /** Runs check once per lesson tab, with that tab selected and laid out. */
    private void forEachTab(java.util.function.Consumer<String> check) {
        TabPane tabs = fx(() -> explorer.view().lessons().tabPane());
        int n = fx(() -> tabs.getTabs().size());
        for (int i = 0; i < n; i++) {
            int k = i;
            run(() -> tabs.getSelectionModel().select(k));
            FxTesting.layOut(stage);
            check.accept(fx(() -> tabs.getTabs().get(k).getText()));
        }
    }

    private List<String> untranslated(String where) {
        return fx(() -> {
            List<String> texts = new ArrayList<>();
            collect(stage.getScene().getRoot(), texts);
            MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup("#menuBar");
            for (Menu m : bar.getMenus()) collect(m, texts);
            for (Tab t : explorer.view().lessons().tabPane().getTabs()) {
                texts.add(t.getText());
                if (t.getTooltip() != null) texts.add(t.getTooltip().getText());
            }
            List<String> bad = new ArrayList<>();
            for (String t : texts) if (t != null && isEnglish(t)) bad.add("[" + where + "] " + t);
            return bad;
        });
    }

    static boolean isEnglish(String text) {
        if (text.contains("⟦")) return true; // a missing key
        Matcher m = WORD.matcher(text);
        while (m.find()) if (!KEPT.contains(m.group())) return true;
        return false;
    }

    private static void collect(MenuItem item, List<String> texts) {
        if ("languageEnglish".equals(item.getId())) return; // named in its own language on purpose
        texts.add(item.getText());
        if (item instanceof Menu m) for (MenuItem i : m.getItems()) collect(i, texts);
    }

    /** Texts shown by visible nodes: labels, buttons, text nodes, prompts, tooltips. */
    private static void collect(Node n, List<String> texts) {
        if (!n.isVisible()) return;
        if (n instanceof Labeled l) texts.add(l.getText());
        if (n instanceof Text t) texts.add(t.getText());
        if (n instanceof TextInputControl f) texts.add(f.getPromptText());
        if (n instanceof Control c && c.getTooltip() != null) texts.add(c.getTooltip().getText());
        if (n instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) collect(child, texts);
    }

    /** Visible labels whose skin shows less than their text (JavaFX puts an ellipsis in its place). */
    static List<String> cutOff(Node n, String where) {
        return vaeexplorer.ui.fixtures.Accessibility.cutOff(n, where);
    }
}
