package vaeexplorer.ui.lessons.posterior;

import java.util.HashMap;
import java.util.Map;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vaeexplorer.core.nn.Rng;

import vaeexplorer.ui.latent.LatentModel;

/**
 * The data points whose posteriors q(z|x) = N(mu, sigma^2) the scatter draws: the selected points (a click selects one,
 * Ctrl+click adds or removes one) and the point under the mouse. Each point has a few fixed noise vectors eps, so
 * its sampled z = mu + sigma * eps move smoothly with the model instead of jumping on every update.
 */
public final class PosteriorSelection {
    static final int SAMPLES = 5;
    private final LatentModel latent;
    private final ObservableList<Integer> selected = FXCollections.observableArrayList();
    private final IntegerProperty hovered = new SimpleIntegerProperty(-1);
    private final Map<Integer, float[]> eps = new HashMap<>();
    private boolean adding;

    public PosteriorSelection(LatentModel latent) {
        this.latent = latent;
        latent.selected().addListener((o, a, b) -> {
            if (adding) return;
            if (b.intValue() >= 0) selected.setAll(b.intValue());
            else selected.clear();
        });
        latent.shown().addListener((o, a, b) -> {
            hovered.set(-1);
            eps.clear();
        });
        latent.size().addListener((o, a, b) -> eps.clear());
    }

    /** Indices into the codes, in the order they were selected. */
    public ObservableList<Integer> selected() {
        return selected;
    }

    /** The point under the mouse, or -1. */
    public IntegerProperty hovered() {
        return hovered;
    }

    /** Adds point i to the selection (and makes it the explored one), or removes it if it is selected. */
    public void toggle(int i) {
        if (selected.contains(i)) {
            selected.remove(Integer.valueOf(i));
            return;
        }
        adding = true;
        try {
            latent.select(i);
        } finally {
            adding = false;
        }
        selected.add(i);
    }

    public void clear() {
        selected.clear();
        latent.clearSelection();
    }

    /** The fixed eps of point i: SAMPLES x latent standard normal values, row-major. */
    public float[] eps(int i, int latentSize) {
        float[] e = eps.get(i);
        if (e == null || e.length != SAMPLES * latentSize) {
            Rng rng = new Rng(0x5EED_0000L + i * 7919L);
            e = new float[SAMPLES * latentSize];
            for (int k = 0; k < e.length; k++) e[k] = (float) rng.nextGaussian();
            eps.put(i, e);
        }
        return e;
    }
}
