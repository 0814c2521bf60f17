package vaeexplorer.ui.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * The class colours under simulated colour-vision deficiencies. Each colour is taken to linear RGB, run through the
 * simulation matrix of Machado, Oliveira and Fernandes, "A Physiologically-based Model for Simulation of Color Vision
 * Deficiency", IEEE TVCG 15(6), 2009 (severity 1.0: protanopia, deuteranopia, tritanopia; the matrices as published
 * at https://www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/CVD_Simulation.html), then to CIE Lab (D65 white);
 * two classes are "apart" when their CIE76 delta E (the Euclidean distance in Lab) is at least 20.
 *
 * <p>Ten colours cannot all stay 20 apart under every deficiency (the best published palettes reach about 16), so where
 * they do not, the test asks for the second channel instead: shapes by default, a different shape per class, and
 * still no pair as close as tab10's were (under 15, where two small dots look the same).
 */
class PaletteColourVisionTest {
    private static final double[][] PROTANOPIA = {
        {0.152286, 1.052583, -0.204868},
        {0.114503, 0.786281, 0.099216},
        {-0.003882, -0.048116, 1.051998}};
    private static final double[][] DEUTERANOPIA = {
        {0.367322, 0.860646, -0.227968},
        {0.280085, 0.672501, 0.047413},
        {-0.011820, 0.042940, 0.968881}};
    private static final double[][] TRITANOPIA = {
        {1.255528, -0.076749, -0.178779},
        {-0.078411, 0.930809, 0.147602},
        {0.004733, 0.691367, 0.303900}};
    private static final double[][] NORMAL = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

    /** The colours the app had before (matplotlib's tab10), to check that the simulation finds what the issue found. */
    private static final String[] TAB10 = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
        "#4d4d4d", "#a8a800", "#17becf"};

    private static final double APART = 20, NEVER_BELOW = 15;

    // sRGB decoding: c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055)^2.4
    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The colour as seen with the deficiency m, in CIE Lab (D65). */
    static double[] lab(Color c, double[][] m) {
        double[] rgb = {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())};
        double[] s = new double[3];
        for (int i = 0; i < 3; i++)
            s[i] = Math.max(0, Math.min(1, m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2]));
        // linear sRGB to XYZ (D65)
        double x = 0.4124564 * s[0] + 0.3575761 * s[1] + 0.1804375 * s[2];
        double y = 0.2126729 * s[0] + 0.7151522 * s[1] + 0.0721750 * s[2];
        double z = 0.0193339 * s[0] + 0.1191920 * s[1] + 0.9503041 * s[2];
        // XYZ to Lab: f(t) = t^(1/3) above (6/29)^3, else t / (3 (6/29)^2) + 4/29; L = 116 f(Y) - 16,
        // a = 500 (f(X) - f(Y)), b = 200 (f(Y) - f(Z)), with X, Y, Z over the white (0.95047, 1, 1.08883)
        double fx = f(x / 0.95047), fy = f(y), fz = f(z / 1.08883);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        double d = 6.0 / 29;
        return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29;
    }

    // CIE76: delta E = sqrt(dL^2 + da^2 + db^2)
    private static double deltaE(double[] p, double[] q) {
        return Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
    }

    /** {distance, i, j} of the closest pair among the colours as seen with m. */
    private static double[] closest(Color[] colours, double[][] m) {
        double[] best = {Double.MAX_VALUE, -1, -1};
        for (int i = 0; i < colours.length; i++)
            for (int j = i + 1; j < colours.length; j++) {
                double d = deltaE(lab(colours[i], m), lab(colours[j], m));
                if (d < best[0]) best = new double[] {d, i, j};
            }
        return best;
    }

    private static Color[] palette() {
        Color[] c = new Color[10];
        for (int k = 0; k < 10; k++) c[k] = Palette.of(k);
        return c;
    }

    private static Color[] tab10() {
        Color[] c = new Color[10];
        for (int k = 0; k < 10; k++) c[k] = Color.web(TAB10[k]);
        return c;
    }

    @Test
    void theSimulationFindsTheOldPalettesCollapsedPairs() {
        // the numbers: under protanopia orange and green 4.6 apart, under deuteranopia green and red 7.3
        double[] p = closest(tab10(), PROTANOPIA), d = closest(tab10(), DEUTERANOPIA);
        assertEquals(4.6, p[0], 0.1);
        assertEquals(Set.of(1, 2), Set.of((int) p[1], (int) p[2]));
        assertEquals(7.3, d[0], 0.1);
        assertEquals(Set.of(2, 3), Set.of((int) d[1], (int) d[2]));
    }

    @Test
    void tenClassesStayApartUnderEachDeficiencyOrTheShapesTellThem() {
        assertEquals(10, Palette.size());
        assertTrue(closest(palette(), NORMAL)[0] >= APART, "with full colour vision every pair is apart");
        String[] names = {"protanopia", "deuteranopia", "tritanopia"};
        double[][][] ms = {PROTANOPIA, DEUTERANOPIA, TRITANOPIA};
        for (int k = 0; k < 3; k++) {
            double[] c = closest(palette(), ms[k]);
            String pair = String.format("under %s classes %d and %d are %.1f apart", names[k], (int) c[1], (int) c[2], c[0]);
            assertTrue(c[0] >= NEVER_BELOW, pair + ": closer than tab10's collapsed pairs");
            if (c[0] >= APART) continue;
            // the colours alone cannot tell every class: the shapes must, and they must be on from the start
            assertEquals(MarkerStyle.SHAPES, MarkerStyle.DEFAULT, pair + ", so shapes are the default markers");
            assertEquals(MarkerStyle.DEFAULT, MarkerStyle.parse(""), "a first start (no preference saved) uses the default");
            Set<MarkerShape> shapes = EnumSet.noneOf(MarkerShape.class);
            for (int label = 0; label < 10; label++) shapes.add(ClassMarks.shape(MarkerStyle.SHAPES, label));
            assertEquals(10, shapes.size(), pair + ", so every class has its own shape");
        }
    }

    @Test
    void everyShapeHasAboutTheCirclesArea() {
        // no class looks heavier than another: each outline's area within 20 % of the unit circle's
        for (MarkerShape s : MarkerShape.values())
            assertEquals(Math.PI, s.area(), 0.2 * Math.PI, s + "'s area");
    }
}
