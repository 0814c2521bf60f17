package vaeexplorer.ui.widgets;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Text drawn on a canvas, which does not wrap it: where its lines break. */
public final class CanvasText {
    private CanvasText() {}

    /**
     * Splits text into lines no wider than width in font: at spaces, and between two characters of Chinese text
     * (which has no spaces), never before closing punctuation such as ",。)" nor after opening punctuation such as "“(".
     */
    public static List<String> wrap(String text, Font font, double width) {
        List<String> lines = new ArrayList<>();
        Text probe = new Text();
        probe.setFont(font);
        StringBuilder line = new StringBuilder();
        int i = 0, n = text.length();
        while (i < n) {
            int gapStart = i;
            while (i < n && text.charAt(i) == ' ') i++;
            if (i == n) break;
            String gap = text.substring(gapStart, i);
            int end = unitEnd(text, i);
            while (OPENING.indexOf(text.charAt(end - 1)) >= 0 && end < n && text.charAt(end) != ' ') end = unitEnd(text, end);
            String unit = text.substring(i, end);
            i = end;
            String candidate = line.length() == 0 ? unit : line + gap + unit;
            probe.setText(candidate);
            boolean fits = probe.getLayoutBounds().getWidth() <= width || line.length() == 0
                    || (gap.isEmpty() && CLOSING.indexOf(unit.charAt(0)) >= 0);
            if (fits) {
                line = new StringBuilder(candidate);
            } else {
                lines.add(line.toString());
                line = new StringBuilder(unit);
            }
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    /** Punctuation that stays at the end of the line before it. */
    private static final String CLOSING = ",。、:;!?)」』”’》";
    /** Punctuation that stays with what follows it. */
    private static final String OPENING = "(「『“‘《";

    /** Where the unbreakable piece of text that starts at i ends: one Chinese character, or a word. */
    private static int unitEnd(String text, int i) {
        int end = i + Character.charCount(text.codePointAt(i));
        if (breaksAround(text.codePointAt(i))) return end;
        while (end < text.length() && text.charAt(end) != ' ' && !breaksAround(text.codePointAt(end)))
            end += Character.charCount(text.codePointAt(end));
        return end;
    }

    /** Chinese characters and punctuation: a line may break before and after each. */
    private static boolean breaksAround(int cp) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || b == Character.UnicodeBlock.GENERAL_PUNCTUATION && cp >= 0x2018 && cp <= 0x201D;
    }
}
