package vaeexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;

import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Two threads laying out text at once, as the FX thread (labels) and the render thread (a canvas's fillText) do in
 * the app: JavaFX's shared glyph layout on Linux let one thread take it while the other was still freeing it, and the
 * FX thread's pulse died of a ConcurrentModificationException (seen once in LessonTabsReachTest).
 */
@ExtendWith(ApplicationExtension.class)
class SharedGlyphLayoutTest {

    @Test
    void textLaidOutOnTwoThreadsAtOnceNeverThrows() throws Exception {
        SharedGlyphLayout.hold();
        assertTrue(SharedGlyphLayout.heldIsShared(), "the shared glyph layout is held");
        int threads = 2, rounds = 20_000;
        CyclicBarrier start = new CyclicBarrier(threads);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        double[] widths = new double[threads];
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < rounds; i++) widths[id] += new Text((id == 0 ? "x\u0302 = " : "x = ") + i).getLayoutBounds().getWidth();
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "text-layout-" + t);
            all.add(th);
            th.start();
        }
        for (Thread th : all) th.join();
        assertEquals(List.of(), failures.stream().map(Throwable::toString).toList());
        for (double w : widths) assertTrue(w > rounds, "the texts were laid out (total width " + w + ")");
    }
}
