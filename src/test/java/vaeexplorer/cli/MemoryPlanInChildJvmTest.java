package vaeexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vaeexplorer.Main;
import vaeexplorer.core.io.ModelFile;
import vaeexplorer.core.train.MemoryPlan;
import vaeexplorer.core.vae.VaeConfig;

/**
 * The memory plan against what a run really allocates: in a child JVM with a small heap, {@code train --out} of a
 * model the plan accepts with only a few MiB to spare trains and saves (no OutOfMemoryError), and the next larger
 * model is refused before training with the figure it would need. Wide synthetic images (160,000 pixels) make every
 * part of the plan count: the weights and Adam's state, the workspaces, the backend's buffer, the save. G1, the
 * default collector of most machines, with the pure-Java backend (the vector one is slow to start under C1).
 */
class MemoryPlanInChildJvmTest {
    private static final int SIDE = 400, IMAGES = 6, BATCH = 2;
    private static final Pattern FREE = Pattern.compile("but only ([0-9,]+) MiB of memory are free");

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    @Test
    void aRunThePlanAcceptsCompletesAndTheNextLargerIsRefusedWithItsFigure() throws Exception {
        String gc = "-XX:+UseG1GC";
        Path csv = wideCsv();
        // what is free when the plan checks (the data loaded): a model far too large is refused and says
        Result probe = train(gc, csv, 4000, null);
        Matcher m = FREE.matcher(probe.err());
        assertTrue(probe.code() == 2 && m.find(), probe.err());
        long freeMib = Long.parseLong(m.group(1).replace(",", ""));

        int accepted = 0, refused = 0;
        for (int h = 1; h < 4000 && refused == 0; h++) {
            long mib = MemoryPlan.trainingBytes(config(h), BATCH) >> 20;
            if (mib < freeMib - 3) accepted = h; // the figure is rounded up, and the run's own start varies a little
            else if (mib > freeMib + 3) refused = h;
        }
        assertTrue(accepted >= 4, "a heap that holds a model: largest accepted hidden size " + accepted);
        long spare = freeMib - (MemoryPlan.trainingBytes(config(accepted), BATCH) >> 20);
        assertTrue(spare <= 20, "the accepted run is close to the limit (" + spare + " MiB to spare)");

        Path model = dir.resolve("model.vae");
        Result ok = train(gc, csv, accepted, model);
        assertEquals(0, ok.code(), "hidden " + accepted + " with " + spare + " MiB to spare: " + ok.err());
        assertFalse(ok.err().contains("out of memory"), ok.err());
        assertEquals(List.of(SIDE * SIDE, accepted), List.of(ModelFile.load(model).vae().config().inputSize(),
                ModelFile.load(model).vae().config().hidden().get(0)), "saved whole");

        Result no = train(gc, csv, refused, null);
        long needs = (MemoryPlan.trainingBytes(config(refused), BATCH) + (1 << 20) - 1) >> 20;
        assertEquals(2, no.code(), no.err());
        assertTrue(no.err().contains(String.format("needs about %,d MiB to be trained with batch %d", needs, BATCH)),
                "the figure it would need (" + needs + " MiB): " + no.err());
        assertFalse(no.out().contains("epoch"), "refused before training: " + no.out());
    }

    private static VaeConfig config(int hidden) {
        return VaeConfig.of(SIDE * SIDE, hidden, 2);
    }

    /** 12 images of 500x500 pixels, one per line, no labels. */
    private Path wideCsv() throws IOException {
        Path f = dir.resolve("wide.csv");
        StringBuilder row = new StringBuilder(2 * SIDE * SIDE);
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.US_ASCII)) {
            for (int r = 0; r < IMAGES; r++) {
                row.setLength(0);
                for (int i = 0; i < SIDE * SIDE; i++) row.append(i == 0 ? "" : ",").append((i + r) % 7 == 0 ? "255" : "0");
                w.write(row.append('\n').toString());
            }
        }
        return f;
    }

    private Result train(String gc, Path csv, int hidden, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", gc, "-XX:TieredStopAtLevel=1", "-Dvaeexplorer.relaunch=false", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "train", "--dataset", csv.toString(), "--hidden", String.valueOf(hidden),
                "--batch", String.valueOf(BATCH), "--epochs", "1", "--threads", "1"));
        if (out != null) cmd.addAll(List.of("--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        p.getOutputStream().close();
        StringBuilder err = new StringBuilder();
        Thread errReader = new Thread(() -> {
            try {
                err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the child is gone
            }
        });
        errReader.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM timed out: " + cmd);
        }
        errReader.join();
        return new Result(p.exitValue(), stdout, err.toString().strip());
    }
}
