package vaeexplorer.ui.lessons.draw;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.data.images.DigitNormaliser;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.LessonInputs;

/**
 * "Draw your own": an image the size of the data's (28 x 28 for MNIST) drawn with a soft round brush, white ink on
 * black like the data, and its encoding by the latest model: mu, sigma, and the reconstruction decoded from mu. One
 * encode and one decode per change (well under a millisecond with the default model), so it runs on the FX thread.
 */
public final class DrawModel {
    /** Full ink within this radius of the brush centre (in pixels of the image), fading to none at {@link #FADE}. */
    static final double CORE = 1.0;
    static final double FADE = 2.0;
    static final double ERASER = 1.8;
    private final LatentModel latent;
    private Dataset shownBefore;
    private int rows = 28;
    private int cols = 28;
    private float[] pixels = new float[rows * cols];
    private final ReadOnlyObjectWrapper<float[]> image = new ReadOnlyObjectWrapper<>(pixels.clone());
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final BooleanProperty normalise = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<float[]> input = new ReadOnlyObjectWrapper<>(pixels.clone());
    private final ReadOnlyObjectWrapper<float[]> mu = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> sigma = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> reconstruction = new ReadOnlyObjectWrapper<>();

    public DrawModel(LatentModel latent) {
        this.latent = latent;
        latent.model().addListener((o, a, b) -> encode());
        normalise.addListener((o, a, b) -> changed());
        latent.shown().addListener((o, a, d) -> fit(d));
        fit(latent.shown().get());
    }

    int rows() { return rows; }
    int cols() { return cols; }
    /** The drawing (rows x cols values in [0, 1]), replaced on every change. */
    public ReadOnlyObjectProperty<float[]> image() { return image.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty empty() { return empty.getReadOnlyProperty(); }
    /** Whether the drawing is centred and scaled as MNIST's digits were before it is encoded (on at first). */
    public BooleanProperty normalise() { return normalise; }
    /** What the encoder is given: the drawing, normalised when {@link #normalise()} is on. */
    public ReadOnlyObjectProperty<float[]> input() { return input.getReadOnlyProperty(); }
    /** mu of q(z|drawing), or null while the drawing is empty or there is no model. */
    public ReadOnlyObjectProperty<float[]> mu() { return mu.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<float[]> sigma() { return sigma.getReadOnlyProperty(); }
    /** The drawing decoded from mu, or null. */
    public ReadOnlyObjectProperty<float[]> reconstruction() { return reconstruction.getReadOnlyProperty(); }

    /** One dab of the brush (or the eraser) centred at (x, y) in pixels of the image (0.5 is the first pixel's centre). */
    public void dab(double x, double y, boolean erase) {
        if (apply(x, y, erase)) changed();
    }

    /** A stroke from (x0, y0) to (x1, y1): dabs a quarter pixel apart, so fast moves leave unbroken lines. */
    public void stroke(double x0, double y0, double x1, double y1, boolean erase) {
        int steps = Math.max(1, (int) Math.ceil(Math.hypot(x1 - x0, y1 - y0) * 4));
        boolean any = false;
        for (int k = 1; k <= steps; k++) {
            double t = (double) k / steps;
            any |= apply(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, erase);
        }
        if (any) changed();
    }

    /** The drawing for a session: its size, whether it is normalised, and its pixels (a byte each, in hex). */
    public void saveTo(java.util.Map<String, String> view) {
        StringBuilder hex = new StringBuilder(2 * pixels.length);
        for (float v : pixels) hex.append(String.format(java.util.Locale.ROOT, "%02x", Math.round(255 * Math.max(0, Math.min(1, v)))));
        view.put("draw.rows", String.valueOf(rows));
        view.put("draw.cols", String.valueOf(cols));
        view.put("draw.normalise", String.valueOf(normalise.get()));
        view.put("draw.pixels", empty.get() ? "" : hex.toString());
    }

    /** Takes a saved drawing back if it fits the data set's image size; anything else leaves the canvas as it is. */
    public void restoreFrom(java.util.Map<String, String> view) {
        if (view.containsKey("draw.normalise")) normalise.set(Boolean.parseBoolean(view.get("draw.normalise")));
        String hex = view.getOrDefault("draw.pixels", "");
        if (!String.valueOf(rows).equals(view.get("draw.rows")) || !String.valueOf(cols).equals(view.get("draw.cols"))) return;
        if (hex.isEmpty()) {
            clear();
            return;
        }
        if (hex.length() != 2 * pixels.length) return;
        float[] loaded = new float[pixels.length];
        for (int i = 0; i < loaded.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16), lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) return;
            loaded[i] = (hi * 16 + lo) / 255f;
        }
        System.arraycopy(loaded, 0, pixels, 0, pixels.length);
        changed();
    }

    public void clear() {
        java.util.Arrays.fill(pixels, 0);
        changed();
    }

    private boolean apply(double x, double y, boolean erase) {
        boolean any = false;
        double reach = erase ? ERASER : FADE;
        for (int r = (int) Math.floor(y - reach); r <= (int) Math.ceil(y + reach); r++)
            for (int c = (int) Math.floor(x - reach); c <= (int) Math.ceil(x + reach); c++) {
                if (r < 0 || c < 0 || r >= rows || c >= cols) continue;
                double d = Math.hypot(c + 0.5 - x, r + 0.5 - y);
                int p = r * cols + c;
                float before = pixels[p];
                if (erase) {
                    if (d <= ERASER) pixels[p] = 0;
                } else {
                    double v = d <= CORE ? 1 : Math.max(0, (FADE - d) / (FADE - CORE));
                    pixels[p] = (float) Math.max(pixels[p], v);
                }
                any |= pixels[p] != before;
            }
        return any;
    }

    /** A drawing belongs to its data set: another one (even of the same size) starts from a blank canvas. */
    private void fit(Dataset d) {
        if (d == null) return;
        if (d.rows() == rows && d.cols() == cols) {
            if (shownBefore != null && !Dataset.sameSource(shownBefore, d)) clear();
            shownBefore = d;
            return;
        }
        shownBefore = d;
        rows = d.rows();
        cols = d.cols();
        pixels = new float[rows * cols];
        changed();
    }

    private void changed() {
        image.set(pixels.clone());
        boolean none = true;
        for (float v : pixels) if (v != 0) { none = false; break; }
        empty.set(none);
        input.set(normalise.get() ? DigitNormaliser.likeMnist(pixels, rows, cols) : pixels.clone());
        encode();
    }

    private void encode() {
        ModelSnapshot m = LessonInputs.model(latent);
        if (m == null || m.inputSize() != pixels.length || empty.get()) {
            mu.set(null);
            sigma.set(null);
            reconstruction.set(null);
            return;
        }
        int d = m.latent();
        float[] mean = new float[d], logVar = new float[d], s = new float[d];
        m.encode(input.get(), mean, logVar);
        for (int j = 0; j < d; j++) s[j] = (float) Math.exp(0.5 * logVar[j]);
        sigma.set(s);
        reconstruction.set(m.decode(mean));
        mu.set(mean);
    }
}
