package vaeexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vaeexplorer.ui.app.WindowPlacement.Bounds;

/** Where the window opens: large the first time, as it was left later, on the main screen when its screen is gone. */
class WindowPlacementTest {
    @TempDir
    Path tmp;

    private static final Rectangle2D MAIN = new Rectangle2D(0, 0, 1600, 970);
    private static final Rectangle2D RIGHT = new Rectangle2D(1600, 0, 1920, 1050);

    @Test
    void theFirstTimeItTakesMostOfTheMainScreenCentred() {
        Bounds b = WindowPlacement.choose(null, List.of(MAIN), 900, 560);
        assertEquals(Math.round(1600 * WindowPlacement.FIRST_SHARE), b.width());
        assertEquals(Math.round(970 * WindowPlacement.FIRST_SHARE), b.height());
        assertEquals((1600 - b.width()) / 2, b.x(), 1);
        assertEquals((970 - b.height()) / 2, b.y(), 1);
        assertFalse(b.maximized());
    }

    @Test
    void itComesBackWhereItWasLeftOnAnyScreenMaximisedAsItWas() {
        Bounds left = new Bounds(1700, 40, 1200, 800, true);
        assertEquals(left, WindowPlacement.choose(left, List.of(MAIN, RIGHT), 900, 560));
        Bounds onMain = new Bounds(30, 20, 1000, 700, false);
        assertEquals(onMain, WindowPlacement.choose(onMain, List.of(MAIN, RIGHT), 900, 560));
    }

    @Test
    void aPlaceOnAScreenThatIsGoneOrASizeNoScreenHoldsGivesTheDefault() {
        Bounds onProjector = new Bounds(1700, 40, 1200, 800, true);
        Bounds b = WindowPlacement.choose(onProjector, List.of(MAIN), 900, 560);
        assertTrue(MAIN.contains(b.x(), b.y(), b.width(), b.height()), b.toString());
        assertEquals(Math.round(1600 * WindowPlacement.FIRST_SHARE), b.width());
        assertTrue(b.maximized(), "still maximised, now on the main screen");
        Bounds huge = new Bounds(0, 0, 4000, 3000, false);
        Bounds h = WindowPlacement.choose(huge, List.of(MAIN), 900, 560);
        assertTrue(MAIN.contains(h.x(), h.y(), h.width(), h.height()), h.toString());
    }

    @Test
    void aWindowHangingOverTheEdgeIsMovedBackOntoItsScreen() {
        Bounds over = new Bounds(1400, 600, 1000, 700, false);
        Bounds b = WindowPlacement.choose(over, List.of(MAIN), 900, 560);
        assertEquals(600, b.x());
        assertEquals(270, b.y());
        assertEquals(1000, b.width());
    }

    @Test
    void theFileKeepsTheBoundsAndABrokenOneIsForgotten() throws Exception {
        Path f = tmp.resolve("home").resolve("window.properties");
        WindowPlacement p = new WindowPlacement(f);
        assertNull(p.saved());
        Bounds b = new Bounds(12, 34, 1111, 777, true);
        p.save(b);
        assertEquals(b, new WindowPlacement(f).saved());
        Files.writeString(f, "x=12\ny=oops\nwidth=1111\nheight=777\n");
        assertNull(new WindowPlacement(f).saved());
        Files.writeString(f, "x=12\ny=3\nwidth=-5\nheight=777\n");
        assertNull(new WindowPlacement(f).saved());
    }
}
