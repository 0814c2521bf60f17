package vaeexplorer.ui;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The scatter's switches for the lesson overlays (manifold background, holes, click mode for A/B) and how to use them. */
final class OverlayBar extends HBox {
    OverlayBar(ManifoldModel manifold, HolesOverlay holes, InterpolationModel interpolation) {
        super(10);
        setId("overlayBar");
        getStyleClass().add("overlay-bar");
        setAlignment(Pos.CENTER_LEFT);
        CheckBox map = check("Manifold map", "manifoldToggle");
        map.selectedProperty().bindBidirectional(manifold.background());
        CheckBox shade = check("Holes", "holesToggle");
        shade.selectedProperty().bindBidirectional(holes.shown());
        CheckBox ends = check("Click sets A/B", "interpolateToggle");
        ends.selectedProperty().bindBidirectional(interpolation.clickMode());
        Label hint = new Label("Ctrl+click: add a point's Gaussian  \u00b7  Alt+click: interpolation end  \u00b7  Esc: clear");
        hint.getStyleClass().add("hint-text");
        hint.setWrapText(true);
        hint.setMinWidth(0);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(hint, Priority.ALWAYS);
        getChildren().addAll(map, shade, ends, hint);
    }

    private static CheckBox check(String text, String id) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setMinWidth(Region.USE_PREF_SIZE);
        c.setFocusTraversable(false);
        return c;
    }
}
