package vaeexplorer.ui.lessons;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import vaeexplorer.core.train.LatentCodes;

import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.PlotTransform;
import vaeexplorer.ui.lessons.interpolation.InterpolationModel;
import vaeexplorer.ui.lessons.interpolation.InterpolationOverlay;
import vaeexplorer.ui.lessons.posterior.PosteriorSelection;

/**
 * The lessons' mouse and keys on the scatter, as event filters that run before the plot's own handling: hovering a
 * point shows its posterior, Ctrl+click adds a point to (or removes it from) the selection, Alt+click (or a plain
 * click in interpolation click mode) sets the next interpolation end, dragging an end's handle moves it, and Escape
 * clears the selection. By keys: Ctrl+Enter adds (or removes) the image nearest z, Ctrl+Shift+Enter sets the next end
 * at z (the arrow keys having moved it there). Everything else reaches the plot unchanged.
 */
final class ScatterInteractions {
    private final LatentPlotView plot;
    private final LatentModel latent;
    private final PosteriorSelection selection;
    private final InterpolationModel interpolation;
    private final InterpolationOverlay handles;
    private final ObservableDoubleValue fontSize;
    private int draggedEnd = -1;

    ScatterInteractions(LatentPlotView plot, LatentModel latent, PosteriorSelection selection,
                        InterpolationModel interpolation, InterpolationOverlay handles, ObservableDoubleValue fontSize) {
        this.plot = plot;
        this.latent = latent;
        this.selection = selection;
        this.interpolation = interpolation;
        this.handles = handles;
        this.fontSize = fontSize;
        plot.addEventFilter(MouseEvent.MOUSE_MOVED, this::moved);
        plot.addEventFilter(MouseEvent.MOUSE_EXITED, e -> selection.hovered().set(-1));
        plot.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        plot.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        plot.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        plot.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    private void moved(MouseEvent e) {
        selection.hovered().set(hit(e.getX(), e.getY()));
        plot.setCursor(handles.handleAt(e.getX(), e.getY(), fontSize.get()) >= 0 ? Cursor.HAND : Cursor.DEFAULT);
    }

    private void pressed(MouseEvent e) {
        boolean control = e.isShortcutDown() || e.isControlDown();
        // Ctrl+Shift+click sets A/B as Alt+click does: many Linux window managers take Alt+click for themselves
        boolean setsEnd = e.isAltDown() || (control && e.isShiftDown()) || interpolation.clickMode().get();
        if (e.getButton() != MouseButton.PRIMARY || (e.isShiftDown() && !control) || latent.size().get() == 0) return;
        int end = handles.handleAt(e.getX(), e.getY(), fontSize.get());
        if (end >= 0) {
            draggedEnd = end;
        } else if (setsEnd) {
            interpolation.setNext(codeAt(e.getX(), e.getY()));
        } else if (control) {
            int i = hit(e.getX(), e.getY());
            if (i < 0) return;
            selection.toggle(i);
        } else {
            return;
        }
        plot.requestFocus();
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (draggedEnd < 0) return;
        PlotTransform v = plot.transform();
        interpolation.moveEnd(draggedEnd, v.toLatentX(e.getX()), v.toLatentY(e.getY()), latent.plane().get());
        e.consume();
    }

    private void released(MouseEvent e) {
        if (draggedEnd < 0) return;
        draggedEnd = -1;
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        boolean control = e.isShortcutDown() || e.isControlDown();
        if (e.getCode() == KeyCode.ENTER && control && latent.size().get() > 0) {
            // the keyboard's Ctrl+click and Ctrl+Shift+click, at z: the mouse is not needed for any of the lessons
            if (e.isShiftDown()) {
                interpolation.setNext(latent.z().get().clone());
            } else {
                int i = plot.nearestToZ();
                if (i < 0) return;
                selection.toggle(i);
            }
            e.consume();
            return;
        }
        if (e.getCode() != KeyCode.ESCAPE) return;
        selection.clear();
        interpolation.clickMode().set(false);
        e.consume();
    }

    /**
     * A data point's mu (all dimensions) if one is at (x, y), else the z at (x, y) of the plotted plane, its other
     * coordinates as a drag of z would hold them.
     */
    private float[] codeAt(double x, double y) {
        LatentCodes c = latent.codes().get();
        int i = hit(x, y);
        float[] z = latent.z().get().clone();
        if (i >= 0) {
            for (int d = 0; d < z.length; d++) z[d] = c.mu(i, d);
            return z;
        }
        PlotTransform v = plot.transform();
        vaeexplorer.ui.latent.LatentPlane plane = latent.plane().get();
        return z.length == plane.latent() ? plane.toZ(v.toLatentX(x), v.toLatentY(y), latent.planeBase()) : z;
    }

    /** The shown point nearest (x, y) within a few pixels, or -1 (the plot's own rule), inside the plot area only. */
    private int hit(double x, double y) {
        return plot.transform().contains(x, y) ? plot.pointAt(x, y) : -1;
    }
}
