package vaeexplorer.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers of the explorer's TestFX tests. */
final class FxTesting {
    private FxTesting() {}

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void run(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    static void await(String what, long millis, Callable<Boolean> condition) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!fx(condition)) {
            if (System.nanoTime() > end) throw new AssertionError("not within " + millis + " ms: " + what);
            sleep(20);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The dialog pane with this id in any open window, or null. */
    static DialogPane dialog(String id) {
        return fx(() -> {
            for (Window w : Window.getWindows()) {
                if (w.getScene() == null) continue;
                var n = w.getScene().getRoot().lookup("#" + id);
                if (n instanceof DialogPane p) return p;
            }
            return null;
        });
    }

    /** Closes a dialog with its first button (OK, Close). */
    static void close(DialogPane pane) {
        run(() -> ((javafx.scene.control.Button) pane.lookupButton(pane.getButtonTypes().get(0))).fire());
    }
}
