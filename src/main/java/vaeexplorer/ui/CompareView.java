package vaeexplorer.ui;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TrainingRun.State;

/**
 * Compare mode's view: the auto-encoder (beta = 0) and the VAE (beta = 1) side by side, each with its scatter, its own
 * explored point and decoded image, and its losses under it in large type; one legend for both. The scatters zoom to
 * their points (the auto-encoder's codes wander far outside the prior's circles), until the user zooms or pans.
 */
final class CompareView extends BorderPane {
    private final Side autoEncoder;
    private final Side vae;

    CompareView(CompareModel pair, TextScale text, ObservableDoubleValue lineScale, Runnable back) {
        setId("compareView");
        getStyleClass().add("compare-view");
        Label intro = new Label("Same data, same seed, same settings: only β differs. β = 0 drops the KL term.");
        intro.getStyleClass().add("compare-intro");
        intro.setWrapText(true);
        intro.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(intro, Priority.SOMETIMES);
        Button backButton = new Button("Back to one model");
        backButton.setId("compareBackButton");
        backButton.setMinWidth(Region.USE_PREF_SIZE);
        backButton.setOnAction(e -> back.run());
        HBox header = new HBox(8, intro, spacer, backButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("panel-toolbar");

        autoEncoder = new Side(pair.autoEncoder(), "beta = 0: auto-encoder", "ae", true, text, lineScale);
        vae = new Side(pair.vae(), "beta = 1: VAE", "vae", false, text, lineScale);
        LegendView legend = new LegendView(pair.vae().shown(), text.fontSize());
        legend.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(autoEncoder, Priority.ALWAYS);
        HBox.setHgrow(vae, Priority.ALWAYS);
        HBox sides = new HBox(autoEncoder, vae, legend);
        sides.getStyleClass().add("compare-sides");
        setTop(header);
        setCenter(sides);
    }

    Side autoEncoder() { return autoEncoder; }
    Side vae() { return vae; }

    /** One run: title, scatter, decoded image and losses. */
    static final class Side extends VBox {
        private final LatentModel latent = new LatentModel();
        private final LatentPlotView plot;
        private final PixelCanvas decoded;
        private final Label losses = new Label();
        private double recon = Double.NaN;
        private double kl = Double.NaN;

        Side(TrainingModel t, String title, String id, boolean klIgnored, TextScale text, ObservableDoubleValue lineScale) {
            setId(id + "Side");
            getStyleClass().add("compare-side");
            latent.shown().bind(t.shown());
            latent.codes().bind(t.codes());
            latent.model().bind(t.model());

            Label name = new Label(title);
            name.setId(id + "Title");
            name.getStyleClass().add("compare-title");
            name.setMinWidth(0);
            CheckBox fit = new CheckBox("Auto zoom");
            fit.setId(id + "AutoZoom");
            fit.setMinWidth(Region.USE_PREF_SIZE);
            fit.setFocusTraversable(false);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox top = new HBox(8, name, spacer, fit);
            top.setAlignment(Pos.CENTER_LEFT);

            StringBinding empty = Bindings.createStringBinding(() -> t.resetting().get() ? "Loading the data…"
                    : t.state().get() == State.IDLE ? "Press Train: the test images appear here." : "", t.resetting(), t.state());
            plot = new LatentPlotView(latent, text.fontSize(), empty);
            plot.setId(id + "Plot");
            plot.setPrefSize(420, 380);
            fit.setSelected(true);
            plot.autoFit().bindBidirectional(fit.selectedProperty());
            plot.lineScale().bind(lineScale);
            VBox.setVgrow(plot, Priority.ALWAYS);

            decoded = new PixelCanvas(id + "DecodedImage", 96, 56);
            decoded.prefWidthProperty().bind(text.fontSize().multiply(6.5));
            decoded.prefHeightProperty().bind(text.fontSize().multiply(6.5));
            latent.decoded().addListener((o, a, img) -> showDecoded());
            t.shown().addListener((o, a, d) -> showDecoded());

            losses.setId(id + "Losses");
            losses.getStyleClass().add("compare-losses");
            losses.setWrapText(true);
            losses.setMinWidth(0);
            t.latestLoss().addListener((o, a, p) -> showLosses(p, klIgnored));
            Label status = new Label();
            status.setId(id + "Status");
            status.getStyleClass().add("hint-text");
            status.setWrapText(true);
            status.setMinWidth(0);
            status.textProperty().bind(Bindings.createStringBinding(() -> status(t), t.stateText(), t.latestLoss(),
                    t.message()));
            VBox numbers = new VBox(4, losses, status);
            numbers.setMinWidth(0);
            HBox.setHgrow(numbers, Priority.ALWAYS);
            Label decodedTitle = new Label("decoded z");
            decodedTitle.getStyleClass().add("hint-text");
            VBox image = new VBox(2, decoded, decodedTitle);
            image.setAlignment(Pos.TOP_CENTER);
            image.setMinWidth(Region.USE_PREF_SIZE);
            HBox bottom = new HBox(10, image, numbers);
            bottom.setAlignment(Pos.TOP_LEFT);
            getChildren().addAll(top, plot, bottom);
            showLosses(null, klIgnored);
        }

        LatentModel latent() { return latent; }
        LatentPlotView plot() { return plot; }
        PixelCanvas decoded() { return decoded; }
        Label losses() { return losses; }

        private void showDecoded() {
            var d = latent.shown().get();
            float[] img = latent.decoded().get();
            if (d == null || img == null || img.length != d.imageSize()) decoded.show(null, 0, 0);
            else decoded.show(img, d.rows(), d.cols());
        }

        /** Smoothed over the last few reports, so the numbers can be read while they change. */
        private void showLosses(LossPoint p, boolean klIgnored) {
            if (p == null) {
                recon = kl = Double.NaN;
            } else {
                recon = Double.isNaN(recon) ? p.recon() : 0.8 * recon + 0.2 * p.recon();
                kl = Double.isNaN(kl) ? p.kl() : 0.8 * kl + 0.2 * p.kl();
            }
            losses.setText("reconstruction " + Formats.nats(recon) + "    KL " + Formats.nats(kl)
                    + (klIgnored ? "  (not in its loss)" : ""));
        }

        private static String status(TrainingModel t) {
            if (!t.message().get().isEmpty()) return t.message().get();
            LossPoint p = t.latestLoss().get();
            String s = t.stateText().get();
            return p == null ? s + "  ·  nats per image" : s + "  ·  epoch " + String.format(Locale.ROOT, "%.1f",
                    p.epochPosition()) + "  ·  step " + Formats.count(p.step()) + "  ·  nats per image";
        }
    }
}
