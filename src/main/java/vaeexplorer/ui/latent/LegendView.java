package vaeexplorer.ui.latent;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.image.ImageView;
import vaeexplorer.core.data.Dataset;

import vaeexplorer.ui.i18n.ClassNames;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;

/**
 * The class names of the shown images, each beside exactly the mark the scatter draws it with (its colour and, as View
 * › Markers says, its shape or number: see {@link ClassMarks}), in the UI's language (see {@link ClassNames}). The
 * names run down a column and on into a second one (and more) when the plot is too short for one, as with large text
 * or in presentation mode, so no class is cut off.
 */
public final class LegendView extends VBox {
    private final Label title = new Label();
    private final FlowPane items = new FlowPane(Orientation.VERTICAL);

    public LegendView(ObservableValue<Dataset> shown, ObservableDoubleValue fontSize) {
        setId("legend");
        getStyleClass().add("legend");
        title.getStyleClass().add("panel-title");
        items.setId("legendItems");
        // a column is as tall as the legend leaves below its title (the spacing and top padding: about 1 em)
        items.prefWrapLengthProperty().bind(heightProperty().subtract(title.heightProperty())
                .subtract(fontSize));
        items.vgapProperty().bind(Bindings.multiply(fontSize, 0.2));
        items.hgapProperty().bind(Bindings.multiply(fontSize, 0.8));
        items.setMinHeight(0);
        getChildren().addAll(title, items);
        shown.addListener((o, a, d) -> rebuild(d, fontSize));
        fontSize.addListener((o, a, b) -> rebuild(shown.getValue(), fontSize));
        Relabel.onLocaleChange(this, () -> rebuild(shown.getValue(), fontSize));
        ClassMarks.onChange(this, () -> rebuild(shown.getValue(), fontSize));
        rebuild(shown.getValue(), fontSize);
    }

    private void rebuild(Dataset d, ObservableDoubleValue fontSize) {
        title.setText(I18n.get("legend.title"));
        items.getChildren().clear();
        List<String> names = d == null ? List.of() : d.classNames();
        if (names.isEmpty()) items.getChildren().add(new Label(d == null ? "" : I18n.get("legend.unlabelled")));
        MarkerStyle style = ClassMarks.style().get();
        // the plot's marks drawn larger (numbers a little more, to read as text beside the names)
        MarkSprites marks = new MarkSprites(style, 0.42 * fontSize.get() * (style == MarkerStyle.LABELS ? 1.3 : 1), 1.0);
        for (int i = 0; i < names.size(); i++) {
            ImageView mark = new ImageView(marks.of(i));
            mark.getProperties().put(MarkerShape.class, marks.shapeOf(i));
            Label item = new Label(ClassNames.of(names, i), mark);
            item.getStyleClass().add("legend-item");
            items.getChildren().add(item);
        }
    }

    /** The title, then each class' name as shown (for tests). */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        out.add(title.getText());
        for (Node n : items.getChildren()) out.add(((Label) n).getText());
        return out;
    }

    /** The outline each class' mark has in the legend now, in class order (for tests). */
    public List<MarkerShape> shapes() {
        List<MarkerShape> out = new ArrayList<>();
        for (Node n : items.getChildren())
            if (((Label) n).getGraphic() != null) out.add((MarkerShape) ((Label) n).getGraphic().getProperties().get(MarkerShape.class));
        return out;
    }

    /** How many columns the names take now (for tests). */
    public int columns() {
        return (int) items.getChildren().stream().mapToDouble(n -> n.getBoundsInParent().getMinX()).distinct().count();
    }
}
