package vaeexplorer.core.io;

import java.nio.file.Path;

/** The folder of the app's own files (preferences, sessions list, error log): {@code ~/.vae-explorer}. */
public final class AppHome {
    private AppHome() {}

    /** The system property {@code vaeexplorer.home} if set (tests use their own), else ~/.vae-explorer. */
    public static Path path() {
        String home = System.getProperty("vaeexplorer.home");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home", "."), ".vae-explorer");
    }
}
