package vaeexplorer.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    int integer(String name, int fallback, int min, int max) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be a whole number, got '" + v + "'");
        }
        if (n < min || n > max)
            throw new UsageException(command + ": --" + name + " must be from " + min + " to " + max + ", got " + n);
        return n;
    }

    /** A finite number from min to max, or the fallback when the option is absent. */
    double number(String name, double fallback, double min, double max) throws UsageException {
        double d = number(name, fallback);
        if (values.containsKey(name) && !(d >= min && d <= max))
            throw new UsageException(command + ": --" + name + " must be a number from " + plain(min) + " to " + plain(max)
                    + ", got " + values.get(name).trim());
        return d;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    long longValue(String name, long fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be a whole number, got '" + v + "'");
        }
    }

    double number(String name, double fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) return fallback;
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be a number, got '" + v + "'");
        }
        if (!Double.isFinite(d)) throw new UsageException(command + ": --" + name + " must be a finite number, got '" + v + "'");
        return d;
    }
}
