package vaeexplorer.ui.lessons.draw;

import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** The drawing surface: the {@link DrawModel}'s pixels shown large; the left button draws, the right one erases. */
public final class DrawCanvas extends Region {
    private final DrawModel model;
    private final Canvas canvas = new Canvas();
    private double lastX = Double.NaN, lastY = Double.NaN;
    private double ox, oy, cell;

    DrawCanvas(DrawModel model) {
        this.model = model;
        setId("drawCanvas");
        getStyleClass().add("draw-canvas");
        getChildren().add(canvas);
        setMinSize(84, 84);
        setPrefSize(224, 224);
        model.image().addListener((o, a, b) -> redraw());
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            lastX = Double.NaN;
            paint(e);
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::paint);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> lastX = Double.NaN);
        setOnContextMenuRequested(javafx.event.Event::consume);
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
    }
}
