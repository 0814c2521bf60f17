package vaeexplorer.ui.widgets;

import java.util.Locale;
import java.util.function.Supplier;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.WeakChangeListener;

import vaeexplorer.ui.i18n.I18n;

/**
 * What the data, session and export commands say in the {@link NoticeBar}, in the UI's language: each text is given
 * as a supplier (reading {@link I18n}) and is said again in the new language when the language changes while it
 * shows. FX thread only.
 */
public final class LiveNotices {
    private final NoticeBar bar;
    private Supplier<String> notice;
    private Supplier<String> action;
    private Runnable onAction;
    private boolean error;
    private String shown;
    private Supplier<String> progress;
    private ObservableDoubleValue progressValue;
    private Runnable onCancel;

    /** Held here: the locale holds it only weakly, so a closed window is not kept alive. */
    private final ChangeListener<Locale> onLocale = (o, a, b) -> relabel();

    public LiveNotices(NoticeBar bar) {
        this.bar = bar;
        I18n.locale().addListener(new WeakChangeListener<>(onLocale));
    }

    NoticeBar bar() {
        return bar;
    }

    /** A notice (see {@link NoticeBar#showNotice}) without an action. */
    public void notice(Supplier<String> text, boolean error) {
        notice(text, error, null, null);
    }

    /** A notice with an action button (actionText null for none). */
    public void notice(Supplier<String> text, boolean error, Supplier<String> actionText, Runnable onAction) {
        this.notice = text;
        this.error = error;
        this.action = actionText;
        this.onAction = onAction;
        showNotice();
    }

    public void hideNotice() {
        notice = null;
        bar.hideNotice();
    }

    /** A progress line with Cancel (see {@link NoticeBar#showProgress}). */
    public void progress(Supplier<String> text, ObservableDoubleValue value, Runnable onCancel) {
        this.progress = text;
        this.progressValue = value;
        this.onCancel = onCancel;
        bar.showProgress(text.get(), value, onCancel);
    }

    public void hideProgress() {
        progress = null;
        bar.hideProgress();
    }

    private void showNotice() {
        shown = notice.get();
        bar.showNotice(shown, error, action == null ? null : action.get(), onAction);
    }

    private void relabel() {
        if (notice != null && shown != null && shown.equals(bar.notice())) showNotice();
        if (progress != null && bar.isShowingProgress()) bar.showProgress(progress.get(), progressValue, onCancel);
    }
}
