package vaeexplorer.ui.compare;

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

import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.LegendView;
import vaeexplorer.ui.latent.PlotTransform;
import vaeexplorer.ui.training.TrainingModel;
import vaeexplorer.ui.widgets.PixelCanvas;
import vaeexplorer.ui.widgets.TextScale;

/**
 * Compare mode's view: the auto-encoder (beta = 0) and the VAE (beta = 1) side by side, each with its scatter, its own
 * explored point and decoded image, and its losses under it in large type; one legend for both. The scatters zoom to
 * the points of both, at the same scale (the auto-encoder's codes wander far outside the prior's circles, the VAE's
 * stay near them), until the user zooms or pans; without "Same scale" each zooms to its own.
 */
public final class CompareView extends BorderPane {
    private final Side autoEncoder;
    private final Side vae;
    private CheckBox sameScale;

    public CompareView(CompareModel pair, TextScale text, ObservableDoubleValue lineScale, Runnable back) {
        setId("compareView");
        getStyleClass().add("compare-view");
        Label intro = new Label();
        intro.textProperty().bind(I18n.tr("compare.intro"));
        intro.getStyleClass().add("compare-intro");
        intro.setWrapText(true);
        intro.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(intro, Priority.SOMETIMES);
        CheckBox sameScale = new CheckBox();
        sameScale.textProperty().bind(I18n.tr("compare.sameScale"));
        sameScale.setId("compareSameScale");
        sameScale.setSelected(true);
        vaeexplorer.ui.widgets.KeyboardReach.tabbableClickKeepsFocus(sameScale);
        sameScale.setMinWidth(Region.USE_PREF_SIZE);
        Button backButton = new Button();
        backButton.textProperty().bind(I18n.tr("compare.back"));
        backButton.setId("compareBackButton");
        backButton.setMinWidth(Region.USE_PREF_SIZE);
        backButton.setOnAction(e -> back.run());
        HBox header = new HBox(12, intro, spacer, sameScale, backButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("panel-toolbar");

        autoEncoder = new Side(pair.autoEncoder(), "compare.autoEncoderTitle", "ae", true, text, lineScale);
        vae = new Side(pair.vae(), "compare.vaeTitle", "vae", false, text, lineScale);
        // the same region at the same scale on both sides (the default): the auto-encoder's codes sprawl, the VAE's
        // stay near the prior; each side alone zooms to its own points
        Runnable scales = () -> {
            boolean same = sameScale.isSelected();
            for (Side side : new Side[] {autoEncoder, vae})
                side.plot().setFitBox(same ? () -> null : side.plot()::pointsBox);
            fitTogether();
        };
        sameScale.selectedProperty().addListener((o, a, b) -> scales.run());
        this.sameScale = sameScale;
        scales.run();
        for (Side side : new Side[] {autoEncoder, vae}) {
            side.latent().codes().addListener((o, a, b) -> fitTogether());
            side.plot().autoFit().addListener((o, a, on) -> fitTogether());
        }
        LegendView legend = new LegendView(pair.vae().shown(), text.fontSize());
        legend.setMinWidth(Region.USE_PREF_SIZE);
        for (Side side : new Side[] {autoEncoder, vae}) {
            HBox.setHgrow(side, Priority.ALWAYS);
            side.setPrefWidth(400); // equal shares of the width, whatever their texts
        }
        HBox sides = new HBox(autoEncoder, vae, legend);
        sides.getStyleClass().add("compare-sides");
        setTop(header);
        setCenter(sides);
    }

    /**
     * With "Same scale": one fit of both plots' points, on the first plot that zooms by itself, and the same region on
     * the other (if it zooms by itself too).
     */
    private void fitTogether() {
        if (sameScale == null || !sameScale.isSelected()) return;
        LatentPlotView a = autoEncoder.plot(), b = vae.plot();
        LatentPlotView lead = a.autoFit().get() ? a : b.autoFit().get() ? b : null;
        if (lead == null) return;
        lead.fitTo(unionBox());
        PlotTransform v = lead.transform();
        for (LatentPlotView p : new LatentPlotView[] {a, b})
            if (p != lead && p.autoFit().get()) p.showRegion(v.centerX(), v.centerY(), v.span());
    }

    /** Both plots' boxes together (either alone when the other has no points yet). */
    private double[] unionBox() {
        double[] a = autoEncoder.plot().pointsBox(), b = vae.plot().pointsBox();
        if (a == null) return b;
        if (b == null) return a;
        return new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.max(a[3], b[3])};
    }

    public Side autoEncoder() { return autoEncoder; }
    public Side vae() { return vae; }

    /** One run: title, scatter, decoded image and losses. */
    public static final class Side extends VBox {
        private final LatentModel latent = new LatentModel();
        private final LatentPlotView plot;
        private final PixelCanvas decoded;
        private final Label losses = new Label();
        private double recon = Double.NaN;
        private double kl = Double.NaN;
        private final boolean klIgnored;

        /** @param titleKey the text key of the side's title */
        Side(TrainingModel t, String titleKey, String id, boolean klIgnored, TextScale text, ObservableDoubleValue lineScale) {
            setId(id + "Side");
            getStyleClass().add("compare-side");
            latent.shown().bind(t.shown());
            latent.codes().bind(t.codes());
            latent.model().bind(t.model());

            Label name = new Label();
            name.textProperty().bind(I18n.tr(titleKey));
            name.setId(id + "Title");
            name.getStyleClass().add("compare-title");
            // wrapped, never cut to "be...": a fixed width would push the Back button out of a presentation window
            name.setWrapText(true);
            name.setMinWidth(0);
            name.setMinHeight(Region.USE_PREF_SIZE);
            CheckBox fit = new CheckBox();
            fit.textProperty().bind(I18n.tr("compare.autoZoom"));
            fit.setId(id + "AutoZoom");
            fit.setMinWidth(Region.USE_PREF_SIZE);
            vaeexplorer.ui.widgets.KeyboardReach.tabbableClickKeepsFocus(fit);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox top = new HBox(8, name, spacer, fit);
            top.setAlignment(Pos.CENTER_LEFT);

            StringBinding empty = Bindings.createStringBinding(() -> t.resetting().get() ? I18n.get("compare.loadingData")
                    : t.state().get() == State.IDLE ? I18n.get("compare.pressTrain") : "", t.resetting(), t.state(),
                    I18n.locale());
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
            losses.setMinHeight(Region.USE_PREF_SIZE); // every line of it, never cut to an ellipsis
            this.klIgnored = klIgnored;
            t.latestLoss().addListener((o, a, p) -> showLosses(p));
            Relabel.onLocaleChange(this, this::writeLosses);
            Label status = new Label();
            status.setId(id + "Status");
            status.getStyleClass().add("hint-text");
            status.setWrapText(true);
            status.setMinWidth(0);
            status.setMinHeight(Region.USE_PREF_SIZE);
            status.textProperty().bind(Bindings.createStringBinding(() -> status(t), t.stateText(), t.latestLoss(),
                    t.message(), I18n.locale()));
            VBox numbers = new VBox(4, losses, status);
            numbers.setMinWidth(0);
            HBox.setHgrow(numbers, Priority.ALWAYS);
            Label decodedTitle = new Label();
            decodedTitle.textProperty().bind(I18n.tr("compare.decodedZ"));
            decodedTitle.getStyleClass().add("hint-text");
            VBox image = new VBox(2, decoded, decodedTitle);
            image.setAlignment(Pos.TOP_CENTER);
            image.setMinWidth(Region.USE_PREF_SIZE);
            HBox bottom = new HBox(10, image, numbers);
            bottom.setAlignment(Pos.TOP_LEFT);
            getChildren().addAll(top, plot, bottom);
            showLosses(null);
        }

        public LatentModel latent() { return latent; }
        public LatentPlotView plot() { return plot; }
        PixelCanvas decoded() { return decoded; }
        Label losses() { return losses; }

        private void showDecoded() {
            var d = latent.shown().get();
            float[] img = latent.decoded().get();
            if (d == null || img == null || img.length != d.imageSize()) decoded.show(null, 0, 0);
            else decoded.show(img, d.rows(), d.cols());
        }

        /** Smoothed over the last few reports, so the numbers can be read while they change. */
        private void showLosses(LossPoint p) {
            if (p == null) {
                recon = kl = Double.NaN;
            } else {
                recon = Double.isNaN(recon) ? p.recon() : 0.8 * recon + 0.2 * p.recon();
                kl = Double.isNaN(kl) ? p.kl() : 0.8 * kl + 0.2 * p.kl();
            }
            writeLosses();
        }

        private void writeLosses() {
            losses.setText(I18n.format(klIgnored ? "compare.lossesKlIgnored" : "compare.losses", Formats.nats(recon),
                    Formats.nats(kl)));
        }

        private static String status(TrainingModel t) {
            if (!t.message().get().isEmpty()) return t.message().get();
            LossPoint p = t.latestLoss().get();
            String s = t.stateText().get();
            return p == null ? I18n.format("compare.status", s) : I18n.format("compare.statusTraining", s,
                    String.format(Locale.ROOT, "%.1f", p.epochPosition()), Formats.count(p.step()));
        }
    }
}
