package vaeexplorer.ui.lessons;

import javafx.beans.binding.DoubleExpression;
import javafx.beans.value.ObservableValue;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.train.LossPoint;

import vaeexplorer.ui.latent.LatentModel;
import vaeexplorer.ui.widgets.TextScale;

/**
 * What the lesson views read: the explored latent point with the latest model, codes and shown images (all in
 * {@link LatentModel}), the newest loss point and KL per dimension, the text size, the worker for heavy decodes, and
 * the images the model trains on (null until there is a model). Tests build one from plain properties.
 */
public record LessonContext(LatentModel latent, ObservableValue<LossPoint> latestLoss, ObservableValue<double[]> klPerDim,
                     DoubleExpression fontSize, LessonWorker worker, ObservableValue<Dataset> training) {

    public static LessonContext of(LatentModel latent, ObservableValue<LossPoint> latestLoss, ObservableValue<double[]> klPerDim,
                                   TextScale text, ObservableValue<Dataset> training) {
        return new LessonContext(latent, latestLoss, klPerDim, text.fontSize(), new LessonWorker(), training);
    }
}
