package vaeexplorer.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.fx;
import static vaeexplorer.ui.fixtures.FxTesting.run;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TestPoint;
import vaeexplorer.core.train.TrainingRun;

import vaeexplorer.ui.app.Explorer;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.TrainerSync;
import vaeexplorer.ui.training.FileNames;

/** Results out: PNGs that decode at the expected size, CSVs with the right header and row count. */
@ExtendWith(ApplicationExtension.class)
class ExportTest {
    @TempDir
    Path tmp;
    private Explorer explorer;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("vaeexplorer.home", Files.createDirectories(tmp.resolve("home")).toString());
        stage.setWidth(1280);
        stage.setHeight(800);
        explorer = Explorer.open(stage, s -> {
            s.hidden().set("32");
            s.batchSize().set("128");
            s.epochs().set("100");
        }, false);
    }

    @Stop
    void stop() {
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
    }

    /** Trains past the first epoch (so there is a test point), then pauses. */
    private void trainOneEpoch() {
        await("the first model is built", 10_000, () -> explorer.training().state().get() == TrainingRun.State.IDLE);
        run(() -> explorer.training().train());
        await("an epoch", 30_000, () -> !explorer.training().losses().points().tests().isEmpty()
                && explorer.training().step().get() > 70);
        TrainerSync.pauseAndSettle(explorer.training());
    }

    private static BufferedImage read(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img != null, png + " decodes as an image");
        return img;
    }

    /** A few steps, then paused, with the scatter drawn. */
    private void trainAFewSteps() {
        await("the first model is built", 10_000, () -> explorer.training().state().get() == TrainingRun.State.IDLE);
        for (int i = 1; i <= 3; i++) {
            run(() -> explorer.training().stepOnce());
            long n = i;
            await("step " + n, 5_000, () -> explorer.training().step().get() == n);
        }
        await("the scatter", 5_000, () -> explorer.latent().codes().get() != null);
    }

    @Test
    void pngExportsDecodeAtTheExpectedSizes(FxRobot robot) throws Exception {
        trainAFewSteps();
        Exporter e = explorer.exporter();
        Path decoded = tmp.resolve("decoded.png");
        run(() -> {
            try {
                e.writeDecodedPng(decoded, 16);
            } catch (IOException ex) {
                throw new AssertionError(ex);
            }
        });
        BufferedImage d = read(decoded);
        assertEquals(448, d.getWidth());
        assertEquals(448, d.getHeight());
        float[] px = fx(() -> explorer.latent().decoded().get());
        int centre = d.getRGB(14 * 16 + 3, 14 * 16 + 3) & 0xFF;
        assertEquals(Math.round(255 * px[14 * 28 + 14]), centre, 1, "pixel (14, 14) of the decoded image");

        double w = fx(() -> explorer.view().latentPanel().plot().getWidth());
        double h = fx(() -> explorer.view().latentPanel().plot().getHeight());
        for (int scale : new int[] {1, 2}) {
            Path scatter = tmp.resolve("scatter" + scale + ".png");
            run(() -> {
                try {
                    e.writeScatterPng(scatter, scale);
                } catch (IOException ex) {
                    throw new AssertionError(ex);
                }
            });
            BufferedImage s = read(scatter);
            assertEquals(Math.ceil(w * scale), s.getWidth(), 1.0, "scatter width at " + scale + "x");
            assertEquals(Math.ceil(h * scale), s.getHeight(), 1.0, "scatter height at " + scale + "x");
        }

        double cw = fx(() -> explorer.view().chart().getWidth());
        double ch = fx(() -> explorer.view().chart().getHeight());
        for (int scale : new int[] {1, 2}) {
            Path chart = tmp.resolve("chart" + scale + ".png");
            run(() -> {
                try {
                    e.writeChartPng(chart, scale);
                } catch (IOException ex) {
                    throw new AssertionError(ex);
                }
            });
            BufferedImage c = read(chart);
            assertEquals(Math.round(cw * scale), c.getWidth(), 1.0, "chart width at " + scale + "x");
            assertEquals(Math.round(ch * scale), c.getHeight(), 1.0, "chart height at " + scale + "x");
        }
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void theLatentCsvHasALegendBesideItWithEachClasssColourAndTheMarkerThePlotUses(FxRobot robot) throws Exception {
        trainOneEpoch();
        Exporter e = explorer.exporter();
        Path latent = tmp.resolve("latent.csv");
        vaeexplorer.ui.latent.MarkerStyle before = fx(() -> vaeexplorer.ui.latent.ClassMarks.style().get());
        try {
            for (vaeexplorer.ui.latent.MarkerStyle style : vaeexplorer.ui.latent.MarkerStyle.values()) {
                run(() -> {
                    vaeexplorer.ui.latent.ClassMarks.style().set(style);
                    try {
                        e.writeLatentCsv(latent);
                    } catch (IOException ex) {
                        throw new AssertionError(ex);
                    }
                });
                Path legend = tmp.resolve("latent.legend.csv");
                assertEquals(legend, Exporter.legendFile(latent));
                List<String> lines = Files.readAllLines(legend);
                List<String> classes = fx(() -> explorer.training().shown().get().classNames());
                assertEquals("label,class_name,colour,marker,matplotlib_marker", lines.get(0));
                assertEquals(classes.size() + 1, lines.size(), "one row per class: " + lines);
                for (int k = 0; k < classes.size(); k++) {
                    String[] f = lines.get(k + 1).split(",", -1);
                    javafx.scene.paint.Color c = vaeexplorer.ui.latent.Palette.of(k);
                    assertEquals(Integer.toString(k), f[0]);
                    assertEquals(classes.get(k), f[1]);
                    assertEquals(c, javafx.scene.paint.Color.web(f[2]), "the plot's colour of class " + k);
                    switch (style) {
                        case SHAPES -> {
                            vaeexplorer.ui.latent.MarkerShape shape = vaeexplorer.ui.latent.MarkerShape.of(k);
                            assertEquals(shape.name().toLowerCase(java.util.Locale.ROOT), f[3]);
                            assertEquals("os^Dx+*v<>".charAt(shape.ordinal()) + "", f[4], "matplotlib's marker for " + shape);
                        }
                        case LABELS -> {
                            assertEquals("number " + k, f[3]);
                            assertEquals("$" + k + "$", f[4]);
                        }
                        case DOTS -> {
                            assertEquals("dot", f[3]);
                            assertEquals(".", f[4]);
                        }
                    }
                }
            }
        } finally {
            run(() -> vaeexplorer.ui.latent.ClassMarks.style().set(before));
        }
    }

    @Test
    void csvExportsHaveTheRightHeaderAndOneRowPerStepOrImage(FxRobot robot) throws Exception {
        trainOneEpoch();
        Exporter e = explorer.exporter();
        Path loss = tmp.resolve("loss.csv"), latent = tmp.resolve("latent.csv");
        int[] rows = new int[2];
        List<LossPoint> points = new java.util.ArrayList<>();
        List<TestPoint> tests = new java.util.ArrayList<>();
        run(() -> {
            try {
                rows[0] = e.writeLossCsv(loss);
                rows[1] = e.writeLatentCsv(latent);
            } catch (IOException ex) {
                throw new AssertionError(ex);
            }
            points.addAll(explorer.training().losses().points().points());
            tests.addAll(explorer.training().losses().points().tests());
        });

        List<String> lossLines = Files.readAllLines(loss);
        assertEquals("step,epoch,train_loss,train_recon,train_kl,beta,test_loss,test_recon,test_kl,train_steps_averaged",
                lossLines.get(0));
        Set<Long> steps = new java.util.TreeSet<>();
        for (LossPoint p : points) steps.add(p.step());
        for (TestPoint t : tests) steps.add(t.step());
        assertEquals(steps.size(), rows[0]);
        assertEquals(steps.size() + 1, lossLines.size());
        long withTest = lossLines.stream().skip(1).filter(l -> !l.split(",", -1)[6].isEmpty()).count();
        assertEquals(tests.size(), withTest, "the test losses at the epoch ends");
        for (String l : lossLines) assertEquals(10, l.split(",", -1).length, l);
        long averaged = lossLines.stream().skip(1).map(l -> l.split(",", -1)[9]).filter(c -> !c.isEmpty())
                .mapToLong(Long::parseLong).sum();
        assertEquals(points.get(points.size() - 1).step(), averaged, "the rows' steps add up to every step trained");

        List<String> latentLines = Files.readAllLines(latent);
        assertEquals("index,label,class_name,mu_1,mu_2,sigma_1,sigma_2", latentLines.get(0));
        assertEquals(2000, rows[1]);
        assertEquals(2001, latentLines.size());
        String[] first = latentLines.get(1).split(",");
        assertEquals("0", first[0]);
        assertEquals(first[1], first[2], "MNIST's class names are its digits");
        var codes = fx(() -> explorer.latent().codes().get());
        assertEquals(codes.mu(0, 0), Float.parseFloat(first[3]), 1e-4, "the scatter's mu of image 0");
    }

    @Test
    void suggestedNamesSayDataLatentSizeAndEpochs(FxRobot robot) {
        trainAFewSteps();
        String base = fx(() -> FileNames.base(explorer.settings(), explorer.training()));
        assertEquals("mnist-latent2-epoch0", base);
        assertEquals(base + ".vaesession", fx(() -> explorer.sessions().defaultFileName()));
    }

    @Test
    void theManifoldGridHookEnablesItsMenuItemAndWritesWhatItRenders(FxRobot robot) throws Exception {
        Exporter e = explorer.exporter();
        assertTrue(fx(() -> e.manifoldGridAvailable().get()), "the explorer plugs in its manifold map");
        run(() -> e.setManifoldGridRenderer(null));
        assertFalse(fx(() -> e.manifoldGridAvailable().get()));
        Path grid = tmp.resolve("grid.png");
        assertThrows(IOException.class, () -> e.writeManifoldGridPng(grid, 2));
        run(() -> e.setManifoldGridRenderer(scale -> new WritableImage(20 * scale, 10 * scale)));
        assertTrue(fx(() -> e.manifoldGridAvailable().get()));
        run(() -> {
            try {
                e.writeManifoldGridPng(grid, 3);
            } catch (IOException ex) {
                throw new AssertionError(ex);
            }
        });
        BufferedImage img = read(grid);
        assertEquals(60, img.getWidth());
        assertEquals(30, img.getHeight());
    }
}
