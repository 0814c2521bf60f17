package vaeexplorer.ui.latent;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vaeexplorer.core.data.Dataset;

import vaeexplorer.ui.i18n.ClassNames;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.widgets.PixelCanvas;

/** The selected held-out image next to its reconstruction by the latest model. */
public final class SelectionView extends VBox {
    private final PixelCanvas original = new PixelCanvas("originalImage", 104, 56);
    private final PixelCanvas reconstruction = new PixelCanvas("reconstructionImage", 104, 56);

    public SelectionView(LatentModel latent) {
        getStyleClass().add("side-section");
        Label title = new Label();
        title.textProperty().bind(I18n.tr("selection.title"));
        title.getStyleClass().add("panel-title");
        Label caption = new Label();
        caption.setId("selectionLabel");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the sliders above give way, not the words
        caption.textProperty().bind(Bindings.createStringBinding(() -> caption(latent, latent.shown().get()),
                latent.selected(), latent.shown(), latent.selectedReconstruction(), I18n.locale()));
        VBox left = new VBox(2, original, label("selection.original"));
        VBox right = new VBox(2, reconstruction, label("selection.reconstruction"));
        HBox pair = new HBox(8, left, right);
        pair.visibleProperty().bind(latent.selected().greaterThanOrEqualTo(0));
        pair.managedProperty().bind(pair.visibleProperty());
        latent.selectedOriginal().addListener((o, a, img) -> show(original, img, latent.shown().get()));
        latent.selectedReconstruction().addListener((o, a, img) -> show(reconstruction, img, latent.shown().get()));
        getChildren().addAll(title, pair, caption);
    }

    private static Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.tr(key));
        return l;
    }

    private static void show(PixelCanvas canvas, float[] img, Dataset d) {
        if (d == null || img == null || img.length != d.imageSize()) canvas.show(null, 0, 0);
        else canvas.show(img, d.rows(), d.cols());
    }

    private static String caption(LatentModel latent, Dataset shown) {
        int index = latent.selectedIndex();
        if (index < 0 || shown == null) return I18n.get("selection.hint");
        int label = latent.selectedLabel();
        String cls = label >= 0 && label < shown.classNames().size() ? ClassNames.of(shown.classNames(), label)
                : I18n.get("selection.unlabelled");
        return I18n.format("selection.caption", index, cls);
    }
}
