package vaeexplorer.ui.lessons.truepost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vaeexplorer.ui.latent.PlotTransform;

/** Where the enlarged view of the true posterior goes: inside the plot, never over the posterior, at a true scale. */
class PosteriorInsetTest {
    private static PlotTransform plot(double w, double h, double span) {
        PlotTransform t = new PlotTransform();
        t.setArea(40, 10, w, h);
        t.set(0, 0, span);
        return t;
    }

    private static void assertPlaced(PlotTransform plot, double[] focus) {
        PosteriorInset in = PosteriorInset.place(plot, focus);
        assertNotNull(in, "a small posterior on a large plot gets an enlarged view");
        assertTrue(in.x() >= plot.left() && in.y() >= plot.top() && in.x() + in.size() <= plot.left() + plot.width()
                && in.y() + in.size() <= plot.top() + plot.height(), "inside the plot area: " + in);
        double fx0 = plot.toScreenX(focus[0]), fx1 = plot.toScreenX(focus[1]);
        double fy0 = plot.toScreenY(focus[3]), fy1 = plot.toScreenY(focus[2]);
        boolean overlaps = in.x() < fx1 && in.x() + in.size() > fx0 && in.y() < fy1 && in.y() + in.size() > fy0;
        assertFalse(overlaps, "the inset leaves the posterior in view: " + in);
        // the inset shows the focus box whole, centred, at zoom times the plot's scale
        PlotTransform v = in.view();
        assertEquals(in.zoom(), v.scale() / plot.scale(), 1e-9);
        assertTrue(v.toScreenX(focus[0]) >= in.x() - 1e-9 && v.toScreenX(focus[1]) <= in.x() + in.size() + 1e-9);
        assertTrue(v.toScreenY(focus[3]) >= in.y() - 1e-9 && v.toScreenY(focus[2]) <= in.y() + in.size() + 1e-9);
        assertEquals((in.x() * 2 + in.size()) / 2, v.toScreenX((focus[0] + focus[1]) / 2), 1e-6);
        assertTrue(in.zoom() >= PosteriorInset.LEAST_ZOOM);
    }

    @Test
    void aSmallPosteriorAnywhereGetsAnInsetThatDoesNotCoverIt() {
        PlotTransform plot = plot(900, 400, 8);
        for (double x = -5; x <= 5; x += 1)
            for (double y = -3.5; y <= 3.5; y += 1)
                assertPlaced(plot, new double[] {x - 0.2, x + 0.25, y - 0.15, y + 0.3});
    }

    @Test
    void theInsetGoesToTheCornerFarthestFromThePosterior() {
        PlotTransform plot = plot(900, 400, 8);
        PosteriorInset in = PosteriorInset.place(plot, new double[] {-3.2, -2.8, -1.7, -1.3});
        assertNotNull(in);
        assertTrue(in.x() + in.size() / 2 > plot.left() + plot.width() / 2
                && in.y() + in.size() / 2 < plot.top() + plot.height() / 2,
                "a posterior at the lower left: the inset at the upper right, " + in);
        in = PosteriorInset.place(plot, new double[] {2.8, 3.2, 1.3, 1.7});
        assertNotNull(in);
        assertTrue(in.x() + in.size() / 2 < plot.left() + plot.width() / 2
                && in.y() + in.size() / 2 > plot.top() + plot.height() / 2,
                "a posterior at the upper right: the inset at the lower left, " + in);
    }

    @Test
    void noInsetWhenThePlotAlreadyShowsThePosteriorLargeOrIsTooSmall() {
        assertNull(PosteriorInset.place(plot(900, 400, 8), new double[] {-2, 2, -1.5, 1.5}),
                "a posterior half the view's height needs no enlargement");
        assertNull(PosteriorInset.place(plot(180, 150, 8), new double[] {-0.1, 0.1, -0.1, 0.1}),
                "a plot too small for an inset of legible size");
        PosteriorInset zoomedIn = PosteriorInset.place(plot(900, 400, 0.3), new double[] {-0.1, 0.1, -0.1, 0.1});
        assertNull(zoomedIn, "zoomed in on the posterior, the scatter shows it large enough");
    }

    @Test
    void theScaleBarIsARoundLength() {
        assertEquals(0.2, TruePosteriorOverlay.roundLength(0.29), 1e-12);
        assertEquals(0.5, TruePosteriorOverlay.roundLength(0.5), 1e-12);
        assertEquals(1, TruePosteriorOverlay.roundLength(1.99), 1e-12);
        assertEquals(50, TruePosteriorOverlay.roundLength(73), 1e-9);
        for (double v = 0.013; v < 500; v *= 1.37) {
            double r = TruePosteriorOverlay.roundLength(v);
            assertTrue(r <= v && r > v / 2.5, v + " -> " + r);
        }
    }
}
