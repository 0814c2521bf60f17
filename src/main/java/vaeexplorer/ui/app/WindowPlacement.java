package vaeexplorer.ui.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import vaeexplorer.core.io.AtomicFiles;

/**
 * Where the window opens: the first time large (most of the screen it is on), later at the size, place and
 * maximised state it was left in, kept in {@code window.properties} in the app's folder. A place on a screen that is
 * gone (a projector unplugged) or a size larger than the screens now are gives way to the default on the main
 * screen. While maximised (or in full screen), the size it had before is what is kept, so that un-maximising
 * later restores it. A file that cannot be read or written is not an error: the window then opens at the default.
 */
public final class WindowPlacement {
    /** The share of the screen's visible width and height the window takes the first time. */
    static final double FIRST_SHARE = 0.9;

    /** A window's place and size (decorations included) and whether it was maximised. */
    public record Bounds(double x, double y, double width, double height, boolean maximized) {}

    private final Path file;
    /** The last bounds while not maximised (what un-maximising returns to). */
    private Bounds normal;

    public WindowPlacement(Path file) {
        this.file = file;
    }

    /** The bounds kept in the file, or null when there are none (or they cannot be read). */
    Bounds saved() {
        if (!Files.isRegularFile(file)) return null;
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            double x = Double.parseDouble(p.getProperty("x")), y = Double.parseDouble(p.getProperty("y"));
            double w = Double.parseDouble(p.getProperty("width")), h = Double.parseDouble(p.getProperty("height"));
            if (!(Double.isFinite(x) && Double.isFinite(y) && w > 0 && h > 0 && w < 1e5 && h < 1e5)) return null;
            return new Bounds(x, y, w, h, Boolean.parseBoolean(p.getProperty("maximized")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void save(Bounds b) {
        Properties p = new Properties();
        p.setProperty("x", String.format(Locale.ROOT, "%.0f", b.x()));
        p.setProperty("y", String.format(Locale.ROOT, "%.0f", b.y()));
        p.setProperty("width", String.format(Locale.ROOT, "%.0f", b.width()));
        p.setProperty("height", String.format(Locale.ROOT, "%.0f", b.height()));
        p.setProperty("maximized", String.valueOf(b.maximized()));
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            AtomicFiles.write(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                p.store(w, "VAE Explorer: where the window was left");
                w.flush();
            });
        } catch (IOException | RuntimeException e) {
            // forgetting the place is no reason to bother the user
        }
    }

    /**
     * Where to open, given what was saved (or null) and the screens' visible bounds now (the main screen first):
     * the saved bounds when at least a 100 x 60 corner of their title bar area lies on a screen and they fit on it,
     * else {@link #FIRST_SHARE} of the main screen, centred; maximised as saved.
     */
    static Bounds choose(Bounds saved, List<Rectangle2D> screens, double minWidth, double minHeight) {
        Rectangle2D main = screens.get(0);
        if (saved != null) {
            for (Rectangle2D s : screens) {
                boolean titleVisible = s.intersects(saved.x(), saved.y(), Math.min(100, saved.width()), 60);
                boolean fits = saved.width() <= s.getWidth() + 1 && saved.height() <= s.getHeight() + 1;
                if (titleVisible && fits) {
                    double x = Math.max(s.getMinX(), Math.min(saved.x(), s.getMaxX() - saved.width()));
                    double y = Math.max(s.getMinY(), Math.min(saved.y(), s.getMaxY() - saved.height()));
                    return new Bounds(x, y, Math.max(minWidth, saved.width()), Math.max(minHeight, saved.height()),
                            saved.maximized());
                }
            }
        }
        double w = Math.max(Math.min(minWidth, main.getWidth()), Math.round(main.getWidth() * FIRST_SHARE));
        double h = Math.max(Math.min(minHeight, main.getHeight()), Math.round(main.getHeight() * FIRST_SHARE));
        return new Bounds(main.getMinX() + Math.round((main.getWidth() - w) / 2),
                main.getMinY() + Math.round((main.getHeight() - h) / 2), w, h, saved != null && saved.maximized());
    }

    /**
     * Places stage (once it is shown) where it was left, or large the first time, and keeps its place from now on:
     * the bounds while not maximised are followed, and written when the window closes.
     */
    public void apply(Stage stage) {
        List<Rectangle2D> screens = new java.util.ArrayList<>();
        screens.add(Screen.getPrimary().getVisualBounds());
        for (Screen s : Screen.getScreens()) if (s != Screen.getPrimary()) screens.add(s.getVisualBounds());
        Bounds b = choose(saved(), screens, stage.getMinWidth(), stage.getMinHeight());
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        normal = new Bounds(b.x(), b.y(), b.width(), b.height(), false);
        if (b.maximized()) stage.setMaximized(true);
        Runnable follow = () -> {
            if (!stage.isMaximized() && !stage.isFullScreen() && !stage.isIconified() && stage.getWidth() > 0)
                normal = new Bounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        };
        stage.xProperty().addListener((o, a, v) -> follow.run());
        stage.yProperty().addListener((o, a, v) -> follow.run());
        stage.widthProperty().addListener((o, a, v) -> follow.run());
        stage.heightProperty().addListener((o, a, v) -> follow.run());
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> save(current(stage)));
    }

    /** What to keep: the normal bounds, and whether the window is maximised now. */
    Bounds current(Stage stage) {
        Bounds n = normal;
        return new Bounds(n.x(), n.y(), n.width(), n.height(), stage.isMaximized());
    }
}
