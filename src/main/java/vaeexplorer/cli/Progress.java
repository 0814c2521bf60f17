package vaeexplorer.cli;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on a terminal, redrawn at most five times a second; silent when not on a terminal. */
final class Progress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean enabled;
    private long lastDraw;
    private boolean drawn;

    Progress(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    void show(int epoch, int epochs, long done, long total) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L && done < total) return;
        lastDraw = now;
        int filled = (int) (WIDTH * done / Math.max(1, total));
        err.print(String.format(Locale.ROOT, "\repoch %d/%d [%s%s] %3d%%", epoch, epochs, "#".repeat(filled),
                " ".repeat(WIDTH - filled), 100 * done / Math.max(1, total)));
        err.flush();
        drawn = true;
    }

    void clear() {
        if (!drawn) return;
        err.print("\r" + " ".repeat(WIDTH + 30) + "\r");
        err.flush();
        drawn = false;
    }
}
