package vaeexplorer.ui.lessons;

import java.util.Locale;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.DoubleExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.widgets.TextScale;

/**
 * Keeps a tab pane's headers in one row, so that every tab is one click away and none hides behind the tab pane's
 * overflow menu: the full titles when they fit, else the short ones, else the short ones in smaller type, but never
 * smaller than {@link #MIN_FONT_PX}, the text size of presentation mode on a 720-line projector (read from the back of
 * a room). Checked again whenever the pane's width, the text size or the language changes; the choice is measured on
 * the pane's own headers, so it holds for any font and either language.
 */
final class TabTitleFit {
    /** The smallest type the titles shrink to: presentation mode's text at 720 lines. */
    static final double MIN_FONT_PX = TextScale.PRESENTATION_AT_720 * TextScale.BASE_FONT_PX;
    /** Room kept free right of the last tab, in em: more than the overflow button takes, so it never appears. */
    private static final double SPARE_EM = 2;
    /** The tab pane skin's gap after the headers. */
    private static final double SPACER = 10;

    private final TabPane tabs;
    private final BooleanProperty shortTitles;
    private final DoubleExpression fontSize;
    /** The titles' type size in pixels while shrunk, else 0 (the window's own size). */
    private final ReadOnlyDoubleWrapper shrunkTo = new ReadOnlyDoubleWrapper(0);
    private boolean scheduled;
    /** Held here: the language keeps only a weak reference to it (and so not the window). */
    private final InvalidationListener later = o -> schedule();

    /**
     * @param shortTitles set here: whether the tabs show their short titles (their text bindings follow it)
     * @param fontSize    the window's text size in pixels
     */
    TabTitleFit(TabPane tabs, BooleanProperty shortTitles, DoubleExpression fontSize) {
        this.tabs = tabs;
        this.shortTitles = shortTitles;
        this.fontSize = fontSize;
        tabs.widthProperty().addListener(later);
        tabs.skinProperty().addListener(later);
        tabs.sceneProperty().addListener((o, was, now) -> {
            if (was != null) was.widthProperty().removeListener(later);
            if (now != null) now.widthProperty().addListener(later);
            schedule();
        });
        if (tabs.getScene() != null) tabs.getScene().widthProperty().addListener(later);
        tabs.getTabs().addListener(later);
        fontSize.addListener(later);
        I18n.locale().addListener(new WeakInvalidationListener(later));
        schedule();
    }

    /** The titles' type size in pixels while shrunk to fit, else 0. */
    ReadOnlyDoubleProperty shrunkTo() {
        return shrunkTo.getReadOnlyProperty();
    }

    private void schedule() {
        if (scheduled) return;
        scheduled = true;
        Platform.runLater(() -> {
            scheduled = false;
            fit();
        });
    }

    /**
     * Chooses the titles and their size for the pane as it is now (FX thread): the first that fits of full titles,
     * short titles, short titles in smaller type. Returns whether one fits (false also before the pane is shown).
     */
    boolean fit() {
        Region area = child(tabs, "tab-header-area");
        Region headers = area == null ? null : child(area, "headers-region");
        if (headers == null || tabs.getScene() == null || tabs.getWidth() <= 0) return false;
        double base = fontSize.get();
        if (fits(false, 0, area, headers) || fits(true, 0, area, headers)) return true;
        for (double f = Math.floor(base - 1); f > MIN_FONT_PX; f--)
            if (fits(true, f, area, headers)) return true;
        return base > MIN_FONT_PX && fits(true, MIN_FONT_PX, area, headers);
    }

    /** Shows the titles so (font 0: the window's size) and tells whether they fit in one row with room to spare. */
    private boolean fits(boolean shortened, double font, Region area, Region headers) {
        shortTitles.set(shortened);
        // in smaller type the headers' sides are tighter too (0.3em instead of Modena's 0.5em): room for one more tab
        String style = font > 0 ? String.format(Locale.ROOT, "-fx-font-size: %.2fpx; -fx-padding: 0.083em 0.3em 0.077em 0.3em;", font) : "";
        for (Tab t : tabs.getTabs()) t.setStyle(style);
        shrunkTo.set(font);
        area.applyCss(); // the headers only: the lessons below need no new styles
        double width = area.getWidth() > 0 ? area.getWidth() : tabs.getWidth();
        // only what the window shows counts (with very large text the panes can be wider than the window)
        double left = area.localToScene(0, 0).getX(), sceneWidth = tabs.getScene().getWidth();
        if (sceneWidth > 0) width = Math.min(width, sceneWidth - left);
        double need = headers.prefWidth(-1) + area.snappedLeftInset() + SPACER
                + SPARE_EM * (font > 0 ? font : fontSize.get());
        return need <= width;
    }

    private static Region child(Parent p, String styleClass) {
        for (Node n : p.getChildrenUnmodifiable())
            if (n instanceof Region r && n.getStyleClass().contains(styleClass)) return r;
        return null;
    }
}
