package vaeexplorer.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.util.List;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The grid's column labels never run into each other (they shrink to the column's width when they must), and its
 * empty message wraps over lines instead of being squeezed into one.
 */
@ExtendWith(ApplicationExtension.class)
class ImageGridViewTest {
    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    private static double width(String s, Font f) {
        Text t = new Text(s);
        t.setFont(f);
        return t.getLayoutBounds().getWidth();
    }

    @Test
    void columnLabelsFitTheirColumns() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ImageGridView g = new ImageGridView("grid", 2, new SimpleDoubleProperty(20));
            g.setColumnLabels(List.of("346", "306", "1,204"));
            Font big = Font.font(20);
            Font narrow = g.columnFont(big, 30);
            assertTrue(width("1,204", narrow) <= 0.9 * 30 + 0.5, "the widest label fits a 30 px column: " + narrow);
            assertTrue(narrow.getSize() < big.getSize());
            assertEquals(big, g.columnFont(big, 200), "room enough: the font as it is");
        }).get();
    }

    @Test
    void anEmptyImageGridWrapsItsMessageInsteadOfSqueezingItIntoOneLine() {
        String message = "Train a model: the training images nearest the decoded image appear here.";
        ImageGridView.EmptyText t = fx(() -> {
            ImageGridView g = new ImageGridView("grid", 2, new SimpleDoubleProperty(14));
            g.emptyText().set(message);
            return g.emptyText(Font.font(14), 240, 90);
        });
        assertTrue(t.lines().size() > 1, "one line would be wider than 240 px: " + t.lines());
        assertEquals(message, String.join(" ", t.lines()));
        for (String line : t.lines())
            assertTrue(fx(() -> width(line, t.font())) <= 240 - 14 + 0.5, "\"" + line + "\" fits");
        assertTrue(t.lines().size() * 1.3 * t.font().getSize() <= 90, "the lines fit the height: " + t);
        ImageGridView.EmptyText roomy = fx(() -> {
            ImageGridView g = new ImageGridView("grid", 2, new SimpleDoubleProperty(14));
            g.emptyText().set(message);
            return g.emptyText(Font.font(14), 2000, 90);
        });
        assertEquals(List.of(message), roomy.lines(), "room enough: one line");
        assertEquals(14, roomy.font().getSize(), 1e-9);
    }
}
