package vaeexplorer.ui.app;

import static vaeexplorer.ui.widgets.MenuItems.check;
import static vaeexplorer.ui.widgets.MenuItems.item;
import static vaeexplorer.ui.widgets.MenuItems.menu;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import vaeexplorer.ui.compare.CompareMode;
import vaeexplorer.ui.datasets.DataImport;
import vaeexplorer.ui.export.Exporter;
import vaeexplorer.ui.export.ModelExport;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Language;
import vaeexplorer.ui.latent.ClassMarks;
import vaeexplorer.ui.latent.MarkerStyle;
import vaeexplorer.ui.session.SessionService;
import vaeexplorer.ui.widgets.TextScale;

/**
 * Every menu of the window, in one place: File (sessions, the user's own data, IDX folders, Quit), Export, View,
 * Language and Help. The items only ask for a path (or options) or flip a switch; the work is done by
 * {@link SessionService}, {@link DataImport}, {@link Exporter} and the view-models, which tests drive directly. Their
 * texts follow the language (the recent files are listed afresh each time the menu opens); keys that the shortcut
 * table binds are shown beside their items from that table.
 */
final class AppMenus {
    private static final KeyCombination.Modifier SHORTCUT = KeyCombination.SHORTCUT_DOWN;
    private static final KeyCombination.Modifier SHIFT = KeyCombination.SHIFT_DOWN;

    /** The commands of the window that are not a service's. */
    record Commands(Runnable openIdxFolder, Runnable quit, Runnable resetPlotView, Runnable showHelp, Runnable showAbout) {}

    private AppMenus() {}

    static MenuBar create(Commands c, SessionService sessions, DataImport imports, Exporter exporter, ModelExport model,
                          TextScale text,
                          Presentation presentation, CompareMode compare, ResampleHooks resample, Shortcuts shortcuts,
                          Language language) {
        MenuBar bar = new MenuBar(file(c, sessions, imports), export(exporter, model),
                view(c, text, presentation, compare, resample, shortcuts), language.menu(), help(c, shortcuts));
        bar.setId("menuBar");
        return bar;
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }

    private static Menu file(Commands c, SessionService s, DataImport imports) {
        MenuItem open = item("fileMenu.openSession", "openSessionItem", key(KeyCode.O, SHORTCUT), s::chooseAndOpen);
        Menu recent = menu("fileMenu.openRecent", "openRecentMenu");
        MenuItem placeholder = item("recent.none", null, null, () -> {}); // filled anew when shown
        placeholder.setDisable(true);
        recent.getItems().add(placeholder);
        recent.setOnShowing(e -> fillRecent(recent, s));
        MenuItem save = item("fileMenu.saveSession", "saveSessionItem", key(KeyCode.S, SHORTCUT), s::save);
        MenuItem saveAs = item("fileMenu.saveSessionAs", "saveSessionAsItem", key(KeyCode.S, SHORTCUT, SHIFT), s::saveAs);
        CheckMenuItem autosave = check("fileMenu.autosave", "autosaveItem", null, s.autosave());
        MenuItem images = item("fileMenu.openImageFolder", "openImageFolderItem", null, imports::chooseImageFolder);
        MenuItem csv = item("fileMenu.openCsv", "openCsvItem", null, imports::chooseCsvFile);
        MenuItem idx = item("menu.openIdxFolder", null, null, c.openIdxFolder()); // Ctrl+O opens a session
        MenuItem quit = item("menu.quit", null, key(KeyCode.Q, SHORTCUT), c.quit());
        return menu("menu.file", null, open, recent, save, saveAs, autosave, new SeparatorMenuItem(), images, csv, idx,
                new SeparatorMenuItem(), quit);
    }

    private static Menu export(Exporter e, ModelExport model) {
        Menu decoded = menu("exportMenu.decoded", "exportDecodedMenu");
        for (int scale : new int[] {4, 8, 16, 32}) {
            MenuItem m = item(null, "exportDecoded" + scale, scale == 16 ? key(KeyCode.D, SHORTCUT, SHIFT) : null,
                    () -> e.export(Exporter.Kind.DECODED, scale));
            m.setText("×" + scale);
            decoded.getItems().add(m);
        }
        Menu scatter = menu("exportMenu.scatter", null,
                item("exportMenu.screenSize", "exportScatter1", key(KeyCode.E, SHORTCUT, SHIFT),
                        () -> e.export(Exporter.Kind.SCATTER, 1)),
                item("exportMenu.presentation", "exportScatter2", null, () -> e.export(Exporter.Kind.SCATTER, 2)),
                item("exportMenu.figurePng", "exportScatterFigure", null, () -> e.export(Exporter.Kind.SCATTER_FIGURE, 1)),
                item("exportMenu.figureSvg", "exportScatterSvg", null, () -> e.export(Exporter.Kind.SCATTER_SVG, 1)));
        Menu chart = menu("exportMenu.chart", null,
                item("exportMenu.screenSize", "exportChart1", key(KeyCode.L, SHORTCUT, SHIFT),
                        () -> e.export(Exporter.Kind.CHART, 1)),
                item("exportMenu.presentation", "exportChart2", null, () -> e.export(Exporter.Kind.CHART, 2)),
                item("exportMenu.figurePng", "exportChartFigure", null, () -> e.export(Exporter.Kind.CHART_FIGURE, 1)),
                item("exportMenu.figureSvg", "exportChartSvg", null, () -> e.export(Exporter.Kind.CHART_SVG, 1)));
        MenuItem animation = item("exportMenu.animation", "exportAnimation", null, () -> e.export(Exporter.Kind.ANIMATION, 1));
        MenuItem grid = item("exportMenu.manifoldGrid", "exportManifoldGrid", null,
                () -> e.export(Exporter.Kind.MANIFOLD_GRID, 1));
        grid.disableProperty().bind(e.manifoldGridAvailable().not());
        MenuItem lossCsv = item("exportMenu.lossCsv", "exportLossCsv", key(KeyCode.H, SHORTCUT, SHIFT),
                () -> e.export(Exporter.Kind.LOSS_CSV, 1));
        MenuItem latentCsv = item("exportMenu.latentCsv", "exportLatentCsv", key(KeyCode.C, SHORTCUT, SHIFT),
                () -> e.export(Exporter.Kind.LATENT_CSV, 1));
        MenuItem safetensors = item("exportMenu.model", "exportModel", null, model::chooseAndExport);
        return menu("exportMenu.export", "exportMenu", decoded, scatter, chart, grid, animation, new SeparatorMenuItem(), lossCsv,
                latentCsv, new SeparatorMenuItem(), safetensors);
    }

    private static Menu view(Commands c, TextScale text, Presentation presentation, CompareMode compare,
                             ResampleHooks resample, Shortcuts shortcuts) {
        MenuItem larger = item("menu.largerText", "largerTextItem", key(KeyCode.PLUS, SHORTCUT), text::larger);
        MenuItem smaller = item("menu.smallerText", null, key(KeyCode.MINUS, SHORTCUT), text::smaller);
        MenuItem normal = item("menu.normalText", null, key(KeyCode.DIGIT0, SHORTCUT), text::normal);
        MenuItem resetView = item("menu.resetPlotView", null, key(KeyCode.HOME, SHORTCUT), c.resetPlotView());
        // the shortcut table binds these keys (its filter comes first); the menu shows them
        CheckMenuItem present = check("classroom.presentationMode", "presentationItem", shortcuts.key("presentation"),
                presentation.on());
        CheckMenuItem controls = check("classroom.showControls", "showControlsItem", shortcuts.key("controls"),
                presentation.showControls());
        CheckMenuItem chart = check("classroom.showChart", "showChartItem", shortcuts.key("chart"), presentation.showChart());
        CheckMenuItem cmp = check("classroom.compare", "compareItem", shortcuts.key("compare"), compare.on());
        MenuItem again = item("classroom.resampleFromPrior", "resampleItem", shortcuts.key("resample"), resample::resample);
        return menu("menu.view", "viewMenu", larger, smaller, normal, new SeparatorMenuItem(), resetView, markers(),
                new SeparatorMenuItem(), present, controls, chart, new SeparatorMenuItem(), cmp, again);
    }

    /** View › Markers: how classes are marked besides colour (shapes, numbers or dots), for every plot and figure. */
    private static Menu markers() {
        Menu m = menu("markers.menu", "markersMenu");
        ToggleGroup group = new ToggleGroup();
        for (MarkerStyle s : MarkerStyle.values()) {
            RadioMenuItem r = new RadioMenuItem();
            r.textProperty().bind(I18n.tr(s.textKey()));
            r.setId("markers" + s.name().charAt(0) + s.name().substring(1).toLowerCase(java.util.Locale.ROOT));
            r.setUserData(s);
            r.setToggleGroup(group);
            r.setSelected(ClassMarks.style().get() == s);
            r.setOnAction(e -> ClassMarks.style().set(s));
            m.getItems().add(r);
        }
        // the menu shows the style however it was chosen (a session, a test)
        m.setOnShowing(e -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == ClassMarks.style().get())));
        return m;
    }

    private static Menu help(Commands c, Shortcuts shortcuts) {
        MenuItem keys = item("shortcuts.title", "shortcutsItem", shortcuts.key("help"), c.showHelp());
        MenuItem about = item("about.menuItem", "aboutItem", null, c.showAbout());
        return menu("classroom.helpMenu", "helpMenu", keys, new SeparatorMenuItem(), about);
    }

    private static void fillRecent(Menu recent, SessionService s) {
        List<List<Path>> lists = s.recentForMenu();
        List<Path> files = lists.get(0), gone = lists.get(1);
        recent.getItems().clear();
        if (!gone.isEmpty()) {
            MenuItem note = new MenuItem(gone.size() == 1 ? I18n.format("recent.goneOne", gone.get(0).getFileName())
                    : I18n.format("recent.goneMany", gone.size()));
            note.setId("recentGoneNote");
            note.setDisable(true);
            recent.getItems().addAll(note, new SeparatorMenuItem());
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem(I18n.get("recent.none"));
            none.setDisable(true);
            recent.getItems().add(none);
            return;
        }
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            Path parent = f.getParent();
            MenuItem m = new MenuItem((i + 1) + "  " + f.getFileName() + (parent == null ? "" : "  —  " + parent));
            m.setMnemonicParsing(false);
            m.setId("recent" + i);
            m.setOnAction(ev -> s.openRecent(f));
            recent.getItems().add(m);
        }
        recent.getItems().add(new SeparatorMenuItem());
        recent.getItems().add(item("recent.clear", "clearRecentItem", null, () -> s.prefs().clearRecent()));
    }
}
