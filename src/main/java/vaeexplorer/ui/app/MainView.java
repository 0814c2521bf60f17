package vaeexplorer.ui.app;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Orientation;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vaeexplorer.core.train.TrainingRun.State;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.latent.DecodedView;
import vaeexplorer.ui.latent.DimensionSlidersView;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPanel;
import vaeexplorer.ui.latent.SelectionView;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.Lessons;
import vaeexplorer.ui.timeline.TimelineView;
import vaeexplorer.ui.training.ControlsView;
import vaeexplorer.ui.training.LossChartView;
import vaeexplorer.ui.training.ProgressView;
import vaeexplorer.ui.training.TrainingModel;
import vaeexplorer.ui.widgets.TextScale;

/**
 * The window's content: menu bar, side bar with the controls, the latent plot with the decoded image beside it, the
 * loss chart below, and the status bar.
 */
public final class MainView extends BorderPane {
    private final LatentPanel latentPanel;
    private final DecodedView decoded;
    private final LossChartView chart;
    private final Lessons lessons;

    MainView(Explorer x) {
        setId("mainView");
        TrainingModel training = x.training();
        LatentModel latent = x.latent();
        TextScale text = x.text();

        StringBinding emptyText = Bindings.createStringBinding(() -> training.resetting().get() ? I18n.get("plot.loadingData")
                : training.state().get() == State.IDLE ? I18n.get("plot.pressTrain")
                : "", training.resetting(), training.state(), I18n.locale());
        latentPanel = new LatentPanel(latent, training, text, emptyText);
        decoded = new DecodedView(latent, training);
        DimensionSlidersView sliders = new DimensionSlidersView(latent);
        SelectionView selection = new SelectionView(latent, training);
        VBox side = new VBox(decoded, sliders, selection);
        side.getStyleClass().add("right-panel");
        side.prefWidthProperty().bind(text.fontSize().multiply(17));
        side.setMinWidth(Region.USE_PREF_SIZE); // the plot gives way, not the decoded image and its numbers
        HBox.setHgrow(latentPanel, Priority.ALWAYS);
        HBox top = new HBox(latentPanel, side);
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox withTimeline = new VBox(top, new TimelineView(x.classroom().timeline()));
        chart = new LossChartView(training, text.fontSize());
        lessons = new Lessons(LessonContext.of(latent, training, text), latentPanel.plot());
        latentPanel.addToolRow(lessons.overlayBar());
        javafx.scene.Node lessonTabs = lessons.tabs(chart);
        SplitPane split = new SplitPane(withTimeline, lessonTabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        SplitPane.setResizableWithParent(lessonTabs, true);

        ControlsView controls = new ControlsView(x.settings(), training, x.classroom().run(), x.library().loading(),
                x::openFolder, () -> latentPanel.plot().requestFocus());
        controls.addRunControl(x.classroom().compareToggle());
        ScrollPane left = new ScrollPane(controls);
        left.setId("controlsScroll");
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.prefWidthProperty().bind(text.fontSize().multiply(18.5));
        left.setMinWidth(200);

        setTop(menus(x));
        setLeft(left);
        setCenter(split);
        setBottom(new VBox(x.notices(), new ProgressView(training)));
        x.classroom().attach(this, left, split, lessonTabs, chart, latentPanel, decoded);
    }

    public LatentPanel latentPanel() { return latentPanel; }
    DecodedView decoded() { return decoded; }
    public LossChartView chart() { return chart; }
    public Lessons lessons() { return lessons; }

    private MenuBar menus(Explorer x) {
        MenuItem open = item("menu.openIdxFolder", null, x::openFolder); // Ctrl+O opens a session
        MenuItem quit = item("menu.quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), x::quit);
        MenuItem larger = item("menu.largerText", new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), x.text()::larger);
        larger.setId("largerTextItem");
        MenuItem smaller = item("menu.smallerText", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), x.text()::smaller);
        MenuItem normal = item("menu.normalText", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), x.text()::normal);
        MenuItem resetView = item("menu.resetPlotView", new KeyCodeCombination(KeyCode.HOME, KeyCombination.SHORTCUT_DOWN),
                () -> latentPanel.plot().resetView());
        Menu file = menu("menu.file", open, new SeparatorMenuItem(), quit);
        DataMenus.addTo(file, x);
        Menu view = menu("menu.view", larger, smaller, normal, new SeparatorMenuItem(), resetView);
        view.setId("viewMenu");
        view.getItems().addAll(x.classroom().viewMenuItems());
        MenuBar bar = new MenuBar(file, DataMenus.exportMenu(x), view);
        bar.getMenus().add(x.language().menu());
        bar.getMenus().add(x.classroom().helpMenu());
        bar.setId("menuBar");
        return bar;
    }

    private static Menu menu(String key, MenuItem... items) {
        Menu m = new Menu(null, null, items);
        m.textProperty().bind(I18n.tr(key));
        return m;
    }

    private static MenuItem item(String textKey, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem();
        m.textProperty().bind(I18n.tr(textKey));
        if (key != null) m.setAccelerator(key);
        m.setOnAction(e -> action.run());
        return m;
    }
}
