package vaeexplorer.ui.lessons;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlotView;
import vaeexplorer.ui.lessons.arithmetic.ArithmeticModel;
import vaeexplorer.ui.lessons.arithmetic.ArithmeticOverlay;
import vaeexplorer.ui.lessons.arithmetic.ArithmeticView;
import vaeexplorer.ui.lessons.draw.DrawModel;
import vaeexplorer.ui.lessons.draw.DrawOverlay;
import vaeexplorer.ui.lessons.draw.DrawView;
import vaeexplorer.ui.lessons.interpolation.InterpolationModel;
import vaeexplorer.ui.lessons.interpolation.InterpolationOverlay;
import vaeexplorer.ui.lessons.interpolation.InterpolationView;
import vaeexplorer.ui.lessons.manifold.ManifoldModel;
import vaeexplorer.ui.lessons.manifold.ManifoldUnderlay;
import vaeexplorer.ui.lessons.manifold.ManifoldView;
import vaeexplorer.ui.lessons.nearest.NearestModel;
import vaeexplorer.ui.lessons.nearest.NearestView;
import vaeexplorer.ui.lessons.numbers.FormulaView;
import vaeexplorer.ui.lessons.numbers.KlPerDimensionView;
import vaeexplorer.ui.lessons.posterior.HolesOverlay;
import vaeexplorer.ui.lessons.posterior.PosteriorOverlay;
import vaeexplorer.ui.lessons.posterior.PosteriorSelection;
import vaeexplorer.ui.lessons.posterior.PosteriorVsPriorView;
import vaeexplorer.ui.lessons.samples.PriorSamplesView;
import vaeexplorer.ui.lessons.samples.ReconstructionsView;
import vaeexplorer.ui.lessons.truepost.TruePosteriorModel;
import vaeexplorer.ui.lessons.truepost.TruePosteriorOverlay;
import vaeexplorer.ui.lessons.worst.WorstImagesModel;
import vaeexplorer.ui.lessons.worst.WorstImagesView;
import vaeexplorer.ui.lessons.truepost.TruePosteriorView;

/**
 * The lessons of the VAE made visible: builds the lesson view-models, the views (one tab each, beside the loss chart),
 * the layers they draw on the scatter and the scatter's extra mouse gestures, and wires them together. Every view
 * updates from the newest model copy while training runs; heavy decodes run on one background thread, only for the
 * tab that is showing. The tabs' titles shorten (and, at very large text, their type shrinks, never below the
 * presentation size) when the full titles would not fit in one row, so every lesson is always one click away.
 */
public final class Lessons {
    private final LessonContext ctx;
    private final ManifoldModel manifold = new ManifoldModel();
    private final PosteriorSelection selection;
    private final InterpolationModel interpolation;
    private final DrawModel draw;
    private final ManifoldUnderlay manifoldUnderlay;
    private final HolesOverlay holes;
    private final PosteriorOverlay posteriors;
    private final InterpolationOverlay interpolationOverlay;
    private final DrawOverlay drawOverlay;
    private final ManifoldView manifoldView;
    private final ReconstructionsView reconstructionsView;
    private final PriorSamplesView priorView;
    private final InterpolationView interpolationView;
    private final KlPerDimensionView klView;
    private final PosteriorVsPriorView posteriorVsPriorView;
    private final DrawView drawView;
    private final FormulaView formulaView;
    private final TruePosteriorModel truePosterior;
    private final TruePosteriorOverlay truePosteriorOverlay;
    private final TruePosteriorView truePosteriorView;
    private final WorstImagesModel worstImages;
    private final WorstImagesView worstImagesView;
    private final NearestModel nearest;
    private final NearestView nearestView;
    private final ArithmeticModel arithmetic;
    private final ArithmeticView arithmeticView;
    private final OverlayBar overlayBar;
    /** Where the split pane's divider goes when the tabs are enlarged (the scatter keeps the top third). */
    static final double ENLARGED_DIVIDER = 0.33;
    private TabPane tabs;
    /** Short tab titles ("Recon." for "Reconstructions"), so that every tab fits in one row (see {@link TabTitleFit}). */
    private final BooleanProperty shortTitles = new SimpleBooleanProperty(false);
    private TabTitleFit titleFit;
    private double dividerBefore = 0.62;
    private Tab interpolationTab;

    public Lessons(LessonContext ctx, LatentPlotView plot) {
        this.ctx = ctx;
        LatentModel latent = ctx.latent();
        selection = new PosteriorSelection(latent);
        interpolation = new InterpolationModel(latent);
        draw = new DrawModel(latent);

        manifoldUnderlay = new ManifoldUnderlay(ctx, manifold, plot);
        holes = new HolesOverlay(latent, plot);
        plot.addUnderlay(manifoldUnderlay);
        plot.addUnderlay(holes);
        posteriors = new PosteriorOverlay(latent, selection, plot);
        interpolationOverlay = new InterpolationOverlay(latent, interpolation, plot);
        drawOverlay = new DrawOverlay(latent, draw, plot);
        plot.addOverlay(posteriors);
        plot.addOverlay(interpolationOverlay);
        plot.addOverlay(drawOverlay);
        truePosterior = new TruePosteriorModel(ctx, draw);
        truePosteriorOverlay = new TruePosteriorOverlay(truePosterior, latent, plot);
        plot.addOverlay(truePosteriorOverlay);
        arithmetic = new ArithmeticModel(ctx, selection.selected());
        plot.addOverlay(new ArithmeticOverlay(latent, arithmetic, plot));
        new ScatterInteractions(plot, latent, selection, interpolation, interpolationOverlay, ctx.fontSize());

        manifoldView = new ManifoldView(ctx, manifold, plot.visibleRange());
        reconstructionsView = new ReconstructionsView(ctx);
        priorView = new PriorSamplesView(ctx);
        interpolationView = new InterpolationView(ctx, interpolation);
        klView = new KlPerDimensionView(ctx);
        posteriorVsPriorView = new PosteriorVsPriorView(ctx, holes);
        drawView = new DrawView(ctx, draw);
        formulaView = new FormulaView(ctx, selection);
        truePosteriorView = new TruePosteriorView(ctx, truePosterior);
        worstImages = new WorstImagesModel(ctx);
        worstImagesView = new WorstImagesView(ctx, worstImages);
        nearest = new NearestModel(ctx);
        nearestView = new NearestView(ctx, nearest);
        arithmeticView = new ArithmeticView(ctx, arithmetic);
        overlayBar = new OverlayBar(manifold, holes, interpolation);
        ToggleButton enlarge = new ToggleButton();
        enlarge.textProperty().bind(I18n.tr("lessons.enlarge"));
        enlarge.setId("enlargeLessonsToggle");
        vaeexplorer.ui.widgets.KeyboardReach.tabbableClickKeepsFocus(enlarge);
        enlarge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tooltip enlargeTip = new Tooltip();
        enlargeTip.textProperty().bind(I18n.tr("lessons.enlargeTip"));
        enlarge.setTooltip(enlargeTip);
        enlarge.selectedProperty().addListener((o, a, on) -> enlarge(on));
        overlayBar.getChildren().add(3, enlarge);
        overlayBar.getStylesheets().add(stylesheet());
        // setting an end from the scatter brings its film strip into view
        interpolation.b().addListener((o, a, b) -> {
            if (b != null && a == null && tabs != null) tabs.getSelectionModel().select(interpolationTab);
        });
    }

    static String stylesheet() {
        return Lessons.class.getResource("lessons.css").toExternalForm();
    }

    /** The switches for the scatter's overlays, to go under the scatter. */
    public Node overlayBar() {
        return overlayBar;
    }

    /**
     * The tabs: the loss chart first, then one per lesson. The overlay bar's "Enlarge tabs" switch gives them most of
     * the height of the split pane they are in (for the image grids on a projector), and back.
     */
    public Node tabs(Node lossChart) {
        if (tabs != null) return tabs;
        tabs = new TabPane();
        tabs.setId("lessonTabs");
        tabs.getStyleClass().add("lessons-tabs");
        tabs.getStylesheets().add(stylesheet());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinHeight(0);
        Tab losses = new Tab(null, lossChart);
        titled(losses, "lessons.tab.losses", "lessons.tabShort.losses");
        losses.setId("lossesTab");
        losses.setUserData("losses");
        tabs.getTabs().add(losses);
        tab("lessons.tab.manifold", "lessons.tabShort.manifold", "manifoldTab", manifoldView,
                manifoldView.refresher().active());
        tab("lessons.tab.reconstructions", "lessons.tabShort.reconstructions", "reconstructionsTab", reconstructionsView,
                reconstructionsView.refresher().active());
        tab("lessons.tab.prior", "lessons.tabShort.prior", "priorTab", priorView, priorView.refresher().active());
        interpolationTab = tab("lessons.tab.interpolation", "lessons.tabShort.interpolation", "interpolationTab",
                interpolationView, interpolationView.refresher().active());
        tab("lessons.tab.kl", "lessons.tabShort.kl", "klTab", klView, null);
        tab("lessons.tab.posterior", "lessons.tabShort.posterior", "posteriorTab", posteriorVsPriorView,
                posteriorVsPriorView.refresher().active());
        tab("lessons.tab.draw", "lessons.tabShort.draw", "drawTab", drawView, null);
        tab("lessons.tab.formula", "lessons.tabShort.formula", "formulaTab", formulaView, null);
        tab("lessons.tab.truePosterior", "lessons.tabShort.truePosterior", "truePosteriorTab", truePosteriorView,
                truePosterior.shown());
        tab("lessons.tab.worst", "lessons.tabShort.worst", "worstTab", worstImagesView, worstImages.refresher().active());
        tab("lessons.tab.nearest", "lessons.tabShort.nearest", "nearestTab", nearestView, nearest.shown());
        tab("lessons.tab.arithmetic", "lessons.tabShort.arithmetic", "arithmeticTab", arithmeticView,
                arithmetic.shown());
        titleFit = new TabTitleFit(tabs, shortTitles, ctx.fontSize());
        // a screen reader hears the lesson chosen and what it shows (its pictures are canvases)
        tabs.accessibleTextProperty().bind(Bindings.createStringBinding(() -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            return t == null ? "" : I18n.format("a11y.lessons", I18n.get(TITLE + t.getUserData()), summary(t));
        }, tabs.getSelectionModel().selectedItemProperty(), I18n.locale()));
        return tabs;
    }

    /** The tab pane itself. */
    public TabPane tabPane() {
        return tabs;
    }

    /** Whether the tabs show their short titles now. */
    BooleanProperty shortTitles() {
        return shortTitles;
    }

    /** What keeps the tab titles in one row. */
    TabTitleFit titleFit() {
        return titleFit;
    }

    /** Moves the divider of the vertical split pane the tabs are in: most of the height to the tabs, or back. */
    private void enlarge(boolean on) {
        Node n = tabs.getParent();
        while (n != null && !(n instanceof SplitPane s && s.getOrientation() == Orientation.VERTICAL)) n = n.getParent();
        if (n == null) return;
        SplitPane split = (SplitPane) n;
        if (split.getDividers().isEmpty()) return;
        if (on) {
            dividerBefore = split.getDividerPositions()[0];
            split.setDividerPosition(0, ENLARGED_DIVIDER);
        } else {
            split.setDividerPosition(0, dividerBefore);
        }
    }

    /** The tab's title in the language shown, short while {@link #shortTitles} is on; the full title as its tooltip. */
    private void titled(Tab t, String titleKey, String shortKey) {
        t.textProperty().bind(Bindings.createStringBinding(() -> I18n.get(shortTitles.get() ? shortKey : titleKey),
                I18n.locale(), shortTitles));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.tr(titleKey));
        t.setTooltip(tip);
    }

    /** The text keys of a lesson's full title and its summary: these + the lesson's name (its tab's user data). */
    private static final String TITLE = "lessons.tab.", SUMMARY = "lessons.summary.";

    /** A lesson's summary in a sentence or two, in the language shown. */
    static String summary(Tab t) {
        return I18n.get(SUMMARY + t.getUserData());
    }

    private Tab tab(String titleKey, String shortKey, String id, Node content, BooleanProperty active) {
        ScrollPane scroll = new ScrollPane(content);
        // the lesson's content says what it shows, for a screen reader that moves into it
        scroll.accessibleTextProperty().bind(I18n.tr(SUMMARY + titleKey.substring(TITLE.length())));
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().addAll("edge-to-edge", "lesson-scroll");
        Tab t = new Tab(null, scroll);
        titled(t, titleKey, shortKey);
        t.setId(id);
        t.setUserData(titleKey.substring(TITLE.length()));
        if (active != null) active.bind(t.selectedProperty());
        tabs.getTabs().add(t);
        return t;
    }

    /** Writes what the user made in the lessons (the drawing, the interpolation's ends, the arithmetic's classes and t) into a session's view. */
    public void saveTo(java.util.Map<String, String> view) {
        draw.saveTo(view);
        interpolation.saveTo(view);
        arithmetic.saveTo(view);
    }

    /** Takes back what {@link #saveTo} wrote, once the session's model is in place. */
    public void restoreFrom(java.util.Map<String, String> view) {
        draw.restoreFrom(view);
        interpolation.restoreFrom(view);
        arithmetic.restoreFrom(view);
    }

    public PosteriorSelection selection() { return selection; }
    public InterpolationModel interpolation() { return interpolation; }
    public DrawModel draw() { return draw; }
    ManifoldUnderlay manifoldUnderlay() { return manifoldUnderlay; }
    HolesOverlay holes() { return holes; }
    PosteriorOverlay posteriors() { return posteriors; }
    InterpolationOverlay interpolationOverlay() { return interpolationOverlay; }
    DrawOverlay drawOverlay() { return drawOverlay; }
    public ManifoldView manifoldView() { return manifoldView; }
    ReconstructionsView reconstructionsView() { return reconstructionsView; }
    PriorSamplesView priorView() { return priorView; }
    InterpolationView interpolationView() { return interpolationView; }
    KlPerDimensionView klView() { return klView; }
    PosteriorVsPriorView posteriorVsPriorView() { return posteriorVsPriorView; }
    DrawView drawView() { return drawView; }
    public TruePosteriorModel truePosterior() { return truePosterior; }
    TruePosteriorOverlay truePosteriorOverlay() { return truePosteriorOverlay; }
    TruePosteriorView truePosteriorView() { return truePosteriorView; }
    public WorstImagesModel worstImages() { return worstImages; }
    WorstImagesView worstImagesView() { return worstImagesView; }
    public NearestModel nearest() { return nearest; }
    NearestView nearestView() { return nearestView; }
    public ArithmeticModel arithmetic() { return arithmetic; }
    ArithmeticView arithmeticView() { return arithmeticView; }
}
