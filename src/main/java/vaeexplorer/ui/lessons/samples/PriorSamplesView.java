package vaeexplorer.ui.lessons.samples;

import java.util.function.Function;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.LessonInputs;
import vaeexplorer.ui.lessons.LessonLayout;
import vaeexplorer.ui.lessons.Refresher;
import vaeexplorer.ui.widgets.ImageGridView;
import vaeexplorer.ui.widgets.ImageTiles;

/**
 * Sampling from the prior: an 8 x 8 grid of images decoded from z ~ N(0, I), the VAE as a generator. The same z are
 * decoded again as the model trains (watch them sharpen); Resample draws new ones.
 */
public final class PriorSamplesView extends HBox {
    static final int SIDE = 8;
    private final LatentModel latent;
    private final ImageGridView grid;
    private final Refresher<ImageTiles> refresher;
    private long seed = 1;

    public PriorSamplesView(LessonContext ctx) {
        this.latent = ctx.latent();
        setId("priorSamplesView");
        getStyleClass().add("lesson");
        grid = new ImageGridView("priorGrid", 2, ctx.fontSize());
        grid.emptyText().bind(I18n.tr("prior.empty"));
        refresher = new Refresher<>(ctx.worker(), 300, this::job, grid::show);
        Label title = new Label();
        title.textProperty().bind(I18n.tr("prior.title"));
        title.getStyleClass().add("panel-title");
        Button resample = new Button();
        resample.textProperty().bind(I18n.tr("lessons.resample"));
        resample.setId("resamplePriorButton");
        resample.setOnAction(e -> resample());
        Label explain = new Label();
        // names the tab where the holes are shown, by its full title
        explain.textProperty().bind(I18n.trf("prior.explain", I18n.tr("lessons.tab.posterior")));
        explain.setWrapText(true);
        explain.getStyleClass().add("lesson-text");
        VBox side = LessonLayout.sidePanel(ctx, explain, title, resample, explain);
        getChildren().addAll(grid, side);
        LessonInputs.onChange(refresher::request, latent.model(), latent.shown());
        refresher.request();
    }

    public Refresher<ImageTiles> refresher() {
        return refresher;
    }

    public ImageGridView grid() {
        return grid;
    }

    /** New z for every image. */
    void resample() {
        seed++;
        refresher.request();
    }

    private Function<MatMul, ImageTiles> job() {
        ModelSnapshot m = LessonInputs.model(latent);
        if (m == null) return null;
        int n = SIDE * SIDE, d = m.latent();
        Rng rng = new Rng(seed * 104_729 + 3);
        float[] z = new float[n * d];
        for (int k = 0; k < z.length; k++) z[k] = (float) rng.nextGaussian();
        int[] shape = LessonInputs.shape(latent, m);
        return mm -> {
            float[] images = new float[n * m.inputSize()];
            m.decodeBatch(mm, z, n, images);
            return new ImageTiles(images, n, SIDE, shape[0], shape[1]);
        };
    }
}
