package vaeexplorer.ui.lessons.posterior;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import vaeexplorer.core.train.LatentCodes;

import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlane;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.latent.PlotLayer;
import vaeexplorer.ui.latent.PlotTransform;
import vaeexplorer.ui.lessons.LessonInputs;

/** The "holes" under the scatter's points: cells inside the prior's 2-sigma circle where no data is encoded, shaded. */
public final class HolesOverlay implements PlotLayer {
    private static final Color FILL = Color.web("#ff6f00", 0.28);
    private static final Color EDGE = Color.web("#e65100", 0.7);
    private final LatentModel latent;
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<HoleMap> map = new ReadOnlyObjectWrapper<>();
    private LatentPlane mapPlane = LatentPlane.dimensions(0, 0, -1);

    public HolesOverlay(LatentModel latent, LatentPlotView plot) {
        this.latent = latent;
        LessonInputs.onChange(() -> {
            HoleMap before = map.get();
            update();
            if (before != null || map.get() != null) plot.redrawUnderlays(); // no extra scatter redraws while off
        }, shown, latent.codes(), latent.plane());
    }

    /** Whether the holes are shaded. */
    public BooleanProperty shown() {
        return shown;
    }

    /** The holes of the latest codes while shown, else null. */
    public ReadOnlyObjectProperty<HoleMap> map() {
        return map.getReadOnlyProperty();
    }

    private void update() {
        LatentCodes c = latent.codes().get();
        LatentPlane p = latent.plane().get();
        mapPlane = p;
        map.set(shown.get() && c != null && c.latent() == latent.size().get() && !p.oneDimensional() ? HoleMap.of(c, p) : null);
    }

    @Override
    public void draw(GraphicsContext g, PlotTransform view, double fontSize) {
        HoleMap m = map.get();
        if (m == null) return;
        // the map is around the prior's image in its plane (the origin for dimensions)
        double ox = mapPlane.originX(), oy = mapPlane.originY();
        g.setFill(FILL);
        g.setStroke(EDGE);
        g.setLineWidth(1);
        for (int row = 0; row < m.n(); row++)
            for (int col = 0; col < m.n(); col++) {
                if (!m.holes()[row * m.n() + col]) continue;
                double x0 = Math.round(view.toScreenX(ox + m.x(col))), x1 = Math.round(view.toScreenX(ox + m.x(col) + m.cell()));
                double y0 = Math.round(view.toScreenY(oy + m.y(row) + m.cell())), y1 = Math.round(view.toScreenY(oy + m.y(row)));
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
                g.strokeRect(x0 + 0.5, y0 + 0.5, x1 - x0 - 1, y1 - y0 - 1);
            }
    }
}
