package vaeexplorer.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.LossHistory;
import vaeexplorer.core.train.TrainConfig;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.core.train.TrainingSnapshot;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

/**
 * {@code soak}: a long run through the app's own pipeline (training thread, snapshots merged by a consumer that
 * drains at most one pending update, a bounded loss history), printing the live heap after a full GC at intervals,
 * to show that memory stays bounded over 100k+ steps.
 */
final class Soak {
    private Soak() {}

    /** The options that take a value. */
    static final Set<String> OPTIONS = Set.of("dataset", "steps", "hidden", "latent", "batch", "reports");

    static int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException, DataException, InterruptedException {
        Args a = new Args("soak", argv, OPTIONS, Set.of("json"));
        long steps = a.integer("steps", 100_000, 1, Integer.MAX_VALUE);
        int reports = a.integer("reports", 10, 1, 1000);
        int batch = a.integer("batch", 32, 1, TrainConfig.MAX_BATCH);
        List<Integer> hidden = a.hidden("hidden", "32");
        int latent = a.integer("latent", 2, 1, VaeConfig.MAX_LATENT);
        DataSplit data = CliData.load(a.string("dataset", "mnist"), err);
        int epochs = (int) Math.min(100_000, steps * batch / data.train().size() + 2);
        TrainConfig tc = new TrainConfig(1, 1e-3, batch, epochs, 1, TrainConfig.OptimizerKind.ADAM, 1);
        Rng rng = new Rng(1);
        Vae vae = new Vae(new VaeConfig(data.train().imageSize(), hidden,
                latent, Likelihood.BERNOULLI, 0.1), rng);
        Trainer trainer = new Trainer(vae, data, tc, Cli.matMul(1), rng);
        Dataset shown = data.test();
        AtomicReference<TrainingSnapshot> pending = new AtomicReference<>();
        TrainingRun run = new TrainingRun(trainer, shown, s -> pending.accumulateAndGet(s, (old, neu) -> old == null ? neu : old.followedBy(neu)));
        LossHistory history = new LossHistory();
        run.start(false);
        long nextReport = steps / reports;
        long t0 = System.nanoTime();
        while (trainer.step() < steps && run.isAlive()) {
            Thread.sleep(16);
            TrainingSnapshot s = pending.getAndSet(null);
            if (s != null) history.addAll(s.losses(), s.tests());
            if (trainer.step() >= nextReport) {
                nextReport += steps / reports;
                System.gc();
                Runtime rt = Runtime.getRuntime();
                double mb = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
                String line = a.flag("json")
                        ? new Json().put("step", trainer.step()).put("heap_mb", mb, 1).put("history_points", history.points().size())
                                .put("seconds", (System.nanoTime() - t0) / 1e9, 1).toString()
                        : String.format(Locale.ROOT, "step %,10d  heap %7.1f MB  history %5d points  %6.1f s", trainer.step(), mb,
                                history.points().size(), (System.nanoTime() - t0) / 1e9);
                out.println(line);
                out.flush();
            }
        }
        run.stop(2000);
        return Cli.OK;
    }
}
