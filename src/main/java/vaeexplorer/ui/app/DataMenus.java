package vaeexplorer.ui.app;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import vaeexplorer.ui.data.DataImport;
import vaeexplorer.ui.export.Exporter;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.session.SessionService;

/**
 * The menu items of "data in, results out": sessions and the user's own data in the File menu, and the Export menu.
 * The items only ask for a path (or options); the work is done by {@link SessionService}, {@link DataImport} and
 * {@link Exporter}, which tests drive directly. Their texts follow the language (the recent files are listed afresh
 * each time the menu opens).
 */
final class DataMenus {
    private DataMenus() {}

    private static final KeyCombination.Modifier SHORTCUT = KeyCombination.SHORTCUT_DOWN;
    private static final KeyCombination.Modifier SHIFT = KeyCombination.SHIFT_DOWN;

    /** Puts the session and data items at the top of the File menu, before what it holds (Open IDX folder, Quit). */
    static void addTo(Menu file, Explorer x) {
        SessionService s = x.sessions();
        MenuItem open = item("fileMenu.openSession", "openSessionItem", key(KeyCode.O, SHORTCUT), s::chooseAndOpen);
        Menu recent = menu("fileMenu.openRecent");
        recent.setId("openRecentMenu");
        recent.getItems().add(new MenuItem("")); // filled when shown
        recent.setOnShowing(e -> fillRecent(recent, x));
        MenuItem save = item("fileMenu.saveSession", "saveSessionItem", key(KeyCode.S, SHORTCUT), s::save);
        MenuItem saveAs = item("fileMenu.saveSessionAs", "saveSessionAsItem", key(KeyCode.S, SHORTCUT, SHIFT), s::saveAs);
        CheckMenuItem autosave = new CheckMenuItem();
        autosave.textProperty().bind(I18n.tr("fileMenu.autosave"));
        autosave.setId("autosaveItem");
        autosave.selectedProperty().bindBidirectional(s.autosave());
        MenuItem images = item("fileMenu.openImageFolder", "openImageFolderItem", null, x.imports()::chooseImageFolder);
        MenuItem csv = item("fileMenu.openCsv", "openCsvItem", null, x.imports()::chooseCsvFile);
        file.getItems().addAll(0, List.of(open, recent, save, saveAs, autosave, new SeparatorMenuItem(), images, csv));
    }

    /** The Export menu. */
    static Menu exportMenu(Explorer x) {
        Exporter e = x.exporter();
        Menu decoded = menu("exportMenu.decoded");
        decoded.setId("exportDecodedMenu");
        for (int scale : new int[] {4, 8, 16, 32}) {
            MenuItem m = item(null, "exportDecoded" + scale, scale == 16 ? key(KeyCode.D, SHORTCUT, SHIFT) : null,
                    () -> e.export(Exporter.Kind.DECODED, scale));
            m.setText("×" + scale);
            decoded.getItems().add(m);
        }
        Menu scatter = menu("exportMenu.scatter");
        scatter.getItems().addAll(
                item("exportMenu.screenSize", "exportScatter1", key(KeyCode.E, SHORTCUT, SHIFT),
                        () -> e.export(Exporter.Kind.SCATTER, 1)),
                item("exportMenu.presentation", "exportScatter2", null, () -> e.export(Exporter.Kind.SCATTER, 2)));
        Menu chart = menu("exportMenu.chart");
        chart.getItems().addAll(
                item("exportMenu.screenSize", "exportChart1", key(KeyCode.L, SHORTCUT, SHIFT),
                        () -> e.export(Exporter.Kind.CHART, 1)),
                item("exportMenu.presentation", "exportChart2", null, () -> e.export(Exporter.Kind.CHART, 2)));
        MenuItem grid = item("exportMenu.manifoldGrid", "exportManifoldGrid", null,
                () -> e.export(Exporter.Kind.MANIFOLD_GRID, 1));
        grid.disableProperty().bind(e.manifoldGridAvailable().not());
        MenuItem lossCsv = item("exportMenu.lossCsv", "exportLossCsv", key(KeyCode.H, SHORTCUT, SHIFT),
                () -> e.export(Exporter.Kind.LOSS_CSV, 1));
        MenuItem latentCsv = item("exportMenu.latentCsv", "exportLatentCsv", key(KeyCode.C, SHORTCUT, SHIFT),
                () -> e.export(Exporter.Kind.LATENT_CSV, 1));
        Menu export = menu("exportMenu.export");
        export.getItems().addAll(decoded, scatter, chart, grid, new SeparatorMenuItem(), lossCsv, latentCsv);
        export.setId("exportMenu");
        return export;
    }

    private static void fillRecent(Menu recent, Explorer x) {
        SessionService s = x.sessions();
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

    /** A menu whose text follows the language. */
    private static Menu menu(String textKey) {
        Menu m = new Menu();
        m.textProperty().bind(I18n.tr(textKey));
        return m;
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }

    /** A menu item whose text follows the language (textKey null: the caller sets the text). */
    private static MenuItem item(String textKey, String id, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem();
        if (textKey != null) m.textProperty().bind(I18n.tr(textKey));
        m.setId(id);
        if (key != null) m.setAccelerator(key);
        m.setOnAction(ev -> action.run());
        return m;
    }
}
