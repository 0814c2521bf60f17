package vaeexplorer.ui.latent;

import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;

/**
 * A slider (-4..4, default 0) for every latent dimension the plot does not show; the decoded image follows live. In a
 * PCA plane, where every dimension moves with a drag, a note says what holds the other components instead.
 */
public final class DimensionSlidersView extends VBox {
    private final LatentModel latent;
    private final GridPane grid = new GridPane();
    private final Label pcaNote = new Label();

    public DimensionSlidersView(LatentModel latent) {
        this.latent = latent;
        setId("dimensionSliders");
        getStyleClass().add("side-section");
        Label title = new Label();
        title.textProperty().bind(Bindings.createStringBinding(() -> I18n.get(latent.plane().get().isPca() ? "sliders.titlePca"
                : "sliders.title"), latent.plane(), I18n.locale()));
        title.getStyleClass().add("panel-title");
        grid.getStyleClass().add("slider-grid");
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), grow, new ColumnConstraints());
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        pcaNote.setId("pcaNote");
        pcaNote.setWrapText(true);
        pcaNote.getStyleClass().add("hint-text");
        pcaNote.setMinHeight(Region.USE_PREF_SIZE);
        pcaNote.textProperty().bind(I18n.trf("sliders.pcaNote", latent.size().subtract(2)));
        scroll.visibleProperty().bind(pcaNote.visibleProperty().not());
        scroll.managedProperty().bind(scroll.visibleProperty());
        pcaNote.managedProperty().bind(pcaNote.visibleProperty());
        pcaNote.visibleProperty().bind(Bindings.createBooleanBinding(() -> latent.plane().get().isPca(), latent.plane()));
        getChildren().addAll(title, pcaNote, scroll);
        visibleProperty().bind(latent.size().greaterThan(2));
        managedProperty().bind(visibleProperty());
        latent.size().addListener((o, a, b) -> rebuild());
        latent.xDim().addListener((o, a, b) -> rebuild());
        latent.yDim().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        grid.getChildren().clear();
        int row = 0;
        for (int d = 0; d < latent.size().get(); d++) {
            if (d == latent.xDim().get() || d == latent.yDim().get()) continue;
            DoubleProperty value = latent.dims().get(d);
            Slider slider = new Slider(-LatentModel.SLIDER_LIMIT, LatentModel.SLIDER_LIMIT, value.get());
            slider.setId("slider-z" + d);
            slider.getStyleClass().add("dim-slider");
            slider.valueProperty().bindBidirectional(value);
            slider.setMajorTickUnit(2);
            slider.setBlockIncrement(0.1);
            Label name = new Label("z" + d);
            name.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            Label shown = new Label();
            shown.getStyleClass().add("z-label");
            shown.textProperty().bind(Bindings.createStringBinding(() -> Formats.z(value.get()), value));
            shown.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            name.setLabelFor(slider);
            slider.accessibleTextProperty().bind(I18n.trf("a11y.dimension", "z" + d));
            grid.addRow(row++, name, slider, shown);
        }
    }
}
