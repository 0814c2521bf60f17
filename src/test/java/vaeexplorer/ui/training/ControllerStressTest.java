package vaeexplorer.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static vaeexplorer.ui.fixtures.FxTesting.fx;
import static vaeexplorer.ui.fixtures.FxTesting.sleep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.core.train.TrainingRun.State;

import vaeexplorer.ui.app.ErrorReporter;
import vaeexplorer.ui.app.Explorer;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.datasets.DatasetChoice;
import vaeexplorer.ui.fixtures.SmallData;

/**
 * A seeded random walk of a few thousand user actions through the window's own controls (buttons, keys, fields, the
 * data set box, the compare toggle, the timeline, drags on the plot), checking after each one that no action hangs,
 * the buttons agree with the run state, no trainer thread is left over, nothing was reported to the
 * {@link ErrorReporter}, and the FX thread keeps answering.
 */
@ExtendWith(ApplicationExtension.class)
class ControllerStressTest {
    static final long SEED = 20261122L;
    static final int ACTIONS = Integer.getInteger("stress.actions", 3000);
    /** No single action may take longer on the FX thread (a deadlock would hit this). */
    static final long ACTION_LIMIT_MS = 5_000;
    /**
     * Nor may the FX thread leave a ping unanswered this long: that is a hang, not slowness. How long pings wait is
     * printed, not asserted (a loaded machine makes any latency limit flaky; speed is measured by bench-ui).
     */
    static final long PING_HANG_SECONDS = 30;
    static final String TRAINER = "vae-trainer";

    private Explorer explorer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setWidth(1280);
        stage.setHeight(720);
        explorer = Explorer.open(stage, s -> {
            SmallData.smallModel(s);
            s.epochs().set("50");
        }, false);
    }

    @Stop
    void stop() {
        explorer.shutdown();
        FxTesting.closeWindows(explorer.stage());
    }

    private record Action(String name, int weight, Runnable run) {}

    @Test
    void thousandsOfRandomActionsKeepTheControllerConsistent(@TempDir Path dir) throws Exception {
        Set<Thread> before = new HashSet<>(trainerThreads());
        ErrorReporter reporter = new ErrorReporter(dir.resolve("stress.log"));
        List<ErrorReporter.Report> reports = new CopyOnWriteArrayList<>();
        reporter.setPresenter(reports::add);
        Thread.UncaughtExceptionHandler oldDefault = Thread.getDefaultUncaughtExceptionHandler();
        Thread.UncaughtExceptionHandler oldFx = fx(() -> Thread.currentThread().getUncaughtExceptionHandler());
        fx(() -> {
            reporter.install();
            return null;
        });
        AtomicBoolean pinging = new AtomicBoolean(true);
        AtomicLong worstPing = new AtomicLong();
        AtomicBoolean unanswered = new AtomicBoolean();
        List<Long> pings = Collections.synchronizedList(new ArrayList<>());
        Thread pinger = new Thread(() -> {
            while (pinging.get()) {
                long t0 = System.nanoTime();
                var done = new java.util.concurrent.CountDownLatch(1);
                Platform.runLater(done::countDown);
                try {
                    if (!done.await(PING_HANG_SECONDS, TimeUnit.SECONDS)) {
                        unanswered.set(true);
                        break;
                    }
                } catch (InterruptedException e) {
                    return;
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                pings.add(ms);
                worstPing.accumulateAndGet(ms, Math::max);
                sleep(50);
            }
        }, "stress-pinger");
        pinger.setDaemon(true);
        try {
            FxTesting.await("the first model", 15_000, () -> explorer.training().state().get() == State.IDLE);
            pinger.start();
            Random rnd = new Random(SEED);
            List<Action> actions = actions(rnd);
            int total = 0;
            for (Action a : actions) total += a.weight();
            int maxThreads = 0;
            long worstAction = 0;
            String worstActionName = "";
            long t0 = System.nanoTime();
            java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
            int nextCheckpoint = 250;
            for (int i = 0; i < ACTIONS; ) {
                // a burst of actions in one turn of the FX thread (as fast as a user can click, and faster), each
                // checked at once; between bursts the FX thread delivers snapshots and loads, and repaints
                int burst = Math.min(ACTIONS - i, 1 + rnd.nextInt(24));
                List<Action> chosen = new ArrayList<>();
                for (int k = 0; k < burst; k++) chosen.add(choose(actions, total, rnd));
                int first = i;
                long s0 = System.nanoTime();
                onFx("actions " + first + ".." + (first + burst - 1) + " " + names(chosen), () -> {
                    for (int k = 0; k < chosen.size(); k++) {
                        chosen.get(k).run().run();
                        checkButtons("after action " + (first + k) + " (" + chosen.get(k).name() + ")");
                    }
                    return null;
                });
                for (Action a : chosen) counts.merge(a.name(), 1, Integer::sum);
                long took = (System.nanoTime() - s0) / 1_000_000;
                if (took > worstAction) {
                    worstAction = took;
                    worstActionName = names(chosen);
                }
                i += burst;
                // Reset never waits for the replaced trainer (the FX thread does not wait for it), so right after a
                // burst with several resets some replaced threads may still be finishing their batch: give them a
                // bounded moment to end
                int threads = countNewWithin(before, 6, 2000);
                maxThreads = Math.max(maxThreads, threads);
                assertTrue(threads <= 6, "at most two trainer threads per slot even while replaced ones finish: " + threads
                        + " after " + names(chosen));
                assertEquals(0, reporter.reportedCount(), () -> "nothing reported, after " + names(chosen) + ": " + reports);
                if (rnd.nextInt(3) == 0) sleep(rnd.nextInt(15)); // let the trainers run now and then
                if (i >= nextCheckpoint) {
                    checkpoint(before, i);
                    nextCheckpoint += 250;
                }
            }
            long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
            checkpoint(before, ACTIONS);
            pinging.set(false);
            pinger.join(5_000);
            List<Long> sorted;
            synchronized (pings) {
                sorted = new ArrayList<>(pings);
            }
            Collections.sort(sorted);
            long p99 = sorted.isEmpty() ? 0 : sorted.get((int) (0.99 * (sorted.size() - 1)));
            System.out.printf(Locale.ROOT, "stress: %d actions in %d s; most trainer threads at once %d; slowest burst %d ms %s;"
                    + " FX ping p99 %d ms, worst %d ms; %s%n", ACTIONS, seconds, maxThreads, worstAction, worstActionName, p99,
                    worstPing.get(), counts);
            assertFalse(unanswered.get(), "the FX thread answered every ping within " + PING_HANG_SECONDS + " s");
            assertTrue(sorted.size() > 0, "the pinger ran");
            assertEquals(0, reporter.reportedCount(), () -> "nothing reported: " + reports);

            // closing the window ends every trainer thread
            fx(() -> {
                stage.close();
                return null;
            });
            long end = System.nanoTime() + 5_000_000_000L;
            while (countNew(before) > 0 && System.nanoTime() < end) sleep(20);
            assertEquals(0, countNew(before), "no trainer thread outlives the window");
        } finally {
            pinging.set(false);
            Thread.setDefaultUncaughtExceptionHandler(oldDefault);
            fx(() -> {
                Thread.currentThread().setUncaughtExceptionHandler(oldFx);
                return null;
            });
        }
    }

    private static Action choose(List<Action> actions, int total, Random rnd) {
        int pick = rnd.nextInt(total);
        for (Action c : actions) {
            pick -= c.weight();
            if (pick < 0) return c;
        }
        throw new AssertionError();
    }

    private static String names(List<Action> actions) {
        return actions.stream().map(Action::name).toList().toString();
    }

    // ---- the actions: what a user can do, through the controls ----

    private List<Action> actions(Random rnd) {
        List<Action> list = new ArrayList<>();
        list.add(new Action("Train", 8, () -> button("#trainButton").fire()));
        list.add(new Action("Pause", 8, () -> button("#pauseButton").fire()));
        list.add(new Action("Resume", 8, () -> button("#resumeButton").fire()));
        list.add(new Action("Step", 8, () -> button("#stepButton").fire()));
        list.add(new Action("Reset", 5, () -> button("#resetButton").fire()));
        list.add(new Action("answer Reset's question", 6, () -> answerResetQuestion(rnd)));
        list.add(new Action("Space", 8, () -> key(KeyCode.SPACE, false)));
        list.add(new Action("S", 4, () -> key(KeyCode.S, false)));
        list.add(new Action("Ctrl+R", 2, () -> key(KeyCode.R, true)));
        list.add(new Action("Ctrl+E resample", 3, () -> key(KeyCode.E, true)));
        list.add(new Action("beta", 4, () -> text("#betaField", pick(rnd, "0", "0.5", "1", "2", "4", "x", "-1"))));
        list.add(new Action("learning rate", 3, () -> text("#learningRateField",
                pick(rnd, "0.001", "0.003", "0.0005", "0.01", "fast", "0"))));
        list.add(new Action("KL warm-up", 2, () -> text("#klWarmupField", pick(rnd, "0", "2", "0.5", "-3"))));
        list.add(new Action("latent size", 3, () -> text("#latentField", pick(rnd, "2", "2", "3", "1", "0"))));
        list.add(new Action("data set", 3, () -> dataset(rnd)));
        list.add(new Action("drag z", 10, () -> drag(rnd)));
        list.add(new Action("select a point", 3, () -> {
            var c = explorer.latent().codes().get();
            if (c != null && c.size() > 0) explorer.latent().select(rnd.nextInt(c.size()));
        }));
        list.add(new Action("compare on/off", 4, () -> ((ButtonBase) lookup("#compareToggle")).fire()));
        list.add(new Action("timeline earlier", 3, () -> key(KeyCode.PAGE_UP, false)));
        list.add(new Action("timeline later", 2, () -> key(KeyCode.PAGE_DOWN, false)));
        list.add(new Action("timeline live", 2, () -> key(KeyCode.END, false)));
        list.add(new Action("hide/show chart", 1, () -> key(KeyCode.DIGIT2, true)));
        list.add(new Action("hide/show controls", 1, () -> key(KeyCode.DIGIT1, true)));
        list.add(new Action("nudge z", 3, () -> {
            Node plot = explorer.view().latentPanel().plot();
            if (plot.getScene() != null) Event.fireEvent(plot, keyEvent(KeyCode.LEFT, false));
        }));
        return list;
    }

    private static String pick(Random rnd, String... options) {
        return options[rnd.nextInt(options.length)];
    }

    /** Reset of a trained model asks: answer Reset without saving or Cancel, if the question is open. */
    private void answerResetQuestion(Random rnd) {
        for (javafx.stage.Window w : new ArrayList<>(javafx.stage.Window.getWindows())) {
            Node question = w.getScene() == null ? null : w.getScene().getRoot().lookup("#resetDialog");
            if (question != null) ((Button) question.lookup(rnd.nextBoolean() ? "#resetDialog-1" : "#resetDialog-2")).fire();
        }
    }

    private Node lookup(String id) {
        Node n = stage.getScene().getRoot().lookup(id);
        if (n == null) {
            // the controls may be hidden: they are still the same nodes
            explorer.presentation().showControls().set(true);
            n = stage.getScene().getRoot().lookup(id);
        }
        if (n == null) throw new AssertionError("no " + id);
        return n;
    }

    private Button button(String id) {
        return (Button) lookup(id);
    }

    private void text(String id, String value) {
        ((TextField) lookup(id)).setText(value);
    }

    @SuppressWarnings("unchecked")
    private void dataset(Random rnd) {
        ComboBox<DatasetChoice> box = (ComboBox<DatasetChoice>) lookup("#datasetChoice");
        box.setValue(pick(rnd, 6, SmallData.MNIST_1000, SmallData.FASHION_1000, DatasetChoice.MNIST, DatasetChoice.FASHION));
    }

    @SafeVarargs
    private static <T> T pick(Random rnd, int firstWeight, T first, T second, T... rest) {
        int r = rnd.nextInt(firstWeight + 4 + 2 * rest.length);
        if (r < firstWeight) return first;
        if (r < firstWeight + 4) return second;
        return rest[(r - firstWeight - 4) / 2];
    }

    private void key(KeyCode code, boolean ctrl) {
        Scene scene = stage.getScene();
        Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
        Event.fireEvent(target, keyEvent(code, ctrl));
    }

    private static KeyEvent keyEvent(KeyCode code, boolean ctrl) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, ctrl, false, false);
    }

    /** A drag across the visible plot (the explorer's, or one of compare mode's), while models may be replaced. */
    private void drag(Random rnd) {
        List<Node> plots = new ArrayList<>();
        for (String id : new String[] {"#latentPlot", "#aePlot", "#vaePlot"}) {
            Node n = stage.getScene().getRoot().lookup(id);
            if (n != null && n.getScene() != null) plots.add(n);
        }
        if (plots.isEmpty()) return;
        Node plot = plots.get(rnd.nextInt(plots.size()));
        double w = plot.getLayoutBounds().getWidth(), h = plot.getLayoutBounds().getHeight();
        double x = rnd.nextDouble() * w, y = rnd.nextDouble() * h;
        Event.fireEvent(plot, mouse(MouseEvent.MOUSE_PRESSED, plot, x, y));
        for (int k = 0; k < 3; k++) {
            x += rnd.nextGaussian() * 20;
            y += rnd.nextGaussian() * 20;
            Event.fireEvent(plot, mouse(MouseEvent.MOUSE_DRAGGED, plot, x, y));
        }
        Event.fireEvent(plot, mouse(MouseEvent.MOUSE_RELEASED, plot, x, y));
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, Node n, double x, double y) {
        var p = n.localToScreen(x, y);
        double sx = p == null ? x : p.getX(), sy = p == null ? y : p.getY();
        boolean down = type != MouseEvent.MOUSE_RELEASED;
        return new MouseEvent(type, x, y, sx, sy, MouseButton.PRIMARY, 1, false, false, false, false, down, false, false,
                true, false, false, null);
    }

    // ---- the invariants ----

    /** The Run buttons say what the run state allows (FX thread). */
    private void checkButtons(String when) {
        RunCommands run = explorer.compare().run();
        String[] ids = {"#trainButton", "#pauseButton", "#resumeButton", "#stepButton", "#resetButton"};
        boolean[] can = {run.canTrain().get(), run.canPause().get(), run.canResume().get(), run.canStep().get(),
                run.canReset().get()};
        for (int k = 0; k < ids.length; k++)
            if (button(ids[k]).isDisabled() == can[k]) fail(ids[k] + " enabled " + !button(ids[k]).isDisabled()
                    + " but its command " + (can[k] ? "applies" : "does not apply") + ", " + when);
        List<TrainingModel> active = explorer.compare().on().get() ? explorer.compare().pair().both() : List.of(explorer.training());
        boolean anyRunning = false, anyPausedOrDiverged = false, anyTrainable = false;
        for (TrainingModel t : active) {
            State s = t.state().get();
            anyRunning |= s == State.RUNNING;
            anyPausedOrDiverged |= s == State.PAUSED || s == State.DIVERGED;
            anyTrainable |= !t.resetting().get() && (s == null || s == State.IDLE || s.isOver());
            if (t.resetting().get() && (t.canTrain().get() || t.canStep().get() || t.canReset().get()))
                fail("while a model is being built nothing but Pause/Resume of the others applies, " + when);
        }
        if (run.canPause().get() != anyRunning) fail("Pause enabled " + run.canPause().get() + " but running " + anyRunning
                + ", " + when);
        if (run.canResume().get() != anyPausedOrDiverged) fail("Resume enabled " + run.canResume().get() + ", " + when);
        if (run.canTrain().get() && !anyTrainable) fail("Train enabled while every run is busy, " + when);
    }

    /**
     * After things settle: exactly one live trainer thread per slot whose run is alive, and each slot's state what its
     * run says (running runs run, paused ones wait, idle ones have not started, ended ones have ended).
     */
    private void checkpoint(Set<Thread> before, int i) {
        long end = System.nanoTime() + 5_000_000_000L;
        String problem;
        while ((problem = fx(this::slotProblem)) != null || countNew(before) != fx(this::aliveSlots)) {
            if (System.nanoTime() > end) fail("checkpoint after " + i + " actions: " + (problem != null ? problem
                    : countNew(before) + " trainer threads for " + fx(this::aliveSlots) + " live runs"));
            sleep(50);
        }
        assertTrue(countNew(before) <= 3, "three slots at most");
    }

    private List<TrainingModel> slots() {
        List<TrainingModel> all = new ArrayList<>();
        all.add(explorer.training());
        all.addAll(explorer.compare().pair().both());
        return all;
    }

    private int aliveSlots() {
        int n = 0;
        for (TrainingModel t : slots()) if (t.currentRun() != null && t.currentRun().isAlive()) n++;
        return n;
    }

    /** Null when every slot's state matches its run, else what does not. */
    private String slotProblem() {
        for (TrainingModel t : slots()) {
            State s = t.state().get();
            TrainingRun r = t.currentRun();
            if (t.resetting().get()) continue;
            if (s == null) {
                if (r != null) return "a run but no state";
                continue;
            }
            if (r == null) return "state " + s + " without a run";
            boolean ok = switch (s) {
                case RUNNING -> r.isAlive() && r.state() == State.RUNNING;
                case PAUSED -> r.isAlive() && r.state() == State.PAUSED;
                case IDLE -> !r.isAlive() && r.state() == State.IDLE;
                default -> !r.isAlive() && r.state() == s;
            };
            if (!ok) return "model says " + s + " but its run is " + r.state() + (r.isAlive() ? " (alive)" : " (ended)");
        }
        return null;
    }

    private static List<Thread> trainerThreads() {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.isAlive() && TRAINER.equals(t.getName())) out.add(t);
        return out;
    }

    /** The count of new trainer threads once it is at most limit, or after waiting up to ms, whichever comes first. */
    private static int countNewWithin(Set<Thread> before, int limit, long ms) {
        long end = System.nanoTime() + ms * 1_000_000L;
        int n = countNew(before);
        while (n > limit && System.nanoTime() < end) {
            sleep(10);
            n = countNew(before);
        }
        return n;
    }

    private static int countNew(Set<Thread> before) {
        int n = 0;
        for (Thread t : trainerThreads()) if (!before.contains(t)) n++;
        return n;
    }

    private static <T> T onFx(String what, Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(ACTION_LIMIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            StringBuilder dump = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, st) -> {
                dump.append('\n').append(t.getName()).append(' ').append(t.getState());
                for (StackTraceElement el : st) dump.append("\n    at ").append(el);
            });
            throw new AssertionError(what + " did not finish within " + ACTION_LIMIT_MS + " ms (deadlock?)" + dump);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(what + " failed", e.getCause());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
