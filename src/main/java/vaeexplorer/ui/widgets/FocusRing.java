package vaeexplorer.ui.widgets;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * A visible keyboard focus for a node that draws itself (a plot of canvases): a frame over it, shown while the node has
 * the focus. Its look is the style sheet's {@code .focus-ring}; the owner adds it as its last child and lays it over
 * its whole area ({@link #cover}). It never takes the mouse.
 */
public final class FocusRing extends Region {
    public FocusRing(Node owner) {
        getStyleClass().add("focus-ring");
        setManaged(false);
        setMouseTransparent(true);
        setFocusTraversable(false);
        visibleProperty().bind(owner.focusedProperty());
    }

    /** Lays the frame over an area of w x h (the owner's). */
    public void cover(double w, double h) {
        resizeRelocate(0, 0, w, h);
    }
}
