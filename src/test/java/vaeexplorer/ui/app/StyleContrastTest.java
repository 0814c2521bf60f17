package vaeexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * WCAG 2.1 AA for the style sheets' text: every text colour the app's .css files set has a contrast of at least 4.5:1
 * (relative luminance, WCAG 2.1 § 1.4.3) against the background it is drawn on: its own rule's background if it has
 * one, else every background the sheets paint (the window is white; the side bar, status bar, notices and the rewound
 * timeline are tinted, and a text style such as the hint can show on any of them). A rule that gives controls their own
 * -fx-base (the Train button) is checked with the text colour modena picks for that base (its ladder of
 * -fx-text-base-color), or the colour the rule sets.
 */
class StyleContrastTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\\b");
    private static final double AA = 4.5;

    /** The sheets' rules: selector -> property -> value (comments removed). */
    static Map<String, Map<String, String>> rules() throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            sheets = files.filter(p -> p.toString().endsWith(".css")).sorted().toList();
        }
        assertTrue(sheets.size() >= 2, "the app's style sheets were found: " + sheets);
        for (Path f : sheets) {
            String css = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "");
            Matcher m = RULE.matcher(css);
            while (m.find()) {
                Map<String, String> props = out.computeIfAbsent(f.getFileName() + " " + m.group(1).trim().replaceAll("\\s+", " "),
                        k -> new LinkedHashMap<>());
                for (String decl : m.group(2).split(";")) {
                    int colon = decl.indexOf(':');
                    if (colon > 0) props.put(decl.substring(0, colon).trim(), decl.substring(colon + 1).trim());
                }
            }
        }
        return out;
    }

    /** The first hex colour of a value as {r, g, b} in 0..1, or null (a looked-up colour, transparent). */
    static double[] colour(String value) {
        if (value == null) return null;
        Matcher m = HEX.matcher(value);
        if (!m.find()) return null;
        String h = m.group(1);
        if (h.length() == 3) h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        int v = Integer.parseInt(h, 16);
        return new double[] {(v >> 16 & 255) / 255.0, (v >> 8 & 255) / 255.0, (v & 255) / 255.0};
    }

    /** WCAG 2.1 relative luminance of an sRGB colour. */
    static double luminance(double[] c) {
        double[] lin = new double[3];
        for (int i = 0; i < 3; i++) lin[i] = c[i] <= 0.04045 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    }

    /** WCAG 2.1 contrast ratio, 1 to 21. */
    static double contrast(double[] a, double[] b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /**
     * The text colour modena gives a control of this -fx-base: -fx-text-base-color = ladder(-fx-color,
     * -fx-light-text-color 45%, -fx-dark-text-color 46%, -fx-dark-text-color 59%, -fx-mid-text-color 60%), by the base's
     * HSB brightness (white, black, #333333).
     */
    static double[] modenaText(double[] base) {
        double brightness = Math.max(base[0], Math.max(base[1], base[2]));
        if (brightness <= 0.455) return new double[] {1, 1, 1};
        if (brightness < 0.595) return new double[] {0, 0, 0};
        return colour("#333333");
    }

    private static String hex(double[] c) {
        return String.format("#%02x%02x%02x", Math.round(c[0] * 255), Math.round(c[1] * 255), Math.round(c[2] * 255));
    }

    @Test
    void theContrastFormulaGivesWcagsOwnFigures() {
        assertEquals(21.0, contrast(colour("#000000"), colour("#ffffff")), 1e-9);
        assertEquals(1.0, contrast(colour("#abcdef"), colour("#abcdef")), 1e-9);
        // #767676 is the lightest grey that passes AA on white (4.54), #777777 fails (4.48)
        assertEquals(4.54, contrast(colour("#767676"), colour("#fff")), 0.005);
        assertTrue(contrast(colour("#777777"), colour("#ffffff")) < AA);
        assertEquals(colour("#333333")[0], modenaText(colour("#eef1f3"))[0], 1e-12, "light base: modena's dark grey text");
        assertEquals(1.0, modenaText(colour("#1b5e20"))[0], 1e-12, "dark base: white text");
    }

    @Test
    void everyTextColourOfTheStyleSheetsMeetsAaOnItsBackgrounds() throws IOException {
        Map<String, Map<String, String>> rules = rules();
        // every background the sheets paint, and the window's white
        Map<String, double[]> backgrounds = new LinkedHashMap<>();
        backgrounds.put("the window (#ffffff)", colour("#ffffff"));
        for (var r : rules.entrySet()) {
            double[] bg = colour(r.getValue().get("-fx-background-color"));
            if (bg != null) backgrounds.put(r.getKey() + " (" + hex(bg) + ")", bg);
        }
        assertTrue(backgrounds.size() >= 5, "the tinted panels were found: " + backgrounds.keySet());
        List<String> failures = new ArrayList<>();
        Set<String> checked = new LinkedHashSet<>();
        for (var r : rules.entrySet()) {
            Map<String, String> p = r.getValue();
            double[] text = colour(p.get("-fx-text-fill")), own = colour(p.get("-fx-background-color"));
            double[] base = colour(p.get("-fx-base"));
            if (base != null) { // a control's own colour: its text is drawn on its base
                double[] t = text != null ? text : modenaText(base);
                check(failures, r.getKey() + " text " + hex(t), t, "its -fx-base " + hex(base), base);
                checked.add(r.getKey());
                continue;
            }
            if (text == null) continue;
            checked.add(r.getKey());
            if (own != null) check(failures, r.getKey() + " " + hex(text), text, "its own background " + hex(own), own);
            else for (var b : backgrounds.entrySet()) check(failures, r.getKey() + " " + hex(text), text, b.getKey(), b.getValue());
        }
        assertTrue(checked.size() >= 10, "the text colours were found: " + checked);
        assertTrue(failures.isEmpty(), "text below 4.5:1:\n" + String.join("\n", failures));
    }

    private static void check(List<String> failures, String what, double[] text, String on, double[] bg) {
        double c = contrast(text, bg);
        if (c < AA) failures.add(String.format("%s on %s: %.2f:1", what, on, c));
    }
}
