package vaeexplorer.ui.training;

import java.util.List;

import vaeexplorer.core.train.LossPoint;

/** Suggested file names: data set, latent size and epochs done, like {@code mnist-latent2-epoch5}. */
public final class FileNames {
    private FileNames() {}

    public static String base(SettingsModel settings, TrainingModel training) {
        RunSettings s = settings.applied().get();
        if (s == null) s = settings.parsed().get();
        String data = s == null ? "vae" : s.dataset().shortName();
        int latent = training.model().get() != null ? training.model().get().latent() : s == null ? 0 : s.latent();
        return data + "-latent" + latent + "-epoch" + epochsDone(training);
    }

    /** Whole epochs the model has trained (from the loss history; 0 before any). */
    static int epochsDone(TrainingModel t) {
        List<LossPoint> points = t.losses().points().points();
        if (points.isEmpty()) return 0;
        return (int) Math.floor(points.get(points.size() - 1).epochPosition() + 1e-9);
    }
}
