package vaeexplorer.ui.app;

import static vaeexplorer.ui.app.Shortcuts.ctrl;
import static vaeexplorer.ui.app.Shortcuts.key;
import static vaeexplorer.ui.app.Shortcuts.shift;

import java.util.List;
import java.util.Random;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import vaeexplorer.core.train.TrainingRun.State;

import vaeexplorer.ui.compare.CompareModel;
import vaeexplorer.ui.compare.CompareView;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.latent.DecodedView;
import vaeexplorer.ui.latent.LatentPanel;
import vaeexplorer.ui.timeline.EpochTimeline;
import vaeexplorer.ui.training.LossChartView;
import vaeexplorer.ui.training.RunCommands;
import vaeexplorer.ui.training.TrainingModel;

/**
 * The classroom side of one explorer window: compare mode (beta = 0 vs 1), the epoch timeline, presentation mode and
 * hideable panels, the Resample hooks, and the keyboard shortcuts (one table for the keys and the Help list).
 */
public final class Classroom {
    /** Where the plot / chart divider goes in presentation mode. */
    static final double PRESENTATION_DIVIDER = 0.68;

    private final Explorer x;
    private final CompareModel compare;
    private final BooleanProperty compareMode = new SimpleBooleanProperty(false);
    private final ActiveRun run;
    private final EpochTimeline timeline;
    private final Presentation presentation;
    private final ResampleHooks resample = new ResampleHooks();
    private final Shortcuts shortcuts = new Shortcuts();
    private final Random random = new Random();
    private CompareView compareView;
    private boolean mainWasRunning;

    Classroom(Explorer x) {
        this.x = x;
        compare = new CompareModel(x.settings(), x.library());
        run = new ActiveRun(compareMode, x.training(), compare);
        timeline = new EpochTimeline(x.training());
        presentation = new Presentation(x.stage(), x.text());
        compareMode.addListener((o, was, on) -> compareSwitched(on));

        String training = "shortcuts.group.training", time = "shortcuts.group.timeline", view = "shortcuts.group.view",
                plot = "shortcuts.group.plot";
        shortcuts
                .add("toggleTraining", training, "shortcuts.toggleTraining", Shortcuts.Scope.BOUND, run::toggle,
                        key(KeyCode.SPACE), ctrl(KeyCode.T))
                .add("step", training, "shortcuts.step", Shortcuts.Scope.BOUND, run::stepOnce,
                        key(KeyCode.S), ctrl(KeyCode.RIGHT))
                .add("reset", training, "shortcuts.reset", Shortcuts.Scope.BOUND, run::reset, ctrl(KeyCode.R))
                .add("compare", training, "shortcuts.compare", Shortcuts.Scope.BOUND,
                        () -> compareMode.set(!compareMode.get()), ctrl(KeyCode.B))
                .add("resample", training, "shortcuts.resample", Shortcuts.Scope.BOUND, resample::resample, ctrl(KeyCode.E))
                .add("earlier", time, "shortcuts.earlier", Shortcuts.Scope.BOUND, () -> timelineDo(timeline::earlier),
                        key(KeyCode.PAGE_UP))
                .add("later", time, "shortcuts.later", Shortcuts.Scope.BOUND, () -> timelineDo(timeline::later),
                        key(KeyCode.PAGE_DOWN))
                .add("live", time, "shortcuts.live", Shortcuts.Scope.BOUND, () -> timelineDo(timeline::live),
                        key(KeyCode.END))
                .add("presentation", view, "shortcuts.presentation", Shortcuts.Scope.BOUND, presentation::toggle,
                        key(KeyCode.F11))
                .add("controls", view, "shortcuts.controls", Shortcuts.Scope.BOUND,
                        () -> flip(presentation.showControls()), ctrl(KeyCode.DIGIT1))
                .add("chart", view, "shortcuts.chart", Shortcuts.Scope.BOUND,
                        () -> flip(presentation.showChart()), ctrl(KeyCode.DIGIT2))
                .add("help", view, "shortcuts.help", Shortcuts.Scope.BOUND, this::showHelp, key(KeyCode.F1))
                // as the View menu's items are called (MainView's texts)
                .add("largerAlias", view, () -> I18n.format("shortcuts.asMenuItem", I18n.get("menu.largerText"),
                        I18n.get("menu.view")), Shortcuts.Scope.ELSEWHERE, null, ctrl(KeyCode.EQUALS), ctrl(KeyCode.ADD))
                .add("smallerAlias", view, () -> I18n.format("shortcuts.asMenuItem", I18n.get("menu.smallerText"),
                        I18n.get("menu.view")), Shortcuts.Scope.ELSEWHERE, null, ctrl(KeyCode.SUBTRACT))
                .add("nudge", plot, "shortcuts.nudge", Shortcuts.Scope.PLOT, null,
                        key(KeyCode.LEFT), key(KeyCode.RIGHT), key(KeyCode.UP), key(KeyCode.DOWN))
                .add("nudgeMore", plot, "shortcuts.nudgeMore", Shortcuts.Scope.PLOT, null,
                        shift(KeyCode.LEFT), shift(KeyCode.RIGHT), shift(KeyCode.UP), shift(KeyCode.DOWN))
                .add("zoomIn", plot, "shortcuts.zoomIn", Shortcuts.Scope.PLOT, null, key(KeyCode.PLUS), key(KeyCode.EQUALS),
                        key(KeyCode.ADD))
                .add("zoomOut", plot, "shortcuts.zoomOut", Shortcuts.Scope.PLOT, null, key(KeyCode.MINUS),
                        key(KeyCode.SUBTRACT))
                .add("resetView", plot, "shortcuts.resetView", Shortcuts.Scope.PLOT, null, key(KeyCode.HOME));
    }

    private static void flip(BooleanProperty p) {
        p.set(!p.get());
    }

    /** Timeline keys act on the explorer's model only (compare mode has no timeline). */
    private void timelineDo(Runnable r) {
        if (!compareMode.get()) r.run();
    }

    // ---- for the explorer and its views ----

    /** What the Run buttons and keys drive: the explorer's model, or both compare runs. */
    public RunCommands run() { return run; }
    /** Compare beta = 0 vs 1: on shows the two runs instead of the explorer's plot and chart. */
    public BooleanProperty compareMode() { return compareMode; }
    public CompareModel compare() { return compare; }
    public EpochTimeline timeline() { return timeline; }
    /** Register a view's Resample action here (Ctrl+E runs those on screen). */
    public ResampleHooks resampleHooks() { return resample; }
    public Presentation presentation() { return presentation; }
    public Shortcuts shortcuts() { return shortcuts; }
    CompareView compareView() { return compareView; }

    /** Binds the shortcuts in the scene. */
    void install(Scene scene) {
        shortcuts.install(scene);
    }

    /** The compare toggle for the side bar's Run section. */
    ToggleButton compareToggle() {
        ToggleButton b = new ToggleButton();
        b.textProperty().bind(I18n.tr("classroom.compare"));
        b.setId("compareToggle");
        b.setMaxWidth(Double.MAX_VALUE);
        b.selectedProperty().bindBidirectional(compareMode);
        return b;
    }

    /** Items for the View menu. */
    List<MenuItem> viewMenuItems() {
        CheckMenuItem present = check("classroom.presentationMode", "presentationItem", presentation.on(), "presentation");
        CheckMenuItem controls = check("classroom.showControls", "showControlsItem", presentation.showControls(), "controls");
        CheckMenuItem chart = check("classroom.showChart", "showChartItem", presentation.showChart(), "chart");
        CheckMenuItem cmp = check("classroom.compare", "compareItem", compareMode, "compare");
        MenuItem again = new MenuItem();
        again.textProperty().bind(I18n.tr("classroom.resampleFromPrior"));
        again.setId("resampleItem");
        again.setAccelerator(shortcuts.key("resample"));
        again.setOnAction(e -> resample.resample());
        return List.of(new SeparatorMenuItem(), present, controls, chart, new SeparatorMenuItem(), cmp, again);
    }

    /** The Help menu. */
    Menu helpMenu() {
        MenuItem keys = new MenuItem();
        keys.textProperty().bind(I18n.tr("shortcuts.title"));
        keys.setId("shortcutsItem");
        keys.setAccelerator(shortcuts.key("help"));
        keys.setOnAction(e -> showHelp());
        Menu help = new Menu(null, null, keys);
        help.textProperty().bind(I18n.tr("classroom.helpMenu"));
        help.setId("helpMenu");
        return help;
    }

    private CheckMenuItem check(String textKey, String id, BooleanProperty p, String shortcut) {
        CheckMenuItem m = new CheckMenuItem();
        m.textProperty().bind(I18n.tr(textKey));
        m.setId(id);
        m.selectedProperty().bindBidirectional(p);
        // the shortcut table binds the key (its filter comes first); the menu shows it
        m.setAccelerator(shortcuts.key(shortcut));
        return m;
    }

    /**
     * Wires the window's panels: hides the controls and the chart on request, puts the compare view in place of the
     * plot and chart in compare mode, thickens lines in presentation mode, and registers the explorer's Resample.
     *
     * @param chartArea the split's lower pane, which holds the chart (the lessons' tabs): hidden with the chart
     */
    void attach(BorderPane root, Region controls, SplitPane split, Node chartArea, LossChartView chart,
                LatentPanel latentPanel, DecodedView decoded) {
        Node statusBar = root.getBottom();
        presentation.showControls().addListener((o, a, show) -> root.setLeft(show ? controls : null));
        double[] divider = {0.62};
        presentation.showChart().addListener((o, a, show) -> {
            if (!show) {
                divider[0] = split.getDividerPositions()[0];
                split.getItems().remove(chartArea);
            } else if (!split.getItems().contains(chartArea)) {
                split.getItems().add(chartArea);
                split.setDividerPositions(divider[0]);
            }
        });
        // presentation mode gives the plot most of the height (the chart's numbers are read at the front, the
        // scatter at the back); leaving it restores the split
        presentation.on().addListener((o, a, on) -> {
            if (!split.getItems().contains(chartArea)) return;
            if (on) divider[0] = split.getDividerPositions()[0];
            double position = on ? PRESENTATION_DIVIDER : divider[0];
            split.setDividerPositions(position);
            // and again once the window has its new size (going full screen or back takes a moment)
            split.heightProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable h) {
                    split.heightProperty().removeListener(this);
                    Platform.runLater(() -> {
                        split.setDividerPositions(position);
                        keepTopWhole(split);
                    });
                }
            });
        });
        // larger text, or the other language, can make the plot's part taller than its share
        Runnable keepTop = () -> Platform.runLater(() -> keepTopWhole(split));
        x.text().fontSize().addListener(o -> keepTop.run());
        Relabel.onLocaleChange(split, keepTop);
        latentPanel.plot().lineScale().bind(presentation.lineScale());
        // the decoded image grows with the text (at least its usual size), so it can be seen from the back too
        var side = javafx.beans.binding.Bindings.max(224, x.text().fontSize().multiply(12.5));
        decoded.image().prefWidthProperty().bind(side);
        decoded.image().prefHeightProperty().bind(side);
        presentation.lineScale().addListener((o, a, k) -> chart.setLineScale(k.doubleValue()));
        resample.register(latentPanel, () -> x.latent().setZ(priorSample(x.latent().size().get())));
        Runnable layOut = () -> {
            boolean on = compareMode.get();
            if (on && compareView == null) {
                compareView = new CompareView(compare, x.text(), presentation.lineScale(), () -> compareMode.set(false));
                resample.register(compareView, () -> {
                    double[] z = priorSample(x.settings().parsed().get() == null ? 2 : x.settings().parsed().get().latent());
                    compareView.autoEncoder().latent().setZ(z);
                    compareView.vae().latent().setZ(z);
                });
            }
            root.setCenter(on ? compareView : split);
            root.setBottom(on ? null : statusBar);
            Node focus = on ? compareView.vae().plot() : latentPanel.plot();
            Platform.runLater(focus::requestFocus);
        };
        compareMode.addListener((o, a, on) -> layOut.run());
    }

    /**
     * Moves the plot / tabs divider down if the part above it (the plot, its switches and the timeline) would be
     * squeezed below its minimum height, which the split pane lets happen when a position is set: with large text the
     * timeline would hide under the tabs. ("Enlarge tabs" squeezes it on purpose; only later changes undo that.)
     */
    static void keepTopWhole(SplitPane split) {
        if (split.getDividers().isEmpty() || split.getItems().isEmpty() || split.getHeight() <= 0
                || !(split.getItems().get(0) instanceof Region top)) return;
        split.applyCss();
        double need = (top.minHeight(top.getWidth()) + 6) / split.getHeight(); // 6: about the divider's thickness
        if (split.getDividerPositions()[0] < need) split.setDividerPosition(0, Math.min(0.9, need));
    }

    private double[] priorSample(int n) {
        double[] z = new double[Math.max(0, n)];
        for (int i = 0; i < z.length; i++) z[i] = random.nextGaussian();
        return z;
    }

    private void compareSwitched(boolean on) {
        TrainingModel main = x.training();
        if (on) {
            mainWasRunning = main.state().get() == State.RUNNING;
            main.pause();
            compare.start();
        } else {
            compare.pause();
            if (mainWasRunning) main.resume();
        }
    }

    void showHelp() {
        shortcuts.showHelp(x.stage().getScene(), x.text().fontSize().get());
    }

    /** Ends the compare runs' threads. */
    void shutdown() {
        compare.shutdown();
    }
}
