package vaeexplorer.ui.latent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.vae.ModelSnapshot;

/**
 * The explored latent point z and what it decodes to, on the FX thread. z has one property per dimension; the plot
 * shows the {@link #plane()} of z: two of its dimensions ({@link #xDim()}, {@link #yDim()}; the rest have sliders),
 * or, with a latent size above 2 and the {@link #projection()} PCA, its first two principal components, fitted anew to
 * every snapshot of the codes (on the FX thread: a 20-D fit of 2,000 points takes about a millisecond). Whenever z or the model changes, z
 * is decoded again with the latest model copy (a fraction of a millisecond; the trainer is never involved). A selected
 * data point shows its original image and its reconstruction by the latest model.
 */
public final class LatentModel {
    public static final double SLIDER_LIMIT = 4;

    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(0);
    private List<DoubleProperty> dims = List.of();
    private final ReadOnlyObjectWrapper<float[]> z = new ReadOnlyObjectWrapper<>(new float[0]);
    private final IntegerProperty xDim = new SimpleIntegerProperty(0);
    private final IntegerProperty yDim = new SimpleIntegerProperty(-1);
    private final ObjectProperty<LatentPlane.Kind> projection = new SimpleObjectProperty<>(LatentPlane.Kind.DIMENSIONS);
    private final ReadOnlyObjectWrapper<LatentPlane> plane = new ReadOnlyObjectWrapper<>(LatentPlane.dimensions(0, 0, -1));
    private final ObjectProperty<ModelSnapshot> model = new SimpleObjectProperty<>();
    private final ObjectProperty<LatentCodes> codes = new SimpleObjectProperty<>();
    private final ObjectProperty<Dataset> shown = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<float[]> decoded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<float[]> selectedOriginal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> selectedReconstruction = new ReadOnlyObjectWrapper<>();
    private boolean batching;

    public LatentModel() {
        model.addListener((o, a, m) -> {
            if (m != null && m.latent() != size.get()) resize(m.latent());
            decode();
            reconstructSelected();
        });
        shown.addListener((o, a, b) -> clearSelection());
        // the plane first: whoever listens to the codes or the axes finds it fitted to them
        codes.addListener((o, a, b) -> { if (projection.get() == LatentPlane.Kind.PCA) updatePlane(); });
        xDim.addListener((o, a, b) -> updatePlane());
        yDim.addListener((o, a, b) -> updatePlane());
        projection.addListener((o, a, b) -> updatePlane());
    }

    /** Latent dimensions (0 before the first model). */
    public ReadOnlyIntegerProperty size() { return size.getReadOnlyProperty(); }
    /** One property per latent dimension; replaced (with zeros) when the size changes. */
    public List<DoubleProperty> dims() { return dims; }
    /** z as an array, replaced on every change. */
    public ReadOnlyObjectProperty<float[]> z() { return z.getReadOnlyProperty(); }
    /** The dimension on the plot's horizontal axis. */
    public IntegerProperty xDim() { return xDim; }
    /** The dimension on the plot's vertical axis, or -1 when there is only one. */
    public IntegerProperty yDim() { return yDim; }
    /**
     * How the plot projects z: two dimensions, or PCA (used with a latent size above 2 and codes to fit; never null).
     */
    public ObjectProperty<LatentPlane.Kind> projection() { return projection; }
    /** The plane the plot shows now (replaced when the axes, the projection or, for PCA, the codes change). */
    public ReadOnlyObjectProperty<LatentPlane> plane() { return plane.getReadOnlyProperty(); }
    /** The model to decode with (bind to the latest copy). */
    public ObjectProperty<ModelSnapshot> model() { return model; }
    /** The latest encodings of the shown images (bind). */
    public ObjectProperty<LatentCodes> codes() { return codes; }
    /** The images the codes belong to (bind). */
    public ObjectProperty<Dataset> shown() { return shown; }
    /** The image z decodes to (pixel means in [0, 1]), or null without a model. */
    public ReadOnlyObjectProperty<float[]> decoded() { return decoded.getReadOnlyProperty(); }
    /** The selected shown image, or -1. */
    public ReadOnlyIntegerProperty selected() { return selected.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<float[]> selectedOriginal() { return selectedOriginal.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<float[]> selectedReconstruction() { return selectedReconstruction.getReadOnlyProperty(); }

    public double get(int dim) {
        return dims.get(dim).get();
    }

    /**
     * Moves z to the point (x, y) of the plotted plane (one decode): for dimensions, the two plotted dimensions are
     * set and the others keep their sliders' values; for PCA, z = {@link LatentPlane#toZ} with the other components
     * at {@link #planeBase()}'s. Either way the plane shows z at (x, y) and the decoded image is z's.
     */
    public void setPlotPoint(double x, double y) {
        if (size.get() == 0) return;
        LatentPlane p = plane.get();
        if (!p.isPca()) {
            batching = true;
            try {
                if (xDim.get() >= 0) dims.get(xDim.get()).set(x);
                if (yDim.get() >= 0) dims.get(yDim.get()).set(y);
            } finally {
                batching = false;
            }
            changed();
            return;
        }
        float[] z = p.toZ(x, y, planeBase());
        double[] v = new double[z.length];
        for (int d = 0; d < v.length; d++) v[d] = z[d];
        setZ(v);
    }

    /**
     * What a move in a PCA plane holds the other components at: the selected image's mean if one is selected, else
     * the mean of the shown points (for dimensions: z itself, whose other dimensions the sliders set).
     */
    public float[] planeBase() {
        LatentPlane p = plane.get();
        if (!p.isPca()) return z.get().clone();
        LatentCodes c = codes.get();
        int i = selected.get();
        if (c != null && i >= 0 && i < c.size() && c.latent() == size.get()) {
            float[] base = new float[c.latent()];
            for (int d = 0; d < base.length; d++) base[d] = c.mu(i, d);
            return base;
        }
        return p.pca().mean();
    }

    /** z's coordinates in the plotted plane: {x, y}. */
    public double[] planePoint() {
        LatentPlane p = plane.get();
        float[] v = z.get();
        return v.length != p.latent() ? new double[] {0, 0} : new double[] {p.x(v), p.y(v)};
    }

    /** Sets every dimension of z at once (one decode); values beyond the latent size are ignored. */
    public void setZ(double[] values) {
        if (size.get() == 0) return;
        batching = true;
        try {
            for (int d = 0; d < Math.min(values.length, dims.size()); d++) dims.get(d).set(values[d]);
        } finally {
            batching = false;
        }
        changed();
    }

    /** Moves z along the plotted plane's axes. */
    public void nudge(double dx, double dy) {
        if (size.get() == 0) return;
        if (plane.get().isPca()) {
            double[] p = planePoint();
            setPlotPoint(p[0] + dx, p[1] + dy);
            return;
        }
        setPlotPoint(xDim.get() >= 0 ? get(xDim.get()) + dx : 0, yDim.get() >= 0 ? get(yDim.get()) + dy : 0);
    }

    /** Selects shown image i (an index into the codes): z jumps to its mu in every dimension. */
    public void select(int i) {
        LatentCodes c = codes.get();
        Dataset set = shown.get();
        if (c == null || set == null || i < 0 || i >= c.size() || c.latent() != size.get()) return;
        float[] image = new float[set.imageSize()];
        set.copyImage(c.index(i), image, 0);
        selected.set(i);
        selectedOriginal.set(image);
        batching = true;
        try {
            for (int d = 0; d < size.get(); d++) dims.get(d).set(c.mu(i, d));
        } finally {
            batching = false;
        }
        changed();
        reconstructSelected();
    }

    public void clearSelection() {
        selected.set(-1);
        selectedOriginal.set(null);
        selectedReconstruction.set(null);
    }

    /** The class label of the selected image, or -1. */
    public int selectedLabel() {
        LatentCodes c = codes.get();
        int i = selected.get();
        return c == null || i < 0 || i >= c.size() ? -1 : c.label(i);
    }

    /** The index of the selected image in the shown set, or -1. */
    public int selectedIndex() {
        LatentCodes c = codes.get();
        int i = selected.get();
        return c == null || i < 0 || i >= c.size() ? -1 : c.index(i);
    }

    private void resize(int n) {
        clearSelection();
        // listeners of each property must see a consistent model: first axes valid for any size, then the new
        // dimensions with their size, then the second axis
        xDim.set(0);
        yDim.set(-1);
        List<DoubleProperty> list = new ArrayList<>(n);
        for (int d = 0; d < n; d++) {
            DoubleProperty p = new SimpleDoubleProperty(0);
            p.addListener((o, a, b) -> changed());
            list.add(p);
        }
        dims = Collections.unmodifiableList(list);
        updatePlane();
        size.set(n);
        yDim.set(n > 1 ? 1 : -1);
        batching = false;
        changed();
    }

    /** Fits the plane to the axes, the projection and (PCA) the codes; dimensions while PCA has nothing to fit. */
    private void updatePlane() {
        int n = dims.size();
        LatentCodes c = codes.get();
        LatentPlane p = null;
        if (projection.get() == LatentPlane.Kind.PCA && n > 2 && c != null && c.latent() == n && c.size() >= 2) {
            try {
                p = LatentPlane.pca(c, plane.get());
            } catch (IllegalArgumentException e) {
                p = null; // codes that are not numbers (a diverged model): show the dimensions
            }
        }
        plane.set(p != null ? p : LatentPlane.dimensions(n, xDim.get(), yDim.get()));
    }

    private void changed() {
        if (batching) return;
        float[] v = new float[dims.size()];
        for (int d = 0; d < v.length; d++) v[d] = (float) dims.get(d).get();
        z.set(v);
        decode();
    }

    private void decode() {
        ModelSnapshot m = model.get();
        float[] v = z.get();
        decoded.set(m == null || v.length != m.latent() ? null : m.decode(v));
    }

    private void reconstructSelected() {
        ModelSnapshot m = model.get();
        float[] x = selectedOriginal.get();
        selectedReconstruction.set(m == null || x == null || x.length != m.inputSize() ? null : m.reconstruct(x));
    }
}
