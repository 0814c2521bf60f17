package vaeexplorer.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import vaeexplorer.core.io.SafeTensorsModel;
import vaeexplorer.core.io.SessionFile;
import vaeexplorer.core.train.TrainingRun;

import vaeexplorer.ui.concurrent.TaskExecutor;
import vaeexplorer.ui.i18n.FileDialogs;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.ProblemTexts;
import vaeexplorer.ui.training.RunSettings;
import vaeexplorer.ui.training.SettingsModel;
import vaeexplorer.ui.training.TrainingModel;
import vaeexplorer.ui.widgets.Dialogs;
import vaeexplorer.ui.widgets.LiveNotices;

/**
 * Export › Model for PyTorch: the current weights as a .safetensors file with the tensor names of pytorch/examples'
 * VAE (what {@code vae_reference.py --load} and {@code safetensors.torch.load_file} read), as the CLI's {@code convert}
 * writes it. The weights are copied on the trainer thread between two steps (training goes on), the file is written
 * off the FX thread, atomically.
 */
public final class ModelExport {
    static final String EXTENSION = ".safetensors";

    private final Dialogs dialogs;
    private final LiveNotices notices;
    private final SettingsModel settings;
    private final TrainingModel training;
    private final Supplier<String> baseName;
    private final TaskExecutor tasks;

    /**
     * @param baseName the start of a suggested file name ({@code mnist-latent2-epoch5})
     * @param tasks    writes the file off the FX thread
     */
    public ModelExport(Dialogs dialogs, LiveNotices notices, SettingsModel settings, TrainingModel training,
                       Supplier<String> baseName, TaskExecutor tasks) {
        this.dialogs = dialogs;
        this.notices = notices;
        this.settings = settings;
        this.training = training;
        this.baseName = baseName;
        this.tasks = tasks;
    }

    /** The menu command: asks where, then exports. */
    public void chooseAndExport() {
        Path file = FileDialogs.save(dialogs.owner(), I18n.format("export.title", I18n.get("export.model")),
                baseName.get() + EXTENSION, I18n.get("export.safetensorsFile"), EXTENSION);
        if (file != null) export(file);
    }

    /**
     * Writes the current model to file and says so, or shows why not. The future completes on the FX thread once the
     * file is in place (or fails).
     */
    public CompletableFuture<Path> export(Path file) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        TrainingRun run = training.currentRun();
        RunSettings applied = settings.applied().get();
        if (run == null || applied == null || training.resetting().get()) {
            fail(file, I18n.get("export.noModel"), done);
            return done;
        }
        String spec = applied.dataset().spec();
        run.onTrainerThread(tr -> SessionFile.copy(tr, spec)).whenComplete((copy, error) -> tasks.fx(() -> {
            if (error != null) {
                fail(file, ProblemTexts.io(file, error), done);
                return;
            }
            tasks.background(() -> {
                IOException failure = null;
                try {
                    Properties info = new Properties();
                    info.putAll(copy.info());
                    SafeTensorsModel.save(file, SessionFile.vae(copy), info);
                } catch (IOException e) {
                    failure = e;
                } catch (RuntimeException | OutOfMemoryError e) {
                    failure = new IOException(e.toString(), e);
                }
                IOException f = failure;
                tasks.fx(() -> {
                    if (f != null) {
                        fail(file, ProblemTexts.io(file, f), done);
                        return;
                    }
                    notices.notice(() -> I18n.format("export.done", I18n.get("export.model"), file), false);
                    done.complete(file);
                });
            });
        }));
        return done;
    }

    private void fail(Path file, String why, CompletableFuture<Path> done) {
        dialogs.showError("exportErrorDialog", I18n.format("export.failed", I18n.get("export.model")), why);
        done.completeExceptionally(new IOException(file + ": " + why));
    }
}
