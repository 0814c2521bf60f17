package vaeexplorer.ui.widgets;

import java.util.Locale;

/** Round tick positions (1, 2 or 5 times a power of ten) for an axis range, and their labels. */
public final class NiceTicks {
    private NiceTicks() {}

    /** The spacing of about {@code target} ticks across [min, max]. */
    public static double step(double min, double max, int target) {
        double span = max - min;
        if (!(span > 0) || target < 1) return 1;
        double raw = span / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        double nice = r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10;
        return nice * mag;
    }

    /** The multiples of step inside [min, max]. */
    public static double[] ticks(double min, double max, double step) {
        if (!(step > 0) || !(max >= min)) return new double[0];
        long first = (long) Math.ceil(min / step), last = (long) Math.floor(max / step);
        int n = (int) Math.max(0, Math.min(1000, last - first + 1));
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = (first + i) * step;
        return t;
    }

    /** A label with as many decimals as the step needs ("-0" shown as "0"). */
    public static String label(double value, double step) {
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        if (Math.abs(value) < step * 1e-6) value = 0;
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
