package vaeexplorer.ui.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import vaeexplorer.core.data.Dataset;

/** The legend runs into more columns when the plot is too short for one, so no class is cut off. */
@ExtendWith(ApplicationExtension.class)
class LegendViewTest {
    private final SimpleDoubleProperty font = new SimpleDoubleProperty(13);
    private LegendView legend;

    @Start
    void start(Stage stage) {
        List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        Dataset ten = new Dataset("ten", 2, 2, new byte[10 * 4], new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, names);
        legend = new LegendView(new SimpleObjectProperty<>(ten), font);
        legend.setMinHeight(0);
        legend.setManaged(false); // sized here as the plot's row would size it: its height given, its width its own
        stage.setScene(new Scene(new javafx.scene.layout.Pane(legend), 400, 800));
        stage.show();
        height(500);
    }

    /** Gives the legend this height and the width it asks for at that height, as the row beside the plot does. */
    private void height(double h) {
        legend.applyCss();
        for (int i = 0; i < 3; i++) {
            legend.resize(legend.prefWidth(h), h);
            legend.layout();
        }
    }

    private <T> T fx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void assertEveryNameInside() {
        Bounds box = fx(() -> legend.localToScene(legend.getLayoutBounds()));
        List<Bounds> items = fx(() -> legend.lookup("#legendItems").lookupAll(".legend-item").stream()
                .map((Node n) -> n.localToScene(n.getLayoutBounds())).toList());
        assertEquals(10, items.size());
        for (Bounds b : items) {
            assertTrue(b.getMaxY() <= box.getMaxY() + 0.5 && b.getMaxX() <= box.getMaxX() + 0.5,
                    "a name inside the legend's " + box + ": " + b);
        }
    }

    @Test
    void aTallLegendIsOneColumn() {
        assertEquals(1, (int) fx(legend::columns));
        assertEquals(List.of("Classes", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), fx(legend::texts));
        assertEveryNameInside();
    }

    @Test
    void largeTextInAShortPlotRunsTheNamesIntoMoreColumnsAndCutsNoneOff() {
        fx(() -> {
            font.set(26);
            height(260);
            return null;
        });
        assertTrue(fx(legend::columns) >= 2, "columns: " + fx(legend::columns));
        assertEveryNameInside();
        fx(() -> {
            height(780);
            return null;
        });
        assertEquals(1, (int) fx(legend::columns), "one column again when there is room");
    }
}
