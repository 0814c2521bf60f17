package vaeexplorer.core.data.images;

/**
 * Brings a hand-drawn image into the shape MNIST's digits have, as LeCun et al. made them: the ink's bounding box is
 * scaled (keeping its aspect ratio, anti-aliased by area) so that its longer side fills a 20x20 box, and the result is
 * placed so that its centre of mass lies at the centre of the 28x28 frame. A model trained on MNIST has only seen
 * digits of that size and place: a 7 drawn over the whole canvas is, to it, another image than a 7. Other frame sizes
 * scale the box with the frame (20/28 of its shorter side).
 */
public final class DigitNormaliser {
    /** The box the ink's longer side is scaled to, as a share of the frame (MNIST: 20 of 28 pixels). */
    public static final double BOX_SHARE = 20.0 / 28.0;

    private DigitNormaliser() {}

    /**
     * The normalised image (rows x cols values in [0, 1], row-major); a blank image comes back blank.
     *
     * @param image rows x cols values in [0, 1]
     */
    public static float[] likeMnist(float[] image, int rows, int cols) {
        if (image.length != rows * cols) throw new IllegalArgumentException(image.length + " values for " + rows + "x" + cols);
        float[] out = new float[rows * cols];
        // the ink's bounding box [r0, r1) x [c0, c1)
        int r0 = rows, r1 = -1, c0 = cols, c1 = -1;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                if (image[r * cols + c] > 0) {
                    r0 = Math.min(r0, r);
                    r1 = Math.max(r1, r + 1);
                    c0 = Math.min(c0, c);
                    c1 = Math.max(c1, c + 1);
                }
        if (r1 < 0) return out;

        // scale the box so that its longer side is `box` pixels: target size th x tw
        double box = Math.max(1, Math.round(BOX_SHARE * Math.min(rows, cols)));
        int bh = r1 - r0, bw = c1 - c0;
        double scale = box / Math.max(bh, bw);
        int th = Math.max(1, (int) Math.round(bh * scale)), tw = Math.max(1, (int) Math.round(bw * scale));
        double sy = (double) bh / th, sx = (double) bw / tw; // source pixels per target pixel
        float[] patch = new float[th * tw];
        // each target pixel is the area-weighted mean of the source pixels its square covers
        for (int ty = 0; ty < th; ty++) {
            double y0 = r0 + ty * sy, y1 = y0 + sy;
            for (int tx = 0; tx < tw; tx++) {
                double x0 = c0 + tx * sx, x1 = x0 + sx, sum = 0;
                for (int r = (int) Math.floor(y0); r < Math.min(r1, (int) Math.ceil(y1)); r++) {
                    double wy = Math.min(y1, r + 1) - Math.max(y0, r);
                    if (wy <= 0) continue;
                    for (int c = (int) Math.floor(x0); c < Math.min(c1, (int) Math.ceil(x1)); c++) {
                        double wx = Math.min(x1, c + 1) - Math.max(x0, c);
                        if (wx > 0) sum += wy * wx * image[r * cols + c];
                    }
                }
                patch[ty * tw + tx] = (float) Math.min(1, sum / (sx * sy));
            }
        }

        // centre of mass of the patch (pixel centres at +0.5), moved to the frame's centre by a whole-pixel shift
        double mass = 0, my = 0, mx = 0;
        for (int ty = 0; ty < th; ty++)
            for (int tx = 0; tx < tw; tx++) {
                double v = patch[ty * tw + tx];
                mass += v;
                my += v * (ty + 0.5);
                mx += v * (tx + 0.5);
            }
        if (mass <= 0) return out;
        int dy = (int) Math.round(rows / 2.0 - my / mass), dx = (int) Math.round(cols / 2.0 - mx / mass);
        for (int ty = 0; ty < th; ty++)
            for (int tx = 0; tx < tw; tx++) {
                int r = ty + dy, c = tx + dx;
                if (r >= 0 && r < rows && c >= 0 && c < cols) out[r * cols + c] = patch[ty * tw + tx];
            }
        return out;
    }
}
