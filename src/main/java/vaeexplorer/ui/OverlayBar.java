package vaeexplorer.ui;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * The scatter's switches for the lesson overlays (manifold background, holes, click mode for A/B; the lessons add
 * "Enlarge tabs") and a one-line hint for the lessons' mouse gestures; the hint moves to a line of its own when the
 * text is large, never squeezing.
 */
final class OverlayBar extends FlowPane {
    OverlayBar(ManifoldModel manifold, HolesOverlay holes, InterpolationModel interpolation) {
        super(12, 2);
        setId("overlayBar");
        getStyleClass().add("overlay-bar");
        setAlignment(Pos.CENTER_LEFT);
        CheckBox map = check("Manifold map", "manifoldToggle", "The decoded images of a grid of z, faintly under the points");
        map.selectedProperty().bindBidirectional(manifold.background());
        CheckBox shade = check("Holes", "holesToggle", "Shade where the prior has mass (inside 2\u03c3) but no test image is encoded");
        shade.selectedProperty().bindBidirectional(holes.shown());
        CheckBox ends = check("Click sets A/B", "interpolateToggle", "Clicks in the plot set the interpolation's ends A and B");
        ends.selectedProperty().bindBidirectional(interpolation.clickMode());
        Label hint = new Label("Ctrl+click: add a point  \u00b7  Alt+click: set A/B  \u00b7  Esc: clear");
        hint.getStyleClass().add("hint-text");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(map, shade, ends, hint);
    }

    private static CheckBox check(String text, String id, String tip) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setMinWidth(Region.USE_PREF_SIZE);
        c.setFocusTraversable(false);
        c.setTooltip(new Tooltip(tip));
        return c;
    }
}
