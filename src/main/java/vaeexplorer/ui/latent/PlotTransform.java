package vaeexplorer.ui.latent;

/**
 * Maps latent coordinates to pixels of a plot area with equal scale on both axes (a circle stays a circle): a centre,
 * and the latent span shown across the shorter side. Zoom keeps the point under the cursor in place.
 */
public final class PlotTransform {
    public static final double DEFAULT_SPAN = 8; // -4 .. 4

    private double left, top, width = 1, height = 1;
    private double centerX, centerY;
    private double span = DEFAULT_SPAN;

    /** The plot area in pixels. */
    public void setArea(double left, double top, double width, double height) {
        this.left = left;
        this.top = top;
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
    }

    public void reset() {
        centerX = centerY = 0;
        span = DEFAULT_SPAN;
    }

    /** Shows span latent units across the shorter side around (centerX, centerY), as {@link #span()} etc. tell. */
    public void set(double centerX, double centerY, double span) {
        if (!Double.isFinite(centerX) || !Double.isFinite(centerY) || !(span > 0) || Double.isInfinite(span))
            throw new IllegalArgumentException("not a view: centre (" + centerX + ", " + centerY + "), span " + span);
        this.centerX = centerX;
        this.centerY = centerY;
        this.span = Math.max(1e-3, Math.min(1e4, span));
    }

    /** Shows the latent span across the shorter side, centred on (cx, cy); the same as {@link #set}. */
    public void show(double cx, double cy, double span) {
        set(cx, cy, span);
    }

    /** Pixels per latent unit. */
    public double scale() { return Math.min(width, height) / span; }
    public double left() { return left; }
    public double top() { return top; }
    public double width() { return width; }
    public double height() { return height; }
    public double span() { return span; }
    public double centerX() { return centerX; }
    public double centerY() { return centerY; }

    public double toScreenX(double x) { return left + width / 2 + (x - centerX) * scale(); }
    public double toScreenY(double y) { return top + height / 2 - (y - centerY) * scale(); }
    public double toLatentX(double sx) { return centerX + (sx - left - width / 2) / scale(); }
    public double toLatentY(double sy) { return centerY - (sy - top - height / 2) / scale(); }

    public double minX() { return toLatentX(left); }
    public double maxX() { return toLatentX(left + width); }
    public double minY() { return toLatentY(top + height); }
    public double maxY() { return toLatentY(top); }

    /** Zooms by factor (> 1 zooms in) keeping the latent point under (sx, sy) where it is. */
    public void zoomAt(double sx, double sy, double factor) {
        double lx = toLatentX(sx), ly = toLatentY(sy);
        span = Math.max(1e-3, Math.min(1e4, span / factor));
        centerX += lx - toLatentX(sx);
        centerY += ly - toLatentY(sy);
    }

    /** Moves the view so that the content follows a drag of (dx, dy) pixels. */
    public void panBy(double dx, double dy) {
        centerX -= dx / scale();
        centerY += dy / scale();
    }

    public boolean contains(double sx, double sy) {
        return sx >= left && sx <= left + width && sy >= top && sy <= top + height;
    }
}
