package vaeexplorer.ui.app;

import java.util.Arrays;
import java.util.Locale;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;

import vaeexplorer.ui.latent.LatentPlotView;

/**
 * {@code bench-ui}: the app trains at full speed while a continuous drag moves the latent point on every frame;
 * pulse timing says whether the FX thread keeps display rate. Prints one JSON line: frames per second, frame interval
 * percentiles, the time to handle one drag (decode from the latest model copy and redraw: a new image is on screen at
 * the next pulse when this fits in a frame), the CPU time the FX thread and the render thread spend per frame (these
 * say what a frame costs even when other processes compete for the cores and the frame rate drops), and the training
 * throughput meanwhile, and the live heap (after a full GC) when the measured time begins and when it ends, so that a
 * long run shows whether the app with its UI attached grows its memory (the CLI's {@code soak} shows it for the
 * trainer alone). Runs of two minutes and more also print the live heap once a minute on stderr, beside what the
 * epoch timeline holds (it keeps a model copy per epoch, by design, up to a quarter of the heap or 256 MiB), so the
 * rest can be told apart; each such GC may cost one frame. The model trains for as many epochs as the run lasts. Needs a display (e.g. Xvfb).
 *
 * <p>System properties: {@code vaeexplorer.bench.seconds} (default 15); {@code vaeexplorer.bench.train=false} pauses
 * the training once the model exists, which gives the ceiling of the UI and the rendering pipeline without the
 * trainer competing for the cores.
 */
public final class UiBench extends Application {
    private static final double SECONDS = Double.parseDouble(System.getProperty("vaeexplorer.bench.seconds", "15"));
    private static final boolean TRAIN = !"false".equalsIgnoreCase(System.getProperty("vaeexplorer.bench.train", "true"));

    public static void run(String[] args) {
        Application.launch(UiBench.class, args);
    }

    @Override
    public void start(Stage stage) {
        // the reference model (hidden 512, batch 128), trained at full speed
        Explorer x = Explorer.open(stage, settings -> {
            settings.hidden().set("512");
            settings.batchSize().set("128");
            settings.epochs().set(String.valueOf(vaeexplorer.core.train.TrainConfig.MAX_EPOCHS)); // trains all the run
        }, true);
        LatentPlotView plot = x.view().latentPanel().plot();
        long[] frames = new long[100_000];
        long[] handle = new long[100_000];
        int[] count = {0};
        long[] startStep = {-1};
        long[] t0 = {0};
        int[] changed = {0};
        long[] cpu0 = new long[4];
        double[] heap0 = {0};
        long[] nextHeap = {0};
        // training's first seconds: steps done by the end of each second after the first step
        long[] bySecond = new long[(int) Math.min(600, Math.ceil(SECONDS) + 20)];
        long[] firstStep = {-1};
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                long step = x.training().step().get();
                if (step > 0 && firstStep[0] < 0) firstStep[0] = now;
                if (firstStep[0] >= 0) {
                    int sec = (int) ((now - firstStep[0]) / 1_000_000_000L);
                    if (sec < bySecond.length) bySecond[sec] = step;
                }
                if (step < 20) return; // wait until the model exists and training runs
                if (startStep[0] < 0) {
                    if (!TRAIN) x.training().pause();
                    heap0[0] = liveHeapMb();
                    nextHeap[0] = System.nanoTime() + 60_000_000_000L;
                    startStep[0] = x.training().step().get();
                    t0[0] = now;
                    cpu0[0] = fxCpu();
                    cpu0[1] = renderCpu();
                    cpu0[2] = threadCpu("vae-trainer");
                    cpu0[3] = gcMillis();
                }
                int i = count[0];
                frames[i] = now;
                double a = i * 0.05, w = plot.getWidth(), h = plot.getHeight();
                double px = w / 2 + 0.3 * w * Math.cos(a), py = h / 2 + 0.3 * h * Math.sin(a);
                float[] before = x.latent().decoded().get();
                long s = System.nanoTime();
                plot.fireEvent(new MouseEvent(MouseEvent.MOUSE_DRAGGED, px, py, px, py, MouseButton.PRIMARY, 1, false, false,
                        false, false, true, false, false, false, false, false, null));
                handle[i] = System.nanoTime() - s;
                if (x.latent().decoded().get() != before) changed[0]++;
                count[0]++;
                if (SECONDS >= 120 && System.nanoTime() > nextHeap[0]) {
                    nextHeap[0] += 60_000_000_000L;
                    System.err.println(String.format(Locale.ROOT, "{\"heap_live_mb\": %.1f, \"timeline_epochs\": %d, "
                            + "\"timeline_mb\": %.1f, \"step\": %d, \"seconds\": %.0f}", liveHeapMb(),
                            x.timeline().entries().size(), x.timeline().heldBytes() / 1048576.0, x.training().step().get(),
                            (now - t0[0]) / 1e9));
                }
                if (now - t0[0] > SECONDS * 1e9 || count[0] == frames.length) {
                    stop();
                    double[] cpuMs = {(fxCpu() - cpu0[0]) / 1e6, (renderCpu() - cpu0[1]) / 1e6,
                        (threadCpu("vae-trainer") - cpu0[2]) / 1e6, gcMillis() - cpu0[3]};
                    x.training().pause();
                    double[] heapMb = {heap0[0], liveHeapMb()};
                    report(x, frames, handle, count[0], changed[0], x.training().step().get() - startStep[0], (now - t0[0]) / 1e9,
                            cpuMs, heapMb, bySecond, (int) Math.min(bySecond.length, (now - firstStep[0]) / 1_000_000_000L));
                    x.shutdown();
                    Platform.exit();
                }
            }
        }.start();
    }

    /** The heap in use after a full collection, in MB: what the app holds. */
    private static double liveHeapMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
    }

    /** CPU time of the FX thread (the caller) so far, in ns, or 0 if the JVM cannot tell. */
    private static long fxCpu() {
        java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
        return t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() : 0;
    }

    /** CPU time of Prism's render thread so far, in ns, or 0 if it is not found. */
    private static long renderCpu() {
        return threadCpu("QuantumRenderer");
    }

    /** CPU time so far of the first thread whose name starts with the prefix, in ns, or 0 if none is found. */
    private static long threadCpu(String prefix) {
        java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Thread th : Thread.getAllStackTraces().keySet())
            if (th.getName().startsWith(prefix)) return Math.max(0, t.getThreadCpuTime(th.getId()));
        return 0;
    }

    /** Time the collectors have spent so far (pauses and concurrent work as the JVM counts it), in ms. */
    private static long gcMillis() {
        long sum = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) sum += Math.max(0, gc.getCollectionTime());
        return sum;
    }

    private static void report(Explorer x, long[] frames, long[] handle, int n, int changed, long steps, double seconds,
            double[] cpuMs, double[] heapMb, long[] bySecond, int fullSeconds) {
        double[] gaps = new double[n - 1];
        for (int i = 1; i < n; i++) gaps[i - 1] = (frames[i] - frames[i - 1]) / 1e6;
        Arrays.sort(gaps);
        double[] h = new double[n];
        for (int i = 0; i < n; i++) h[i] = handle[i] / 1e6;
        Arrays.sort(h);
        int batch = x.settings().applied().get().batchSize();
        StringBuilder firstSeconds = new StringBuilder();
        for (int i = 0; i < Math.min(fullSeconds, 10); i++) {
            long steps0 = i == 0 ? 0 : bySecond[i - 1], steps1 = bySecond[i];
            firstSeconds.append(i == 0 ? "" : ", ").append((steps1 - steps0) * batch);
        }
        System.out.println(String.format(Locale.ROOT, "{\"frames_per_sec\": %.1f, \"frame_ms_p50\": %.2f, \"frame_ms_p95\": %.2f, "
                        + "\"frame_ms_max\": %.2f, \"drag_handle_ms_p50\": %.3f, \"drag_handle_ms_p95\": %.3f, "
                        + "\"fx_cpu_ms_per_frame\": %.2f, \"render_cpu_ms_per_frame\": %.2f, "
                        + "\"drags_with_new_image\": %d, \"drags\": %d, \"training_samples_per_sec\": %.0f, \"seconds\": %.1f, "
                        + "\"training_steps\": %d, \"trainer_cpu_share\": %.2f, \"trainer_cpu_ms_per_step\": %.2f, "
                        + "\"gc_ms_per_sec\": %.1f, \"training_samples_in_seconds_1_to_10\": [%s], "
                        + "\"heap_live_mb_start\": %.1f, \"heap_live_mb_end\": %.1f}",
                (n - 1) / seconds, gaps[gaps.length / 2], gaps[(int) (gaps.length * 0.95)], gaps[gaps.length - 1],
                h[n / 2], h[(int) (n * 0.95)], cpuMs[0] / n, cpuMs[1] / n, changed, n, steps * batch / seconds, seconds,
                steps, cpuMs[2] / 1e3 / seconds, steps == 0 ? 0 : cpuMs[2] / steps, cpuMs[3] / seconds, firstSeconds, heapMb[0], heapMb[1]));
    }
}
