package vaeexplorer.ui.widgets;

/**
 * Greyscale images of one size laid out in a grid: {@code count} images of rows x cols values in [0, 1], one after
 * another in {@code pixels}, filling {@code gridCols} columns row by row. Never written after construction.
 */
public record ImageTiles(float[] pixels, int count, int gridCols, int rows, int cols) {
    public ImageTiles {
        if (count < 0 || gridCols < 1 || rows < 1 || cols < 1 || pixels.length < count * rows * cols)
            throw new IllegalArgumentException("inconsistent image tiles");
    }

    public int gridRows() {
        return (count + gridCols - 1) / gridCols;
    }

    public int imageSize() {
        return rows * cols;
    }

    /** A copy of image i. */
    public float[] image(int i) {
        float[] img = new float[imageSize()];
        System.arraycopy(pixels, i * imageSize(), img, 0, imageSize());
        return img;
    }
}
