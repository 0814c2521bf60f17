package vaeexplorer.ui.lessons;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.train.LatentCodes;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.ui.concurrent.CurrentThreadTaskExecutor;
import vaeexplorer.ui.fixtures.LessonFixture;
import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.latent.LatentPlotView;

/**
 * The lessons as their tests open them, without a trainer: the latent plot with the overlay bar above the tabs (a
 * label stands for the loss chart) in a vertical split, 64 fixture images, a random 2-D model and the given codes; and
 * a lesson context whose worker runs jobs on the calling thread, for view-models tested without a window.
 */
final class LessonWindow {
    final LatentModel latent;
    final SimpleObjectProperty<LossPoint> loss = new SimpleObjectProperty<>();
    final SimpleObjectProperty<double[]> kl = new SimpleObjectProperty<>();
    /** The training images (the Nearest lesson's): set it to give the lessons a training set. */
    final SimpleObjectProperty<Dataset> training = new SimpleObjectProperty<>();
    final LatentPlotView plot;
    final Lessons lessons;

    private LessonWindow(LatentModel latent) {
        this.latent = latent;
        SimpleDoubleProperty font = new SimpleDoubleProperty(13);
        plot = new LatentPlotView(latent, font, new SimpleStringProperty(""));
        lessons = new Lessons(new LessonContext(latent, loss, kl, font, new LessonWorker(), training), plot);
    }

    /** Shows the window on stage (call from {@code @Start}): width x height, the split's divider at divider. */
    static LessonWindow show(Stage stage, LatentModel latent, LatentCodes codes, double width, double height, double divider) {
        LessonWindow w = new LessonWindow(latent);
        VBox top = new VBox(w.plot, w.lessons.overlayBar());
        VBox.setVgrow(w.plot, Priority.ALWAYS);
        SplitPane root = new SplitPane(top, w.lessons.tabs(new Label("loss chart")));
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(divider);
        root.setStyle("-fx-font-size: 13px;");
        latent.shown().set(LessonFixture.images(64));
        latent.model().set(LessonFixture.model(1, 2));
        latent.codes().set(codes);
        stage.setScene(new Scene(root, width, height));
        stage.show();
        return w;
    }

    /** A context for view-models without a window: their jobs run at once on the calling thread. */
    static LessonContext direct(LatentModel latent) {
        return direct(latent, new SimpleObjectProperty<>());
    }

    /** As {@link #direct(LatentModel)}, with these training images. */
    static LessonContext direct(LatentModel latent, javafx.beans.value.ObservableValue<Dataset> training) {
        return new LessonContext(latent, new SimpleObjectProperty<>(), new SimpleObjectProperty<>(),
                new SimpleDoubleProperty(13), new LessonWorker(new CurrentThreadTaskExecutor()), training);
    }
}
