package vaeexplorer.ui.latent;

import java.util.List;

import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import vaeexplorer.core.data.Dataset;

import vaeexplorer.ui.i18n.ClassNames;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;

/** The class names of the shown images with their scatter colours, in the UI's language (see {@link ClassNames}). */
public final class LegendView extends VBox {
    public LegendView(ObservableValue<Dataset> shown, ObservableDoubleValue fontSize) {
        setId("legend");
        getStyleClass().add("legend");
        shown.addListener((o, a, d) -> rebuild(d, fontSize));
        fontSize.addListener((o, a, b) -> rebuild(shown.getValue(), fontSize));
        Relabel.onLocaleChange(this, () -> rebuild(shown.getValue(), fontSize));
        rebuild(shown.getValue(), fontSize);
    }

    private void rebuild(Dataset d, ObservableDoubleValue fontSize) {
        getChildren().clear();
        Label title = new Label(I18n.get("legend.title"));
        title.getStyleClass().add("panel-title");
        getChildren().add(title);
        List<String> names = d == null ? List.of() : d.classNames();
        if (names.isEmpty()) getChildren().add(new Label(d == null ? "" : I18n.get("legend.unlabelled")));
        for (int i = 0; i < names.size(); i++) {
            Label item = new Label(ClassNames.of(names, i), new Circle(0.42 * fontSize.get(), Palette.of(i)));
            item.getStyleClass().add("legend-item");
            getChildren().add(item);
        }
    }
}
