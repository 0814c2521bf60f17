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
 * shows two of them ({@link #xDim()}, {@link #yDim()}) and the rest have sliders. Whenever z or the model changes, z
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

    /** Sets the plotted dimensions of z (one decode). */
    public void setPlotPoint(double x, double y) {
        batching = true;
        try {
            if (xDim.get() >= 0) dims.get(xDim.get()).set(x);
            if (yDim.get() >= 0) dims.get(yDim.get()).set(y);
        } finally {
            batching = false;
        }
        changed();
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

    /** Moves z along the plotted dimensions. */
    public void nudge(double dx, double dy) {
        if (size.get() == 0) return;
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
        size.set(n);
        yDim.set(n > 1 ? 1 : -1);
        batching = false;
        changed();
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
