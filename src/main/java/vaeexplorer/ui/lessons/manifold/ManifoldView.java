package vaeexplorer.ui.lessons.manifold;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vaeexplorer.core.vae.LatentGrid.Spacing;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.LessonInputs;
import vaeexplorer.ui.lessons.LessonLayout;
import vaeexplorer.ui.lessons.Refresher;
import vaeexplorer.ui.widgets.ImageGridView;

/**
 * The manifold map tab: a grid of images decoded from z over the latent plane (default 20 x 20), linear over the
 * scatter's view or at the prior's quantiles, redecoded live (at most about three times a second) as the model trains,
 * the view moves, or the other dimensions of z change.
 */
public final class ManifoldView extends HBox {
    static final Rectangle2D DEFAULT_VIEW = new Rectangle2D(-4, -4, 8, 8);
    private final LatentModel latent;
    private final ManifoldModel settings;
    private final ObservableValue<Rectangle2D> view;
    private final ImageGridView grid;
    private final Label axes = new Label();
    private final Refresher<ManifoldGrid> refresher;
    private ManifoldGrid shown;

    public ManifoldView(LessonContext ctx, ManifoldModel settings, ObservableValue<Rectangle2D> view) {
        this.latent = ctx.latent();
        this.settings = settings;
        this.view = view;
        setId("manifoldView");
        getStyleClass().add("lesson");
        grid = new ImageGridView("manifoldGrid", 0, ctx.fontSize());
        grid.emptyText().bind(I18n.tr("manifold.empty"));
        refresher = new Refresher<>(ctx.worker(), 300, this::job, this::show);

        Label title = label("manifold.title");
        title.getStyleClass().add("panel-title");
        ToggleGroup group = new ToggleGroup();
        RadioButton linear = new RadioButton();
        linear.textProperty().bind(I18n.tr("manifold.linear"));
        linear.setId("manifoldLinear");
        RadioButton quantiles = new RadioButton();
        quantiles.textProperty().bind(I18n.tr("manifold.quantiles"));
        quantiles.setId("manifoldQuantiles");
        linear.setToggleGroup(group);
        quantiles.setToggleGroup(group);
        (settings.spacing().get() == Spacing.LINEAR ? linear : quantiles).setSelected(true);
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) settings.spacing().set(t == linear ? Spacing.LINEAR : Spacing.GAUSSIAN_QUANTILES);
        });
        settings.spacing().addListener((o, a, s) -> (s == Spacing.LINEAR ? linear : quantiles).setSelected(true));
        ChoiceBox<Integer> size = new ChoiceBox<>();
        size.getItems().addAll(10, 15, 20, 25, 30);
        size.setId("manifoldGridSize");
        size.setValue(settings.gridSize().get());
        size.valueProperty().addListener((o, a, v) -> { if (v != null) settings.gridSize().set(v); });
        settings.gridSize().addListener((o, a, v) -> size.setValue(v.intValue()));
        Label sizeLabel = label("manifold.imagesPerSide");
        sizeLabel.setLabelFor(size);
        HBox sizeRow = new HBox(6, sizeLabel, size);
        sizeRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        CheckBox background = new CheckBox();
        background.textProperty().bind(I18n.tr("manifold.background"));
        background.setId("manifoldBackgroundCheck");
        background.selectedProperty().bindBidirectional(settings.background());
        Label explain = label("manifold.explain");
        explain.setWrapText(true);
        explain.getStyleClass().add("lesson-text");
        axes.setId("manifoldAxes");
        axes.setWrapText(true);
        axes.setMinHeight(Region.USE_PREF_SIZE);
        axes.getStyleClass().add("hint-text");
        VBox side = LessonLayout.sidePanel(ctx, explain, title, linear, quantiles, sizeRow, background, explain, axes);
        getChildren().addAll(grid, side);

        Runnable request = refresher::request;
        LessonInputs.onChange(request, latent.model(), latent.plane(), latent.shown(), settings.gridSize(),
                settings.spacing());
        view.addListener((o, a, b) -> { if (settings.spacing().get() == Spacing.LINEAR) request.run(); });
        LessonInputs.onUnplottedChange(latent, request);
        request.run();
        Relabel.onLocaleChange(this, () -> axes.setText(shown == null ? "" : describe(shown)));
    }

    private static Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.tr(key));
        return l;
    }

    public Refresher<ManifoldGrid> refresher() {
        return refresher;
    }

    /** The map shown, or null. */
    public ManifoldGrid grid() {
        return shown;
    }

    /** The map as one image at one pixel per image pixel (for a PNG export), or null before the first. */
    public WritableImage snapshotImage() {
        return grid.snapshotImage();
    }

    private java.util.function.Function<vaeexplorer.core.nn.MatMul, ManifoldGrid> job() {
        ModelSnapshot m = LessonInputs.model(latent);
        if (m == null) return null;
        Rectangle2D v = view.getValue() != null ? view.getValue() : DEFAULT_VIEW;
        int n = settings.gridSize().get();
        vaeexplorer.ui.latent.LatentPlane plane = latent.plane().get();
        double[][] ax = ManifoldGrid.onPlane(ManifoldGrid.mapAxes(n, settings.spacing().get(), v, plane.oneDimensional()),
                settings.spacing().get(), plane);
        float[] base = latent.z().get().clone();
        int[] shape = LessonInputs.shape(latent, m);
        return mm -> ManifoldGrid.decode(m, mm, ax[0], ax[1], plane, base, shape[0], shape[1]);
    }

    private void show(ManifoldGrid g) {
        shown = g;
        grid.show(g == null ? null : g.tiles());
        axes.setText(g == null ? "" : describe(g));
    }

    private static String describe(ManifoldGrid g) {
        double[] xs = g.xs(), ys = g.ys();
        if (g.plane().isPca()) return I18n.format("manifold.axesPca", xs[0], xs[xs.length - 1], ys[ys.length - 1], ys[0]);
        if (g.dimY() < 0) return I18n.format("manifold.axesX", g.dimX(), xs[0], xs[xs.length - 1]);
        return I18n.format("manifold.axesXY", g.dimX(), xs[0], xs[xs.length - 1], g.dimY(), ys[ys.length - 1], ys[0]);
    }
}
