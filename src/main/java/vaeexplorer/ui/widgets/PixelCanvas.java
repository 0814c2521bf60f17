package vaeexplorer.ui.widgets;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A greyscale image drawn large and crisp: scaled by a whole number with image smoothing off, so every pixel is a
 * sharp square; fitted into the region, kept square and centred horizontally.
 */
public final class PixelCanvas extends Region {
    private final Canvas canvas = new Canvas();
    private float[] pixels;
    private int rows;
    private int cols;
    private WritableImage image;

    public PixelCanvas(String id, double prefSide, double minSide) {
        setId(id);
        getStyleClass().add("pixel-canvas");
        getChildren().add(canvas);
        setPrefSize(prefSide, prefSide);
        setMinSize(minSide, minSide);
    }

    /** Shows an image of rows x cols values in [0, 1] (null: an empty frame). */
    public void show(float[] image, int rows, int cols) {
        this.pixels = image;
        this.rows = rows;
        this.cols = cols;
        redraw();
    }

    /** The image shown (null: the empty frame). */
    public float[] pixels() {
        return pixels;
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
        double side = Math.floor(Math.min(w, h));
        if (side < 2) return;
        double x0 = Math.floor((w - side) / 2), y0 = 0;
        if (pixels == null || rows * cols != pixels.length || rows == 0) {
            g.setFill(Color.web("#e0e0e0"));
            g.fillRect(x0, y0, side, side);
            return;
        }
        int n = Math.max(rows, cols);
        double cell = Math.floor(side / n);
        if (cell < 1) cell = side / n;
        double ox = x0 + Math.floor((side - cell * cols) / 2), oy = y0 + Math.floor((side - cell * rows) / 2);
        if (image == null || image.getWidth() != cols || image.getHeight() != rows) image = new WritableImage(cols, rows);
        PixelWriter out = image.getPixelWriter();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                int v = Math.round(255 * Math.max(0, Math.min(1, pixels[r * cols + c])));
                out.setArgb(c, r, 0xFF000000 | v << 16 | v << 8 | v);
            }
        // one copy, scaled by a whole number without smoothing: every image pixel a crisp square
        g.setImageSmoothing(false);
        g.drawImage(image, ox, oy, cell * cols, cell * rows);
    }
}
