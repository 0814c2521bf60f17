package vaeexplorer.ui.latent;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import vaeexplorer.core.data.Dataset;

import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.widgets.PixelCanvas;

/** The image decoded from z, large and crisp, with the plotted z values beside it. */
public final class DecodedView extends VBox {
    private final PixelCanvas image = new PixelCanvas("decodedImage", 224, 112);

    public DecodedView(LatentModel latent) {
        getStyleClass().add("side-section");
        Label title = new Label();
        title.textProperty().bind(I18n.tr("decoded.title"));
        title.getStyleClass().add("panel-title");
        Label values = new Label();
        values.setId("zLabel");
        values.getStyleClass().add("z-label");
        values.setWrapText(true);
        values.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        values.textProperty().bind(Bindings.createStringBinding(() -> zText(latent), latent.z(), latent.plane()));
        latent.decoded().addListener((o, a, img) -> show(img, latent.shown().get()));
        latent.shown().addListener((o, a, d) -> show(latent.decoded().get(), d));
        getChildren().addAll(title, image, values);
        // the image says what it is (a canvas says nothing by itself)
        image.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        image.accessibleRoleDescriptionProperty().bind(I18n.tr("a11y.decoded.role"));
        image.accessibleTextProperty().bind(Bindings.createStringBinding(() -> spokenText(latent), latent.decoded(),
                latent.shown(), latent.z(), latent.plane(), I18n.locale()));
    }

    private static String spokenText(LatentModel latent) {
        Dataset d = latent.shown().get();
        float[] img = latent.decoded().get();
        if (d == null || img == null || img.length != d.imageSize()) return I18n.get("a11y.decoded.none");
        double[] p = latent.planePoint();
        return I18n.format(latent.plane().get().isPca() ? "a11y.decoded.textPca" : "a11y.decoded.text", d.cols(), d.rows(),
                Formats.z(p[0]), Formats.z(p[1]));
    }

    public PixelCanvas image() {
        return image;
    }

    private void show(float[] img, Dataset d) {
        if (d == null || img == null || img.length != d.imageSize()) image.show(null, 0, 0);
        else image.show(img, d.rows(), d.cols());
    }

    private static String zText(LatentModel latent) {
        float[] z = latent.z().get();
        if (z.length == 0) return "z = –";
        if (latent.plane().get().isPca()) {
            double[] p = latent.planePoint();
            return "PC1 = " + Formats.z(p[0]) + "\nPC2 = " + Formats.z(p[1]); // one a line: never cut beside the image
        }
        StringBuilder b = new StringBuilder();
        for (int d : new int[] {latent.xDim().get(), latent.yDim().get()})
            if (d >= 0 && d < z.length) b.append(b.length() == 0 ? "" : "    ").append("z").append(d).append(" = ")
                    .append(Formats.z(z[d]));
        return b.toString();
    }
}
