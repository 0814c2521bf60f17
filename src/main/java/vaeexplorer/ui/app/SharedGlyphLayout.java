package vaeexplorer.ui.app;

import com.sun.javafx.text.GlyphLayout;

/**
 * Keeps JavaFX's one shared glyph layout out of use, so that every text layout gets its own.
 *
 * <p>JavaFX lays out text on the FX thread (labels) and on the render thread (a canvas's {@code fillText}), and both
 * borrow one shared {@code GlyphLayout} when it is free. On Linux its {@code PangoGlyphLayout.dispose()} marks it free
 * first and only then frees the text it shaped (through Pango, for text with combining marks such as x&#770;), so the
 * other thread can take it and clear that same map: a ConcurrentModificationException in the FX thread's pulse (seen
 * in LessonTabsReachTest), or a JVM that aborts in {@code g_free} (SharedGlyphLayoutTest without this). Holding the
 * shared instance for good makes {@code GlyphLayout.getInstance()} hand out a new one each time, which is what it
 * already does whenever the shared one is busy. The same order is in JavaFX's sources to this day.
 */
public final class SharedGlyphLayout {
    private static GlyphLayout held;

    private SharedGlyphLayout() {}

    /** Takes the shared instance once (idempotent); call before the first text is laid out, e.g. as the window opens. */
    public static synchronized void hold() {
        if (held == null) held = GlyphLayout.getInstance();
        // if another thread had it at that moment, we were given a new one: take the shared one once it is back
        while (!heldIsShared()) held = GlyphLayout.getInstance();
    }

    /** Whether the shared instance is out of use for others: then two layouts in a row get two different ones. */
    static synchronized boolean heldIsShared() {
        GlyphLayout a = GlyphLayout.getInstance();
        a.dispose();
        GlyphLayout b = GlyphLayout.getInstance();
        b.dispose();
        return a != b;
    }
}
