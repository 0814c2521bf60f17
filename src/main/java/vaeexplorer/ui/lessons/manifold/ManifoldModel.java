package vaeexplorer.ui.lessons.manifold;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import vaeexplorer.core.vae.LatentGrid.Spacing;

/** The manifold map's settings, shared by its tab and the scatter's background: grid size, spacing, background on. */
public final class ManifoldModel {
    static final int DEFAULT_SIZE = 20;
    private final IntegerProperty gridSize = new SimpleIntegerProperty(DEFAULT_SIZE);
    private final ObjectProperty<Spacing> spacing = new SimpleObjectProperty<>(Spacing.LINEAR);
    private final BooleanProperty background = new SimpleBooleanProperty(false);

    /** Images per axis. */
    IntegerProperty gridSize() { return gridSize; }
    /** Linear over the scatter's view, or at the prior's quantiles. */
    ObjectProperty<Spacing> spacing() { return spacing; }
    /** Whether the scatter shows the map faintly under its points. */
    public BooleanProperty background() { return background; }
}
