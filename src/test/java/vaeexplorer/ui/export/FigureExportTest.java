package vaeexplorer.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.ui.app.Explorer;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.SmallData;
import vaeexplorer.ui.latent.ClassMarks;
import vaeexplorer.ui.latent.MarkerShape;
import vaeexplorer.ui.latent.MarkerStyle;
import vaeexplorer.ui.latent.Palette;

/** Figures for slides: the scatter and the chart at 1920x1080 with legend and axis titles, as PNG and SVG; the GIF. */
@ExtendWith(ApplicationExtension.class)
class FigureExportTest {
    @TempDir
    Path tmp;
    private Explorer explorer;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("vaeexplorer.home", Files.createDirectories(tmp.resolve("home")).toString());
        stage.setWidth(1280);
        stage.setHeight(800);
        explorer = Explorer.open(stage, s -> {
            SmallData.smallModel(s); // 1,000 images: an epoch is 20 steps, the figures show 500 test points
            s.epochs().set("3");
        }, false);
    }

    @Stop
    void stop() {
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
    }

    private void trainToTheEnd() {
        await("the first model is built", 10_000, () -> explorer.training().state().get() == TrainingRun.State.IDLE);
        FxTesting.run(() -> explorer.training().train());
        await("three epochs", 60_000, () -> explorer.training().state().get() == TrainingRun.State.FINISHED
                && explorer.latent().codes().get() != null);
    }

    private <T> T write(Callable<T> c) {
        return fx(() -> {
            try {
                return c.call();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static Document svg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline: no DTD fetch
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static String texts(Document d) {
        StringBuilder b = new StringBuilder();
        NodeList t = d.getElementsByTagName("text");
        for (int i = 0; i < t.getLength(); i++) b.append(t.item(i).getTextContent().trim()).append('|');
        return b.toString();
    }

    /** Pixels of the class's colour (within a few levels) in the image's right-hand fifth, where the legend is. */
    private static int legendPixels(BufferedImage img, int label) {
        javafx.scene.paint.Color c = Palette.of(label);
        int r = (int) Math.round(c.getRed() * 255), g = (int) Math.round(c.getGreen() * 255), b = (int) Math.round(c.getBlue() * 255);
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = img.getWidth() * 4 / 5; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xFF) - r) < 6 && Math.abs((p >> 8 & 0xFF) - g) < 6 && Math.abs((p & 0xFF) - b) < 6) n++;
            }
        return n;
    }

    @Test
    void theScatterFigureIsFullHdWithALegendAndTheChartFigureToo() throws Exception {
        trainToTheEnd();
        Exporter e = explorer.exporter();
        Path png = tmp.resolve("scatter.png");
        write(() -> {
            e.writeScatterFigure(png, Exporter.FIGURE_WIDTH, Exporter.FIGURE_HEIGHT, false);
            return null;
        });
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1920, img.getWidth());
        assertEquals(1080, img.getHeight());
        int classes = fx(() -> explorer.latent().shown().get().classNames().size());
        for (int k = 0; k < classes; k++)
            assertTrue(legendPixels(img, k) > 100, "the legend shows class " + k + "'s colour: " + legendPixels(img, k));

        Path chart = tmp.resolve("chart.png");
        write(() -> {
            e.writeChartFigure(chart, Exporter.FIGURE_WIDTH, Exporter.FIGURE_HEIGHT, false);
            return null;
        });
        BufferedImage c = ImageIO.read(chart.toFile());
        assertEquals(1920, c.getWidth());
        assertEquals(1080, c.getHeight());
    }

    @Test
    void svgFiguresAreVectorDocumentsWithTheirWordsAsText() throws Exception {
        trainToTheEnd();
        Exporter e = explorer.exporter();
        Path scatter = tmp.resolve("scatter.svg");
        write(() -> {
            e.writeScatterFigure(scatter, Exporter.FIGURE_WIDTH, Exporter.FIGURE_HEIGHT, true);
            return null;
        });
        Document d = svg(scatter);
        assertEquals("svg", d.getDocumentElement().getNodeName());
        assertEquals("1920", d.getDocumentElement().getAttribute("width"));
        assertEquals("1080", d.getDocumentElement().getAttribute("height"));
        String words = texts(d);
        for (String w : List.of("z0", "z1", "Latent space", "0|", "9|")) assertTrue(words.contains(w), w + " in " + words);
        int points = fx(() -> explorer.latent().codes().get().size());
        assertTrue(d.getElementsByTagName("circle").getLength() + d.getElementsByTagName("ellipse").getLength()
                + d.getElementsByTagName("path").getLength() >= points, "a shape per point");

        Path chart = tmp.resolve("chart.svg");
        write(() -> {
            e.writeChartFigure(chart, Exporter.FIGURE_WIDTH, Exporter.FIGURE_HEIGHT, true);
            return null;
        });
        String chartWords = texts(svg(chart));
        for (String w : List.of("training loss", "test loss", "training step")) assertTrue(chartWords.contains(w), w + " in " + chartWords);
    }

    /** The figure's elements named tag filled with the class's colour (Batik writes "fill:rgb(r,g,b)" in a style). */
    private static int filled(Document d, String tag, int label) {
        javafx.scene.paint.Color c = Palette.of(label);
        String rgb = String.format("rgb(%d,%d,%d)", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
        NodeList t = d.getElementsByTagName(tag);
        int n = 0;
        for (int i = 0; i < t.getLength(); i++) {
            String fill = null;
            for (org.w3c.dom.Node p = t.item(i); fill == null && p instanceof org.w3c.dom.Element el; p = p.getParentNode())
                for (String part : el.getAttribute("style").split(";"))
                    if (part.trim().startsWith("fill:")) fill = part.trim().substring(5).trim();
            if (rgb.equals(fill)) n++;
        }
        return n;
    }

    @Test
    void theFigureMarksTheClassesAsViewMarkersSays() throws Exception {
        trainToTheEnd();
        Exporter e = explorer.exporter();
        int threes = fx(() -> {
            var c = explorer.latent().codes().get();
            int n = 0;
            for (int i = 0; i < c.size(); i++) if (c.label(i) == 3) n++;
            return n;
        });
        assertTrue(threes > 20, "enough threes to count: " + threes);
        java.util.Map<MarkerStyle, Document> figures = new java.util.EnumMap<>(MarkerStyle.class);
        try {
            for (MarkerStyle s : MarkerStyle.values()) {
                fx(() -> {
                    ClassMarks.style().set(s);
                    return null;
                });
                Path f = tmp.resolve(s + ".svg");
                write(() -> {
                    e.writeScatterFigure(f, Exporter.FIGURE_WIDTH, Exporter.FIGURE_HEIGHT, true);
                    return null;
                });
                figures.put(s, svg(f));
            }
        } finally {
            fx(() -> {
                ClassMarks.style().set(MarkerStyle.DEFAULT);
                return null;
            });
        }
        // class 3's mark (vermillion; not black, which Batik leaves to the document's default fill) is a diamond (a
        // path) with shapes, its number (a text) with labels, a dot otherwise: one per point, and one in the legend
        Document shapes = figures.get(MarkerStyle.SHAPES), labels = figures.get(MarkerStyle.LABELS),
                dots = figures.get(MarkerStyle.DOTS);
        assertEquals(MarkerShape.DIAMOND, ClassMarks.shape(MarkerStyle.SHAPES, 3));
        assertEquals(threes + 1, filled(shapes, "path", 3), "shapes: a diamond per three and the legend's");
        assertEquals(0, filled(shapes, "circle", 3) + filled(shapes, "ellipse", 3), "shapes: no dots for class 3");
        assertEquals(threes + 1, filled(labels, "text", 3), "labels: a 3 per three and the legend's");
        assertEquals(threes + 1, filled(dots, "circle", 3) + filled(dots, "ellipse", 3), "dots: a dot per three");
        assertEquals(0, filled(dots, "path", 3), "dots: no shapes");
    }

    @Test
    void theAnimationHasAFramePerEpochAndLoops() throws Exception {
        trainToTheEnd();
        Path gif = tmp.resolve("training.gif");
        int frames = write(() -> explorer.exporter().writeAnimation(gif));
        int entries = fx(() -> explorer.timeline().entries().size());
        assertTrue(entries >= 3, "the timeline holds the three epochs: " + entries);
        assertEquals(entries, frames, "one frame per entry of the timeline");
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(frames, reader.getNumImages(true));
            BufferedImage first = reader.read(0);
            assertEquals(Exporter.ANIMATION_WIDTH, first.getWidth());
            assertEquals(Exporter.ANIMATION_HEIGHT, first.getHeight());
            String meta = new String(Files.readAllBytes(gif), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(meta.contains("NETSCAPE2.0"), "it loops");
            BufferedImage last = reader.read(frames - 1);
            int differing = 0;
            for (int y = 0; y < first.getHeight(); y += 2)
                for (int x = 0; x < first.getWidth(); x += 2) if (first.getRGB(x, y) != last.getRGB(x, y)) differing++;
            assertTrue(differing > 500, "the points move between the first and the last epoch: " + differing);
        } finally {
            reader.dispose();
        }
    }
}
