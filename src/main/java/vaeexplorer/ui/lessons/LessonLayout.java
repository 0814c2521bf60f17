package vaeexplorer.ui.lessons;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.widgets.ImageGridView;

/** The parts every lesson's text is built of, so that all lessons read alike: the side column, a sentence, a figure. */
public final class LessonLayout {
    private LessonLayout() {}

    /**
     * The text column beside a lesson's image grid: it grows into what the grid leaves (about 16 characters wide at
     * least), and its explanation keeps its full height rather than being cut.
     */
    public static VBox sidePanel(LessonContext ctx, Label explain, Node... children) {
        VBox side = new VBox(children);
        side.getStyleClass().add("lesson-side");
        side.setMinWidth(0);
        HBox.setHgrow(side, Priority.ALWAYS);
        side.prefWidthProperty().bind(ctx.fontSize().multiply(16));
        explain.setMinHeight(Region.USE_PREF_SIZE);
        return side;
    }

    /** A number of a formula's table, "–" until it is known (style class formula-value, never cut). */
    public static Label formulaValue(String id) {
        Label l = new Label("\u2013");
        l.setId(id);
        l.getStyleClass().add("formula-value");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A sentence of a lesson in the language shown, wrapped and never cut. */
    public static Label sentence(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.tr(key));
        l.setWrapText(true);
        l.getStyleClass().add("lesson-text");
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** A strip's title above it (the Nearest and Arithmetic lessons' strips); as wide as the strip is at the height it gets (its images fill the height). */
    public static VBox strip(String titleKey, ImageGridView grid) {
        Label t = sentence(titleKey);
        t.getStyleClass().add("panel-title");
        t.setMinWidth(0);
        t.maxWidthProperty().bind(grid.widthProperty()); // wraps within the strip, never over the words beside it
        VBox box = new VBox(2, t, grid) {
            @Override
            public Orientation getContentBias() {
                return Orientation.VERTICAL;
            }

            @Override
            protected double computePrefWidth(double height) {
                double gridHeight = height < 0 ? -1 : Math.max(0, height - 2 * t.prefHeight(-1) - getSpacing());
                return grid.prefWidth(gridHeight);
            }
        };
        VBox.setVgrow(grid, Priority.ALWAYS);
        VBox.setVgrow(box, Priority.ALWAYS);
        box.setMinWidth(0);
        return box;
    }
}
