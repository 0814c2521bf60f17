package vaeexplorer.ui.lessons.nearest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.ui.i18n.ClassNames;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.LessonInputs;
import vaeexplorer.ui.lessons.LessonLayout;
import vaeexplorer.ui.lessons.nearest.NearestModel.Result;
import vaeexplorer.ui.widgets.ImageGridView;

/**
 * The "Nearest training images" tab: two strips, each starting with the image decoded at z, then the training images
 * nearest it by pixels (squared distance under each) and by the distance from z to their codes; beside them what that
 * says (recalling or generating) in words. It only shows what {@link NearestModel} found; a screen reader hears each
 * strip as a list of the images, their classes and distances.
 */
public final class NearestView extends HBox {
    private final NearestModel model;
    private final LatentModel explored;
    private final ImageGridView pixels;
    private final ImageGridView latent;
    private final Label verdict = LessonLayout.sentence("nearest.noModel");
    private final Label closest = new Label();
    private final Label latentClosest = new Label();

    public NearestView(LessonContext ctx, NearestModel model) {
        this.model = model;
        this.explored = ctx.latent();
        setId("nearestView");
        getStyleClass().add("lesson");
        setSpacing(12);
        pixels = grid("nearestPixelsGrid", ctx);
        latent = grid("nearestLatentGrid", ctx);
        verdict.setId("nearestVerdict");
        verdict.getStyleClass().add("panel-title");
        for (Label l : new Label[] {closest, latentClosest}) {
            l.setWrapText(true);
            l.getStyleClass().add("lesson-text");
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        closest.setId("nearestClosest");
        latentClosest.setId("nearestLatentClosest");
        Label explain = LessonLayout.sentence("nearest.explain");
        VBox strips = new VBox(6, LessonLayout.strip("nearest.pixelsTitle", pixels), LessonLayout.strip("nearest.latentTitle", latent));
        strips.setMinWidth(0);
        VBox side = LessonLayout.sidePanel(ctx, explain, verdict, closest, latentClosest, explain);
        getChildren().addAll(strips, side);
        HBox.setHgrow(side, Priority.ALWAYS);
        side.minWidthProperty().bind(ctx.fontSize().multiply(16));
        model.result().addListener((o, a, r) -> show(r));
        LessonInputs.onChange(() -> show(model.result().get()), explored.model(), explored.size());
        Relabel.onLocaleChange(this, () -> show(model.result().get()));
        show(model.result().get());
    }

    private static ImageGridView grid(String id, LessonContext ctx) {
        return new ImageGridView(id, 2, ctx.fontSize());
    }

    public ImageGridView pixelsGrid() {
        return pixels;
    }

    public ImageGridView latentGrid() {
        return latent;
    }

    private void show(Result r) {
        pixels.show(r == null ? null : r.pixelTiles());
        latent.show(r == null ? null : r.latentTiles());
        pixels.setColumnLabels(r == null ? List.of() : labels(r.pixelDistances(), false));
        latent.setColumnLabels(r == null ? List.of() : labels(r.latentDistances(), true));
        verdict.textProperty().unbind();
        if (r == null) {
            // with a model, the search is under way (the training set's codes take a moment after a model arrives)
            boolean searching = LessonInputs.model(explored) != null;
            pixels.emptyText().set(I18n.get(searching ? "nearest.searchingShort" : "nearest.empty"));
            latent.emptyText().set(pixels.emptyText().get());
            verdict.setText(I18n.get(searching ? "nearest.searching" : "nearest.noModel"));
            closest.setText("");
            latentClosest.setText("");
            bindAccessible(pixels, "");
            bindAccessible(latent, "");
            return;
        }
        int first = r.byPixels()[0], k = r.byPixels().length;
        verdict.setText(r.recalls() ? I18n.format("nearest.recall", first)
                : I18n.get("nearest.generate"));
        closest.setText(I18n.format("nearest.closest", first, className(r.training(), first),
                squared(r.pixelDistances()[0]), k, squared(r.pixelDistances()[k - 1]), squared(r.yardstick())));
        int firstLatent = r.byLatent()[0];
        latentClosest.setText(I18n.format("nearest.latentClosest", firstLatent, className(r.training(), firstLatent),
                distance(r.latentDistances()[0]), r.byLatent().length)
                + (r.codesCurrent() ? "" : " " + I18n.get("nearest.codesUpdating")));
        bindAccessible(pixels, I18n.format("nearest.a11y.pixels", items(r, r.byPixels(), r.pixelDistances(), false)));
        bindAccessible(latent, I18n.format("nearest.a11y.latent", items(r, r.byLatent(), r.latentDistances(), true)));
    }

    /** What a screen reader says of the strip (in place of the grid's own count of images). */
    private static void bindAccessible(ImageGridView g, String text) {
        g.accessibleTextProperty().unbind();
        g.setAccessibleText(text.isEmpty() ? g.emptyText().get() : text);
    }

    private static String items(Result r, int[] idx, double[] dist, boolean latent) {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < idx.length; s++)
            out.add(I18n.format("nearest.a11y.item", idx[s], className(r.training(), idx[s]),
                    latent ? distance(dist[s]) : squared(dist[s])));
        return String.join(I18n.isChinese() ? "；" : "; ", out);
    }

    /** "decoded", then each neighbour's distance. */
    private static List<String> labels(double[] dist, boolean latent) {
        List<String> out = new ArrayList<>();
        out.add(I18n.get("nearest.decoded"));
        for (double d : dist) out.add(latent ? distance(d) : squared(d));
        return out;
    }

    private static String className(Dataset set, int i) {
        String name = ClassNames.of(set.classNames(), set.label(i));
        return name.isEmpty() ? I18n.get("nearest.noClass") : name;
    }

    /** A squared pixel distance as shown: one decimal. */
    static String squared(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    /** A latent distance as shown: the square root of the squared one, two decimals. */
    static String distance(double squared) {
        return String.format(Locale.ROOT, "%.2f", Math.sqrt(squared));
    }
}
