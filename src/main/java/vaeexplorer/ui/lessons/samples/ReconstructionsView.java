package vaeexplorer.ui.lessons.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.LessonInputs;
import vaeexplorer.ui.lessons.LessonLayout;
import vaeexplorer.ui.lessons.Refresher;
import vaeexplorer.ui.widgets.ImageGridView;
import vaeexplorer.ui.widgets.ImageTiles;

/**
 * The reconstructions tab: a strip of held-out images, their reconstructions decoded from mu, and a few samples
 * z ~ q(z|x) = N(mu, sigma^2) decoded, live. Resample draws new eps; Other images picks other held-out images.
 */
public final class ReconstructionsView extends HBox {
    public static final int IMAGES = 8;
    public static final int SAMPLES = 3;
    private final LatentModel latent;
    private final ImageGridView grid;
    private final Refresher<ImageTiles> refresher;
    private int[] chosen;
    private long seed = 1;
    private long pick;

    public ReconstructionsView(LessonContext ctx) {
        this.latent = ctx.latent();
        setId("reconstructionsView");
        getStyleClass().add("lesson");
        grid = new ImageGridView("reconstructionsGrid", 2, ctx.fontSize());
        grid.emptyText().bind(I18n.tr("reconstructions.empty"));
        labelRows();
        Relabel.onLocaleChange(this, this::labelRows);
        refresher = new Refresher<>(ctx.worker(), 250, this::job, grid::show);

        Label title = new Label();
        title.textProperty().bind(I18n.tr("reconstructions.title"));
        title.getStyleClass().add("panel-title");
        Button resample = new Button();
        resample.textProperty().bind(I18n.tr("lessons.resample"));
        resample.setId("resampleReconstructionsButton");
        resample.setOnAction(e -> resample());
        Button other = new Button();
        other.textProperty().bind(I18n.tr("reconstructions.otherImages"));
        other.setId("otherImagesButton");
        other.setOnAction(e -> otherImages());
        Label explain = new Label();
        explain.textProperty().bind(I18n.trf("reconstructions.explain", I18n.tr("lessons.resample")));
        explain.setWrapText(true);
        explain.getStyleClass().add("lesson-text");
        VBox side = LessonLayout.sidePanel(ctx, explain, title, new HBox(8, resample, other), explain);
        getChildren().addAll(grid, side);
        latent.shown().addListener((o, a, b) -> chosen = null);
        LessonInputs.onChange(refresher::request, latent.model(), latent.shown());
        refresher.request();
    }

    /** The rows' names: the images, their decoded mu, the samples. */
    private void labelRows() {
        List<String> rows = new ArrayList<>(List.of(I18n.get("reconstructions.rowOriginal"),
                I18n.get("reconstructions.rowDecoded")));
        for (int k = 1; k <= SAMPLES; k++) rows.add(I18n.format("reconstructions.rowSample", k));
        grid.setRowLabels(rows);
    }

    public Refresher<ImageTiles> refresher() {
        return refresher;
    }

    public ImageGridView grid() {
        return grid;
    }

    /** New eps for the sampled rows. */
    void resample() {
        seed++;
        refresher.request();
    }

    /** Other held-out images. */
    void otherImages() {
        pick++;
        chosen = null;
        refresher.request();
    }

    private Function<MatMul, ImageTiles> job() {
        ModelSnapshot m = LessonInputs.model(latent);
        Dataset d = latent.shown().get();
        if (m == null || d == null || d.imageSize() != m.inputSize() || d.size() == 0) return null;
        if (chosen == null) chosen = Reconstructions.choose(d, IMAGES, pick);
        return Reconstructions.job(m, d.subset("reconstructions", chosen), SAMPLES, seed);
    }
}
