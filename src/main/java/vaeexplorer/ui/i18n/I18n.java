package vaeexplorer.ui.i18n;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The UI's words in the chosen language: English (the root bundles) or Simplified Chinese ({@code _zh}). Texts live in
 * the properties files under {@code vaeexplorer/ui/i18n/}, one pair per area of the UI, all with the same keys in both
 * languages (a test keeps that true). Patterns use {@link String#format} placeholders ({@code %s}, {@code %d},
 * {@code %.1f}, {@code %1$s}); numbers are formatted with {@link Locale#ROOT}, so they read the same in both languages
 * (1,234.5) and as the settings fields take them.
 *
 * <p>The language is one application-wide property: views bind their texts with {@link #tr} (or include
 * {@link #locale()} as a dependency of their own bindings), so switching the language from the menu re-labels the
 * running window without rebuilding it and without touching training.
 */
public final class I18n {
    /** The bundles, one per area of the UI; a key lives in exactly one of them. */
    static final List<String> BUNDLES = List.of(
            "vaeexplorer.ui.i18n.main",
            "vaeexplorer.ui.i18n.files",
            "vaeexplorer.ui.i18n.lessons");
    /** English (the root bundles). */
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** Simplified Chinese ({@code _zh} bundles). */
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    /** Switched only on the FX thread: every window's views re-word themselves when it changes. */
    private static final ObjectProperty<Locale> LOCALE = new SimpleObjectProperty<>(ENGLISH) {
        @Override
        public void set(Locale l) {
            if (!javafx.application.Platform.isFxApplicationThread())
                throw new IllegalStateException("the UI language is switched on the FX thread (tests of texts without a "
                        + "window use I18n.useOnThisThread)");
            super.set(l);
        }
    };
    /**
     * The bundles of the language last asked for. {@link #get} loads them for the locale's current value when it
     * differs: not in a listener of the locale, because bindings and invalidation listeners hear of a change before
     * any change listener runs, and would word themselves from the old bundles.
     */
    private static volatile Loaded loaded = new Loaded(ENGLISH, load(ENGLISH));

    private record Loaded(Locale locale, List<ResourceBundle> bundles) {}

    static {
        LOCALE.addListener((o, a, b) -> {
            if (b == null) LOCALE.set(ENGLISH);
        });
    }

    private I18n() {}

    /**
     * The language the UI speaks; set it to switch (only {@link #ENGLISH} and {@link #CHINESE} are meaningful, see
     * {@link #supported}). Listen to it, or bind with {@link #tr}, on the FX thread.
     */
    public static ObjectProperty<Locale> locale() {
        return LOCALE;
    }

    /** True while the UI speaks Chinese. */
    public static boolean isChinese() {
        return CHINESE.equals(current());
    }

    /**
     * For tests of texts that have no window: words texts on the calling thread only in the given language (null:
     * follow {@link #locale()} again), without switching the UI. Switching {@link #locale()} itself notifies every
     * window's views, so it belongs on the FX thread.
     */
    public static void useOnThisThread(Locale locale) {
        if (locale == null) THREAD_LOCALE.remove();
        else THREAD_LOCALE.set(supported(locale));
    }

    private static final ThreadLocal<Locale> THREAD_LOCALE = new ThreadLocal<>();

    private static Locale current() {
        Locale t = THREAD_LOCALE.get();
        return t != null ? t : supported(LOCALE.get());
    }

    /**
     * The supported language for a requested locale or tag ("zh", "zh-CN", "zh_TW", "en-GB", "de"): any Chinese is
     * Simplified Chinese, anything else English.
     */
    public static Locale supported(Locale requested) {
        return requested != null && "zh".equals(requested.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** As {@link #supported(Locale)} for a language tag; null, blank or malformed tags give null (no choice). */
    public static Locale supportedTag(String tag) {
        if (tag == null || tag.isBlank()) return null;
        try {
            return supported(new Locale.Builder().setLanguageTag(tag.trim().replace('_', '-')).build());
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    /** The text for key in the current language. A missing key shows as {@code ⟦key⟧} (a test finds those first). */
    public static String get(String key) {
        for (ResourceBundle b : bundles())
            if (b.containsKey(key)) return b.getString(key);
        return "⟦" + key + "⟧";
    }

    /** The pattern for key, filled in with args ({@link String#format}, numbers as in {@link Locale#ROOT}). */
    public static String format(String key, Object... args) {
        return String.format(Locale.ROOT, get(key), args);
    }

    /** The text for key, following the language. */
    public static StringBinding tr(String key) {
        return Bindings.createStringBinding(() -> get(key), LOCALE);
    }

    /**
     * The pattern for key filled in with args, following the language and any arg that is an {@link ObservableValue}
     * (its current value is used).
     */
    public static StringBinding trf(String key, Object... args) {
        List<ObservableValue<?>> deps = new ArrayList<>();
        deps.add(LOCALE);
        for (Object a : args) if (a instanceof ObservableValue<?> v) deps.add(v);
        return Bindings.createStringBinding(() -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++)
                values[i] = args[i] instanceof ObservableValue<?> v ? v.getValue() : args[i];
            return format(key, values);
        }, deps.toArray(new ObservableValue<?>[0]));
    }

    /** The bundles of the current language. */
    private static List<ResourceBundle> bundles() {
        Locale now = current();
        Loaded l = loaded;
        if (l.locale().equals(now)) return l.bundles();
        if (THREAD_LOCALE.get() != null) return load(now); // a test's language: not cached for the UI
        loaded = l = new Loaded(now, load(now));
        return l.bundles();
    }

    /** The bundles for a language, in {@link #BUNDLES} order. */
    static List<ResourceBundle> load(Locale locale) {
        Locale l = CHINESE.equals(supported(locale)) ? Locale.CHINESE : Locale.ROOT;
        List<ResourceBundle> out = new ArrayList<>();
        for (String name : BUNDLES) {
            try {
                out.add(ResourceBundle.getBundle(name, l, I18n.class.getClassLoader(), NO_FALLBACK));
            } catch (MissingResourceException e) {
                throw new IllegalStateException("missing UI text bundle " + name + " for " + l, e);
            }
        }
        return out;
    }
}
