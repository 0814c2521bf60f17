package vaeexplorer.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Text on a canvas breaks into lines as a label's would: at spaces, between Chinese characters, not before a comma. */
@ExtendWith(ApplicationExtension.class)
class CanvasTextTest {
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
    void chineseTextWrapsBetweenCharactersButNotBeforeClosingPunctuation() {
        String text = "模型训练时,损失曲线会显示在这里。按“训练”(或“单步”):留出的测试图像将显示在这里,位置由编码器决定。";
        List<String> lines = fx(() -> CanvasText.wrap(text, Font.font(14), 120));
        assertTrue(lines.size() > 2, lines.toString());
        assertEquals(text, String.join("", lines), "nothing added or lost");
        for (String line : lines) {
            assertFalse(",。、:)”".indexOf(line.charAt(0)) >= 0, "starts with closing punctuation: " + lines);
            assertFalse("“(".indexOf(line.charAt(line.length() - 1)) >= 0, "ends with opening punctuation: " + lines);
        }
        List<String> english = fx(() -> CanvasText.wrap("Press Train (or Step): the held-out images appear here.",
                Font.font(14), 120));
        assertEquals("Press Train (or Step): the held-out images appear here.", String.join(" ", english));
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
