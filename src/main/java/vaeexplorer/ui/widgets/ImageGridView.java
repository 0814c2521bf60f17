package vaeexplorer.ui.widgets;

import java.util.List;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A grid of greyscale images fitted into the region: one sheet image holds the whole grid (a redraw is one drawImage),
 * enlarged by a whole number without smoothing when there is room (every pixel a crisp square), shrunk smoothly when
 * not. Optional labels left of the rows and under the columns; a message while there is nothing to show. A grid whose
 * columns can be chosen ({@link #chooseColumnsByKeys}) is reached by Tab and moved through with the arrow keys.
 */
public final class ImageGridView extends Region implements OwnKeys {
    private static final double PREF_SIDE = 240;
    private final Canvas canvas = new Canvas();
    private final ObservableDoubleValue fontSize;
    private final int gap;
    private ImageTiles tiles;
    private WritableImage sheet;
    private List<String> rowLabels = List.of();
    private List<String> columnLabels = List.of();
    private final StringProperty emptyText = new SimpleStringProperty("");
    private double drawnX, drawnY, drawnScale;
    /** The column under the keyboard's cursor (-1: none), while the columns can be chosen by keys. */
    private final javafx.beans.property.IntegerProperty cursor = new javafx.beans.property.SimpleIntegerProperty(-1);
    private java.util.function.IntConsumer choose;
    private java.util.function.IntFunction<String> describe;
    private FocusRing ring;

    /**
     * @param gap  white space between images, in image pixels (0: a seamless map)
     */
    public ImageGridView(String id, int gap, ObservableDoubleValue fontSize) {
        this.gap = gap;
        this.fontSize = fontSize;
        setId(id);
        getStyleClass().add("image-grid");
        getChildren().add(canvas);
        setMinSize(60, 60);
        fontSize.addListener((o, a, b) -> redraw());
        emptyText.addListener((o, a, b) -> redraw());
        // how many images, in words, for a screen reader (the lesson's summary says what they are)
        setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(this::spokenText, shown,
                emptyText, cursor, focusedProperty(), vaeexplorer.ui.i18n.I18n.locale()));
    }

    /** The count of images, or (a grid chosen by keys, focused) what is under the cursor. */
    private String spokenText() {
        if (tiles == null) return emptyText.get();
        if (describe != null && isFocused() && cursor.get() >= 0) return describe.apply(cursor.get());
        return vaeexplorer.ui.i18n.I18n.format("a11y.imageGrid", tiles.count(), tiles.gridRows(), tiles.gridCols());
    }

    /**
     * Lets the keyboard choose a column, as a click on it chooses: Tab reaches the grid (a frame shows its focus), the
     * arrow keys (Home, End) move a highlighted cursor over the columns, Enter or Space calls choose with the column
     * under it. While the grid has the focus its accessible text is describe's words for that column.
     */
    public void chooseColumnsByKeys(java.util.function.IntConsumer choose, java.util.function.IntFunction<String> describe) {
        this.choose = choose;
        this.describe = describe;
        if (ring == null) {
            ring = new FocusRing(this);
            getChildren().add(ring);
        }
        setFocusTraversable(true);
        focusedProperty().addListener((o, a, on) -> {
            if (on && cursor.get() < 0 && columns() > 0) cursor.set(0);
            redraw();
        });
        cursor.addListener((o, a, b) -> redraw());
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    /** The column under the keyboard's cursor, or -1. */
    public javafx.beans.property.ReadOnlyIntegerProperty cursor() {
        return javafx.beans.property.ReadOnlyIntegerProperty.readOnlyIntegerProperty(cursor);
    }

    private int columns() {
        return tiles == null ? 0 : Math.min(tiles.gridCols(), tiles.count());
    }

    private void keyPressed(javafx.scene.input.KeyEvent e) {
        if (e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) return; // menu accelerators
        int n = columns();
        if (n == 0) return;
        int c = Math.max(0, Math.min(n - 1, cursor.get()));
        switch (e.getCode()) {
            case LEFT, KP_LEFT, UP, KP_UP -> cursor.set(Math.max(0, c - 1));
            case RIGHT, KP_RIGHT, DOWN, KP_DOWN -> cursor.set(Math.min(n - 1, c + 1));
            case HOME -> cursor.set(0);
            case END -> cursor.set(n - 1);
            case ENTER, SPACE -> {
                cursor.set(c);
                choose.accept(c);
            }
            default -> { return; }
        }
        e.consume();
    }

    /** Counts the tiles shown, so that the accessible text follows them. */
    private final javafx.beans.property.IntegerProperty shown = new javafx.beans.property.SimpleIntegerProperty();

    /** Shows tiles (null: the empty message). */
    public void show(ImageTiles tiles) {
        this.tiles = tiles;
        if (cursor.get() >= columns() || describe != null && isFocused() && cursor.get() < 0)
            cursor.set(columns() - 1 < 0 ? -1 : Math.min(Math.max(0, cursor.get()), columns() - 1));
        shown.set(shown.get() + 1);
        WritableImage before = sheet;
        sheet = tiles == null ? null : sheet(tiles, gap);
        if (before == null || sheet == null || before.getWidth() != sheet.getWidth() || before.getHeight() != sheet.getHeight())
            requestLayout();
        redraw();
    }

    public void setRowLabels(List<String> labels) {
        rowLabels = List.copyOf(labels);
        requestLayout(); // their width is part of the grid's
        redraw();
    }

    public void setColumnLabels(List<String> labels) {
        columnLabels = List.copyOf(labels);
        redraw();
    }

    /** What to say while there are no images (bind it to follow the language). */
    public StringProperty emptyText() {
        return emptyText;
    }

    /** The tile under (x, y) in this region's coordinates (row-major index), or -1 (a gap, a label, nothing shown). */
    public int tileAt(double x, double y) {
        if (tiles == null || drawnScale <= 0) return -1;
        double u = (x - drawnX) / drawnScale, v = (y - drawnY) / drawnScale;
        if (u < 0 || v < 0) return -1;
        int c = (int) (u / (tiles.cols() + gap)), r = (int) (v / (tiles.rows() + gap));
        if (c >= tiles.gridCols() || r >= tiles.gridRows()) return -1;
        if (u - c * (tiles.cols() + gap) >= tiles.cols() || v - r * (tiles.rows() + gap) >= tiles.rows()) return -1;
        int i = r * tiles.gridCols() + c;
        return i < tiles.count() ? i : -1;
    }

    /** The centre of tile i in this region's coordinates, as last drawn, or null (for tests). */
    public javafx.geometry.Point2D tileCentre(int i) {
        if (tiles == null || drawnScale <= 0 || i < 0 || i >= tiles.count()) return null;
        int c = i % tiles.gridCols(), r = i / tiles.gridCols();
        return new javafx.geometry.Point2D(drawnX + (c * (tiles.cols() + gap) + tiles.cols() / 2.0) * drawnScale,
                drawnY + (r * (tiles.rows() + gap) + tiles.rows() / 2.0) * drawnScale);
    }

    /** The tiles shown, or null. */
    public ImageTiles tiles() {
        return tiles;
    }

    /** The grid as one image at one pixel per image pixel (for PNG export), or null while empty. */
    public WritableImage snapshotImage() {
        if (sheet == null) return null;
        return new WritableImage(sheet.getPixelReader(), (int) sheet.getWidth(), (int) sheet.getHeight());
    }

    /** The whole grid as one image, white gaps between tiles. */
    static WritableImage sheet(ImageTiles t, int gap) {
        int w = Math.max(1, t.gridCols() * t.cols() + (t.gridCols() - 1) * gap);
        int h = Math.max(1, t.gridRows() * t.rows() + (t.gridRows() - 1) * gap);
        int[] argb = new int[w * h];
        java.util.Arrays.fill(argb, 0xFFFFFFFF);
        float[] px = t.pixels();
        for (int i = 0; i < t.count(); i++) {
            int ox = (i % t.gridCols()) * (t.cols() + gap), oy = (i / t.gridCols()) * (t.rows() + gap), base = i * t.imageSize();
            for (int r = 0; r < t.rows(); r++)
                for (int c = 0; c < t.cols(); c++) {
                    int v = Math.round(255 * Math.max(0, Math.min(1, px[base + r * t.cols() + c])));
                    argb[(oy + r) * w + ox + c] = 0xFF000000 | v << 16 | v << 8 | v;
                }
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }

    /** As wide as the grid is at the height given (so a side panel can take the rest of a row). */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.VERTICAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        if (sheet == null || height <= 0) return PREF_SIDE;
        double bottom = columnLabels.isEmpty() ? 0 : 1.5 * fontSize.get();
        double s = (height - bottom) / sheet.getHeight();
        if (s >= 1) s = Math.floor(s);
        return Math.ceil(labelWidth(font()) + sheet.getWidth() * Math.max(0, s)) + 1;
    }

    @Override
    protected double computePrefHeight(double width) {
        return PREF_SIDE;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
        if (ring != null) ring.cover(w, h);
    }

    private Font font() {
        return Font.font(fontSize.get() * 0.9);
    }

    /** The font for the column labels: font, or smaller so that the widest label takes at most 90% of pitch pixels. */
    Font columnFont(Font font, double pitch) {
        Text probe = new Text();
        probe.setFont(font);
        double widest = 0;
        for (String s : columnLabels) {
            probe.setText(s);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        if (widest <= 0.9 * pitch) return font;
        return Font.font(font.getFamily(), Math.max(6, font.getSize() * 0.9 * pitch / widest));
    }

    private double labelWidth(Font font) {
        double max = 0;
        Text probe = new Text();
        probe.setFont(font);
        for (String s : rowLabels) {
            probe.setText(s);
            max = Math.max(max, probe.getLayoutBounds().getWidth());
        }
        return max == 0 ? 0 : Math.ceil(max + 0.5 * fontSize.get());
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        drawnScale = 0;
        if (w < 4 || h < 4) return;
        Font font = font();
        double f = fontSize.get();
        if (sheet == null) {
            g.setFill(Color.web("#eceff1"));
            g.fillRect(0, 0, w, h);
            g.setFill(Color.web("#546e7a"));
            EmptyText t = emptyText(font, w, h);
            g.setFont(t.font());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            double lh = LINE_HEIGHT * t.font().getSize();
            double y = h / 2 - (t.lines().size() - 1) * lh / 2;
            for (String line : t.lines()) {
                g.fillText(line, w / 2, y, w - f);
                y += lh;
            }
            return;
        }
        double left = labelWidth(font), bottom = columnLabels.isEmpty() ? 0 : 1.5 * f;
        double sw = sheet.getWidth(), sh = sheet.getHeight();
        double s = Math.min((w - left) / sw, (h - bottom) / sh);
        if (s >= 1) s = Math.floor(s);
        if (s <= 0) return;
        double x0 = Math.floor(left), y0 = 0;
        g.setImageSmoothing(s < 1);
        g.drawImage(sheet, x0, y0, sw * s, sh * s);
        drawnX = x0;
        drawnY = y0;
        drawnScale = s;
        g.setFill(Color.web("#263238"));
        // labels no taller than a row, so that small grids never get overlapping labels
        double rowPx = tiles.rows() * s;
        g.setFont(rowPx >= 1.1 * font.getSize() ? font : Font.font(Math.max(6, rowPx / 1.1)));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < Math.min(rowLabels.size(), tiles.gridRows()); r++)
            g.fillText(rowLabels.get(r), x0 - 0.4 * f, y0 + (r * (tiles.rows() + gap) + tiles.rows() / 2.0) * s);
        // column labels no wider than a column, so that neighbours never run together
        g.setFont(columnFont(font, (tiles.cols() + gap) * s));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int c = 0; c < Math.min(columnLabels.size(), tiles.gridCols()); c++)
            g.fillText(columnLabels.get(c), x0 + (c * (tiles.cols() + gap) + tiles.cols() / 2.0) * s, y0 + sh * s + 0.25 * f);
        int k = cursor.get();
        if (describe != null && isFocused() && k >= 0 && k < columns()) {
            // the keyboard's cursor: a frame round the whole column, in the focus colour, over the white gap
            double lw = Math.max(2, 0.2 * f);
            g.setStroke(CURSOR);
            g.setLineWidth(lw);
            g.strokeRect(x0 + k * (tiles.cols() + gap) * s - lw / 2, y0 + lw / 2,
                    tiles.cols() * s + lw, Math.min(h - lw, sh * s + lw / 2));
        }
    }

    /** The keyboard cursor's colour: the focus colour of the style sheet (6.6:1 on white). */
    static final Color CURSOR = Color.web("#0b57d0");

    /** The screen rectangle of the cursor's column as last drawn, in this region's coordinates, or null (for tests). */
    public javafx.geometry.Rectangle2D cursorBounds() {
        int k = cursor.get();
        if (describe == null || !isFocused() || k < 0 || k >= columns() || drawnScale <= 0) return null;
        double s = drawnScale;
        return new javafx.geometry.Rectangle2D(drawnX + k * (tiles.cols() + gap) * s, drawnY, tiles.cols() * s,
                (tiles.gridRows() * (tiles.rows() + gap) - gap) * s);
    }

    /** Line height of the empty message, in font sizes. */
    private static final double LINE_HEIGHT = 1.3;

    /** The empty message's lines and font: wrapped to the width, its font made smaller (to 60%) until the lines fit the height. */
    record EmptyText(Font font, List<String> lines) {}

    EmptyText emptyText(Font font, double w, double h) {
        double margin = fontSize.get();
        Font f = font;
        List<String> lines = CanvasText.wrap(emptyText.get(), f, w - margin);
        while (lines.size() * LINE_HEIGHT * f.getSize() > h && f.getSize() > 0.6 * font.getSize()) {
            f = Font.font(f.getFamily(), f.getSize() * 0.9);
            lines = CanvasText.wrap(emptyText.get(), f, w - margin);
        }
        return new EmptyText(f, lines);
    }
}
