package vaeexplorer.ui.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.ui.fixtures.LessonFixture;

/**
 * The second channel: in every marker style the legend shows each class with the plot's own mark, the choice reaches
 * both at once, and the shapes drawn at the plot's size are told apart by their outlines alone (no colour).
 */
@ExtendWith(ApplicationExtension.class)
class ClassMarksTest {
    private LegendView legend;
    private LatentPlotView plot;

    @Start
    void start(Stage stage) {
        List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        Dataset ten = new Dataset("ten", 2, 2, new byte[10 * 4], new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, names);
        SimpleDoubleProperty font = new SimpleDoubleProperty(13);
        legend = new LegendView(new SimpleObjectProperty<>(ten), font);
        plot = new LatentPlotView(LessonFixture.latent(2), font, new SimpleStringProperty(""));
        stage.setScene(new Scene(new HBox(plot, legend), 800, 500));
        stage.show();
    }

    @AfterEach
    void backToTheDefault() {
        fx(() -> {
            ClassMarks.style().set(MarkerStyle.DEFAULT);
            return null;
        });
    }

    private List<MarkerShape> plotShapes() {
        return fx(() -> {
            List<MarkerShape> out = new ArrayList<>();
            for (int k = 0; k < 10; k++) out.add(plot.shapeOf(k));
            return out;
        });
    }

    @Test
    void theLegendShowsThePlotsMarkInEveryStyle() {
        for (MarkerStyle s : new MarkerStyle[] {MarkerStyle.DOTS, MarkerStyle.SHAPES, MarkerStyle.LABELS, MarkerStyle.SHAPES}) {
            fx(() -> {
                ClassMarks.style().set(s);
                return null;
            });
            List<MarkerShape> inLegend = fx(() -> legend.shapes());
            assertEquals(plotShapes(), inLegend, s + ": the legend's marks are the plot's");
            Set<MarkerShape> distinct = EnumSet.copyOf(inLegend);
            assertEquals(s == MarkerStyle.SHAPES ? 10 : 1, distinct.size(), s + ": " + inLegend);
        }
    }

    /** The pixels a sprite covers (alpha over a half). */
    private static boolean[] mask(WritableImage img) {
        PixelReader r = img.getPixelReader();
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        boolean[] m = new boolean[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) m[y * w + x] = r.getColor(x, y).getOpacity() > 0.5;
        return m;
    }

    /** The pixels that show on white (the white halo does not): darker than 1.5:1 once composited over white. */
    private static boolean[] ink(WritableImage img) {
        PixelReader r = img.getPixelReader();
        int w = (int) img.getWidth(), h = (int) img.getHeight();
        boolean[] m = new boolean[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) m[y * w + x] = Palette.contrastOnWhite(onWhite(r.getColor(x, y))) > 1.5;
        return m;
    }

    private static javafx.scene.paint.Color onWhite(javafx.scene.paint.Color c) {
        double a = c.getOpacity();
        return javafx.scene.paint.Color.color(a * c.getRed() + 1 - a, a * c.getGreen() + 1 - a, a * c.getBlue() + 1 - a);
    }

    private static int differing(boolean[] a, boolean[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) n++;
        return n;
    }

    // Jaccard index: |A and B| / |A or B|
    private static double overlap(boolean[] a, boolean[] b) {
        int both = 0, either = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] && b[i]) both++;
            if (a[i] || b[i]) either++;
        }
        return either == 0 ? 1 : (double) both / either;
    }

    @Test
    void theShapesAreToldApartByOutlineAloneAtThePlotsSize() {
        // the plot's marks at the normal text size (13 px): a dot's radius 3 px, shapes larger
        double r = Math.max(2.5, 0.23 * 13) * ClassMarks.sizeFactor(MarkerStyle.SHAPES);
        List<boolean[]> masks = fx(() -> {
            MarkSprites sprites = new MarkSprites(MarkerStyle.SHAPES, r, 0.75);
            List<boolean[]> out = new ArrayList<>();
            for (int k = 0; k < 10; k++) out.add(mask(sprites.of(k)));
            return out;
        });
        if (Boolean.getBoolean("marks.print")) print(masks);
        for (int i = 0; i < 10; i++)
            for (int j = i + 1; j < 10; j++) {
                // the closest pair, circle and square, differs in the square's four corners: two or three pixels each
                int d = differing(masks.get(i), masks.get(j));
                assertTrue(d >= 8, MarkerShape.of(i) + " and " + MarkerShape.of(j) + " differ in " + d + " pixels only");
            }
        // and the dots of the colour-only style are one shape, as they should be
        List<boolean[]> dots = fx(() -> {
            MarkSprites sprites = new MarkSprites(MarkerStyle.DOTS, 3, 0.75);
            return List.of(mask(sprites.of(0)), mask(sprites.of(7)));
        });
        assertEquals(1.0, overlap(dots.get(0), dots.get(1)), 1e-9);
    }

    private static void print(List<boolean[]> masks) {
        int n = (int) Math.round(Math.sqrt(masks.get(0).length));
        for (int y = 0; y < n; y++) {
            StringBuilder b = new StringBuilder();
            for (boolean[] m : masks) {
                for (int x = 0; x < n; x++) b.append(m[y * n + x] ? '#' : '.');
                b.append("  ");
            }
            System.out.println(b);
        }
    }

    @Test
    void theNumbersStyleDrawsEachClassesOwnNumber() {
        assertEquals("7", ClassMarks.tag(7));
        List<boolean[]> masks = fx(() -> {
            MarkSprites sprites = new MarkSprites(MarkerStyle.LABELS, 6, 0.75);
            return List.of(ink(sprites.of(1)), ink(sprites.of(8)));
        });
        assertTrue(overlap(masks.get(0), masks.get(1)) < 0.8, "a 1 and an 8 look different");
    }

    /**
     * Every class's number, at the plot's size, has an edge that reads on white as text must (4.5:1): pixels nearly
     * opaque and that dark, composited over white, not just the faint yellow or sky blue of its fill.
     */
    @Test
    void everyNumberHasADarkOutlineThatReadsOnWhite() {
        for (int k = 0; k < 10; k++) {
            int label = k;
            int[] counts = fx(() -> {
                MarkSprites sprites = new MarkSprites(MarkerStyle.LABELS, 0.23 * 13 * ClassMarks.sizeFactor(MarkerStyle.LABELS), 0.75);
                PixelReader r = sprites.of(label).getPixelReader();
                int dark = 0, ink = 0, n = sprites.size();
                for (int y = 0; y < n; y++)
                    for (int x = 0; x < n; x++) {
                        double contrast = Palette.contrastOnWhite(onWhite(r.getColor(x, y)));
                        if (contrast > 1.5) ink++;
                        if (contrast >= 4.5) dark++;
                    }
                return new int[] {dark, ink};
            });
            assertTrue(counts[1] > 0, "class " + k + " draws something");
            assertTrue(counts[0] >= counts[1] / 6, "class " + k + " (" + Palette.of(k) + "): " + counts[0]
                    + " of its " + counts[1] + " pixels read on white at 4.5:1");
        }
        assertTrue(Palette.contrastOnWhite(Palette.outline(Palette.of(6))) >= 4.5, "the yellow's outline");
        assertEquals(Palette.of(7), Palette.outline(Palette.of(7)), "black is its own outline");
    }
}
