package vaeexplorer.ui.lessons.arithmetic;

import java.util.Map;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.vae.LatentArithmetic;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlane;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.LessonInputs;
import vaeexplorer.ui.lessons.Refresher;
import vaeexplorer.ui.widgets.ImageTiles;

/**
 * The latent arithmetic lesson's state. The attribute vector v = mean_B - mean_A of the shown points' mu (class A to
 * class B, all dimensions, recomputed with every snapshot of the codes); the slider t in [-1.5, 1.5] sets z exactly to
 * base + t v, where base is z as it was when the slider was first moved after z was set some other way (after a click:
 * the clicked point's mu); any other move of z makes z the new base and puts t back to 0. The analogy a - b + c of
 * the last three selected points (click one, Ctrl+click two more). On the lesson worker, while the lesson is shown:
 * the strip of decodes of base + t v for t = -1 .. 1 in steps of 0.25, and the decodes of a, b, c and a - b + c.
 */
public final class ArithmeticModel {
    public static final double T_LIMIT = 1.5;
    /** The strip's t, -1 to 1 in steps of 0.25. */
    static final double[] STRIP_T = {-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1};

    /** The strips shown: base + t v for {@link #STRIP_T} (null without a vector), and a, b, c, a - b + c (or null). */
    public record Strips(float[] base, ImageTiles along, ImageTiles analogy) {}

    private final LatentModel latent;
    private final ObservableList<Integer> selection;
    private final IntegerProperty classA = new SimpleIntegerProperty(0);
    private final IntegerProperty classB = new SimpleIntegerProperty(1);
    private final DoubleProperty t = new SimpleDoubleProperty(0);
    private final ReadOnlyObjectWrapper<float[]> meanA = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> meanB = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> vector = new ReadOnlyObjectWrapper<>();
    /** The analogy's three points (indices into the codes) and its result, or null. */
    private final ReadOnlyObjectWrapper<int[]> picks = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> analogy = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Strips> strips = new SimpleObjectProperty<>();
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final Refresher<Strips> refresher;
    private float[] base;
    private boolean moving;

    public ArithmeticModel(LessonContext ctx, ObservableList<Integer> selection) {
        this.latent = ctx.latent();
        this.selection = selection;
        refresher = new Refresher<>(ctx.worker(), 0, this::job, strips::set);
        refresher.active().bind(shown);
        latent.codes().addListener((o, a, b) -> {
            means();
            updateAnalogy();
        });
        LessonInputs.onChange(() -> {
            means();
            if (base != null && vector.get() != null) move();
        }, classA, classB);
        t.addListener((o, a, b) -> { if (!moving) move(); });
        latent.z().addListener((o, a, b) -> {
            if (moving) return;
            base = null; // z was set elsewhere: it is the new base, t starts again from 0
            moving = true;
            try {
                t.set(0);
            } finally {
                moving = false;
            }
        });
        latent.shown().addListener((o, a, b) -> {
            int classes = b == null ? 0 : b.classNames().size();
            if (classA.get() >= classes || classB.get() >= classes) {
                classA.set(0);
                classB.set(Math.min(1, Math.max(0, classes - 1)));
            }
        });
        selection.addListener((ListChangeListener<Integer>) c -> updateAnalogy());
        LessonInputs.onChange(refresher::request, latent.z(), latent.model(), vector, analogy);
        means();
        updateAnalogy();
        refresher.request();
    }

    /** Class A, the arrow's tail (a label of the shown data set). */
    public IntegerProperty classA() { return classA; }
    /** Class B, the arrow's head. */
    public IntegerProperty classB() { return classB; }
    /** How far along v z is from its base, in [-{@link #T_LIMIT}, {@link #T_LIMIT}]. */
    public DoubleProperty t() { return t; }
    /** Mean of mu over class A's shown points, or null. */
    public ReadOnlyObjectProperty<float[]> meanA() { return meanA.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<float[]> meanB() { return meanB.getReadOnlyProperty(); }
    /** v = mean_B - mean_A, or null when a class has no shown point. */
    public ReadOnlyObjectProperty<float[]> vector() { return vector.getReadOnlyProperty(); }
    /** The analogy's a, b and c (indices into the codes: the last three selected), or null. */
    public ReadOnlyObjectProperty<int[]> picks() { return picks.getReadOnlyProperty(); }
    /** a - b + c, or null. */
    public ReadOnlyObjectProperty<float[]> analogy() { return analogy.getReadOnlyProperty(); }
    /** The decoded strips (computed on the lesson worker). */
    public ReadOnlyObjectProperty<Strips> strips() { return strips; }
    /** Bind to whether the lesson is shown: only then are the strips decoded (and the arrow drawn). */
    public BooleanProperty shown() { return shown; }
    Refresher<Strips> refresher() { return refresher; }

    /** What z = base + t v starts from: the base in use, or z now (for the next move of the slider). */
    public float[] base() {
        return base != null ? base.clone() : latent.z().get().clone();
    }

    /** The arrow in the plane: {x_A, y_A, x_B, y_B}, the projections of the two means; null without both. */
    public double[] arrow(LatentPlane plane) {
        float[] a = meanA.get(), b = meanB.get();
        if (a == null || b == null || a.length != plane.latent()) return null;
        return new double[] {plane.x(a), plane.y(a), plane.x(b), plane.y(b)};
    }

    /** Moves z to a - b + c (the slider starts again from there). */
    public void goToAnalogy() {
        float[] r = analogy.get();
        if (r != null && r.length == latent.size().get()) latent.setZ(doubles(r));
    }

    private void means() {
        LatentCodes c = latent.codes().get();
        boolean fits = c != null && c.latent() == latent.size().get() && c.latent() > 0;
        meanA.set(fits ? LatentArithmetic.classMean(c, classA.get()) : null);
        meanB.set(fits ? LatentArithmetic.classMean(c, classB.get()) : null);
        vector.set(meanA.get() == null || meanB.get() == null ? null
                : LatentArithmetic.direction(meanA.get(), meanB.get()));
    }

    private void updateAnalogy() {
        LatentCodes c = latent.codes().get();
        int n = selection.size();
        if (c == null || n < 3 || c.latent() != latent.size().get()) {
            picks.set(null);
            analogy.set(null);
            return;
        }
        int[] p = {selection.get(n - 3), selection.get(n - 2), selection.get(n - 1)};
        for (int i : p) {
            if (i < 0 || i >= c.size()) {
                picks.set(null);
                analogy.set(null);
                return;
            }
        }
        picks.set(p);
        analogy.set(LatentArithmetic.analogy(LatentArithmetic.mu(c, p[0]), LatentArithmetic.mu(c, p[1]),
                LatentArithmetic.mu(c, p[2])));
    }

    /** z = base + t v (base taken from z if there is none yet). */
    private void move() {
        float[] v = vector.get();
        float[] z = latent.z().get();
        if (v == null || z.length != v.length) return;
        if (base == null || base.length != v.length) base = z.clone();
        moving = true;
        try {
            latent.setZ(doubles(LatentArithmetic.along(base, v, t.get())));
        } finally {
            moving = false;
        }
    }

    private static double[] doubles(float[] z) {
        double[] d = new double[z.length];
        for (int j = 0; j < d.length; j++) d[j] = z[j];
        return d;
    }

    /** The strips' job for the current inputs, or null without a model. */
    private Function<MatMul, Strips> job() {
        ModelSnapshot m = LessonInputs.model(latent);
        if (m == null) return null;
        float[] from = base(), v = vector.get();
        if (from.length != m.latent()) return null;
        int[] shape = LessonInputs.shape(latent, m);
        LatentCodes c = latent.codes().get();
        int[] p = picks.get();
        float[] r = analogy.get();
        float[] four = null;
        if (p != null && r != null && c != null) {
            int d = m.latent();
            four = new float[4 * d];
            for (int k = 0; k < 3; k++) System.arraycopy(LatentArithmetic.mu(c, p[k]), 0, four, k * d, d);
            System.arraycopy(r, 0, four, 3 * d, d);
        }
        float[] analogyCodes = four;
        return mm -> {
            ImageTiles along = null;
            if (v != null && v.length == from.length) {
                int n = STRIP_T.length, d = from.length;
                float[] codes = new float[n * d];
                for (int k = 0; k < n; k++) System.arraycopy(LatentArithmetic.along(from, v, STRIP_T[k]), 0, codes, k * d, d);
                along = decode(m, mm, codes, n, shape);
            }
            ImageTiles four4 = analogyCodes == null ? null : decode(m, mm, analogyCodes, 4, shape);
            return new Strips(from, along, four4);
        };
    }

    private static ImageTiles decode(ModelSnapshot m, MatMul mm, float[] codes, int n, int[] shape) {
        float[] images = new float[n * m.inputSize()];
        m.decodeBatch(mm, codes, n, images);
        return new ImageTiles(images, n, n, shape[0], shape[1]);
    }

    /** A, B and t for a session. */
    public void saveTo(Map<String, String> view) {
        view.put("arithmetic.a", Integer.toString(classA.get()));
        view.put("arithmetic.b", Integer.toString(classB.get()));
        view.put("arithmetic.t", Double.toString(t.get()));
    }

    /**
     * Takes A, B and t back (anything missing or unreadable stays as it is). z, restored by the session, is base + t v:
     * the base is taken back as z - t v, so the slider goes on from where it was.
     */
    public void restoreFrom(Map<String, String> view) {
        Dataset shownSet = latent.shown().get();
        int classes = shownSet == null ? 0 : shownSet.classNames().size();
        Integer a = parseClass(view.get("arithmetic.a"), classes), b = parseClass(view.get("arithmetic.b"), classes);
        if (a != null) classA.set(a);
        if (b != null) classB.set(b);
        String text = view.get("arithmetic.t");
        if (text == null) return;
        double saved;
        try {
            saved = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return;
        }
        if (!Double.isFinite(saved)) return;
        double clamped = Math.max(-T_LIMIT, Math.min(T_LIMIT, saved));
        float[] v = vector.get(), z = latent.z().get();
        moving = true;
        try {
            t.set(clamped);
        } finally {
            moving = false;
        }
        base = v != null && v.length == z.length ? LatentArithmetic.along(z, v, -clamped) : null;
    }

    private static Integer parseClass(String text, int classes) {
        if (text == null) return null;
        try {
            int k = Integer.parseInt(text.trim());
            return k >= 0 && k < classes ? k : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
