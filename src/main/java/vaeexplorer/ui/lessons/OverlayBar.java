package vaeexplorer.ui.lessons;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.widgets.KeyboardReach;
import vaeexplorer.ui.lessons.interpolation.InterpolationModel;
import vaeexplorer.ui.lessons.manifold.ManifoldModel;
import vaeexplorer.ui.lessons.posterior.HolesOverlay;

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
        CheckBox map = check("manifold.title", "manifoldToggle", "overlay.manifoldTip");
        map.selectedProperty().bindBidirectional(manifold.background());
        CheckBox shade = check("overlay.holes", "holesToggle", "overlay.holesTip");
        shade.selectedProperty().bindBidirectional(holes.shown());
        CheckBox ends = check("overlay.clickSetsEnds", "interpolateToggle", "overlay.clickSetsEndsTip");
        ends.selectedProperty().bindBidirectional(interpolation.clickMode());
        Label hint = new Label();
        hint.textProperty().bind(I18n.tr("overlay.hint"));
        hint.getStyleClass().add("hint-text");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(map, shade, ends, hint);
    }

    private static CheckBox check(String textKey, String id, String tipKey) {
        CheckBox c = new CheckBox();
        c.textProperty().bind(I18n.tr(textKey));
        c.setId(id);
        c.setMinWidth(Region.USE_PREF_SIZE);
        KeyboardReach.tabbableClickKeepsFocus(c);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.tr(tipKey));
        c.setTooltip(tip);
        return c;
    }
}
