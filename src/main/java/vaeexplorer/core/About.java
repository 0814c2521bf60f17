package vaeexplorer.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The program's name, version, licence and the licences of what it bundles, from
 * {@code /vaeexplorer/about.properties} (the build fills in the version from the pom). For {@code --version} and the
 * app's Help > About.
 */
public final class About {
    private static final Properties PROPS = load();

    private About() {}

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = About.class.getResourceAsStream("/vaeexplorer/about.properties")) {
            if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // keep the defaults below
        }
        return p;
    }

    /** Any entry of about.properties (name, version, licence, licence.text, bundled), or "" if absent. */
    public static String get(String key) {
        return PROPS.getProperty(key, "");
    }

    /** The version, like 0.1.0-SNAPSHOT ("unknown" if the build did not fill it in). */
    public static String version() {
        String v = get("version");
        return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    }

    /** One line: "VAE Explorer 0.1.0 (Apache-2.0)". */
    public static String versionLine() {
        return get("name") + " " + version() + " (" + get("licence") + ")";
    }
}
