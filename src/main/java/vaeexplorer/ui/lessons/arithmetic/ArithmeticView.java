package vaeexplorer.ui.lessons.arithmetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.train.LatentCodes;

import vaeexplorer.ui.i18n.ClassNames;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.Relabel;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.lessons.LessonContext;
import vaeexplorer.ui.lessons.LessonInputs;
import vaeexplorer.ui.lessons.LessonLayout;
import vaeexplorer.ui.widgets.ImageGridView;
import vaeexplorer.ui.widgets.ImageTiles;

/**
 * The "Latent arithmetic" tab: class A and class B (the arrow in the scatter goes from A's mean to B's), the slider t
 * that sets z = base + t v, the strip of decodes along the vector, and the analogy a - b + c of the last three
 * selected points with its decodes and a button that moves z there. It only shows what {@link ArithmeticModel} holds.
 */
public final class ArithmeticView extends HBox {
    /** Pixels between the analogy's images. */
    private static final int ANALOGY_GAP = 2;
    private final LatentModel latent;
    private final ArithmeticModel model;
    private final ChoiceBox<Integer> classA = new ChoiceBox<>();
    private final ChoiceBox<Integer> classB = new ChoiceBox<>();
    private final Slider slider = new Slider(-ArithmeticModel.T_LIMIT, ArithmeticModel.T_LIMIT, 0);
    private final Label tValue = new Label();
    private final ImageGridView along;
    private final ImageGridView analogy;
    private final Label picked = new Label();
    private final Button go = new Button();
    private final ObservableDoubleValue fontSize;

    public ArithmeticView(LessonContext ctx, ArithmeticModel model) {
        this.latent = ctx.latent();
        this.model = model;
        this.fontSize = ctx.fontSize();
        setId("arithmeticView");
        getStyleClass().add("lesson");
        setSpacing(12);

        classA.setId("arithmeticClassA");
        classB.setId("arithmeticClassB");
        Label from = label("arithmetic.from", classA), to = label("arithmetic.to", classB);
        HBox classes = new HBox(6, from, classA, to, classB);
        classes.setAlignment(Pos.CENTER_LEFT);
        classA.valueProperty().addListener((o, a, v) -> { if (v != null) model.classA().set(v); });
        classB.valueProperty().addListener((o, a, v) -> { if (v != null) model.classB().set(v); });
        model.classA().addListener((o, a, v) -> classA.setValue(v.intValue()));
        model.classB().addListener((o, a, v) -> classB.setValue(v.intValue()));

        slider.setId("arithmeticT");
        slider.setMajorTickUnit(0.5);
        slider.setShowTickMarks(true);
        slider.setBlockIncrement(0.05);
        slider.setMinWidth(120);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.valueProperty().bindBidirectional(model.t());
        tValue.setId("arithmeticTValue");
        tValue.getStyleClass().add("z-label");
        tValue.setMinWidth(Region.USE_PREF_SIZE);
        tValue.textProperty().bind(Bindings.createStringBinding(() -> tText(model.t().get()), model.t()));
        HBox move = new HBox(6, label("arithmetic.t", slider), slider, tValue);
        move.setAlignment(Pos.CENTER_LEFT);

        along = new ImageGridView("arithmeticStrip", 2, ctx.fontSize());
        along.emptyText().bind(I18n.tr("arithmetic.noVector"));
        VBox left = new VBox(6, classes, move, LessonLayout.strip("arithmetic.alongTitle", along));
        left.setMinWidth(0);

        analogy = new ImageGridView("arithmeticAnalogyStrip", ANALOGY_GAP, ctx.fontSize());
        analogy.setMinHeight(0);
        analogy.emptyText().bind(I18n.tr("arithmetic.pick")); // what a screen reader hears (hidden until three are selected)
        go.setId("arithmeticGoButton");
        go.textProperty().bind(I18n.tr("arithmetic.go"));
        go.setMinWidth(Region.USE_PREF_SIZE);
        go.setOnAction(e -> model.goToAnalogy());
        go.disableProperty().bind(model.analogy().isNull());
        picked.setId("arithmeticPicked");
        picked.getStyleClass().add("lesson-text");
        picked.setWrapText(true);
        picked.setMinHeight(Region.USE_PREF_SIZE);
        picked.setMinWidth(0);
        Label analogyTitle = LessonLayout.sentence("arithmetic.analogyTitle");
        analogyTitle.getStyleClass().add("panel-title");
        // the analogy's column: its title, the four images (only once three are selected: before, the words say how),
        // what they are, and the button right under them
        VBox middle = new VBox(6, analogyTitle, analogy, picked, go);
        middle.setId("arithmeticAnalogy");
        analogy.managedProperty().bind(analogy.visibleProperty());
        analogy.widthProperty().addListener((o, a, b) -> fitAnalogyHeight());
        // fixed widths for the analogy and the explanation, so both always read as a column of a few words a line;
        // the strip along v takes the rest of the row
        bindWidth(middle, ctx, 19);
        HBox.setHgrow(left, Priority.ALWAYS);

        Label explain = LessonLayout.sentence("arithmetic.explain");
        explain.setId("arithmeticExplain");
        VBox side = LessonLayout.sidePanel(ctx, explain, explain);
        HBox.setHgrow(side, Priority.NEVER);
        side.prefWidthProperty().unbind();
        bindWidth(side, ctx, 21);
        getChildren().addAll(left, middle, side);

        follow();
        Relabel.onLocaleChange(this, this::relabel);
        relabel();
    }

    /** Follows the data set's classes and the model's results. */
    private void follow() {
        latent.shown().addListener((o, a, b) -> classes());
        model.strips().addListener((o, a, s) -> show(s));
        model.picks().addListener((o, a, b) -> describe());
        LessonInputs.onChange(this::describeSlider, model.classA(), model.classB(), model.t());
        classes();
        show(model.strips().get());
    }

    private static void bindWidth(Region r, LessonContext ctx, double em) {
        r.minWidthProperty().bind(ctx.fontSize().multiply(em));
        r.prefWidthProperty().bind(ctx.fontSize().multiply(em));
        r.maxWidthProperty().bind(ctx.fontSize().multiply(em));
    }

    /** The analogy's grid as tall as its images at the width it has (and their labels), so nothing sits far below them. */
    private void fitAnalogyHeight() {
        ImageTiles t = analogy.tiles();
        double w = analogy.getWidth();
        if (t == null || w <= 0) return;
        double sheetW = t.gridCols() * t.cols() + (t.gridCols() - 1) * ANALOGY_GAP;
        double sheetH = t.gridRows() * t.rows() + (t.gridRows() - 1) * ANALOGY_GAP;
        double s = (w - 1) / sheetW;
        if (s >= 1) s = Math.floor(s);
        double h = Math.ceil(sheetH * s + 1.5 * fontSize.get()) + 1;
        analogy.setPrefHeight(h);
        analogy.setMaxHeight(h);
    }

    private static Label label(String key, javafx.scene.Node target) {
        Label l = new Label();
        l.textProperty().bind(I18n.tr(key));
        l.setLabelFor(target);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    static String tText(double t) {
        return String.format(Locale.ROOT, "t = %+.2f", t);
    }

    /** The class choices: the shown data set's classes, by name in the language shown. */
    private void classes() {
        Dataset d = latent.shown().get();
        List<Integer> labels = new ArrayList<>();
        if (d != null) for (int k = 0; k < d.classNames().size(); k++) labels.add(k);
        for (ChoiceBox<Integer> box : List.of(classA, classB)) {
            box.getItems().setAll(labels);
            box.setConverter(converter());
        }
        int a = model.classA().get(), b = model.classB().get();
        classA.setValue(labels.contains(a) ? a : null);
        classB.setValue(labels.contains(b) ? b : null);
    }

    private StringConverter<Integer> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(Integer k) {
                return k == null ? "" : className(k);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        };
    }

    private String className(int k) {
        Dataset d = latent.shown().get();
        return d == null ? "" : ClassNames.of(d.classNames(), k);
    }

    private void relabel() {
        classes();
        describe();
        describeSlider();
        show(model.strips().get());
    }

    private void describeSlider() {
        String a = className(model.classA().get()), b = className(model.classB().get());
        classA.setAccessibleText(I18n.format("arithmetic.a11y.classA", a));
        classB.setAccessibleText(I18n.format("arithmetic.a11y.classB", b));
        slider.setAccessibleText(I18n.format("arithmetic.a11y.slider", a, b, tText(model.t().get())));
        go.setAccessibleText(I18n.get("arithmetic.a11y.go"));
    }

    private void describe() {
        int[] p = model.picks().get();
        LatentCodes c = latent.codes().get();
        if (p == null || c == null) {
            picked.setText(I18n.get("arithmetic.pick"));
            return;
        }
        picked.setText(I18n.format("arithmetic.picked", pickName(c, p[0]), pickName(c, p[1]), pickName(c, p[2])));
    }

    private String pickName(LatentCodes c, int i) {
        String name = className(c.label(i));
        return name.isEmpty() ? "#" + c.index(i) : name + " (#" + c.index(i) + ")";
    }

    private void show(ArithmeticModel.Strips s) {
        along.show(s == null ? null : s.along());
        analogy.show(s == null ? null : s.analogy());
        analogy.setVisible(s != null && s.analogy() != null);
        fitAnalogyHeight();
        List<String> tLabels = new ArrayList<>();
        if (s != null && s.along() != null)
            for (double t : ArithmeticModel.STRIP_T) tLabels.add(t == Math.rint(t) || Math.abs(t) == 0.5
                    ? String.format(Locale.ROOT, "%+.1f", t).replace("+0.0", "0") : "");
        along.setColumnLabels(tLabels);
        analogy.setColumnLabels(s == null || s.analogy() == null ? List.of()
                : List.of("a", "b", "c", "a \u2212 b + c"));
        String a = className(model.classA().get()), b = className(model.classB().get());
        along.accessibleTextProperty().unbind(); // what a screen reader hears instead of the grid's count of images
        analogy.accessibleTextProperty().unbind();
        along.setAccessibleText(s == null || s.along() == null ? along.emptyText().get()
                : I18n.format("arithmetic.a11y.along", a, b));
        int[] p = model.picks().get();
        LatentCodes c = latent.codes().get();
        analogy.setAccessibleText(s == null || s.analogy() == null || p == null || c == null ? analogy.emptyText().get()
                : I18n.format("arithmetic.a11y.analogy", pickName(c, p[0]), pickName(c, p[1]), pickName(c, p[2])));
    }

    public ImageGridView alongStrip() { return along; }
    public ImageGridView analogyStrip() { return analogy; }
}
