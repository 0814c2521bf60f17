package vaeexplorer.ui.widgets;

import javafx.scene.Node;
import javafx.scene.input.MouseEvent;

/**
 * Controls beside the latent plot (overlay switches, the timeline) that Tab reaches like any other, while a mouse click
 * on them leaves the keyboard focus where it was (on the plot, whose arrow keys move z): the click works, and the focus
 * goes back to its owner before the press once the button is released.
 */
public final class KeyboardReach {
    private static final String BEFORE = KeyboardReach.class.getName() + ".before";

    private KeyboardReach() {}

    /** Makes n reachable by Tab and keeps a mouse click on it from moving the focus; returns n. */
    public static <T extends Node> T tabbableClickKeepsFocus(T n) {
        n.setFocusTraversable(true);
        n.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            Node owner = n.getScene() == null ? null : n.getScene().getFocusOwner();
            n.getProperties().put(BEFORE, owner);
        });
        n.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            Object before = n.getProperties().remove(BEFORE);
            if (before instanceof Node owner && owner != n && owner.getScene() == n.getScene()) owner.requestFocus();
        });
        return n;
    }
}
