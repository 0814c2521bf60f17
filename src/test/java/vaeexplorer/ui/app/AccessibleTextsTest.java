package vaeexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;
import static vaeexplorer.ui.fixtures.FxTesting.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TrainingRun.State;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.SmallData;
import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlotView;

/**
 * What a screen reader hears, in both languages, as JavaFX hands it to Narrator and VoiceOver (the nodes' accessible
 * attributes): the plot says z, the nearest test image and that the decoded image follows; the decoded image says what
 * it is; the chart says the latest losses; the lesson tabs say the lesson and its summary; and every control the
 * keyboard reaches, in every tab, and every menu item has a name.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibleTextsTest {
    private static final Pattern Z = Pattern.compile("z = \\(([+-]\\d+\\.\\d\\d), ([+-]\\d+\\.\\d\\d)\\)");
    private Explorer explorer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setWidth(1280);
        stage.setHeight(800);
        explorer = Explorer.open(stage, SmallData::smallModel, false);
    }

    @Stop
    void stop() {
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
    }

    @AfterEach
    void english() {
        run(() -> I18n.locale().set(I18n.ENGLISH));
    }

    private static Object attr(Node n, AccessibleAttribute a) {
        return fx(() -> n.queryAccessibleAttribute(a));
    }

    private static String text(Node n) {
        Object t = attr(n, AccessibleAttribute.TEXT);
        return t == null ? "" : t.toString();
    }

    /** The plotted point nearest z, worked out here (not by the plot). */
    private static int nearest(LatentModel latent) {
        return fx(() -> {
            LatentCodes c = latent.codes().get();
            int xd = latent.xDim().get(), yd = latent.yDim().get(), best = -1;
            double bestD = Double.MAX_VALUE;
            for (int i = 0; i < c.size(); i++) {
                double dx = c.mu(i, xd) - latent.get(xd), dy = c.mu(i, yd) - latent.get(yd);
                if (dx * dx + dy * dy < bestD) {
                    bestD = dx * dx + dy * dy;
                    best = i;
                }
            }
            return best;
        });
    }

    private void trainALittle() {
        await("the first model is built", 10_000, () -> explorer.training().state().get() == State.IDLE);
        run(() -> explorer.training().train());
        await("codes and losses", 30_000, () -> explorer.latent().codes().get() != null
                && explorer.training().latestLoss().get() != null && explorer.training().step().get() > 10);
        run(() -> explorer.training().pause());
        await("paused", 10_000, () -> explorer.training().state().get() == State.PAUSED);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void thePlotTheDecodedImageTheChartAndTheLessonsSayWhatTheyShowInBothLanguages() {
        trainALittle();
        LatentModel latent = explorer.latent();
        LatentPlotView plot = fx(() -> explorer.view().latentPanel().plot());
        Node decoded = fx(() -> explorer.view().decoded().image());
        Node chart = fx(() -> explorer.view().chart());
        for (Locale l : I18n.SUPPORTED) {
            run(() -> I18n.locale().set(l));
            String where = " (" + l + ")";
            // the plot: z as the plot shows it, the class of the nearest image, the decoded image follows
            assertEquals(AccessibleRole.IMAGE_VIEW, attr(plot, AccessibleAttribute.ROLE));
            assertEquals(fx(() -> I18n.get("a11y.plot.role")), attr(plot, AccessibleAttribute.ROLE_DESCRIPTION));
            assertTrue(!String.valueOf(attr(plot, AccessibleAttribute.HELP)).isBlank(), "the plot's keys are told" + where);
            for (double[] move : new double[][] {{0, 0}, {0.7, -0.4}}) {
                run(() -> latent.nudge(move[0], move[1]));
                String said = text(plot);
                Matcher m = Z.matcher(said);
                assertTrue(m.find(), "z in " + said + where);
                assertEquals(fx(() -> latent.get(0)), Double.parseDouble(m.group(1)), 0.0051, said);
                assertEquals(fx(() -> latent.get(1)), Double.parseDouble(m.group(2)), 0.0051, said);
                int i = nearest(latent);
                String cls = fx(() -> latent.shown().get().classNames().get(latent.codes().get().label(i)));
                assertTrue(said.contains(fx(() -> I18n.format("a11y.plot.text", m.group(1), m.group(2), cls))),
                        "the nearest image's class " + cls + " in: " + said + where);
                assertTrue(said.endsWith(fx(() -> I18n.get("a11y.plot.decodedUpdated"))), said + where);
            }
            assertTrue(!I18n.CHINESE.equals(l) || text(plot).contains("最近"), "Chinese: " + text(plot));

            // the decoded image
            assertEquals(AccessibleRole.IMAGE_VIEW, attr(decoded, AccessibleAttribute.ROLE));
            String image = text(decoded);
            assertTrue(image.contains("28") && image.contains(Formats.z(fx(() -> latent.get(0)))), image + where);
            assertEquals(fx(() -> I18n.get("a11y.decoded.role")), attr(decoded, AccessibleAttribute.ROLE_DESCRIPTION));

            // the chart: the latest losses, as the model has them now
            LossPoint p = fx(() -> explorer.training().latestLoss().get());
            String losses = text(chart);
            for (String v : List.of(Formats.count(p.step()), Formats.nats(p.loss()), Formats.nats(p.recon()), Formats.nats(p.kl())))
                assertTrue(losses.contains(v), v + " in " + losses + where);
            assertTrue(fx(chart::isFocusTraversable), "Tab reaches the chart, so its numbers can be asked for");

            // the pictures inside the lessons: the KL bars in words, an image grid's count
            Node bars = fx(() -> stage.getScene().getRoot().lookup("#klBars"));
            double[] kl = fx(() -> explorer.training().klPerDim().get());
            String klSaid = text(bars);
            assertTrue(klSaid.contains(fx(() -> I18n.format("a11y.klBar", 0, kl[0]))) && klSaid.contains("z1"), klSaid + where);
            TabPane lessonTabs = fx(() -> explorer.view().lessons().tabPane());
            run(() -> lessonTabs.getSelectionModel().select(lessonTabs.getTabs().stream()
                    .filter(t -> "priorTab".equals(t.getId())).findFirst().orElseThrow()));
            Node grid = fx(() -> stage.getScene().getRoot().lookup("#priorGrid"));
            await("prior samples drawn", 10_000, () -> ((vaeexplorer.ui.widgets.ImageGridView) grid).tiles() != null);
            int count = fx(() -> ((vaeexplorer.ui.widgets.ImageGridView) grid).tiles().count());
            assertTrue(text(grid).startsWith(count + " "), text(grid) + where);
            assertEquals(AccessibleRole.IMAGE_VIEW, attr(grid, AccessibleAttribute.ROLE));

            // each lesson: its title and summary when its tab is chosen, and on its content
            TabPane tabs = fx(() -> explorer.view().lessons().tabPane());
            Set<String> summaries = new HashSet<>();
            int n = fx(() -> tabs.getTabs().size());
            for (int k = 0; k < n; k++) {
                int t = k;
                run(() -> tabs.getSelectionModel().select(t));
                Tab tab = fx(() -> tabs.getTabs().get(t));
                String title = fx(() -> tab.getTooltip().getText()); // the full title
                String said = text(tabs);
                assertTrue(said.contains(title), title + " in " + said + where);
                assertTrue(said.length() > title.length() + 30, "a summary of " + title + ": " + said);
                assertTrue(!said.contains("⟦"), said);
                summaries.add(said);
                if (k > 0) assertTrue(said.contains(text(fx(tab::getContent))), "the content says the summary too" + where);
            }
            assertEquals(n, summaries.size(), "every lesson its own summary" + where);
        }
    }

    private static void unnamed(MenuItem m, List<String> out, String where) {
        if (!(m instanceof javafx.scene.control.SeparatorMenuItem) && (m.getText() == null || m.getText().isBlank()))
            out.add("[" + where + "] menu item " + m.getId());
        if (m instanceof Menu menu) for (MenuItem i : menu.getItems()) unnamed(i, out, where);
    }

    @Test
    void everyControlTheKeyboardReachesAndEveryMenuItemHasANameInBothLanguages() {
        trainALittle();
        List<String> found = new ArrayList<>();
        int[] checked = {0};
        TabPane tabs = fx(() -> explorer.view().lessons().tabPane());
        int n = fx(() -> tabs.getTabs().size());
        for (Locale l : I18n.SUPPORTED) {
            run(() -> I18n.locale().set(l));
            for (int k = 0; k < n; k++) {
                int t = k;
                run(() -> {
                    tabs.getSelectionModel().select(t);
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                });
                String where = l + ", tab " + fx(() -> tabs.getTabs().get(t).getText());
                found.addAll(fx(() -> {
                    List<String> out = new ArrayList<>();
                    out.addAll(vaeexplorer.ui.fixtures.Accessibility.unnamed(stage.getScene().getRoot(), where));
                    return out;
                }));
                checked[0] += fx(() -> (int) stage.getScene().getRoot().lookupAll("*").stream()
                        .filter(x -> x.isFocusTraversable() && x.isVisible()).count());
            }
            found.addAll(fx(() -> {
                List<String> out = new ArrayList<>();
                for (MenuItem m : Shortcuts.menuItems(stage.getScene())) unnamed(m, out, l + ", menus");
                return out;
            }));
        }
        assertTrue(checked[0] > 40, "controls were found: " + checked[0]);
        assertTrue(found.isEmpty(), "without a name for a screen reader:\n" + String.join("\n", new java.util.LinkedHashSet<>(found)));
        assertNotEquals(fx(() -> I18n.get("a11y.plot.role")), "", "");
    }
}
