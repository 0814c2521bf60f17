package vaeexplorer.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vaeexplorer.core.vae.VaeConfig;

/** Options of the form {@code --name value} and flags of the form {@code --name}, checked against what a command takes. */
final class Args {
    private final String command;
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    Args(String command, List<String> args, Set<String> valueOptions, Set<String> flagOptions) throws UsageException {
        this.command = command;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || a.length() == 2)
                throw new UsageException(command + ": unexpected argument '" + a + "' (options look like --name value)");
            String name = a.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagOptions.contains(name)) {
                if (inline != null) throw new UsageException(command + ": --" + name + " takes no value");
                flags.add(name);
            } else if (valueOptions.contains(name)) {
                String v = inline;
                if (v == null) {
                    if (i + 1 >= args.size()) throw new UsageException(command + ": --" + name + " needs a value");
                    v = args.get(++i);
                }
                if (values.put(name, v) != null) throw new UsageException(command + ": --" + name + " is given twice");
            } else {
                throw new UsageException(command + ": unknown option --" + name + " (see 'help')");
            }
        }
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) throws UsageException {
        String v = values.get(name);
        if (v == null) throw new UsageException(command + ": --" + name + " is required");
        return v;
    }

    /** A whole number from min to max, or the fallback when the option is absent; a refusal names the flag and the range. */
    int integer(String name, int fallback, int min, int max) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be a whole number from " + min + " to " + max
                    + ", got '" + v + "'");
        }
        if (n < min || n > max)
            throw new UsageException(command + ": --" + name + " must be a whole number from " + min + " to " + max
                    + ", got " + n);
        return (int) n;
    }

    /** A finite number from min to max, or the fallback when the option is absent; a refusal names the flag and the range. */
    double number(String name, double fallback, double min, double max) throws UsageException {
        return number(name, fallback, min, max, false);
    }

    /** A finite number above 0 and up to max (a learning rate), or the fallback when the option is absent. */
    double positive(String name, double fallback, double max) throws UsageException {
        return number(name, fallback, 0, max, true);
    }

    private double number(String name, double fallback, double min, double max, boolean aboveMin) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        String range = aboveMin ? "above " + plain(min) + " and up to " + plain(max) : "from " + plain(min) + " to " + plain(max);
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!Double.isFinite(d) || (aboveMin ? !(d > min) : !(d >= min)) || !(d <= max))
            throw new UsageException(command + ": --" + name + " must be a number " + range + ", got '" + v + "'");
        return d;
    }

    /** One of the choices (case-insensitive; given in lower case), or the fallback when the option is absent. */
    String choice(String name, String fallback, String... choices) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        for (String c : choices) if (c.equalsIgnoreCase(v.trim())) return c;
        throw new UsageException(command + ": --" + name + " must be " + String.join(" or ", choices) + ", got '" + v + "'");
    }

    /**
     * Hidden layer sizes written as 512 or 512,256: 1 to {@value VaeConfig#MAX_HIDDEN_LAYERS} whole numbers from 1 to
     * {@value VaeConfig#MAX_HIDDEN}, or the fallback when the option is absent.
     */
    List<Integer> hidden(String name, String fallback) throws UsageException {
        String v = values.getOrDefault(name, fallback);
        List<Integer> sizes = new ArrayList<>();
        boolean ok = true;
        for (String part : v.split(",", -1)) {
            try {
                int h = Integer.parseInt(part.trim());
                ok &= h >= 1 && h <= VaeConfig.MAX_HIDDEN;
                sizes.add(h);
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (!ok || sizes.size() > VaeConfig.MAX_HIDDEN_LAYERS)
            throw new UsageException(command + ": --" + name + " must be 1 to " + VaeConfig.MAX_HIDDEN_LAYERS
                    + " whole numbers from 1 to " + VaeConfig.MAX_HIDDEN + ", like 512 or 512,256; got '" + v + "'");
        return sizes;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** A whole number (any long: a seed), or the fallback when the option is absent. */
    long longValue(String name, long fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be a whole number from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE + ", got '" + v + "'");
        }
    }
}
