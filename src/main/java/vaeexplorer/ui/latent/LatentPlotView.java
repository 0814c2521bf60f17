package vaeexplorer.ui.latent;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import vaeexplorer.core.train.LatentCodes;

import vaeexplorer.ui.i18n.ClassNames;
import vaeexplorer.ui.i18n.Formats;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.widgets.CanvasText;
import vaeexplorer.ui.widgets.NiceTicks;

/**
 * The latent scatter: mu of the shown images in the latent model's plane (two chosen dimensions, or the first two
 * principal components: see {@link LatentPlane}), coloured and marked by class (see
 * {@link ClassMarks}), with the prior's 1- and 2-sigma circles, grid and ticks, and the explored point z. Three
 * canvases: the points (redrawn when codes or the view change), an overlay with the overlay layers and the selection,
 * and a small one with z's marker that moves with z, so a drag repaints only the few pixels around the marker rather
 * than the whole plot.
 *
 * <p>Mouse: press or drag moves z; pressing on a data point selects it; the wheel zooms at the cursor; right-, middle-
 * or Shift-drag pans. Keys (when focused): arrows nudge z (Shift: more), Enter selects the image nearest z, + and -
 * zoom, Home resets the view. A screen reader hears z and the nearest image (its accessible text).
 */
public final class LatentPlotView extends Region implements PlotViewport {
    private static final Color GRID = Color.web("#e3e6e8");
    private static final Color AXIS = Color.web("#b0b6ba");
    private static final Color PRIOR = Color.web("#37474f");
    public static final double NUDGE = 0.1;

    private final LatentModel latent;
    private final ObservableDoubleValue fontSize;
    private final ObservableStringValue emptyText;
    private final Canvas points = new Canvas();
    private final Canvas overlay = new Canvas();
    private final Canvas marker = new Canvas();
    private final vaeexplorer.ui.widgets.FocusRing ring = new vaeexplorer.ui.widgets.FocusRing(this);
    private final PlotTransform view = new PlotTransform();
    private double lastX, lastY;
    private boolean panning;
    private int drawnPoints;
    private String[] drawnTitles = {"", ""};
    private MarkSprites dots;
    private final java.util.List<PlotLayer> underlays = new java.util.ArrayList<>();
    private final java.util.List<PlotLayer> overlays = new java.util.ArrayList<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<javafx.geometry.Rectangle2D> visibleRange =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    /** Line widths multiply by this (2 in presentation mode). */
    private final DoubleProperty lineScale = new SimpleDoubleProperty(1);
    /**
     * Fit the view to the points whenever the codes or the plot's size change (on at first); the wheel, a pan or a
     * saved view turn it off, Reset view on again.
     */
    private final BooleanProperty autoFit = new SimpleBooleanProperty(true);
    private double fittedWidth, fittedHeight;
    private boolean held;
    private java.util.function.Supplier<double[]> fitBox = this::pointsBox;

    public LatentPlotView(LatentModel latent, ObservableDoubleValue fontSize, ObservableStringValue emptyText) {
        this.latent = latent;
        this.fontSize = fontSize;
        this.emptyText = emptyText;
        setId("latentPlot");
        getStyleClass().add("latent-plot");
        getChildren().addAll(points, overlay, marker, ring);
        overlay.setMouseTransparent(true);
        marker.setMouseTransparent(true);
        marker.setManaged(false);
        setFocusTraversable(true);
        setPickOnBounds(true);
        setMinSize(200, 200);
        setPrefSize(560, 520);

        latent.codes().addListener((o, a, b) -> {
            if (b != null && latent.plane().get().fittedTo() == b) return; // the new plane was drawn for them
            codesChanged();
        });
        // the view holds still under a pressed button (a drag of z, an end, a pan) and catches up on release
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> held = true);
        addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            held = false;
            if (autoFit.get() && fitToCodes()) redrawAll();
        });
        lineScale.addListener((o, a, b) -> redrawAll());
        autoFit.addListener((o, a, on) -> {
            if (on) fitToCodes();
            redrawAll();
        });
        latent.plane().addListener((o, a, b) -> {
            if (b.fittedTo() != null && a != null && b.sameAxes(a)) codesChanged(); // a PCA refitted to new codes
            else if (autoFit.get() && !held) resetView(); // other axes: the points fill the plot again
            else redrawAll();
        });
        latent.size().addListener((o, a, b) -> redrawAll());
        fontSize.addListener((o, a, b) -> requestLayout());
        emptyText.addListener((o, a, b) -> redrawPoints());
        Relabel.onLocaleChange(this, this::redrawPoints); // the axis title of a one-dimensional model
        ClassMarks.onChange(this, this::redrawAll); // View › Markers
        latent.z().addListener((o, a, b) -> redrawMarker());
        latent.selected().addListener((o, a, b) -> redrawOverlay());
        focusedProperty().addListener((o, a, b) -> redrawMarker());

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> panning = false);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);

        // what a screen reader says of the plot (its canvases say nothing by themselves): z, the nearest image and
        // that the decoded image follows, kept current so that a move of z is announced
        setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        accessibleRoleDescriptionProperty().bind(I18n.tr("a11y.plot.role"));
        accessibleHelpProperty().bind(I18n.tr("a11y.plot.help"));
        accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(this::spokenText, latent.z(),
                latent.codes(), latent.plane(), latent.size(), latent.decoded(), latent.shown(), emptyText,
                I18n.locale()));
    }

    private void codesChanged() {
        if (autoFit.get() && !held && fitToCodes()) redrawAll();
        else redrawPoints();
    }

    private LatentPlane plane() {
        return latent.plane().get();
    }

    /** What a screen reader says of the plot: "z = (+0.31, -1.20); nearest test image: 7; decoded image updated". */
    private String spokenText() {
        if (latent.size().get() == 0) return emptyText.get().isEmpty() ? I18n.get("a11y.plot.noModel") : emptyText.get();
        double[] p = latent.planePoint();
        int i = nearestToZ();
        String nearest;
        if (i < 0) nearest = I18n.get("a11y.plot.noImages");
        else {
            vaeexplorer.core.data.Dataset d = latent.shown().get();
            String name = d == null ? "" : ClassNames.of(d.classNames(), latent.codes().get().label(i));
            nearest = name.isEmpty() ? I18n.get("a11y.unlabelled") : name;
        }
        LatentPlane plane = plane();
        String where = plane.isPca()
                ? I18n.format("a11y.plot.textPca", Formats.z(p[0]), Formats.z(p[1]), Formats.percent(plane.explained(0)),
                Formats.percent(plane.explained(1)), nearest)
                : I18n.format("a11y.plot.text", Formats.z(p[0]), Formats.z(p[1]), nearest);
        return where + (latent.decoded().get() != null ? I18n.get("a11y.plot.decodedUpdated") : "");
    }

    /** The shown point nearest z in the plotted dimensions (what Enter selects), or -1 while none is plotted. */
    public int nearestToZ() {
        LatentCodes c = latent.codes().get();
        if (c == null || c.latent() != latent.size().get()) return -1;
        double[] p = latent.planePoint();
        double zx = p[0], zy = p[1], best = Double.MAX_VALUE;
        int hit = -1;
        for (int i = 0; i < c.size(); i++) {
            double dx = xOf(c, i) - zx, dy = yOf(c, i) - zy, d = dx * dx + dy * dy;
            if (d < best) {
                best = d;
                hit = i;
            }
        }
        return hit;
    }

    /** Fits the view to the points again and keeps it fitted (-4..4 around the origin while there are none). */
    public void resetView() {
        double[] box = fitBox.get();
        if (box == null) view.reset();
        else show(box);
        autoFit.set(true);
        redrawAll();
    }

    public PlotTransform transform() {
        return view;
    }

    /** Shows the view a session saved (centre and span in latent units; see {@link PlotTransform#set}) and keeps it. */
    public void setView(double centerX, double centerY, double span) {
        autoFit.set(false);
        view.set(centerX, centerY, span);
        redrawAll();
    }

    /** Adds a layer drawn on the plot's axes under the points (redrawn with them). */
    public void addUnderlay(PlotLayer layer) {
        underlays.add(layer);
    }

    /** Adds a layer drawn over the points, under z (redrawn with z). */
    public void addOverlay(PlotLayer layer) {
        overlays.add(layer);
    }

    /** Redraws the points and the layers under them. */
    public void redrawUnderlays() {
        redrawPoints();
    }

    /** Redraws the layers over the points (z is drawn over them on its own). */
    public void redrawOverlays() {
        redrawOverlay();
    }

    /** The latent rectangle the plot area shows (changes on zoom, pan and resize), or null before the first layout. */
    public javafx.beans.property.ReadOnlyObjectProperty<javafx.geometry.Rectangle2D> visibleRange() {
        return visibleRange.getReadOnlyProperty();
    }

    public DoubleProperty lineScale() {
        return lineScale;
    }

    public BooleanProperty autoFit() {
        return autoFit;
    }

    /**
     * What auto zoom fits when the codes change: by default this plot's own {@link #pointsBox()}; a supplier of null
     * leaves the fitting to someone else (compare mode fits a pair of plots together).
     */
    public void setFitBox(java.util.function.Supplier<double[]> box) {
        fitBox = box;
    }

    /** Moves and zooms to show this region (centre and span across the shorter side). */
    public void showRegion(double cx, double cy, double span) {
        if (view.centerX() == cx && view.centerY() == cy && view.span() == span) return;
        view.show(cx, cy, span);
        redrawAll();
    }

    /**
     * The box {x0, x1, y0, y1} holding nearly all points (all but the 0.25 % farthest out on each side, so that a few
     * stray codes do not shrink the rest) and the prior's 2-sigma circle, or null without points.
     */
    public double[] pointsBox() {
        LatentCodes c = latent.codes().get();
        if (c == null || c.size() == 0 || c.latent() != latent.size().get()) return null;
        LatentPlane plane = plane();
        double[] p = robustBox(c, plane);
        double ox = plane.originX(), oy = plane.originY();
        double[] box = {Math.min(ox - 2, p[0]), Math.max(ox + 2, p[1]), Math.min(oy - 2, p[2]), Math.max(oy + 2, p[3])};
        return Double.isFinite(box[0] + box[1] + box[2] + box[3]) ? box : null;
    }

    /**
     * The box {x0, x1, y0, y1} of the codes' means in dimensions xd and yd (one out of range: 0), without the 0.25 %
     * farthest out on each side. At least one code.
     */
    public static double[] robustBox(LatentCodes c, int xd, int yd) {
        return robustBox(c, LatentPlane.dimensions(c.latent(), xd, yd));
    }

    /** The box {x0, x1, y0, y1} of the codes' means in a plane, as {@link #robustBox(LatentCodes, int, int)}. */
    public static double[] robustBox(LatentCodes c, LatentPlane plane) {
        int n = c.size();
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = plane.x(c, i);
            ys[i] = plane.y(c, i);
        }
        java.util.Arrays.sort(xs);
        java.util.Arrays.sort(ys);
        int lo = (int) (0.0025 * (n - 1)), hi = (int) Math.ceil(0.9975 * (n - 1));
        return new double[] {xs[lo], xs[hi], ys[lo], ys[hi]};
    }

    private boolean fitToCodes() {
        return fit(fitBox.get());
    }

    /** Fits the view to a box {x0, x1, y0, y1} as auto zoom does (see {@link #fit}), and redraws if it changed. */
    public boolean fitTo(double[] box) {
        if (!fit(box)) return false;
        redrawAll();
        return true;
    }

    /**
     * Moves and zooms to a box {x0, x1, y0, y1} (null: nothing to fit); true if the view changed. The view stays put
     * while the box fits and would not shrink by more than a third, so it does not jitter as the points move.
     */
    private boolean fit(double[] b) {
        if (b == null) return false;
        boolean inside = view.minX() <= b[0] && view.maxX() >= b[1] && view.minY() <= b[2] && view.maxY() >= b[3];
        if (inside && fittedSpan(b) > 0.67 * view.span()) return false;
        show(b);
        return true;
    }

    /** Moves and zooms so that the box {x0, x1, y0, y1} fills the plot area with a margin of a twentieth. */
    private void show(double[] b) {
        view.show((b[0] + b[1]) / 2, (b[2] + b[3]) / 2, fittedSpan(b));
    }

    /** The span (across the plot's shorter side) that shows the box with a margin of a twentieth. */
    private double fittedSpan(double[] b) {
        if (!(view.width() > 0 && view.height() > 0)) return 1.1 * Math.max(b[1] - b[0], b[3] - b[2]); // before layout
        double aspect = Math.max(view.width(), view.height()) / Math.min(view.width(), view.height());
        boolean wide = view.width() >= view.height();
        double spanX = (b[1] - b[0]) / (wide ? aspect : 1), spanY = (b[3] - b[2]) / (wide ? 1 : aspect);
        return 1.1 * Math.max(spanX, spanY);
    }

    /** The axis titles drawn at the last redraw, across and up (for tests: what the plot says its axes are). */
    public String[] axisTitles() {
        return drawnTitles.clone();
    }

    /** Points drawn at the last redraw (for tests). */
    public int drawnPoints() {
        return drawnPoints;
    }

    /** The marker style the points were drawn in at the last redraw, or null when none were (for tests). */
    public MarkerStyle drawnStyle() {
        return drawnPoints > 0 && dots != null ? dots.style() : null;
    }

    /** Where shown point i is drawn, in this view's coordinates, or null. */
    public javafx.geometry.Point2D pointPosition(int i) {
        LatentCodes c = latent.codes().get();
        if (c == null || i < 0 || i >= c.size()) return null;
        return new javafx.geometry.Point2D(view.toScreenX(xOf(c, i)), view.toScreenY(yOf(c, i)));
    }

    // ---- input ----

    private static boolean isPan(MouseEvent e) {
        return e.isSecondaryButtonDown() || e.isMiddleButtonDown() || (e.isPrimaryButtonDown() && e.isShiftDown());
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        lastX = e.getX();
        lastY = e.getY();
        panning = isPan(e);
        if (panning || e.getButton() != MouseButton.PRIMARY) return;
        int hit = pointAt(e.getX(), e.getY());
        if (hit >= 0) latent.select(hit);
        else moveZ(e);
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (panning) {
            view.panBy(e.getX() - lastX, e.getY() - lastY);
            autoFit.set(false);
            lastX = e.getX();
            lastY = e.getY();
            redrawAll();
        } else if (e.isPrimaryButtonDown()) {
            moveZ(e);
        }
        e.consume();
    }

    /** A press or drag at (sx, sy): z moves to the plane's point there (exactly: see {@link LatentModel#setPlotPoint}). */
    private void moveZ(MouseEvent e) {
        if (latent.size().get() == 0) return;
        latent.setPlotPoint(view.toLatentX(e.getX()), view.toLatentY(e.getY()));
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) return;
        view.zoomAt(e.getX(), e.getY(), Math.pow(1.002, e.getDeltaY()));
        autoFit.set(false);
        redrawAll();
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()) return; // menu accelerators
        double step = e.isShiftDown() ? 5 * NUDGE : NUDGE;
        KeyCode k = e.getCode();
        switch (k) {
            case LEFT, KP_LEFT -> latent.nudge(-step, 0);
            case RIGHT, KP_RIGHT -> latent.nudge(step, 0);
            case UP, KP_UP -> latent.nudge(0, step);
            case DOWN, KP_DOWN -> latent.nudge(0, -step);
            case PLUS, ADD, EQUALS -> zoomCentre(1.25);
            case MINUS, SUBTRACT -> zoomCentre(0.8);
            case HOME -> resetView();
            case ENTER -> { // as a click on the point: select the image nearest z
                int i = nearestToZ();
                if (i >= 0) latent.select(i);
            }
            default -> { return; }
        }
        e.consume();
    }

    private void zoomCentre(double factor) {
        view.zoomAt(view.left() + view.width() / 2, view.top() + view.height() / 2, factor);
        autoFit.set(false);
        redrawAll();
    }

    /**
     * The shown point nearest (sx, sy) within a few pixels (the plot's one hit rule: what a click selects), or -1.
     */
    public int pointAt(double sx, double sy) {
        LatentCodes c = latent.codes().get();
        if (c == null || c.latent() != latent.size().get()) return -1;
        double r = hitRadius(), best = r * r; // forgiving: the nearest point within a finger's width
        int hit = -1;
        for (int i = 0; i < c.size(); i++) {
            double dx = view.toScreenX(xOf(c, i)) - sx, dy = view.toScreenY(yOf(c, i)) - sy;
            double d = dx * dx + dy * dy;
            if (d <= best) {
                best = d;
                hit = i;
            }
        }
        return hit;
    }

    // ---- drawing ----

    private double fs() {
        return fontSize.get();
    }

    /** How far from a point (in pixels) a click still hits it: three dots' radii, at least 9 pixels. */
    public double hitRadius() {
        return Math.max(9, 3 * pointRadius());
    }

    private double pointRadius() {
        return Math.max(2.5, 0.23 * fs());
    }

    /** The radius a point's mark is drawn at in the chosen style (shapes and numbers larger than dots). */
    private double markRadius() {
        return pointRadius() * ClassMarks.sizeFactor(ClassMarks.style().get());
    }

    /** The outline class label is marked with on this plot now (dots and numbers: the circle; for tests). */
    public MarkerShape shapeOf(int label) {
        return ClassMarks.shape(ClassMarks.style().get(), label);
    }

    private double xOf(LatentCodes c, int i) {
        return plane().x(c, i);
    }

    private double yOf(LatentCodes c, int i) {
        return plane().y(c, i);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        points.setWidth(w);
        points.setHeight(h);
        overlay.setWidth(w);
        overlay.setHeight(h);
        ring.cover(w, h);
        redrawAll();
    }

    private void redrawAll() {
        redrawPoints();
        redrawOverlay();
        redrawMarker();
    }

    private void redrawPoints() {
        double w = points.getWidth(), h = points.getHeight();
        double f = fs();
        double left = 3.6 * f, bottom = 3.0 * f, top = 0.6 * f, right = 0.8 * f;
        view.setArea(left, top, w - left - right, h - top - bottom);
        if (autoFit.get() && !held && w >= 10 && h >= 10 && (view.width() != fittedWidth || view.height() != fittedHeight)) {
            fittedWidth = view.width();
            fittedHeight = view.height();
            double[] box = fitBox.get();
            if (box != null) show(box); // a new shape (presentation mode, larger tabs): the points fill it again
        }
        GraphicsContext g = points.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (w < 10 || h < 10) return;

        // grid, axes and ticks
        double xMin = view.minX(), xMax = view.maxX(), yMin = view.minY(), yMax = view.maxY();
        visibleRange.set(new javafx.geometry.Rectangle2D(xMin, yMin, xMax - xMin, yMax - yMin));
        drawLayers(g, underlays);
        double step = NiceTicks.step(0, Math.min(xMax - xMin, yMax - yMin),
                (int) Math.max(2, Math.min(view.width(), view.height()) / (3.5 * f)));
        double[] xt = NiceTicks.ticks(xMin, xMax, step), yt = NiceTicks.ticks(yMin, yMax, step);
        g.setLineWidth(1);
        for (double t : xt) {
            double sx = Math.round(view.toScreenX(t)) + 0.5;
            g.setStroke(Math.abs(t) < step * 1e-6 ? AXIS : GRID);
            g.strokeLine(sx, view.top(), sx, view.top() + view.height());
        }
        for (double t : yt) {
            double sy = Math.round(view.toScreenY(t)) + 0.5;
            g.setStroke(Math.abs(t) < step * 1e-6 ? AXIS : GRID);
            g.strokeLine(view.left(), sy, view.left() + view.width(), sy);
        }

        g.save();
        clipToPlotArea(g);
        drawnPoints = 0;
        LatentCodes c = latent.codes().get();
        if (c != null && c.latent() == latent.size().get()) {
            double r = markRadius();
            MarkerStyle style = ClassMarks.style().get();
            if (dots == null || dots.radius() != r || dots.style() != style) dots = new MarkSprites(style, r, 0.75);
            double half = dots.size() / 2.0;
            for (int i = 0; i < c.size(); i++) {
                double sx = view.toScreenX(xOf(c, i)), sy = view.toScreenY(yOf(c, i));
                if (sx < view.left() - r || sx > view.left() + view.width() + r || sy < view.top() - r
                        || sy > view.top() + view.height() + r) continue;
                // whole pixels: a plain copy of the pre-drawn mark, no resampling
                g.drawImage(dots.of(c.label(i)), Math.round(sx - half), Math.round(sy - half));
                drawnPoints++;
            }
        } else {
            drawPrior(g, f);
            g.setFill(Color.web("#37474f"));
            Font font = Font.font(f * 1.1);
            g.setFont(font);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            java.util.List<String> lines = CanvasText.wrap(emptyText.get(), font, view.width() * 0.85);
            double lineHeight = 1.4 * f * 1.1;
            // a quarter down, but never above the plot's top when it is short and the text long
            double y = Math.max(view.top() + lineHeight, view.top() + view.height() / 4 - lines.size() * lineHeight / 2);
            g.setFill(Color.rgb(255, 255, 255, 0.9));
            g.fillRoundRect(view.left() + view.width() * 0.05, y - lineHeight * 0.8, view.width() * 0.9,
                    lineHeight * (lines.size() + 0.6), f, f);
            g.setFill(Color.web("#37474f"));
            for (String line : lines) {
                g.fillText(line, view.left() + view.width() / 2, y);
                y += lineHeight;
            }
        }
        if (c != null && c.latent() == latent.size().get())
            drawPrior(g, f); // on top of the points, so the reference circles stay visible in a crowd
        g.restore();

        // frame, tick labels, axis titles
        g.setStroke(AXIS);
        g.strokeRect(view.left() + 0.5, view.top() + 0.5, view.width() - 1, view.height() - 1);
        g.setFill(Color.web("#263238"));
        g.setFont(Font.font(f * 0.9));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : xt) g.fillText(NiceTicks.label(t, step), view.toScreenX(t), view.top() + view.height() + 0.3 * f);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : yt) g.fillText(NiceTicks.label(t, step), view.left() - 0.4 * f, view.toScreenY(t));
        g.setFont(Font.font(null, FontWeight.BOLD, f));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        drawnTitles = new String[] {axisTitle(plane(), 0), axisTitle(plane(), 1)};
        g.fillText(drawnTitles[0], view.left() + view.width() / 2, h - 0.2 * f);
        g.save();
        g.translate(0.9 * f, view.top() + view.height() / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(drawnTitles[1], 0, 0);
        g.restore();
    }

    /**
     * The title of axis 0 (across) or 1 (up) of a plane in the UI's language: "z3", "(one dimension)", or
     * "PC1 (34% of variance)".
     */
    public static String axisTitle(LatentPlane plane, int axis) {
        if (plane.isPca()) return I18n.format("latent.pcAxis", axis + 1, Formats.percent(plane.explained(axis)));
        int d = axis == 0 ? plane.xDim() : plane.yDim();
        return d < 0 ? I18n.get("latent.oneDimension") : "z" + d;
    }

    private void drawPrior(GraphicsContext g, double f) {
        // the prior N(0, I) projects onto the plane as N(origin, I): circles of radius 1 and 2 around the origin's image
        double cx = view.toScreenX(plane().originX()), cy = view.toScreenY(plane().originY()), s = view.scale();
        double ls = lineScale.get();
        g.setStroke(PRIOR);
        g.setLineWidth(1.5 * ls);
        g.setLineDashes(6 * ls, 5 * ls);
        for (int k = 1; k <= 2; k++) g.strokeOval(cx - k * s, cy - k * s, 2 * k * s, 2 * k * s);
        g.setLineDashes();
        g.setFont(Font.font(null, FontWeight.BOLD, f * 0.9));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setLineWidth(3 * ls);
        g.setStroke(Color.WHITE);
        g.setFill(PRIOR);
        double a = Math.sqrt(0.5);
        for (int k = 1; k <= 2; k++) {
            String label = k + "σ";
            double lx = cx + k * s * a + 3, ly = cy - k * s * a - 1;
            g.strokeText(label, lx, ly); // a white halo keeps it readable over points
            g.fillText(label, lx, ly);
        }
    }

    /**
     * Clips to the plot area widened to whole pixels. A canvas clips to a whole-pixel rectangle directly; any other
     * clip (the plot area's edges are fractional) makes JavaFX render every later drawing call into a scratch image
     * the size of the canvas, clear it and blend it through a mask, which in software rendering cost tens of
     * milliseconds per redraw.
     */
    private void clipToPlotArea(GraphicsContext g) {
        double x0 = Math.floor(view.left()), y0 = Math.floor(view.top());
        double x1 = Math.ceil(view.left() + view.width()), y1 = Math.ceil(view.top() + view.height());
        g.beginPath();
        g.rect(x0, y0, x1 - x0, y1 - y0);
        g.clip();
    }

    private void drawLayers(GraphicsContext g, java.util.List<PlotLayer> layers) {
        if (layers.isEmpty()) return;
        g.save();
        clipToPlotArea(g);
        for (PlotLayer layer : layers) layer.draw(g, view, fs());
        g.restore();
    }

    private void redrawOverlay() {
        double w = overlay.getWidth(), h = overlay.getHeight();
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (latent.size().get() == 0) return;
        drawLayers(g, overlays);
        g.save();
        clipToPlotArea(g);
        LatentCodes c = latent.codes().get();
        int sel = latent.selected().get();
        double ls = lineScale.get();
        if (c != null && sel >= 0 && sel < c.size() && c.latent() == latent.size().get()) {
            double sx = view.toScreenX(xOf(c, sel)), sy = view.toScreenY(yOf(c, sel)), r = markRadius() + 4 * ls;
            g.setLineWidth(2.5 * ls);
            g.setStroke(Color.BLACK);
            g.strokeOval(sx - r, sy - r, 2 * r, 2 * r);
        }
        g.restore();
    }

    private static final Color MARKER_FOCUSED = Color.web("#000000");
    private static final Color MARKER = Color.web("#212121");

    /**
     * Draws z's crosshair on its own small canvas placed at z (whole pixels; the crosshair keeps its sub-pixel position
     * inside), clipped to the plot area as before.
     */
    private void redrawMarker() {
        GraphicsContext g = marker.getGraphicsContext2D();
        if (latent.size().get() == 0 || view.width() <= 0 || view.height() <= 0) {
            g.clearRect(0, 0, marker.getWidth(), marker.getHeight());
            return;
        }
        double ls = lineScale.get(), r = Math.max(8, 0.7 * fs());
        // the crosshair reaches 1.8 r from z, plus half the white stroke and a pixel of anti-aliasing
        double half = Math.ceil(1.8 * r + 2.5 * ls + 2), size = 2 * half;
        if (marker.getWidth() != size || marker.getHeight() != size) {
            marker.setWidth(size);
            marker.setHeight(size);
        }
        double[] zp = latent.planePoint();
        double px = view.toScreenX(zp[0]), py = view.toScreenY(zp[1]);
        // far outside the plot (say after a pan) the canvas waits at the corner; the clip hides it anyway
        double ox = Double.isFinite(px) ? Math.floor(Math.max(-size, Math.min(getWidth(), px))) - half : -size;
        double oy = Double.isFinite(py) ? Math.floor(Math.max(-size, Math.min(getHeight(), py))) - half : -size;
        marker.relocate(ox, oy);
        double sx = px - ox, sy = py - oy;
        g.clearRect(0, 0, size, size);
        g.save();
        g.translate(-ox, -oy); // the plot's coordinates, so the clip is the plot area's
        clipToPlotArea(g);
        g.translate(ox, oy);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setStroke(Color.WHITE);
        g.setLineWidth(5 * ls);
        crosshair(g, sx, sy, r);
        g.setStroke(isFocused() ? MARKER_FOCUSED : MARKER);
        g.setLineWidth(2 * ls);
        crosshair(g, sx, sy, r);
        g.restore();
    }

    private static void crosshair(GraphicsContext g, double sx, double sy, double r) {
        g.strokeOval(sx - r, sy - r, 2 * r, 2 * r);
        g.strokeLine(sx - 1.8 * r, sy, sx - 0.4 * r, sy);
        g.strokeLine(sx + 0.4 * r, sy, sx + 1.8 * r, sy);
        g.strokeLine(sx, sy - 1.8 * r, sx, sy - 0.4 * r);
        g.strokeLine(sx, sy + 0.4 * r, sx, sy + 1.8 * r);
    }
}
