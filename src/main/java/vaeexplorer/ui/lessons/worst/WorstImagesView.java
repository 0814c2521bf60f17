package vaeexplorer.ui.lessons.worst;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.LessonLayout;
import vaeexplorer.ui.lessons.worst.WorstImagesModel.Ranking;
import vaeexplorer.ui.widgets.ImageGridView;

/**
 * The "Worst explained" tab: the held-out images the model explains worst and best (by -ELBO, nats under each), each
 * above its reconstruction; a click on one selects it in the scatter. It only shows what {@link WorstImagesModel} ranked.
 */
public final class WorstImagesView extends HBox {
    private final WorstImagesModel model;
    private final ImageGridView worst;
    private final ImageGridView best;
    private final Label summary = LessonLayout.sentence("worst.noModel");

    public WorstImagesView(LessonContext ctx, WorstImagesModel model) {
        this.model = model;
        setId("worstImagesView");
        getStyleClass().add("lesson");
        setSpacing(12);
        worst = grid("worstGrid", ctx, true);
        best = grid("bestGrid", ctx, false);
        summary.setId("worstSummary");
        Label title = LessonLayout.sentence("worst.title");
        title.getStyleClass().add("panel-title");
        Label explain = LessonLayout.sentence("worst.explain");
        VBox side = LessonLayout.sidePanel(ctx, explain, title, summary, explain);
        getChildren().addAll(column("worst.worstTitle", worst), column("worst.bestTitle", best), side);
        HBox.setHgrow(side, Priority.ALWAYS);
        // two strips of eight would take the whole row: the words keep a column of their own
        side.minWidthProperty().bind(ctx.fontSize().multiply(23));
        model.ranking().addListener((o, a, r) -> show(r));
        Relabel.onLocaleChange(this, () -> show(model.ranking().get()));
        show(model.ranking().get());
    }

    private ImageGridView grid(String id, LessonContext ctx, boolean isWorst) {
        ImageGridView g = new ImageGridView(id, 2, ctx.fontSize());
        g.emptyText().bind(I18n.tr("worst.empty"));
        g.setCursor(Cursor.HAND);
        g.setOnMouseClicked(e -> {
            int t = g.tileAt(e.getX(), e.getY());
            if (t >= 0) choose(isWorst, t);
        });
        // the keyboard's way: Tab to the strip, the arrows to an image, Enter or Space as the click
        g.chooseColumnsByKeys(k -> choose(isWorst, k), k -> describe(ctx, isWorst, k));
        return g;
    }

    /** Selects in the scatter the image of tile t (either row: an image or its reconstruction) of one strip. */
    private void choose(boolean isWorst, int t) {
        Ranking r = model.ranking().get();
        if (r == null) return;
        int[] idx = isWorst ? r.worst() : r.best();
        if (idx.length > 0) model.choose(idx[t % idx.length]);
    }

    /** What a screen reader says of the image under the keyboard's cursor: its rank, class and -ELBO. */
    private String describe(LessonContext ctx, boolean isWorst, int k) {
        Ranking r = model.ranking().get();
        int[] idx = r == null ? new int[0] : isWorst ? r.worst() : r.best();
        if (k < 0 || k >= idx.length) return "";
        vaeexplorer.core.data.Dataset d = ctx.latent().shown().get();
        String cls = d == null || idx[k] >= d.size() || d.label(idx[k]) < 0 ? I18n.get("a11y.unlabelled")
                : vaeexplorer.ui.i18n.ClassNames.of(d.classNames(), d.label(idx[k]));
        if (cls.isEmpty()) cls = vaeexplorer.ui.latent.ClassMarks.tag(d.label(idx[k]));
        double score = (isWorst ? r.worstScores() : r.bestScores())[k];
        return I18n.format(isWorst ? "worst.a11y.worst" : "worst.a11y.best", k + 1, idx.length, cls,
                String.format(Locale.ROOT, "%.0f", score));
    }

    private static VBox column(String titleKey, ImageGridView grid) {
        Label t = LessonLayout.sentence(titleKey);
        t.getStyleClass().add("panel-title");
        t.setMinWidth(0); // wraps under a narrow strip (large text)
        VBox box = new VBox(4, t, grid) {
            // as wide as the grid is at the height it gets, as the grid alone would be (the images fill the height)
            @Override
            public javafx.geometry.Orientation getContentBias() {
                return javafx.geometry.Orientation.VERTICAL;
            }

            @Override
            protected double computePrefWidth(double height) {
                double gridHeight = height < 0 ? -1 : Math.max(0, height - 2 * t.prefHeight(-1) - getSpacing());
                return grid.prefWidth(gridHeight);
            }
        };
        VBox.setVgrow(grid, Priority.ALWAYS);
        box.setMinWidth(0);
        return box;
    }

    public ImageGridView worstGrid() {
        return worst;
    }

    public ImageGridView bestGrid() {
        return best;
    }

    private void show(Ranking r) {
        List<String> rows = List.of(I18n.get("worst.rowImage"), I18n.get("worst.rowReconstruction"));
        worst.setRowLabels(rows);
        best.setRowLabels(List.of());
        worst.show(r == null ? null : r.worstTiles());
        best.show(r == null ? null : r.bestTiles());
        worst.setColumnLabels(r == null ? List.of() : labels(r.worstScores()));
        best.setColumnLabels(r == null ? List.of() : labels(r.bestScores()));
        summary.textProperty().unbind();
        summary.setText(r == null ? I18n.get("worst.noModel")
                : I18n.format("worst.summary", r.images(), String.format(Locale.ROOT, "%.1f", r.mean())));
    }

    private static List<String> labels(double[] scores) {
        List<String> out = new ArrayList<>();
        for (double s : scores) out.add(String.format(Locale.ROOT, "%.0f", s));
        return out;
    }
}
