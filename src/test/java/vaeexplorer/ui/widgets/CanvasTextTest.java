package vaeexplorer.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.fx;

import java.util.List;

import javafx.scene.text.Font;
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
}
