package vaeexplorer.ui.lessons.draw;

import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The drawing surface: the {@link DrawModel}'s pixels shown large; the left button draws, the right one erases. Without
 * a mouse: with the keyboard focus (a blue frame) the arrow keys move a pen (Shift: three pixels at a time), Space puts
 * it down or lifts it, E switches between brush and eraser; a pen that is down draws as it moves.
 */
public final class DrawCanvas extends Region implements vaeexplorer.ui.widgets.OwnKeys {
    private final DrawModel model;
    private final Canvas canvas = new Canvas();
    private double lastX = Double.NaN, lastY = Double.NaN;
    private double ox, oy, cell;
    /** The keyboard's pen, in pixels of the image (0.5 is the first pixel's centre). */
    private double penX, penY;
    private boolean penDown, eraser;

    DrawCanvas(DrawModel model) {
        this.model = model;
        setId("drawCanvas");
        getStyleClass().add("draw-canvas");
        getChildren().add(canvas);
        setMinSize(84, 84);
        setPrefSize(224, 224);
        model.image().addListener((o, a, b) -> redraw());
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            lastX = Double.NaN;
            paint(e);
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::paint);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> lastX = Double.NaN);
        setOnContextMenuRequested(javafx.event.Event::consume);
        penX = model.cols() / 2.0;
        penY = model.rows() / 2.0;
        setFocusTraversable(true);
        setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        setAccessibleRoleDescription(vaeexplorer.ui.i18n.I18n.get("a11y.drawPad.role"));
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        focusedProperty().addListener((o, a, b) -> redraw());
        vaeexplorer.ui.i18n.Relabel.onLocaleChange(this, this::describe);
        describe();
    }

    private void key(KeyEvent e) {
        double step = e.isShiftDown() ? 3 : 1;
        double x = penX, y = penY;
        switch (e.getCode()) {
            case LEFT, KP_LEFT -> x -= step;
            case RIGHT, KP_RIGHT -> x += step;
            case UP, KP_UP -> y -= step;
            case DOWN, KP_DOWN -> y += step;
            case SPACE -> {
                penDown = !penDown;
                if (penDown) model.dab(penX, penY, eraser);
            }
            case E -> eraser = !eraser;
            default -> {
                return;
            }
        }
        e.consume();
        x = Math.max(0.5, Math.min(model.cols() - 0.5, x));
        y = Math.max(0.5, Math.min(model.rows() - 0.5, y));
        if (penDown && (x != penX || y != penY)) model.stroke(penX, penY, x, y, eraser);
        penX = x;
        penY = y;
        describe();
        redraw();
    }

    /** Where the keyboard's pen is, and whether it is down or an eraser (for tests and screen readers). */
    public double[] pen() {
        return new double[] {penX, penY};
    }

    public boolean penDown() {
        return penDown;
    }

    public boolean eraser() {
        return eraser;
    }

    private void describe() {
        String state = vaeexplorer.ui.i18n.I18n.get(!penDown ? "a11y.drawPad.penUp"
                : eraser ? "a11y.drawPad.erasing" : "a11y.drawPad.drawing");
        setAccessibleText(vaeexplorer.ui.i18n.I18n.format("a11y.drawPad.text", (int) Math.floor(penX) + 1,
                (int) Math.floor(penY) + 1, state));
        setAccessibleHelp(vaeexplorer.ui.i18n.I18n.get("a11y.drawPad.help"));
    }

    /** The drawing's square on screen, in this region's coordinates. */
    public Rectangle2D drawingBounds() {
        return new Rectangle2D(ox, oy, cell * model.cols(), cell * model.rows());
    }

    private void paint(MouseEvent e) {
        if (cell <= 0) return;
        boolean erase = e.getButton() == MouseButton.SECONDARY || e.isSecondaryButtonDown();
        if (!erase && !e.isPrimaryButtonDown() && e.getButton() != MouseButton.PRIMARY) return;
        double x = (e.getX() - ox) / cell, y = (e.getY() - oy) / cell;
        if (Double.isNaN(lastX)) model.dab(x, y, erase);
        else model.stroke(lastX, lastY, x, y, erase);
        lastX = x;
        lastY = y;
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        int rows = model.rows(), cols = model.cols();
        cell = Math.floor(Math.min(w / cols, h / rows));
        if (cell < 1) cell = Math.min(w / cols, h / rows);
        if (cell <= 0) return;
        ox = 0;
        oy = 0;
        float[] px = model.image().get();
        WritableImage img = new WritableImage(cols, rows);
        PixelWriter out = img.getPixelWriter();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                int v = px.length == rows * cols ? Math.round(255 * Math.max(0, Math.min(1, px[r * cols + c]))) : 0;
                out.setArgb(c, r, 0xFF000000 | v << 16 | v << 8 | v);
            }
        g.setImageSmoothing(false);
        g.drawImage(img, ox, oy, cell * cols, cell * rows);
        g.setStroke(Color.web("#90a4ae"));
        g.setLineWidth(1);
        g.strokeRect(ox + 0.5, oy + 0.5, cell * cols - 1, cell * rows - 1);
        if (!isFocused()) return;
        // the focus frame, and the keyboard's pen: a square of two pixels, red while it draws, blue while lifted
        g.setStroke(Color.web("#1565c0"));
        g.setLineWidth(3);
        g.strokeRect(ox + 1.5, oy + 1.5, cell * cols - 3, cell * rows - 3);
        double cx = ox + penX * cell, cy = oy + penY * cell, r = Math.max(3, cell);
        g.setLineWidth(2);
        g.setStroke(Color.WHITE);
        g.strokeRect(cx - r - 1, cy - r - 1, 2 * r + 2, 2 * r + 2);
        g.setStroke(penDown ? (eraser ? Color.web("#ef6c00") : Color.web("#c62828")) : Color.web("#1565c0"));
        g.strokeRect(cx - r, cy - r, 2 * r, 2 * r);
    }
}
