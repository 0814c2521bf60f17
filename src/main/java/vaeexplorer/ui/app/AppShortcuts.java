package vaeexplorer.ui.app;

import static vaeexplorer.ui.app.Shortcuts.ctrl;
import static vaeexplorer.ui.app.Shortcuts.key;
import static vaeexplorer.ui.app.Shortcuts.shift;

import javafx.beans.property.BooleanProperty;
import javafx.scene.input.KeyCode;

import vaeexplorer.ui.compare.CompareMode;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.timeline.EpochTimeline;
import vaeexplorer.ui.widgets.TextScale;

/**
 * The one table of the window's keyboard shortcuts: what each key does, in which group of the Help list. Keys the
 * latent plot handles while it has the focus are listed here too (scope PLOT), so the Help list is complete.
 */
final class AppShortcuts {
    private AppShortcuts() {}

    static Shortcuts create(CompareMode compare, ResampleHooks resample, EpochTimeline timeline, Presentation presentation,
                            TextScale text, Runnable help) {
        String training = "shortcuts.group.training", time = "shortcuts.group.timeline", view = "shortcuts.group.view",
                plot = "shortcuts.group.plot", keyboard = "shortcuts.group.keyboard";
        // timeline keys act on the explorer's model only (compare mode has no timeline)
        java.util.function.Function<Runnable, Runnable> timelineOnly = r -> () -> {
            if (!compare.on().get()) r.run();
        };
        return new Shortcuts()
                .add("toggleTraining", training, "shortcuts.toggleTraining", Shortcuts.Scope.BOUND, compare.run()::toggle,
                        key(KeyCode.SPACE), ctrl(KeyCode.T))
                .add("step", training, "shortcuts.step", Shortcuts.Scope.BOUND, compare.run()::stepOnce,
                        key(KeyCode.S), ctrl(KeyCode.RIGHT))
                .add("reset", training, "shortcuts.reset", Shortcuts.Scope.BOUND, compare.run()::reset, ctrl(KeyCode.R))
                .add("compare", training, "shortcuts.compare", Shortcuts.Scope.BOUND, compare::toggle, ctrl(KeyCode.B))
                .add("resample", training, "shortcuts.resample", Shortcuts.Scope.BOUND, resample::resample, ctrl(KeyCode.E))
                .add("earlier", time, "shortcuts.earlier", Shortcuts.Scope.BOUND, timelineOnly.apply(timeline::earlier),
                        key(KeyCode.PAGE_UP))
                .add("later", time, "shortcuts.later", Shortcuts.Scope.BOUND, timelineOnly.apply(timeline::later),
                        key(KeyCode.PAGE_DOWN))
                .add("live", time, "shortcuts.live", Shortcuts.Scope.BOUND, timelineOnly.apply(timeline::live),
                        key(KeyCode.END))
                .add("presentation", view, "shortcuts.presentation", Shortcuts.Scope.BOUND, presentation::toggle,
                        key(KeyCode.F11))
                .add("controls", view, "shortcuts.controls", Shortcuts.Scope.BOUND,
                        () -> flip(presentation.showControls()), ctrl(KeyCode.DIGIT1))
                .add("chart", view, "shortcuts.chart", Shortcuts.Scope.BOUND,
                        () -> flip(presentation.showChart()), ctrl(KeyCode.DIGIT2))
                .add("help", view, "shortcuts.help", Shortcuts.Scope.BOUND, help, key(KeyCode.F1))
                // Ctrl+= and the keypad's + also mean "larger" (Plus needs Shift on most keyboards); listed as the View
                // menu's items are called
                .add("largerAlias", view, () -> I18n.format("shortcuts.asMenuItem", I18n.get("menu.largerText"),
                        I18n.get("menu.view")), Shortcuts.Scope.BOUND, text::larger, ctrl(KeyCode.EQUALS), ctrl(KeyCode.ADD))
                .add("smallerAlias", view, () -> I18n.format("shortcuts.asMenuItem", I18n.get("menu.smallerText"),
                        I18n.get("menu.view")), Shortcuts.Scope.BOUND, text::smaller, ctrl(KeyCode.SUBTRACT))
                .add("nudge", plot, "shortcuts.nudge", Shortcuts.Scope.PLOT, null,
                        key(KeyCode.LEFT), key(KeyCode.RIGHT), key(KeyCode.UP), key(KeyCode.DOWN))
                .add("nudgeMore", plot, "shortcuts.nudgeMore", Shortcuts.Scope.PLOT, null,
                        shift(KeyCode.LEFT), shift(KeyCode.RIGHT), shift(KeyCode.UP), shift(KeyCode.DOWN))
                .add("zoomIn", plot, "shortcuts.zoomIn", Shortcuts.Scope.PLOT, null, key(KeyCode.PLUS), key(KeyCode.EQUALS),
                        key(KeyCode.ADD))
                .add("zoomOut", plot, "shortcuts.zoomOut", Shortcuts.Scope.PLOT, null, key(KeyCode.MINUS),
                        key(KeyCode.SUBTRACT))
                .add("selectNearest", plot, "shortcuts.selectNearest", Shortcuts.Scope.PLOT, null, key(KeyCode.ENTER))
                .add("resetView", plot, "shortcuts.resetView", Shortcuts.Scope.PLOT, null, key(KeyCode.HOME))
                .add("selectMore", plot, "shortcuts.selectMore", Shortcuts.Scope.PLOT, null, ctrl(KeyCode.ENTER))
                .add("setEnd", plot, "shortcuts.setEnd", Shortcuts.Scope.PLOT, null, Shortcuts.ctrlShift(KeyCode.ENTER))
                // what JavaFX's controls do by themselves, so the list tells how far the keyboard alone goes
                .add("focus", keyboard, "shortcuts.focus", Shortcuts.Scope.CONTROLS, null, key(KeyCode.TAB),
                        shift(KeyCode.TAB))
                .add("press", keyboard, "shortcuts.press", Shortcuts.Scope.CONTROLS, null, key(KeyCode.SPACE))
                .add("menus", keyboard, "shortcuts.menus", Shortcuts.Scope.CONTROLS, null, key(KeyCode.F10))
                .add("tabs", keyboard, "shortcuts.tabs", Shortcuts.Scope.CONTROLS, null, ctrl(KeyCode.TAB),
                        Shortcuts.ctrlShift(KeyCode.TAB))
                .add("close", keyboard, "shortcuts.closeDialog", Shortcuts.Scope.CONTROLS, null, key(KeyCode.ESCAPE))
                .add("drawMove", keyboard, "shortcuts.drawMove", Shortcuts.Scope.DRAWING, null, key(KeyCode.LEFT),
                        key(KeyCode.RIGHT), key(KeyCode.UP), key(KeyCode.DOWN))
                .add("drawPen", keyboard, "shortcuts.drawPen", Shortcuts.Scope.DRAWING, null, key(KeyCode.SPACE))
                .add("drawEraser", keyboard, "shortcuts.drawEraser", Shortcuts.Scope.DRAWING, null, key(KeyCode.E))
                .add("worstStrip", keyboard, "shortcuts.worstStrip", Shortcuts.Scope.STRIP, null, key(KeyCode.LEFT),
                        key(KeyCode.RIGHT), key(KeyCode.ENTER), key(KeyCode.SPACE));
    }

    private static void flip(BooleanProperty p) {
        p.set(!p.get());
    }
}
