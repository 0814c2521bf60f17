package vaeexplorer.ui.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import vaeexplorer.ui.i18n.I18n;

/**
 * The keyboard shortcuts: one table that both binds the keys (through one key filter on the scene) and writes the
 * Help › Keyboard shortcuts list, so that the two cannot drift apart. The list also takes in every accelerator found
 * in the window's menus and scene that the table does not name, so keys bound elsewhere are listed too.
 */
public final class Shortcuts {
    /** Who binds a shortcut. */
    enum Scope {
        /** This table, through its key filter. */
        BOUND,
        /** The latent plot, while it has the keyboard focus; in the table for the list only. */
        PLOT,
        /** JavaFX's own controls (focus traversal, menus, tabs, buttons); in the table for the list only. */
        CONTROLS,
        /** The Draw lesson's pad, while it has the keyboard focus; in the table for the list only. */
        DRAWING,
        /** The Worst lesson's strips of images, while one has the keyboard focus; in the table for the list only. */
        STRIP
    }

    /** One action and its keys; its group is a text key, its description is written in the language shown. */
    public record Shortcut(String id, String group, Supplier<String> description, Scope scope, List<KeyCombination> keys,
                    Runnable action) {
        public Shortcut {
            keys = List.copyOf(keys);
        }

        boolean bindsHere() {
            return action != null && scope == Scope.BOUND;
        }
    }

    /** A line of the help: group, keys, what they do. */
    record Row(String group, String keys, String description) {}

    private final List<Shortcut> table = new ArrayList<>();

    /** Adds a shortcut; group and description are text keys. */
    Shortcuts add(String id, String group, String description, Scope scope, Runnable action, KeyCombination... keys) {
        return add(id, group, () -> I18n.get(description), scope, action, keys);
    }

    /** Adds a shortcut whose description is written when the help is (in the language shown then). */
    Shortcuts add(String id, String group, Supplier<String> description, Scope scope, Runnable action,
                  KeyCombination... keys) {
        table.add(new Shortcut(id, group, description, scope, List.of(keys), action));
        return this;
    }

    public List<Shortcut> table() {
        return List.copyOf(table);
    }

    /** The first key of a shortcut (to show beside its menu item). */
    KeyCombination key(String id) {
        for (Shortcut s : table) if (s.id().equals(id)) return s.keys().get(0);
        throw new IllegalArgumentException("no shortcut " + id);
    }

    static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    static KeyCombination ctrl(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    static KeyCombination ctrlShift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    static KeyCombination shift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHIFT_DOWN);
    }

    /** Binds the table's keys in the scene: a filter that sees them before any control does. */
    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node owner = scene.getFocusOwner();
            boolean inText = owner instanceof TextInputControl || owner instanceof vaeexplorer.ui.widgets.OwnKeys,
                    onButton = pressesWithSpace(owner);
            for (Shortcut s : table) {
                if (!s.bindsHere()) continue;
                for (KeyCombination k : s.keys())
                    if (k.match(e) && !(inText && isTyping(k)) && !(onButton && isPlainSpace(k))) {
                        e.consume();
                        s.action().run();
                        return;
                    }
            }
        });
    }

    /**
     * Controls that a plain Space presses (buttons, switches, check boxes, lists that open): while one has the focus,
     * Space is left to it, so the keyboard can press every button (Ctrl+T still trains).
     */
    static boolean pressesWithSpace(Node owner) {
        return owner instanceof ButtonBase || owner instanceof ComboBoxBase<?> || owner instanceof ChoiceBox<?>;
    }

    static boolean isPlainSpace(KeyCombination k) {
        return k instanceof KeyCodeCombination kc && kc.getCode() == KeyCode.SPACE
                && kc.getControl() != KeyCombination.ModifierValue.DOWN && kc.getShortcut() != KeyCombination.ModifierValue.DOWN
                && kc.getAlt() != KeyCombination.ModifierValue.DOWN && kc.getMeta() != KeyCombination.ModifierValue.DOWN;
    }

    /**
     * Keys that mean something while typing in a text field, where they are left to the field: keys without Ctrl, Alt
     * or Meta (Space, letters, Page Up, End...) except function keys, and Ctrl with arrows, Home or End (word and line
     * jumps).
     */
    static boolean isTyping(KeyCombination k) {
        if (!(k instanceof KeyCodeCombination kc)) return true;
        KeyCode code = kc.getCode();
        if (code.isFunctionKey()) return false;
        boolean modified = kc.getControl() == KeyCombination.ModifierValue.DOWN
                || kc.getShortcut() == KeyCombination.ModifierValue.DOWN || kc.getAlt() == KeyCombination.ModifierValue.DOWN
                || kc.getMeta() == KeyCombination.ModifierValue.DOWN;
        return !modified || code.isArrowKey() || code == KeyCode.HOME || code == KeyCode.END;
    }

    /** How a key is written in the list: "Ctrl+T", "Space", "Page Up", arrows as arrows. */
    static String keyText(KeyCombination k) {
        if (!(k instanceof KeyCodeCombination kc)) return k.getDisplayText();
        String name = switch (kc.getCode()) {
            case LEFT -> "←";
            case RIGHT -> "→";
            case UP -> "↑";
            case DOWN -> "↓";
            case EQUALS -> "=";
            case ENTER -> "Enter"; // JavaFX writes ↵, which a screen reader may not say
            case ADD -> I18n.format("shortcuts.numpad", "+");
            case SUBTRACT -> I18n.format("shortcuts.numpad", "-");
            default -> null;
        };
        if (name == null) return k.getDisplayText();
        // the modifiers as the platform writes them: those of the same combination with a plain letter
        String withA = new KeyCodeCombination(KeyCode.A, kc.getShift(), kc.getControl(), kc.getAlt(), kc.getMeta(),
                kc.getShortcut()).getDisplayText();
        return withA.substring(0, withA.length() - 1) + name;
    }

    /** Every line of the help: the table, then menu accelerators and scene accelerators the table does not name. */
    List<Row> rows(Scene scene) {
        List<Row> rows = new ArrayList<>();
        Set<KeyCombination> named = new LinkedHashSet<>();
        for (Shortcut s : table) {
            List<String> keys = new ArrayList<>();
            for (KeyCombination k : s.keys()) keys.add(keyText(k));
            rows.add(new Row(I18n.get(s.group()), String.join(",  ", keys), s.description().get()));
            named.addAll(s.keys());
        }
        if (scene == null) return rows;
        for (MenuItem m : menuItems(scene)) {
            KeyCombination k = m.getAccelerator();
            if (k == null || !named.add(k)) continue;
            rows.add(new Row(I18n.get("shortcuts.group.menus"), keyText(k), menuPath(m)));
        }
        for (KeyCombination k : scene.getAccelerators().keySet())
            if (named.add(k)) rows.add(new Row(I18n.get("shortcuts.group.other"), keyText(k), I18n.get("shortcuts.noMenuItem")));
        return rows;
    }

    /** All menu items of the window's menu bars, submenus included. */
    public static List<MenuItem> menuItems(Scene scene) {
        List<MenuItem> out = new ArrayList<>();
        for (Node n : scene.getRoot().lookupAll(".menu-bar"))
            if (n instanceof MenuBar bar) for (Menu m : bar.getMenus()) collect(m, out);
        return out;
    }

    private static void collect(MenuItem item, List<MenuItem> out) {
        out.add(item);
        if (item instanceof Menu m) for (MenuItem child : m.getItems()) collect(child, out);
    }

    private static String menuPath(MenuItem m) {
        StringBuilder b = new StringBuilder(m.getText() == null ? "" : m.getText());
        for (Menu p = m.getParentMenu(); p != null; p = p.getParentMenu()) b.insert(0, p.getText() + " › ");
        return b.toString();
    }

    /** The Help › Keyboard shortcuts dialog, written from {@link #rows}. */
    void showHelp(Scene scene, double fontSize) {
        Dialog<ButtonType> d = new Dialog<>();
        Window owner = scene == null ? null : scene.getWindow();
        if (owner != null) d.initOwner(owner);
        d.setTitle(I18n.get("shortcuts.title"));
        d.setHeaderText(null);
        d.getDialogPane().setId("shortcutsDialog");
        if (scene != null) d.getDialogPane().setStyle(scene.getRoot().getStyle());
        d.getDialogPane().getStylesheets().add(Shortcuts.class.getResource("explorer.css").toExternalForm());
        d.getDialogPane().getButtonTypes().add(new ButtonType(I18n.get("shortcuts.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-grid");
        grid.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints());
        Label note = new Label(I18n.get("shortcuts.typingNote"));
        note.getStyleClass().add("hint-text");
        note.setWrapText(true);
        grid.add(note, 0, 0, 2, 1);
        String group = null;
        int r = 1;
        for (Row row : rows(scene)) {
            if (!row.group().equals(group)) {
                group = row.group();
                Label g = new Label(group);
                g.getStyleClass().add("section-title");
                grid.add(g, 0, r++, 2, 1);
            }
            Label keys = new Label(row.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Label.USE_PREF_SIZE);
            Label what = new Label(row.description());
            what.setWrapText(true);
            grid.addRow(r++, keys, what);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setId("shortcutsList");
        scroll.setPrefViewportHeight(owner == null ? 40 * fontSize : Math.max(300, owner.getHeight() * 0.7));
        scroll.setPrefViewportWidth(owner == null ? 48 * fontSize : Math.min(owner.getWidth() * 0.85, 48 * fontSize));
        d.getDialogPane().setContent(scroll);
        d.setResizable(true);
        d.show();
    }
}
