package vaeexplorer.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;
import javax.imageio.ImageIO;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.io.AtomicFiles;
import vaeexplorer.core.io.LatentCsv;
import vaeexplorer.core.io.LossHistoryCsv;
import vaeexplorer.core.train.LossHistory;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.i18n.FileDialogs;
import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.latent.ClassMarks;
import vaeexplorer.ui.latent.LatentPlane;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.i18n.ClassNames;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.ui.i18n.ProblemTexts;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.MarkerShape;
import vaeexplorer.ui.latent.MarkerStyle;
import vaeexplorer.ui.latent.Palette;
import vaeexplorer.ui.training.LossChartView;
import vaeexplorer.ui.training.TrainingModel;
import vaeexplorer.ui.widgets.Dialogs;
import vaeexplorer.ui.widgets.LiveNotices;

/**
 * Results out: PNG pictures of the decoded image, the latent scatter and the loss chart, and CSV files of the loss
 * history and of the latent coordinates of the shown images. Every file is written atomically (a half-written file
 * never replaces a good one). The write methods take a Path and run on the FX thread; the Export menu asks for the
 * path first ({@link #export}).
 *
 * <p>Hook for the teaching views: {@link #setManifoldGridRenderer} plugs in the manifold grid; until then its menu item
 * stays disabled.
 */
public final class Exporter {
    /** What the Export menu offers. */
    public enum Kind {
        DECODED("export.decodedImage", ".png", "export.pngImage"),
        SCATTER("export.latentScatter", ".png", "export.pngImage"),
        CHART("export.lossChart", ".png", "export.pngImage"),
        SCATTER_FIGURE("export.latentScatter", ".png", "export.pngImage"),
        SCATTER_SVG("export.latentScatter", ".svg", "export.svgImage"),
        CHART_FIGURE("export.lossChart", ".png", "export.pngImage"),
        CHART_SVG("export.lossChart", ".svg", "export.svgImage"),
        ANIMATION("export.trainingAnimation", ".gif", "export.gifImage"),
        MANIFOLD_GRID("export.manifoldGrid", ".png", "export.pngImage"),
        LOSS_CSV("export.lossHistory", ".csv", "export.csvFile"),
        LATENT_CSV("export.latentCoordinates", ".csv", "export.csvFile");

        /** Keys of what is exported (a noun for "Export the ...") and of the file type. */
        final String whatKey;
        final String extension;
        final String descriptionKey;

        Kind(String whatKey, String extension, String descriptionKey) {
            this.whatKey = whatKey;
            this.extension = extension;
            this.descriptionKey = descriptionKey;
        }

        String what() {
            return I18n.get(whatKey);
        }
    }

    private final Dialogs dialogs;
    private final LiveNotices notices;
    private final TrainingModel training;
    private final LatentModel latent;
    private final Supplier<String> baseName;
    private final LatentPlotView scatter;
    private final LossChartView chart;
    private IntFunction<Image> manifoldGrid;
    private Supplier<List<Frame>> animationFrames = List::of;
    private final ReadOnlyBooleanWrapper manifoldGridAvailable = new ReadOnlyBooleanWrapper(false);

    /**
     * @param baseName the start of a suggested file name ({@code mnist-latent2-epoch5})
     * @param scatter  the latent plot, pictured as on screen
     */
    public Exporter(Dialogs dialogs, LiveNotices notices, TrainingModel training, LatentModel latent,
                    Supplier<String> baseName, LatentPlotView scatter, LossChartView chart) {
        this.dialogs = dialogs;
        this.notices = notices;
        this.training = training;
        this.latent = latent;
        this.baseName = baseName;
        this.scatter = scatter;
        this.chart = chart;
    }

    // ---- the hook for the teaching views ----

    /**
     * Plugs in the manifold grid: renderer draws the grid at a whole-number scale (1 = one image pixel per screen
     * pixel) on the FX thread. Null unplugs it.
     */
    public void setManifoldGridRenderer(IntFunction<Image> renderer) {
        manifoldGrid = renderer;
        manifoldGridAvailable.set(renderer != null);
    }

    /** True while a manifold grid renderer is plugged in. */
    public ReadOnlyBooleanProperty manifoldGridAvailable() {
        return manifoldGridAvailable.getReadOnlyProperty();
    }

    /** Writes the manifold grid as PNG at the given scale. */
    public void writeManifoldGridPng(Path file, int scale) throws IOException {
        if (manifoldGrid == null) throw new IOException(I18n.get("export.noManifoldGrid"));
        Image img = manifoldGrid.apply(scale);
        if (img == null) throw new IOException(I18n.get("export.noManifoldGridYet"));
        writePng(file, img);
    }

    // ---- writing, one method per export ----

    /** The image decoded from z, every pixel a scale x scale square (28x28 at x16: 448x448). */
    public void writeDecodedPng(Path file, int scale) throws IOException {
        if (scale < 1 || scale > 64) throw new IllegalArgumentException("scale " + scale);
        float[] px = latent.decoded().get();
        Dataset shown = training.shown().get();
        if (px == null || shown == null || px.length != shown.imageSize())
            throw new IOException(I18n.get("export.noDecodedImage"));
        int rows = shown.rows(), cols = shown.cols();
        WritableImage img = new WritableImage(cols * scale, rows * scale);
        PixelWriter w = img.getPixelWriter();
        for (int r = 0; r < rows * scale; r++)
            for (int c = 0; c < cols * scale; c++) {
                int v = Math.round(255 * Math.max(0, Math.min(1, px[(r / scale) * cols + c / scale])));
                w.setArgb(c, r, 0xFF000000 | v << 16 | v << 8 | v);
            }
        writePng(file, img);
    }

    /** The latent scatter as on screen, at scale times its on-screen size (2 for slides). */
    public void writeScatterPng(Path file, double scale) throws IOException {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        p.setTransform(new Scale(scale, scale));
        writePng(file, scatter.snapshot(p, null));
    }

    /** One frame of the training's animation: the shown images' codes at the end of an epoch. */
    public record Frame(int epoch, LatentCodes codes) {}

    /** Where the animation's frames come from (the epoch timeline); until it is plugged in there are none. */
    public void setAnimationFrames(Supplier<List<Frame>> frames) {
        animationFrames = frames;
    }

    /** The animation's size: half a full-HD slide, small enough for a slide deck. */
    public static final int ANIMATION_WIDTH = 960, ANIMATION_HEIGHT = 540;

    /**
     * The scatter epoch by epoch, as an animated GIF that loops: every frame shows the same region (all epochs' points,
     * but for a few strays, and the prior's circles), titled with its epoch; each shows for half a second, the last for
     * two. Returns the number of frames.
     */
    public int writeAnimation(Path file) throws IOException {
        List<Frame> frames = animationFrames.get();
        Dataset shown = latent.shown().get();
        // every frame in the plane the plot shows now (a PCA fitted to the latest codes): one set of axes for all
        LatentPlane plane = latent.plane().get();
        frames = frames.stream().filter(f -> f.codes() != null && f.codes().latent() == latent.size().get()).toList();
        if (frames.isEmpty() || shown == null) throw new IOException(I18n.get("export.noAnimationYet"));
        double ox = plane.originX(), oy = plane.originY();
        double[] region = {ox - 2, ox + 2, oy - 2, oy + 2};
        for (Frame f : frames) {
            double[] b = LatentPlotView.robustBox(f.codes(), plane); // as the plot fits its own view
            region[0] = Math.min(region[0], b[0]);
            region[1] = Math.max(region[1], b[1]);
            region[2] = Math.min(region[2], b[2]);
            region[3] = Math.max(region[3], b[3]);
        }
        double padX = 0.05 * (region[1] - region[0]), padY = 0.05 * (region[3] - region[2]);
        region = new double[] {region[0] - padX, region[1] + padX, region[2] - padY, region[3] + padY};
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < shown.classNames().size(); k++) names.add(ClassNames.of(shown.classNames(), k));
        List<BufferedImage> images = new java.util.ArrayList<>();
        int[] delays = new int[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            ScatterFigure.Content c = new ScatterFigure.Content(f.codes(), plane, names, region,
                    I18n.format("export.animationTitle", f.epoch(), Formats.count(f.codes().size())), xTitle(plane), yTitle(plane),
                    ClassMarks.style().get());
            BufferedImage img = new BufferedImage(ANIMATION_WIDTH, ANIMATION_HEIGHT, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            try {
                ScatterFigure.draw(g, c, ANIMATION_WIDTH, ANIMATION_HEIGHT);
            } finally {
                g.dispose();
            }
            images.add(img);
            delays[i] = i == frames.size() - 1 ? 200 : 50;
        }
        AtomicFiles.write(file, out -> GifAnimation.write(out, images, delays));
        return images.size();
    }

    /** A figure's size: 1920x1080, a full-HD slide (drawn at 960x540 and twice that, so text reads from the back). */
    public static final int FIGURE_WIDTH = 1920, FIGURE_HEIGHT = 1080;
    static final double FIGURE_SCALE = 2;

    /**
     * The latent scatter as a figure: the region the plot shows, with the prior's circles, axis titles, a title and the
     * legend of the classes, as a PNG of width x height pixels or an SVG of that size.
     */
    public void writeScatterFigure(Path file, int width, int height, boolean svg) throws IOException {
        ScatterFigure.Content c = scatterContent();
        draw(file, width, height, svg, g -> ScatterFigure.draw(g, c, width / FIGURE_SCALE, height / FIGURE_SCALE));
    }

    /** The loss chart as a figure (legend, axis titles, markers), as a PNG of width x height pixels or an SVG. */
    public void writeChartFigure(Path file, int width, int height, boolean svg) throws IOException {
        draw(file, width, height, svg, g -> chart.drawFigure(g, width / FIGURE_SCALE, height / FIGURE_SCALE));
    }

    private static void draw(Path file, int width, int height, boolean svg, java.util.function.Consumer<java.awt.Graphics2D> d)
            throws IOException {
        java.util.function.Consumer<java.awt.Graphics2D> scaled = g -> {
            g.scale(FIGURE_SCALE, FIGURE_SCALE);
            d.accept(g);
        };
        if (svg) {
            SvgFiles.write(file, width, height, scaled);
            return;
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            scaled.accept(g);
        } finally {
            g.dispose();
        }
        writePng(file, img);
    }

    private ScatterFigure.Content scatterContent() throws IOException {
        LatentCodes codes = latent.codes().get();
        Dataset shown = latent.shown().get();
        javafx.geometry.Rectangle2D r = scatter.visibleRange().get();
        if (codes == null || shown == null || r == null || codes.latent() != latent.size().get())
            throw new IOException(I18n.get("export.noScatterYet"));
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < shown.classNames().size(); k++) names.add(ClassNames.of(shown.classNames(), k));
        LatentPlane plane = latent.plane().get();
        return new ScatterFigure.Content(codes, plane, names, new double[] {r.getMinX(), r.getMaxX(), r.getMinY(), r.getMaxY()},
                I18n.format("latent.titleWithCount", Formats.count(codes.size())), xTitle(plane), yTitle(plane),
                ClassMarks.style().get());
    }

    /** The figure's axis titles: the plot's own ("z3", "PC1 (34% of variance)"); none up for a one-dimensional latent. */
    private static String xTitle(LatentPlane plane) {
        return LatentPlotView.axisTitle(plane, 0);
    }

    private static String yTitle(LatentPlane plane) {
        return plane.oneDimensional() ? "" : LatentPlotView.axisTitle(plane, 1);
    }

    /** The loss chart, drawn by JFreeChart at scale times its on-screen size. */
    public void writeChartPng(Path file, double scale) throws IOException {
        writePng(file, chart.render(scale));
    }

    /** The loss history as CSV (see {@link LossHistoryCsv}); returns the number of rows. */
    public int writeLossCsv(Path file) throws IOException {
        LossHistory h = training.losses().points();
        int[] rows = new int[1];
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            rows[0] = LossHistoryCsv.write(w, h);
            w.flush();
        });
        return rows[0];
    }

    /**
     * The latent coordinates of the shown (held-out) images under the current model: index, label, class name,
     * mu_1..mu_d, sigma_1..sigma_d. Returns the number of rows.
     */
    public int writeLatentCsv(Path file) throws IOException {
        ModelSnapshot model = training.model().get();
        Dataset shown = training.shown().get();
        if (model == null || shown == null) throw new IOException(I18n.get("export.noModel"));
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            LatentCsv.writeHeader(w, model.latent(), false);
            LatentCsv.writeRows(w, model, shown, null);
            w.flush();
        });
        writeLegendCsv(legendFile(file), shown, ClassMarks.style().get());
        return shown.size();
    }

    /** Where the legend of a latent CSV goes: beside it, {@code NAME.legend.csv}. */
    public static Path legendFile(Path csv) {
        String name = csv.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(stem + ".legend.csv");
    }

    /**
     * The legend of the scatter as the app draws it, one row per class: label, class_name, colour (#rrggbb), marker
     * (the shape's name, the class's number for View › Markers › numbers, or a dot) and the same as a matplotlib
     * marker ({@code o s ^ D x + * v < >}, {@code $7$} for a number, {@code .} for a dot), so that a plot made
     * elsewhere can mark the classes as the app does, not by colour alone.
     */
    static void writeLegendCsv(Path file, Dataset shown, MarkerStyle style) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("label,class_name,colour,marker,matplotlib_marker\n");
            List<String> names = shown.classNames();
            for (int k = 0; k < names.size(); k++) {
                Color c = Palette.of(k);
                String colour = String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                        Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
                String marker, mpl;
                switch (style) {
                    case SHAPES -> {
                        MarkerShape shape = ClassMarks.shape(style, k);
                        marker = shape.name().toLowerCase(java.util.Locale.ROOT);
                        mpl = MATPLOTLIB[shape.ordinal()];
                    }
                    case LABELS -> {
                        marker = "number " + ClassMarks.tag(k);
                        mpl = "$" + ClassMarks.tag(k) + "$";
                    }
                    default -> {
                        marker = "dot";
                        mpl = ".";
                    }
                }
                w.write(k + "," + LatentCsv.quote(names.get(k)) + "," + colour + "," + marker + "," + LatentCsv.quote(mpl) + "\n");
            }
            w.flush();
        });
    }

    /** Matplotlib's markers for {@link MarkerShape}, in its order. */
    private static final String[] MATPLOTLIB = {"o", "s", "^", "D", "x", "+", "*", "v", "<", ">"};

    /** Writes an FX image as PNG (through SwingFXUtils and ImageIO), atomically. */
    public static void writePng(Path file, Image image) throws IOException {
        writePng(file, SwingFXUtils.fromFXImage(image, null));
    }

    static void writePng(Path file, BufferedImage image) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException(I18n.get("export.noPngWriter"));
        });
    }

    // ---- the menu commands: ask for the path, write, say so ----

    /** Asks where to save (suggesting a name), writes, and says where it went or why it failed. */
    public void export(Kind kind, double scale) {
        String suffix = switch (kind) {
            case DECODED -> "-decoded-x" + (int) scale;
            case SCATTER -> "-latent-scatter" + (scale == 1 ? "" : "@" + (int) scale + "x");
            case CHART -> "-loss-chart" + (scale == 1 ? "" : "@" + (int) scale + "x");
            case SCATTER_FIGURE, SCATTER_SVG -> "-latent-scatter-figure";
            case CHART_FIGURE, CHART_SVG -> "-loss-chart-figure";
            case ANIMATION -> "-training";
            case MANIFOLD_GRID -> "-manifold-grid";
            case LOSS_CSV -> "-loss-history";
            case LATENT_CSV -> "-latent";
        };
        Path file = FileDialogs.save(dialogs.owner(), I18n.format("export.title", kind.what()),
                baseName.get() + suffix + kind.extension, I18n.get(kind.descriptionKey), kind.extension);
        if (file == null) return;
        try {
            java.util.function.Supplier<String> done = switch (kind) {
                case DECODED -> {
                    writeDecodedPng(file, (int) scale);
                    yield () -> I18n.format("export.done", kind.what(), file);
                }
                case SCATTER -> {
                    writeScatterPng(file, scale);
                    yield () -> I18n.format("export.done", kind.what(), file);
                }
                case CHART -> {
                    writeChartPng(file, scale);
                    yield () -> I18n.format("export.done", kind.what(), file);
                }
                case SCATTER_FIGURE, SCATTER_SVG -> {
                    writeScatterFigure(file, FIGURE_WIDTH, FIGURE_HEIGHT, kind == Kind.SCATTER_SVG);
                    yield () -> I18n.format("export.done", kind.what(), file);
                }
                case ANIMATION -> {
                    String frames = Formats.count(writeAnimation(file));
                    yield () -> I18n.format("export.doneFrames", kind.what(), file, frames);
                }
                case CHART_FIGURE, CHART_SVG -> {
                    writeChartFigure(file, FIGURE_WIDTH, FIGURE_HEIGHT, kind == Kind.CHART_SVG);
                    yield () -> I18n.format("export.done", kind.what(), file);
                }
                case MANIFOLD_GRID -> {
                    writeManifoldGridPng(file, (int) scale);
                    yield () -> I18n.format("export.done", kind.what(), file);
                }
                case LOSS_CSV -> {
                    String rows = Formats.count(writeLossCsv(file));
                    yield () -> I18n.format("export.doneRows", kind.what(), file, rows);
                }
                case LATENT_CSV -> {
                    String images = Formats.count(writeLatentCsv(file));
                    yield () -> I18n.format("export.doneImagesLegend", kind.what(), file, images, legendFile(file));
                }
            };
            notices.notice(done, false);
        } catch (IOException | RuntimeException e) {
            dialogs.showError("exportErrorDialog", I18n.format("export.failed", kind.what()), ProblemTexts.io(file, e));
        }
    }
}
