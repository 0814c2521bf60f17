package vaeexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;
import static vaeexplorer.ui.fixtures.FxTesting.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.core.train.TrainingRun.State;
import vaeexplorer.ui.compare.CompareModel;
import vaeexplorer.ui.compare.CompareView;
import vaeexplorer.ui.fixtures.Accessibility;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.SmallData;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.latent.ClassMarks;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.MarkerShape;
import vaeexplorer.ui.latent.MarkerStyle;
import vaeexplorer.ui.widgets.TextScale;

/**
 * Compare mode serves the same students as the explorer: both scatters mark the classes as View › Markers says (as
 * the explorer's scatter does, the legend too), every control in it has a name in both languages, and at the largest
 * text size nothing in it is cut off.
 */
@ExtendWith(ApplicationExtension.class)
class CompareModeAccessTest {
    @TempDir
    Path tmp;
    private Explorer explorer;
    private String homeBefore;

    @Start
    void start(Stage stage) throws Exception {
        homeBefore = System.getProperty("vaeexplorer.home");
        System.setProperty("vaeexplorer.home", Files.createDirectories(tmp.resolve("home")).toString());
        stage.setWidth(1280);
        stage.setHeight(800);
        explorer = Explorer.open(stage, SmallData::smallModel, false);
    }

    @Stop
    void stop() {
        run(() -> {
            I18n.locale().set(I18n.ENGLISH);
            explorer.text().scale().set(1);
            ClassMarks.style().set(MarkerStyle.DEFAULT);
        });
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
        if (homeBefore != null) System.setProperty("vaeexplorer.home", homeBefore);
    }

    /** Opens compare mode with Ctrl+B, lets both train until they have codes, and pauses them with Space. */
    private CompareView compareWithCodes(FxRobot robot) {
        await("the first model is built", 10_000, () -> explorer.training().state().get() == State.IDLE);
        robot.push(KeyCode.CONTROL, KeyCode.B);
        assertTrue(fx(() -> explorer.compare().on().get()), "Ctrl+B opens compare mode");
        CompareModel pair = fx(() -> explorer.compare().pair());
        await("both sides have codes", 30_000, () -> pair.autoEncoder().codes().get() != null
                && pair.vae().codes().get() != null && pair.autoEncoder().step().get() > 5 && pair.vae().step().get() > 5);
        robot.type(KeyCode.SPACE);
        await("paused", 10_000, () -> pair.autoEncoder().state().get() == State.PAUSED
                && pair.vae().state().get() == State.PAUSED);
        FxTesting.layOut(explorer.stage());
        return fx(() -> explorer.view().compareView());
    }

    private MenuItem menuItem(String id) {
        return fx(() -> Shortcuts.menuItems(explorer.stage().getScene()).stream().filter(m -> id.equals(m.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item " + id)));
    }

    private static Image shot(LatentPlotView p) {
        return fx(() -> p.snapshot(null, null));
    }

    private static int differing(Image a, Image b) {
        int n = 0;
        for (int y = 0; y < (int) Math.min(a.getHeight(), b.getHeight()); y++)
            for (int x = 0; x < (int) Math.min(a.getWidth(), b.getWidth()); x++)
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) n++;
        return n;
    }

    @Test
    void bothComparedScattersAndTheLegendMarkTheClassesAsViewMarkersSays(FxRobot robot) {
        CompareView view = compareWithCodes(robot);
        LatentPlotView ae = fx(() -> view.autoEncoder().plot()), vae = fx(() -> view.vae().plot());
        var legend = fx(() -> (vaeexplorer.ui.latent.LegendView) view.lookup("#legend"));
        Image before = null;
        for (String item : List.of("markersLabels", "markersDots", "markersShapes")) {
            MarkerStyle chosen = MarkerStyle.valueOf(item.substring("markers".length()).toUpperCase(Locale.ROOT));
            run(() -> menuItem(item).fire());
            FxTesting.layOut(explorer.stage());
            assertEquals(chosen, fx(() -> ClassMarks.style().get()), item);
            assertEquals(chosen, fx(ae::drawnStyle), "the auto-encoder's scatter is drawn with " + chosen);
            assertEquals(chosen, fx(vae::drawnStyle), "the VAE's scatter is drawn with " + chosen);
            List<MarkerShape> plotShapes = new ArrayList<>(), legendShapes = fx(legend::shapes);
            for (int k = 0; k < legendShapes.size(); k++) {
                int label = k;
                plotShapes.add(fx(() -> vae.shapeOf(label)));
            }
            assertEquals(plotShapes, legendShapes, chosen + ": the legend shows the plots' marks");
            Image now = shot(vae);
            if (before != null) assertTrue(differing(before, now) > 500, "the scatter was drawn anew for " + chosen);
            before = now;
        }
        assertEquals(10, new java.util.HashSet<>(fx(legend::shapes)).size(), "shapes: ten of them, one a class");
    }

    @Test
    void everyControlInCompareModeHasANameAndNothingIsCutOffAtTheLargestTextInBothLanguages(FxRobot robot) {
        CompareView view = compareWithCodes(robot);
        List<String> unnamed = new ArrayList<>(), cut = new ArrayList<>();
        int reached = 0;
        for (Locale l : I18n.SUPPORTED)
            for (double scale : new double[] {1, TextScale.largest()}) {
                run(() -> {
                    I18n.locale().set(l);
                    explorer.text().scale().set(scale);
                });
                FxTesting.layOut(explorer.stage());
                String where = l + " x" + scale;
                unnamed.addAll(fx(() -> Accessibility.unnamed(view, where)));
                cut.addAll(fx(() -> Accessibility.cutOff(explorer.stage().getScene().getRoot(), where)));
                reached += fx(() -> Accessibility.reachable(view));
                double[] sizes = fx(() -> new double[] {explorer.view().getWidth(), explorer.view().minWidth(-1),
                        explorer.view().getHeight(), explorer.view().minHeight(explorer.view().getWidth())});
                assertTrue(sizes[0] >= sizes[1] - 0.5 && sizes[2] >= sizes[3] - 0.5,
                        where + ": the content has its minimum size (the window scrolls to it): "
                                + java.util.Arrays.toString(sizes));
                assertFalse(fx(() -> view.getWidth() < 10 || view.getHeight() < 10), "compare mode is shown");
            }
        assertTrue(reached >= 4 * 5, "the sides' plots and switches, the header's switch and button: " + reached);
        assertTrue(unnamed.isEmpty(), "without a name for a screen reader:\n" + String.join("\n", new LinkedHashSet<>(unnamed)));
        assertTrue(cut.isEmpty(), "cut off:\n" + String.join("\n", new LinkedHashSet<>(cut)));
    }
}
