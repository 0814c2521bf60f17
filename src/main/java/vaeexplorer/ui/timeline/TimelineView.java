package vaeexplorer.ui.timeline;

import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.widgets.KeyboardReach;

/**
 * The timeline bar under the latent plot: a slider over the kept epoch ends (the right end is "live"), earlier / later
 * buttons and Live. While an earlier epoch is shown the bar turns amber and says so; training goes on meanwhile.
 */
public final class TimelineView extends HBox {
    private final EpochTimeline timeline;
    private final Slider slider = new Slider(0, 1, 1);
    private final Label where = new Label();
    private boolean updating;

    public TimelineView(EpochTimeline timeline) {
        this.timeline = timeline;
        setId("timelineBar");
        getStyleClass().add("timeline-bar");
        setAlignment(Pos.CENTER_LEFT);
        setMinHeight(Region.USE_PREF_SIZE); // with large text the plot above gives way, not the bar
        Label title = new Label();
        title.textProperty().bind(I18n.tr("timeline.title"));
        title.getStyleClass().add("panel-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        slider.setId("timelineSlider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(1);
        KeyboardReach.tabbableClickKeepsFocus(slider); // Tab reaches it; a click leaves the arrow keys with the plot
        slider.setTooltip(tooltip("timeline.sliderTip"));
        slider.accessibleTextProperty().bind(I18n.tr("a11y.timeline"));
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        Button earlier = button("◀", "timelineEarlierButton", "timeline.earlierTip", timeline::earlier);
        Button later = button("▶", "timelineLaterButton", "timeline.laterTip", timeline::later);
        Button live = button(null, "timelineLiveButton", "timeline.liveTip", timeline::live);
        live.textProperty().bind(I18n.tr("timeline.live"));
        live.disableProperty().bind(timeline.shownEntry().isNull());
        later.disableProperty().bind(timeline.shownEntry().isNull());
        where.setId("timelineLabel");
        where.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(title, earlier, slider, later, where, live);

        InvalidationListener sync = o -> sync();
        timeline.entries().addListener(sync);
        timeline.shownEntry().addListener(sync);
        Relabel.onLocaleChange(this, this::sync);
        slider.valueProperty().addListener((o, a, v) -> {
            if (updating) return;
            int i = (int) Math.round(v.doubleValue()), n = timeline.entries().size();
            if (i >= n) timeline.live();
            else timeline.show(timeline.entries().get(Math.max(0, i)));
        });
        sync();
    }

    private static Tooltip tooltip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(I18n.tr(key));
        return t;
    }

    private static Button button(String text, String id, String tipKey, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(tooltip(tipKey));
        if (text != null) b.accessibleTextProperty().bind(I18n.tr(tipKey)); // "◀" and "▶" say nothing to a screen reader
        KeyboardReach.tabbableClickKeepsFocus(b);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    Slider slider() {
        return slider;
    }

    private void sync() {
        updating = true;
        try {
            int n = timeline.entries().size();
            slider.setMax(Math.max(1, n));
            slider.setDisable(n == 0);
            int i = timeline.indexOfShown();
            slider.setValue(i < 0 ? n : i);
            EpochTimeline.Entry e = timeline.shownEntry().get();
            if (e == null) {
                where.setText(I18n.get(n == 0 ? "timeline.fromFirstEpoch" : "timeline.showingLive"));
                getStyleClass().remove("rewound");
            } else {
                where.setText(e.epoch() == 0 ? I18n.get("timeline.start") : I18n.format("timeline.epoch", e.epoch()));
                if (!getStyleClass().contains("rewound")) getStyleClass().add("rewound");
            }
        } finally {
            updating = false;
        }
    }
}
