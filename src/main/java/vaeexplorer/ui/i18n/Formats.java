package vaeexplorer.ui.i18n;

import java.util.Locale;

/** Numbers and durations as the status line shows them (always with a decimal point, like the text fields take). */
public final class Formats {
    private Formats() {}

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String nats(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "–";
    }

    public static String z(double v) {
        return String.format(Locale.ROOT, "%+.2f", v);
    }

    /** A share in [0, 1] as a whole percentage: "34%" ("<1%" for a share that rounds to 0 but is not 0). */
    public static String percent(double share) {
        if (!Double.isFinite(share)) return "–";
        if (share > 0 && share < 0.005) return "<1%";
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /** h:mm:ss or m:ss. */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) return "–";
        long s = Math.round(seconds);
        long h = s / 3600, m = s / 60 % 60, sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    /** A number as short as it goes without losing digits: 1, 0.001, 12.5 (as a settings field takes it). */
    public static String plain(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Words as a list in a sentence: "a, b, c" in English, "a、b、c" in Chinese (its enumeration comma). */
    public static String list(java.util.List<String> items) {
        return String.join(I18n.isChinese() ? "、" : ", ", items);
    }

    /** A message from a validating constructor, starting with a capital letter. */
    public static String sentence(String message) {
        if (message == null || message.isEmpty()) return "";
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
