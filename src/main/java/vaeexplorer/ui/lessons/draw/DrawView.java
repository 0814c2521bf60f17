package vaeexplorer.ui.lessons.draw;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.widgets.PixelCanvas;

/** The "Draw your own" tab: the drawing surface, its reconstruction beside it, Clear, and its mu and sigma. */
public final class DrawView extends HBox {
    private final DrawCanvas canvas;
    private final PixelCanvas reconstruction = new PixelCanvas("drawReconstruction", 168, 56);
    private final PixelCanvas input = new PixelCanvas("drawInput", 168, 56);

    public DrawView(LessonContext ctx, DrawModel model) {
        setId("drawView");
        getStyleClass().add("lesson");
        canvas = new DrawCanvas(model);
        Label drawTitle = label("draw.title");
        drawTitle.getStyleClass().add("panel-title");
        VBox left = new VBox(4, drawTitle, canvas);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        Label reconTitle = label("draw.reconstructionTitle");
        reconTitle.getStyleClass().add("panel-title");
        reconTitle.setMinWidth(Label.USE_PREF_SIZE);
        VBox middle = new VBox(4, reconTitle, reconstruction);
        VBox.setVgrow(reconstruction, Priority.ALWAYS);
        model.reconstruction().addListener((o, a, img) -> show(reconstruction, model, img));
        Label inputTitle = label("draw.inputTitle");
        inputTitle.getStyleClass().add("panel-title");
        inputTitle.setWrapText(true); // narrow beside the drawing: two lines rather than an ellipsis
        inputTitle.setMinHeight(Label.USE_PREF_SIZE);
        VBox seen = new VBox(4, inputTitle, input);
        VBox.setVgrow(input, Priority.ALWAYS);
        model.input().addListener((o, a, img) -> show(input, model, model.empty().get() ? null : img));
        CheckBox normalise = new CheckBox();
        normalise.setId("normaliseDrawing");
        normalise.textProperty().bind(I18n.tr("draw.normalise"));
        normalise.selectedProperty().bindBidirectional(model.normalise());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.tr("draw.normaliseTip"));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        normalise.setTooltip(tip);

        Button clear = new Button();
        clear.textProperty().bind(I18n.tr("lessons.clear"));
        clear.setId("clearDrawingButton");
        clear.setOnAction(e -> model.clear());
        Label values = new Label();
        values.setId("drawMuLabel");
        values.getStyleClass().add("z-label");
        values.setWrapText(true);
        values.setMinHeight(Label.USE_PREF_SIZE); // its numbers are never cut
        values.textProperty().bind(Bindings.createStringBinding(() -> describe(ctx.latent(), model), model.mu(),
                ctx.latent().plane(), I18n.locale()));
        Label explain = label("draw.explain");
        explain.setWrapText(true);
        explain.getStyleClass().add("lesson-text");
        explain.setMinHeight(Label.USE_PREF_SIZE);
        VBox right = new VBox(8, clear, normalise, values, explain);
        right.setMinWidth(0);
        // the text takes the room the images leave (its unwrapped length would squeeze the encoder's input to a sliver)
        right.setPrefWidth(200);
        HBox.setHgrow(right, Priority.ALWAYS);
        setSpacing(16);
        getChildren().addAll(left, seen, middle, right);
        left.setMinWidth(Label.USE_PREF_SIZE);
        canvas.prefWidthProperty().bind(canvas.heightProperty());
        // the encoder's input and the reconstruction are as large as the drawing, when there is room
        reconstruction.prefWidthProperty().bind(canvas.widthProperty());
        input.prefWidthProperty().bind(canvas.widthProperty());
    }

    private static Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.tr(key));
        return l;
    }

    public DrawCanvas canvas() {
        return canvas;
    }

    PixelCanvas reconstruction() {
        return reconstruction;
    }

    PixelCanvas input() {
        return input;
    }

    private static void show(PixelCanvas canvas, DrawModel model, float[] img) {
        if (img == null || img.length != model.rows() * model.cols()) canvas.show(null, 0, 0);
        else canvas.show(img, model.rows(), model.cols());
    }

    private static String describe(LatentModel latent, DrawModel model) {
        float[] mu = model.mu().get(), sigma = model.sigma().get();
        if (mu == null || sigma == null) return I18n.get("draw.nothingYet");
        vaeexplorer.ui.latent.LatentPlane plane = latent.plane().get();
        if (plane.isPca() && plane.latent() == mu.length) { // along the components: sigma of q projected onto each
            double[] cov = plane.covariance(sigma);
            return String.format(Locale.ROOT, "PC1: \u03bc = %+.2f, \u03c3 = %.2f\nPC2: \u03bc = %+.2f, \u03c3 = %.2f",
                    plane.x(mu), Math.sqrt(cov[0]), plane.y(mu), Math.sqrt(cov[2]));
        }
        StringBuilder b = new StringBuilder();
        for (int d : new int[] {latent.xDim().get(), latent.yDim().get()})
            if (d >= 0 && d < mu.length)
                b.append(b.length() == 0 ? "" : "\n").append(String.format(Locale.ROOT, "z%d: \u03bc = %+.2f, \u03c3 = %.2f", d, mu[d], sigma[d]));
        return b.toString();
    }
}
