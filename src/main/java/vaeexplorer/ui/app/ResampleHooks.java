package vaeexplorer.ui.app;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;

/**
 * The Resample action (Ctrl+E, View › Resample) for any view: a view registers what resampling means for it (draw a
 * new z, new noise, new examples...) with the node that shows it, and Resample runs the actions of the views now on
 * screen (a hidden tab's view is left alone). FX thread.
 */
public final class ResampleHooks {
    private record Hook(Node owner, Runnable action) {}

    private final List<Hook> hooks = new ArrayList<>();

    /**
     * Registers a view's resample action.
     *
     * @param owner  the view's node: the action runs only while it is showing
     * @return removes the registration
     */
    public Runnable register(Node owner, Runnable action) {
        Hook h = new Hook(owner, action);
        hooks.add(h);
        return () -> hooks.remove(h);
    }

    /** Runs the actions of the views now showing; false when none was. */
    public boolean resample() {
        boolean any = false;
        for (Hook h : List.copyOf(hooks)) {
            if (!showing(h.owner())) continue;
            h.action().run();
            any = true;
        }
        return any;
    }

    /** In a showing window, and it and all its parents visible. */
    static boolean showing(Node n) {
        if (n.getScene() == null || n.getScene().getWindow() == null || !n.getScene().getWindow().isShowing()) return false;
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }
}
