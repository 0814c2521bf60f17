package vaeexplorer.ui.lessons.interpolation;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.ui.latent.LatentModel;

/**
 * Two ends A and B in latent space (whole z vectors, replaced on every change) and the frames on the straight line
 * between them. Clicks set A, then B, then A again; the ends can be dragged in the plotted plane.
 */
public final class InterpolationModel {
    public static final int DEFAULT_FRAMES = 10;
    private final ObjectProperty<float[]> a = new SimpleObjectProperty<>();
    private final ObjectProperty<float[]> b = new SimpleObjectProperty<>();
    private final IntegerProperty frames = new SimpleIntegerProperty(DEFAULT_FRAMES);
    private final BooleanProperty clickMode = new SimpleBooleanProperty(false);
    private int next;
    private final javafx.beans.value.ObservableIntegerValue size;

    /** The ends for a session, as comma-separated coordinates ("" when unset). */
    public void saveTo(java.util.Map<String, String> view) {
        view.put("interpolation.a", text(a.get()));
        view.put("interpolation.b", text(b.get()));
    }

    /** Takes saved ends back if they have the model's latent size; anything else leaves them as they are. */
    public void restoreFrom(java.util.Map<String, String> view) {
        if (!view.containsKey("interpolation.a") && !view.containsKey("interpolation.b")) return;
        float[] ea = parse(view.get("interpolation.a")), eb = parse(view.get("interpolation.b"));
        clear();
        if (ea != null) setNext(ea);
        if (eb != null) {
            if (ea == null) next = 1;
            setNext(eb);
        }
    }

    private static String text(float[] z) {
        if (z == null) return "";
        StringBuilder s = new StringBuilder();
        for (int d = 0; d < z.length; d++) s.append(d == 0 ? "" : ",").append(z[d]);
        return s.toString();
    }

    private float[] parse(String text) {
        if (text == null || text.isBlank()) return null;
        String[] parts = text.split(",");
        if (parts.length != size.get()) return null;
        float[] z = new float[parts.length];
        try {
            for (int d = 0; d < z.length; d++) {
                z[d] = Float.parseFloat(parts[d].trim());
                if (!Float.isFinite(z[d])) return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return z;
    }

    public InterpolationModel(LatentModel latent) {
        this.size = latent.size();
        latent.size().addListener((o, x, y) -> clear());
        // the ends belong to a data set's latent space: another data set's model gives them no meaning
        latent.shown().addListener((o, before, now) -> {
            if (before != null && !Dataset.sameSource(before, now)) clear();
        });
    }

    public ObjectProperty<float[]> a() { return a; }
    public ObjectProperty<float[]> b() { return b; }
    /** Frames in the film strip, both ends included. */
    IntegerProperty frames() { return frames; }
    /** When on, a plain click in the scatter sets the next end (Alt+click always does). */
    public BooleanProperty clickMode() { return clickMode; }

    /** The end (0: A, 1: B), or null. */
    float[] end(int which) {
        return (which == 0 ? a : b).get();
    }

    boolean complete() {
        return a.get() != null && b.get() != null;
    }

    /** Sets A if it is the next end to set, else B; the other one is next. */
    public void setNext(float[] z) {
        (next == 0 ? a : b).set(z.clone());
        next = 1 - next;
    }

    /** Moves an end within the plotted plane (its other dimensions stay). */
    public void moveEnd(int which, double x, double y, int dimX, int dimY) {
        float[] z = end(which);
        if (z == null) return;
        moveEnd(which, x, y, vaeexplorer.ui.latent.LatentPlane.dimensions(z.length, dimX, dimY));
    }

    /** Moves end which to (x, y) of a plotted plane, keeping its other coordinates (see LatentPlane.toZ). */
    public void moveEnd(int which, double x, double y, vaeexplorer.ui.latent.LatentPlane plane) {
        float[] z = end(which);
        if (z == null || z.length != plane.latent()) return;
        (which == 0 ? a : b).set(plane.toZ(x, y, z));
    }

    void swap() {
        float[] t = a.get();
        a.set(b.get());
        b.set(t);
    }

    void clear() {
        a.set(null);
        b.set(null);
        next = 0;
    }

    /** n codes from a to b (n x latent, row-major): a + (b - a) * k / (n - 1), exactly a first and b last. */
    public static float[] codes(float[] a, float[] b, int n) {
        int d = a.length;
        float[] z = new float[n * d];
        for (int k = 0; k < n; k++) {
            double t = n == 1 ? 0 : (double) k / (n - 1);
            for (int j = 0; j < d; j++) z[k * d + j] = k == n - 1 ? b[j] : (float) (a[j] + (b[j] - a[j]) * t);
        }
        return z;
    }
}
