package vaeexplorer.ui.lessons.interpolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.LessonInputs;
import vaeexplorer.ui.lessons.Refresher;
import vaeexplorer.ui.widgets.ImageGridView;
import vaeexplorer.ui.widgets.ImageTiles;

/** The interpolation tab: a film strip of the images decoded along the straight line from end A to end B. */
public final class InterpolationView extends VBox {
    private final LatentModel latent;
    private final InterpolationModel model;
    private final ImageGridView strip;
    private final Label ends = new Label();
    private final Refresher<ImageTiles> refresher;

    public InterpolationView(LessonContext ctx, InterpolationModel model) {
        this.latent = ctx.latent();
        this.model = model;
        setId("interpolationView");
        getStyleClass().add("lesson");
        strip = new ImageGridView("interpolationStrip", 2, ctx.fontSize());
        strip.setMinHeight(40);
        refresher = new Refresher<>(ctx.worker(), 120, this::job, this::show);

        ToggleButton clickMode = new ToggleButton();
        clickMode.textProperty().bind(I18n.tr("interpolation.clickMode"));
        clickMode.setId("interpolateModeToggle");
        clickMode.selectedProperty().bindBidirectional(model.clickMode());
        Button swap = new Button();
        swap.textProperty().bind(I18n.tr("interpolation.swap"));
        swap.setId("swapEndsButton");
        swap.setOnAction(e -> model.swap());
        Button clear = new Button();
        clear.textProperty().bind(I18n.tr("lessons.clear"));
        clear.setId("clearInterpolationButton");
        clear.setOnAction(e -> model.clear());
        ChoiceBox<Integer> frames = new ChoiceBox<>();
        frames.getItems().addAll(5, 8, 10, 12, 16);
        frames.setValue(model.frames().get());
        frames.setId("interpolationFrames");
        frames.valueProperty().addListener((o, a, v) -> { if (v != null) model.frames().set(v); });
        ends.setId("interpolationEnds");
        ends.getStyleClass().add("z-label");
        ends.setMinWidth(0);
        ends.setWrapText(true); // "A: … B: …" goes on two lines rather than being cut at large text
        ends.setMinHeight(Region.USE_PREF_SIZE);
        Label framesLabel = new Label();
        framesLabel.textProperty().bind(I18n.tr("interpolation.frames"));
        framesLabel.setLabelFor(frames);
        HBox buttons = new HBox(8, clickMode, swap, clear, framesLabel, frames);
        buttons.setAlignment(Pos.CENTER_LEFT);
        for (var n : buttons.getChildren()) ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setMargin(ends, new javafx.geometry.Insets(0, 0, 0, 12));
        buttons.getChildren().add(ends);
        Label explain = new Label();
        explain.textProperty().bind(I18n.trf("interpolation.explain", I18n.tr("interpolation.clickMode")));
        explain.setWrapText(true);
        explain.getStyleClass().add("lesson-text");
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox.setVgrow(strip, Priority.ALWAYS);
        getChildren().addAll(buttons, explain, strip);

        LessonInputs.onChange(refresher::request, model.a(), model.b(), model.frames(), latent.model(), latent.shown());
        LessonInputs.onChange(this::describe, model.a(), model.b(), latent.plane());
        strip.emptyText().bind(Bindings.createStringBinding(() -> I18n.get(model.a().get() == null
                ? "interpolation.setA" : "interpolation.setB"), model.a(), I18n.locale()));
        refresher.request();
        describe();
        Relabel.onLocaleChange(this, this::describe);
    }

    public Refresher<ImageTiles> refresher() {
        return refresher;
    }

    /** The frames shown (for tests), or null. */
    public ImageTiles frames() {
        return strip.tiles();
    }

    public ImageGridView strip() {
        return strip;
    }

    private Function<MatMul, ImageTiles> job() {
        ModelSnapshot m = LessonInputs.model(latent);
        float[] a = model.a().get(), b = model.b().get();
        if (m == null || a == null || b == null || a.length != m.latent() || b.length != m.latent()) return null;
        int n = model.frames().get();
        int[] shape = LessonInputs.shape(latent, m);
        return mm -> {
            float[] images = new float[n * m.inputSize()];
            m.decodeBatch(mm, InterpolationModel.codes(a, b, n), n, images);
            return new ImageTiles(images, n, n, shape[0], shape[1]);
        };
    }

    private void show(ImageTiles t) {
        strip.show(t);
        List<String> labels = new ArrayList<>();
        if (t != null) for (int k = 0; k < t.count(); k++) labels.add(k == 0 ? "A" : k == t.count() - 1 ? "B" : "");
        strip.setColumnLabels(labels);
    }

    private void describe() {
        ends.setText(endText("A", model.a().get()) + "     " + endText("B", model.b().get()));
    }

    private String endText(String name, float[] z) {
        if (z == null) return I18n.format("interpolation.endNotSet", name);
        vaeexplorer.ui.latent.LatentPlane plane = latent.plane().get();
        if (plane.isPca() && plane.latent() == z.length)
            return String.format(Locale.ROOT, "%s: PC1 = %+.2f, PC2 = %+.2f", name, plane.x(z), plane.y(z));
        int dx = latent.xDim().get(), dy = latent.yDim().get();
        if (dx >= z.length) return I18n.format("interpolation.endSet", name);
        return dy >= 0 && dy < z.length ? String.format(Locale.ROOT, "%s: z%d = %+.2f, z%d = %+.2f", name, dx, z[dx], dy, z[dy])
                : String.format(Locale.ROOT, "%s: z%d = %+.2f", name, dx, z[dx]);
    }
}
