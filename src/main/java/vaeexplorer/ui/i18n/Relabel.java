package vaeexplorer.ui.i18n;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.Node;

/**
 * Rewords what cannot simply bind its text to {@link I18n#tr} (canvas drawings, chart labels, combo box items, lists
 * rebuilt from data) when the UI's language changes. The language property holds the action only weakly and the owner
 * holds it strongly, so a view that goes away takes its action with it.
 */
public final class Relabel {
    private static final String KEY = Relabel.class.getName();

    private Relabel() {}

    /** Runs action on the FX thread each time the language changes, for as long as owner lives. */
    public static void onLocaleChange(Node owner, Runnable action) {
        InvalidationListener l = o -> action.run();
        @SuppressWarnings("unchecked")
        List<InvalidationListener> held = (List<InvalidationListener>) owner.getProperties().computeIfAbsent(KEY,
                k -> new ArrayList<InvalidationListener>());
        held.add(l);
        I18n.locale().addListener(new WeakInvalidationListener(l));
    }
}
