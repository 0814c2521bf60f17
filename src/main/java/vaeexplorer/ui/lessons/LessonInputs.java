package vaeexplorer.ui.lessons;

import java.util.Arrays;

import javafx.beans.value.ObservableValue;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.vae.ModelSnapshot;

import vaeexplorer.ui.latent.LatentModel;

/**
 * What a lesson computes from, read from the explored latent point: the model that fits it, the images' shape, and
 * the changes a lesson must follow (only those it depends on).
 */
public final class LessonInputs {
    private LessonInputs() {}

    /** The latest model if it matches the explored z (its latent size), else null. */
    public static ModelSnapshot model(LatentModel latent) {
        ModelSnapshot m = latent.model().get();
        return m != null && m.latent() == latent.size().get() && m.latent() > 0 ? m : null;
    }

    /** Rows and columns of the model's images: the shown data set's, else a square. */
    public static int[] shape(LatentModel latent, ModelSnapshot m) {
        Dataset d = latent.shown().get();
        if (d != null && d.imageSize() == m.inputSize()) return new int[] {d.rows(), d.cols()};
        int side = (int) Math.round(Math.sqrt(m.inputSize()));
        return side * side == m.inputSize() ? new int[] {side, side} : new int[] {1, m.inputSize()};
    }

    /**
     * z with its coordinates in the plotted plane set to 0 (the plotted dimensions, or the first two components):
     * what a map over the plotted plane depends on.
     */
    static float[] unplotted(LatentModel latent) {
        float[] z = latent.z().get();
        vaeexplorer.ui.latent.LatentPlane p = latent.plane().get();
        return z.length == p.latent() ? p.toZ(0, 0, z) : z.clone();
    }

    /** Calls r whenever the non-plotted part of z changes (not on moves within the plotted plane). */
    public static void onUnplottedChange(LatentModel latent, Runnable r) {
        float[][] last = {unplotted(latent)};
        latent.z().addListener((o, a, b) -> {
            float[] now = unplotted(latent);
            if (!Arrays.equals(now, last[0])) {
                last[0] = now;
                r.run();
            }
        });
    }

    /** Calls r whenever any of the values changes. */
    public static void onChange(Runnable r, ObservableValue<?>... values) {
        for (ObservableValue<?> v : values) v.addListener((o, a, b) -> r.run());
    }
}
