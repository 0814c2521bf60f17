package vaeexplorer.ui.widgets;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

import vaeexplorer.ui.i18n.I18n;

/** Menus and menu items whose texts follow the language: the one factory every menu of the app is made with. */
public final class MenuItems {
    private MenuItems() {}

    /** A menu titled by a text key, holding the items. */
    public static Menu menu(String textKey, String id, MenuItem... items) {
        Menu m = new Menu(null, null, items);
        m.textProperty().bind(I18n.tr(textKey));
        if (id != null) m.setId(id);
        return m;
    }

    /**
     * An item that runs action.
     *
     * @param textKey the text key, or null when the caller sets the text
     * @param id      the item's id (for tests), or null
     * @param key     the accelerator shown beside it, or null
     */
    public static MenuItem item(String textKey, String id, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem();
        if (textKey != null) m.textProperty().bind(I18n.tr(textKey));
        if (id != null) m.setId(id);
        if (key != null) m.setAccelerator(key);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** A check item bound both ways to a property. */
    public static CheckMenuItem check(String textKey, String id, KeyCombination key, BooleanProperty selected) {
        CheckMenuItem m = new CheckMenuItem();
        m.textProperty().bind(I18n.tr(textKey));
        if (id != null) m.setId(id);
        if (key != null) m.setAccelerator(key);
        m.selectedProperty().bindBidirectional(selected);
        return m;
    }
}
