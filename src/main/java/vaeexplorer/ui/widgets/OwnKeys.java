package vaeexplorer.ui.widgets;

/**
 * A node that uses plain keys itself while it has the keyboard focus (Space, letters, arrows: the drawing pad's pen),
 * as a text field does: the window's shortcuts leave those keys to it (keys with Ctrl still reach the shortcuts).
 */
public interface OwnKeys {
}
