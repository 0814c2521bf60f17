package vaeexplorer.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The UI's texts: both languages have the same keys with the same placeholders, every Chinese text is Chinese, every
 * key the code asks for exists and every key is used, and no UI text is hard-coded in the views.
 */
class I18nBundlesTest {
    private static final Path UI_SOURCES = Path.of("src/main/java/vaeexplorer/ui");
    /** Placeholders of String.format: %s, %d, %.1f, %1$s, %,d ... (and %% and %n). */
    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?[a-zA-Z%]");
    /** Keys whose Chinese text may be the same as the English: symbols and names that are not translated. */
    private static final Set<String> SAME_IN_BOTH = Set.of();

    private static Properties load(String bundle, String suffix) throws IOException {
        String res = "/" + bundle.replace('.', '/') + suffix + ".properties";
        try (InputStream in = I18n.class.getResourceAsStream(res)) {
            assertTrue(in != null, "missing " + res);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    private static List<String> placeholders(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) out.add(m.group());
        out.sort(null);
        return out;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws IOException {
        for (String b : I18n.BUNDLES) {
            Properties en = load(b, ""), zh = load(b, "_zh");
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()), b + ": keys differ");
            for (String k : en.stringPropertyNames()) {
                assertTrue(!en.getProperty(k).isBlank() && !zh.getProperty(k).isBlank(), b + ": empty text for " + k);
                assertEquals(placeholders(en.getProperty(k)), placeholders(zh.getProperty(k)), b + ": placeholders of " + k);
            }
        }
    }

    /**
     * No text of ours needs JavaFX's complex shaping (combining marks such as x&#770;, right-to-left scripts...): on
     * Linux that goes through Pango, which is not safe on the FX and render threads at once (see SharedGlyphLayout).
     */
    @Test
    void noTextNeedsComplexShaping() throws IOException {
        for (String b : I18n.BUNDLES)
            for (String suffix : List.of("", "_zh")) {
                Properties p = load(b, suffix);
                for (String k : p.stringPropertyNames()) {
                    String t = p.getProperty(k);
                    int bad = t.codePoints().filter(com.sun.javafx.text.ScriptMapper::isComplexCharCode).findFirst().orElse(-1);
                    assertTrue(bad < 0, b + suffix + ": " + k + " has U+" + Integer.toHexString(bad).toUpperCase(Locale.ROOT)
                            + ", which JavaFX shapes as complex text: " + t);
                }
            }
    }

    @Test
    void everyChineseTextIsChinese() throws IOException {
        for (String b : I18n.BUNDLES) {
            Properties en = load(b, ""), zh = load(b, "_zh");
            for (String k : zh.stringPropertyNames()) {
                if (SAME_IN_BOTH.contains(k)) continue;
                String t = zh.getProperty(k);
                assertTrue(t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        b + "_zh: not Chinese: " + k + "=" + t);
                assertTrue(!t.equals(en.getProperty(k)), b + "_zh: same as English: " + k);
            }
        }
    }

    @Test
    void eachKeyLivesInOneBundle() throws IOException {
        Map<String, String> where = new HashMap<>();
        for (String b : I18n.BUNDLES)
            for (String k : load(b, "").stringPropertyNames()) {
                String before = where.put(k, b);
                assertTrue(before == null, k + " is in both " + before + " and " + b);
            }
    }

    /** Every string literal in the UI code that looks like a key (area.name) and every key in the bundles, matched. */
    @Test
    void everyKeyTheCodeUsesExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String b : I18n.BUNDLES) keys.addAll(load(b, "").stringPropertyNames());
        String code = allUiCode();
        Pattern call = Pattern.compile("I18n\\.(?:get|format|tr|trf)\\(\\s*\"([^\"]+)\"");
        Set<String> missing = new TreeSet<>();
        Matcher m = call.matcher(code);
        while (m.find()) if (!keys.contains(m.group(1))) missing.add(m.group(1));
        assertTrue(missing.isEmpty(), "keys used in the code but not in the bundles: " + missing);
        Set<String> unused = new TreeSet<>();
        for (String k : keys) if (!code.contains("\"" + k + "\"") && !prefixUsed(code, k)) unused.add(k);
        assertTrue(unused.isEmpty(), "keys in the bundles that no code uses: " + unused);
    }

    /** Keys built as "prefix." + name are marked in the code by the literal "prefix." (e.g. "state."). */
    private static boolean prefixUsed(String code, String key) {
        int dot = key.lastIndexOf('.');
        return dot > 0 && code.contains("\"" + key.substring(0, dot + 1) + "\"");
    }

    /** Texts handed straight to a control or dialog would not follow the language. */
    @Test
    void noViewHardCodesItsText() throws IOException {
        Pattern literalText = Pattern.compile(
                "(new (Label|Button|Menu|MenuItem|CheckBox|ToggleButton|RadioButton|RadioMenuItem|CheckMenuItem|Tab|Tooltip"
                        + "|TitledPane|Hyperlink|Text)|\\.(setText|setTitle|setHeaderText|setContentText|setPromptText))"
                        + "\\(\\s*\"([^\"]*\\p{L}{2}[^\"]*)\"");
        Set<String> allowed = Set.of("VAE Explorer", "English", "简体中文");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(UI_SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
                if (f.getFileName().toString().equals("UiBench.java")) continue; // prints JSON, not UI
                String[] lines = Files.readString(f).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    Matcher m = literalText.matcher(lines[i]);
                    while (m.find())
                        if (!allowed.contains(m.group(4))) found.add(f.getFileName() + ":" + (i + 1) + " \"" + m.group(4) + "\"");
                }
            }
        }
        assertTrue(found.isEmpty(), "hard-coded UI text (use I18n):\n" + String.join("\n", found));
    }

    @Test
    void languageTagsMapToTheSupportedLanguages() {
        assertEquals(I18n.CHINESE, I18n.supportedTag("zh-CN"));
        assertEquals(I18n.CHINESE, I18n.supportedTag("zh_TW"));
        assertEquals(I18n.CHINESE, I18n.supported(Locale.CHINA));
        assertEquals(I18n.ENGLISH, I18n.supportedTag("en-GB"));
        assertEquals(I18n.ENGLISH, I18n.supportedTag("de"));
        assertEquals(null, I18n.supportedTag(" "));
        assertEquals(null, I18n.supportedTag("!!"));
    }

    @Test
    void theUiLanguageIsNotSwitchedOffTheFxThread() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> I18n.locale().set(I18n.CHINESE));
        assertEquals(I18n.ENGLISH, I18n.locale().get());
    }

    /** (Bindings following a switch of the UI's language are tested with windows, on the FX thread.) */
    @Test
    void aTestCanWordTextsInEitherLanguageWithoutSwitchingTheUi() {
        try {
            I18n.useOnThisThread(I18n.CHINESE);
            assertEquals("文件", I18n.get("menu.file"));
            assertTrue(I18n.isChinese());
            assertEquals(I18n.ENGLISH, I18n.locale().get(), "the UI's language is untouched");
            I18n.useOnThisThread(I18n.ENGLISH);
            assertEquals("File", I18n.get("menu.file"));
            assertEquals("⟦no.such.key⟧", I18n.get("no.such.key"));
        } finally {
            I18n.useOnThisThread(null);
        }
    }

    @Test
    void theChosenLanguageIsRememberedAndASystemPropertyOverridesIt(@org.junit.jupiter.api.io.TempDir Path dir) {
        Language lang = new Language(dir.resolve("language.properties"));
        assertEquals(null, lang.saved());
        lang.save(I18n.CHINESE);
        assertEquals(I18n.CHINESE, lang.saved());
        String old = System.getProperty("vaeexplorer.language");
        try {
            System.clearProperty("vaeexplorer.language");
            assertEquals(I18n.CHINESE, lang.startLocale());
            System.setProperty("vaeexplorer.language", "en");
            assertEquals(I18n.ENGLISH, lang.startLocale());
        } finally {
            if (old != null) System.setProperty("vaeexplorer.language", old);
            else System.clearProperty("vaeexplorer.language");
        }
    }

    private static String allUiCode() throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(UI_SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator)
                b.append(Files.readString(f)).append('\n');
        }
        return b.toString();
    }
}
