package vaeexplorer.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionPrefsTest {
    @TempDir
    Path dir;

    @Test
    void theRecentListKeepsTheLastEightNewestFirstWithoutDuplicatesAndOutlivesTheApp() throws Exception {
        Path file = dir.resolve("app").resolve("sessions.properties");
        SessionPrefs p = new SessionPrefs(file);
        assertTrue(p.recent().isEmpty());
        List<Path> saved = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Path f = Files.writeString(dir.resolve("s" + i + ".vaesession"), "x");
            saved.add(f);
            p.addRecent(f);
        }
        p.addRecent(saved.get(5)); // again: moves to the front
        assertEquals(SessionPrefs.MAX_RECENT, p.recent().size());
        assertEquals(List.of(saved.get(5), saved.get(9), saved.get(8), saved.get(7), saved.get(6), saved.get(4),
                saved.get(3), saved.get(2)), p.recent());
        assertEquals(p.recent(), new SessionPrefs(file).recent(), "read back from the file");
    }

    @Test
    void filesThatAreGoneAreDroppedAndReturned() throws Exception {
        SessionPrefs p = new SessionPrefs(dir.resolve("sessions.properties"));
        Path kept = Files.writeString(dir.resolve("kept.vaesession"), "x");
        Path gone = Files.writeString(dir.resolve("gone.vaesession"), "x");
        p.addRecent(kept);
        p.addRecent(gone);
        Files.delete(gone);
        assertEquals(List.of(gone), p.dropMissing());
        assertEquals(List.of(kept), p.recent());
        assertTrue(p.dropMissing().isEmpty());
        assertEquals(List.of(kept), new SessionPrefs(dir.resolve("sessions.properties")).recent());
    }

    @Test
    void autosaveIsRememberedAndADamagedFileIsForgottenQuietly() throws Exception {
        Path file = dir.resolve("sessions.properties");
        SessionPrefs p = new SessionPrefs(file);
        assertFalse(p.autosave());
        p.setAutosave(true);
        assertTrue(new SessionPrefs(file).autosave());
        Files.write(file, new byte[] {'r', 'e', 'c', 'e', 'n', 't', '.', '1', '=', '\\', 'u', '0', '0'});
        SessionPrefs damaged = new SessionPrefs(file);
        assertTrue(damaged.recent().isEmpty());
        assertFalse(damaged.autosave());
    }

    @Test
    void theMarkersChoiceIsRememberedWithTheRest() {
        Path file = dir.resolve("sessions.properties");
        SessionPrefs p = new SessionPrefs(file);
        assertEquals("", p.markers(), "never chosen: the app uses its default");
        p.setAutosave(true);
        p.setMarkers("LABELS");
        SessionPrefs again = new SessionPrefs(file);
        assertEquals("LABELS", again.markers());
        assertTrue(again.autosave(), "the other choices stay");
        assertEquals(vaeexplorer.ui.latent.MarkerStyle.LABELS, vaeexplorer.ui.latent.MarkerStyle.parse(again.markers()));
        assertEquals(vaeexplorer.ui.latent.MarkerStyle.DEFAULT, vaeexplorer.ui.latent.MarkerStyle.parse("no such style"));
    }

    @Test
    void theTextSizeIsRememberedWithTheRestAndNonsenseIsForgotten() throws Exception {
        Path file = dir.resolve("sessions.properties");
        SessionPrefs p = new SessionPrefs(file);
        assertTrue(Double.isNaN(p.textScale()), "never chosen: the app starts at its normal size");
        p.setMarkers("DOTS");
        p.setTextScale(1.75);
        SessionPrefs again = new SessionPrefs(file);
        assertEquals(1.75, again.textScale());
        assertEquals("DOTS", again.markers(), "the other choices stay");
        again.setTextScale(Double.NaN); // not a size: ignored
        assertEquals(1.75, new SessionPrefs(file).textScale());
        Files.writeString(file, "textScale=huge\nmarkers=LABELS\n");
        SessionPrefs damaged = new SessionPrefs(file);
        assertTrue(Double.isNaN(damaged.textScale()));
        assertEquals("LABELS", damaged.markers());
        // what the window makes of a stored number: the View menu's nearest step
        assertEquals(1.75, vaeexplorer.ui.widgets.TextScale.step(1.7));
        assertEquals(vaeexplorer.ui.widgets.TextScale.largest(), vaeexplorer.ui.widgets.TextScale.step(40));
        assertEquals(vaeexplorer.ui.widgets.TextScale.smallest(), vaeexplorer.ui.widgets.TextScale.step(-3));
        assertEquals(1.0, vaeexplorer.ui.widgets.TextScale.step(Double.NaN));
    }

    @Test
    void theAppFolderCanBeMovedWithASystemProperty() {
        String old = System.getProperty("vaeexplorer.home");
        try {
            System.setProperty("vaeexplorer.home", dir.toString());
            assertEquals(dir, vaeexplorer.core.io.AppHome.path());
            System.clearProperty("vaeexplorer.home");
            assertEquals(Path.of(System.getProperty("user.home"), ".vae-explorer"), vaeexplorer.core.io.AppHome.path());
        } finally {
            if (old != null) System.setProperty("vaeexplorer.home", old);
        }
    }
}
