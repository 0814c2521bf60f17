package vaeexplorer.ui.app;

import java.util.Random;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.core.train.TrainingRun.State;

import vaeexplorer.ui.compare.CompareMode;
import vaeexplorer.ui.compare.CompareView;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.latent.DecodedView;
import vaeexplorer.ui.latent.DimensionSlidersView;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPanel;
import vaeexplorer.ui.latent.SelectionView;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.Lessons;
import vaeexplorer.ui.lessons.truepost.TestSetLogPx;
import vaeexplorer.ui.timeline.EpochTimeline;
import vaeexplorer.ui.timeline.TimelineView;
import vaeexplorer.ui.training.ControlsView;
import vaeexplorer.ui.training.LossChartView;
import vaeexplorer.ui.training.ProgressView;
import vaeexplorer.ui.training.SettingsModel;
import vaeexplorer.ui.training.TrainingModel;
import vaeexplorer.ui.widgets.NoticeBar;
import vaeexplorer.ui.widgets.TextScale;

/**
 * The window's content, and all of its layout: menu bar, side bar with the controls, the latent plot with the decoded
 * image beside it, the lessons' tabs (the loss chart first) below, and the status bar. It hides the controls and the
 * chart on request, gives the plot most of the height in presentation mode, and shows the compare view in place of
 * the plot and chart while compare mode is on.
 */
public final class MainView extends BorderPane {
    /** Where the plot / chart divider goes in presentation mode. */
    static final double PRESENTATION_DIVIDER = 0.68;

    private final LatentPanel latentPanel;
    private final DecodedView decoded;
    private final LossChartView chart;
    private final Lessons lessons;
    private final ScrollPane controlsPane;
    private final SplitPane split;
    private final Node chartArea;
    private final Node statusBar;
    private final TextScale text;
    private final Random random = new Random();
    private CompareView compareView;

    /**
     * @param loading    what the data library is loading now ("" when idle), for the side bar
     * @param openFolder asks for an IDX folder and opens it
     */
    MainView(SettingsModel settings, TrainingModel training, LatentModel latent, TextScale text, EpochTimeline timeline,
             CompareMode compare, Presentation presentation, ResampleHooks resample, NoticeBar notices,
             ObservableStringValue loading, Runnable openFolder) {
        setId("mainView");
        this.text = text;
        StringBinding emptyText = Bindings.createStringBinding(() -> training.resetting().get() ? I18n.get("plot.loadingData")
                : training.state().get() == State.IDLE ? I18n.get("plot.pressTrain")
                : "", training.resetting(), training.state(), I18n.locale());
        latentPanel = new LatentPanel(latent, text, emptyText);
        decoded = new DecodedView(latent);
        DimensionSlidersView sliders = new DimensionSlidersView(latent);
        SelectionView selection = new SelectionView(latent);
        VBox side = new VBox(decoded, sliders, selection);
        side.getStyleClass().add("right-panel");
        side.prefWidthProperty().bind(text.fontSize().multiply(17));
        side.setMinWidth(Region.USE_PREF_SIZE); // the plot gives way, not the decoded image and its numbers
        HBox.setHgrow(latentPanel, Priority.ALWAYS);
        HBox top = new HBox(latentPanel, side);
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox withTimeline = new VBox(top, new TimelineView(timeline));
        chart = new LossChartView(training, text.fontSize());
        // the training images, for the Nearest lesson (the split of the model being trained)
        ObjectBinding<Dataset> trainingImages = Bindings.createObjectBinding(() -> training.data().get() == null ? null
                : training.data().get().train(), training.data());
        lessons = new Lessons(LessonContext.of(latent, training.latestLoss(), training.klPerDim(), text, trainingImages),
                latentPanel.plot());
        latentPanel.addToolRow(lessons.overlayBar());
        feedTestLogPx(training, lessons.truePosterior().testSet());
        // the beta training uses now, large enough for the back of the room (also while the KL warm-up raises it)
        Label beta = new Label();
        beta.setId("betaBadge");
        beta.getStyleClass().add("beta-badge");
        beta.textProperty().bind(training.betaText());
        beta.visibleProperty().bind(training.betaText().isNotEmpty());
        beta.managedProperty().bind(beta.visibleProperty());
        beta.setMinWidth(Region.USE_PREF_SIZE);
        latentPanel.addToToolbar(beta);
        chartArea = lessons.tabs(chart);
        split = new SplitPane(withTimeline, chartArea);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(chartArea, true);

        ControlsView controls = new ControlsView(settings, training, compare.run(), loading, openFolder,
                () -> latentPanel.plot().requestFocus());
        controls.addRunControl(compare.toggleButton());
        controlsPane = new ScrollPane(controls);
        controlsPane.setId("controlsScroll");
        controlsPane.setFitToWidth(true);
        controlsPane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        controlsPane.prefWidthProperty().bind(text.fontSize().multiply(18.5));
        controlsPane.setMinWidth(200);

        setLeft(controlsPane);
        setCenter(split);
        statusBar = new VBox(notices, new ProgressView(training));
        setBottom(statusBar);

        followPresentation(presentation);
        // larger text, or the other language, can make the plot's part taller than its share; so can a shorter split
        // (the window's scroll bar coming in when large text makes the content wider than the window)
        Runnable keepTop = () -> Platform.runLater(() -> keepTopWhole(split));
        text.fontSize().addListener(o -> keepTop.run());
        split.heightProperty().addListener(o -> keepTop.run());
        Relabel.onLocaleChange(split, keepTop);
        // the decoded image grows with the text (at least its usual size), so it can be seen from the back too
        var imageSide = Bindings.max(224, text.fontSize().multiply(12.5));
        decoded.image().prefWidthProperty().bind(imageSide);
        decoded.image().prefHeightProperty().bind(imageSide);
        resample.register(latentPanel, () -> latent.setZ(priorSample(latent.size().get())));
        compare.on().addListener((o, a, on) -> showCompare(on, compare, settings, presentation, resample));
    }

    /** Puts the menus at the top. */
    void setMenuBar(MenuBar bar) {
        setTop(bar);
    }

    public LatentPanel latentPanel() { return latentPanel; }
    public DecodedView decoded() { return decoded; }
    public LossChartView chart() { return chart; }
    public Lessons lessons() { return lessons; }

    /**
     * The true posterior lesson estimates the test set's log p(x) from the model at each epoch's end; its estimates go
     * on the loss chart. A new model drops the estimates under way.
     */
    private static void feedTestLogPx(TrainingModel training, TestSetLogPx testSet) {
        training.epochsEnded().addListener((o, a, b) -> {
            ModelSnapshot m = training.model().get();
            if (b.intValue() > a.intValue() && m != null) testSet.epochEnded(training.step().get(), m);
        });
        training.modelVersion().addListener((o, a, b) -> testSet.clear());
        testSet.latest().addListener((o, a, p) -> {
            if (p != null) training.losses().addTestLogPx(p.step(), -p.logPx(), p.gap());
        });
    }
    /** The compare view, once compare mode has been on (null before). */
    public CompareView compareView() { return compareView; }

    /** Hides the controls and the chart on request; presentation mode thickens lines and gives the plot the height. */
    private void followPresentation(Presentation presentation) {
        presentation.showControls().addListener((o, a, show) -> setLeft(show ? controlsPane : null));
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
            split.heightProperty().addListener(new InvalidationListener() {
                @Override
                public void invalidated(Observable h) {
                    split.heightProperty().removeListener(this);
                    Platform.runLater(() -> {
                        split.setDividerPositions(position);
                        keepTopWhole(split);
                    });
                }
            });
        });
        // the mouse hints under the plot are for the one at the keyboard, not the room: presentation mode hides them
        for (Node hint : latentPanel.lookupAll(".hint-text")) {
            hint.visibleProperty().bind(presentation.on().not());
            hint.managedProperty().bind(presentation.on().not());
        }
        latentPanel.plot().lineScale().bind(presentation.lineScale());
        presentation.lineScale().addListener((o, a, k) -> chart.setLineScale(k.doubleValue()));
    }

    /** The compare view in place of the plot and chart (made the first time), or back. */
    private void showCompare(boolean on, CompareMode compare, SettingsModel settings, Presentation presentation,
                             ResampleHooks resample) {
        if (on && compareView == null) {
            compareView = new CompareView(compare.pair(), text, presentation.lineScale(), () -> compare.on().set(false));
            resample.register(compareView, () -> {
                double[] z = priorSample(settings.parsed().get() == null ? 2 : settings.parsed().get().latent());
                compareView.autoEncoder().latent().setZ(z);
                compareView.vae().latent().setZ(z);
            });
        }
        setCenter(on ? compareView : split);
        setBottom(on ? null : statusBar);
        Node focus = on ? compareView.vae().plot() : latentPanel.plot();
        Platform.runLater(focus::requestFocus);
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
}
