package vaeexplorer.ui.latent;

import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.widgets.TextScale;

/**
 * The latent plot with its title, projection and dimension selectors (latent size > 2: two dimensions, or PCA), Reset
 * view, legend and a usage hint.
 */
public final class LatentPanel extends VBox {
    private final LatentPlotView plot;
    private final HBox toolbar;

    public LatentPanel(LatentModel latent, TextScale text, ObservableStringValue emptyText) {
        getStyleClass().add("latent-panel");
        plot = new LatentPlotView(latent, text.fontSize(), emptyText);
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> latent.shown().get() == null ? I18n.get("latent.title")
                : I18n.format("latent.titleWithCount", Formats.count(latent.shown().get().size())),
                latent.shown(), I18n.locale()));
        ComboBox<Integer> xDim = dimChoice("xDimChoice", latent, latent.xDim(), latent.yDim());
        ComboBox<Integer> yDim = dimChoice("yDimChoice", latent, latent.yDim(), latent.xDim());
        Label xLabel = new Label("X:"), yLabel = new Label("Y:");
        xLabel.setLabelFor(xDim);
        yLabel.setLabelFor(yDim);
        xDim.accessibleTextProperty().bind(I18n.tr("a11y.xDim"));
        yDim.accessibleTextProperty().bind(I18n.tr("a11y.yDim"));
        ComboBox<LatentPlane.Kind> projection = projectionChoice(latent);
        Label projectionLabel = new Label();
        projectionLabel.textProperty().bind(I18n.tr("latent.projection"));
        projectionLabel.setLabelFor(projection);
        projectionLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        title.setMinWidth(0);
        title.setWrapText(true); // beside the beta figure and the buttons: two lines rather than an ellipsis
        title.setMinHeight(Region.USE_PREF_SIZE);
        Button resetView = new Button();
        resetView.textProperty().bind(I18n.tr("latent.resetView"));
        resetView.setMinWidth(Region.USE_PREF_SIZE);
        resetView.setId("resetViewButton");
        resetView.setOnAction(e -> plot.resetView());
        toolbar = new HBox(8, title, spacer, projectionLabel, projection, xLabel, xDim, yLabel, yDim, resetView);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("panel-toolbar");
        for (var n : new javafx.scene.Node[] {projectionLabel, projection}) {
            n.visibleProperty().bind(latent.size().greaterThan(2));
            n.managedProperty().bind(n.visibleProperty());
        }
        // the dimensions are chosen only while they are what the plot shows
        for (var n : new javafx.scene.Node[] {xLabel, xDim, yLabel, yDim}) {
            n.visibleProperty().bind(latent.size().greaterThan(2).and(latent.projection().isEqualTo(LatentPlane.Kind.DIMENSIONS)));
            n.managedProperty().bind(n.visibleProperty());
        }
        Label hint = new Label();
        hint.textProperty().bind(I18n.tr("latent.hint"));
        hint.getStyleClass().add("hint-text");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        LegendView legend = new LegendView(latent.shown(), text.fontSize());
        legend.setMinWidth(Region.USE_PREF_SIZE);
        legend.setMinHeight(0); // with very large text, clip the legend rather than push the hint out of sight
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(legend.widthProperty());
        clip.heightProperty().bind(legend.heightProperty());
        legend.setClip(clip);
        HBox.setHgrow(plot, Priority.ALWAYS);
        HBox middle = new HBox(plot, legend);
        VBox.setVgrow(middle, Priority.ALWAYS);
        getChildren().addAll(toolbar, middle, hint);
    }

    public LatentPlotView plot() {
        return plot;
    }

    /** Adds a node to the toolbar over the plot, just before Reset view (say a figure the room should see). */
    public void addToToolbar(javafx.scene.Node n) {
        toolbar.getChildren().add(toolbar.getChildren().size() - 1, n);
    }

    /** Adds a row (say toggles for the plot's overlays) under the plot, above the hint. */
    public void addToolRow(javafx.scene.Node row) {
        getChildren().add(getChildren().size() - 1, row);
    }

    /** The projection selector: two dimensions or PCA, in the UI's language. */
    private static ComboBox<LatentPlane.Kind> projectionChoice(LatentModel latent) {
        ComboBox<LatentPlane.Kind> box = new ComboBox<>();
        box.setId("projectionChoice");
        box.getItems().setAll(LatentPlane.Kind.values());
        StringConverter<LatentPlane.Kind> names = new StringConverter<>() {
            @Override
            public String toString(LatentPlane.Kind k) {
                String key = "latent.projection." + (k == null ? "" : k.key());
                return k == null ? "" : I18n.get(key);
            }

            @Override
            public LatentPlane.Kind fromString(String s) {
                for (LatentPlane.Kind k : LatentPlane.Kind.values()) if (toString(k).equals(s)) return k;
                return LatentPlane.Kind.DIMENSIONS;
            }
        };
        box.setConverter(names);
        box.valueProperty().bindBidirectional(latent.projection());
        box.accessibleTextProperty().bind(I18n.tr("a11y.projection"));
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(I18n.tr("latent.projection.tooltip"));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        box.setTooltip(tip);
        // a combo box does not renew its cells for a new language: the cells word themselves
        box.setCellFactory(list -> new KindCell(names));
        box.setButtonCell(new KindCell(names));
        return box;
    }

    /** A cell that names its projection in the UI's language, anew when the language changes. */
    private static final class KindCell extends javafx.scene.control.ListCell<LatentPlane.Kind> {
        private final StringConverter<LatentPlane.Kind> names;

        KindCell(StringConverter<LatentPlane.Kind> names) {
            this.names = names;
            vaeexplorer.ui.i18n.Relabel.onLocaleChange(this, this::showName);
        }

        @Override
        protected void updateItem(LatentPlane.Kind item, boolean empty) {
            super.updateItem(item, empty);
            showName();
        }

        private void showName() {
            setText(isEmpty() || getItem() == null ? null : names.toString(getItem()));
        }
    }

    /** A z-dimension selector bound to dim; picking the other axis' dimension swaps the two. */
    private static ComboBox<Integer> dimChoice(String id, LatentModel latent, IntegerProperty dim, IntegerProperty other) {
        ComboBox<Integer> box = new ComboBox<>();
        box.setId(id);
        box.setVisibleRowCount(12);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer d) {
                return d == null ? "" : "z" + d;
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.substring(1));
            }
        });
        Runnable fill = () -> {
            int n = latent.size().get();
            java.util.List<Integer> items = new java.util.ArrayList<>();
            for (int d = 0; d < n; d++) items.add(d);
            box.getItems().setAll(items);
            box.setValue(dim.get() >= 0 ? dim.get() : null);
        };
        latent.size().addListener((o, a, b) -> fill.run());
        dim.addListener((o, a, b) -> box.setValue(b.intValue() >= 0 ? b.intValue() : null));
        box.valueProperty().addListener((o, a, v) -> {
            if (v == null || v == dim.get()) return;
            int old = dim.get();
            if (v == other.get()) other.set(old);
            dim.set(v);
        });
        fill.run();
        return box;
    }
}
