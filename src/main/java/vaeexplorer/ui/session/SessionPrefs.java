package vaeexplorer.ui.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import vaeexplorer.core.io.AtomicFiles;

/**
 * The session commands' memory between runs of the app, in a small properties file ({@code sessions.properties} in
 * the app's folder, ~/.vae-explorer): the recently opened or saved session files (newest first, at most
 * {@value #MAX_RECENT}), whether autosave is on, the view's choice of class markers (View › Markers) and the text size
 * (View › Larger / Smaller text; presentation mode's own size is not kept). A file that cannot be read or written is
 * not an error: the app then simply forgets.
 */
public final class SessionPrefs {
    static final int MAX_RECENT = 8;

    private final Path file;
    private final List<Path> recent = new ArrayList<>();
    private boolean autosave;
    private String markers = "";
    private double textScale = Double.NaN;

    public SessionPrefs(Path file) {
        this.file = file;
        read();
    }

    Path file() {
        return file;
    }

    /** Newest first. */
    List<Path> recent() {
        return Collections.unmodifiableList(recent);
    }

    /** Puts file first in the recent list (once), keeping at most {@value #MAX_RECENT}. */
    void addRecent(Path f) {
        Path abs = f.toAbsolutePath().normalize();
        recent.remove(abs);
        recent.add(0, abs);
        while (recent.size() > MAX_RECENT) recent.remove(recent.size() - 1);
        write();
    }

    void removeRecent(Path f) {
        if (recent.remove(f.toAbsolutePath().normalize())) write();
    }

    public void clearRecent() {
        recent.clear();
        write();
    }

    /** Drops the recent files that no longer exist and returns them. */
    List<Path> dropMissing() {
        List<Path> gone = new ArrayList<>();
        for (Path p : recent) if (!Files.isRegularFile(p)) gone.add(p);
        if (!gone.isEmpty()) {
            recent.removeAll(gone);
            write();
        }
        return gone;
    }

    boolean autosave() {
        return autosave;
    }

    void setAutosave(boolean on) {
        if (on == autosave) return;
        autosave = on;
        write();
    }

    /** The class markers chosen in View › Markers (a MarkerStyle's name), "" if never chosen. */
    public String markers() {
        return markers;
    }

    public void setMarkers(String name) {
        if (name.equals(markers)) return;
        markers = name;
        write();
    }

    /** The text scale last chosen in the View menu, NaN if never chosen (or unreadable). */
    public double textScale() {
        return textScale;
    }

    public void setTextScale(double scale) {
        if (!Double.isFinite(scale) || scale == textScale) return;
        textScale = scale;
        write();
    }

    private void read() {
        if (!Files.isRegularFile(file)) return;
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return;
        }
        autosave = Boolean.parseBoolean(p.getProperty("autosave", "false"));
        markers = p.getProperty("markers", "");
        try {
            textScale = Double.parseDouble(p.getProperty("textScale", "NaN"));
        } catch (NumberFormatException e) {
            textScale = Double.NaN;
        }
        for (int i = 1; i <= MAX_RECENT; i++) {
            String v = p.getProperty("recent." + i);
            if (v == null || v.isBlank()) continue;
            try {
                Path path = Path.of(v).toAbsolutePath().normalize();
                if (!recent.contains(path)) recent.add(path);
            } catch (InvalidPathException e) {
                // skip it
            }
        }
    }

    private void write() {
        Properties p = new Properties();
        p.setProperty("autosave", String.valueOf(autosave));
        if (!markers.isEmpty()) p.setProperty("markers", markers);
        if (Double.isFinite(textScale)) p.setProperty("textScale", Double.toString(textScale));
        for (int i = 0; i < recent.size(); i++) p.setProperty("recent." + (i + 1), recent.get(i).toString());
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            AtomicFiles.write(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                p.store(w, "VAE Explorer: recent sessions, autosave, markers, text size");
                w.flush();
            });
        } catch (IOException | RuntimeException e) {
            // not worth bothering the user: the list lives on in memory
        }
    }
}
