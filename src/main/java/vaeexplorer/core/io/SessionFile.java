package vaeexplorer.core.io;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import vaeexplorer.core.nn.Param;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.Evaluation;
import vaeexplorer.core.train.LossHistory;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TestPoint;
import vaeexplorer.core.train.TrainConfig;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.train.TrainerState;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

/**
 * A saved session: a model file (sections "config" and "params") plus "trainer" (position, image order, generator
 * and optimiser state), "history" (the loss curve) and "view" (key=value lines of the app's view: latent point,
 * sliders, zoom). The CLI's model files open as sessions without training state, and sessions open as models.
 */
public final class SessionFile {
    private SessionFile() {}

    /** What a session file holds. Trainer state, history and view may be absent in a plain model file. */
    public record Session(ModelFile.Loaded model, TrainConfig trainConfig, TrainerState trainer, LossHistory history,
                          Map<String, String> view) {
        public String dataset() {
            return model.dataset();
        }

        public boolean hasTrainingState() {
            return trainer != null;
        }
    }

    public static void save(Path file, Trainer trainer, String datasetSpec, LossHistory history, Map<String, String> view)
            throws IOException {
        write(file, modelAndTrainer(trainer, datasetSpec), historyAndView(history, view));
    }

    /**
     * The model and trainer sections of a session, as bytes ("config", "params", "trainer"). Call on the thread that
     * owns the trainer (a running trainer's {@code TrainingRun.onTrainerThread}); the bytes may then be written from
     * any thread with {@link #write}, while training goes on. To hold a running trainer for less, take a {@link #copy}
     * there and make the bytes elsewhere.
     */
    public static Map<String, byte[]> modelAndTrainer(Trainer trainer, String datasetSpec) {
        return modelAndTrainer(copy(trainer, datasetSpec));
    }

    /**
     * What a session needs from a trainer, copied: the weights, the info lines and the training state. Taking it is
     * a plain array copy (a millisecond or two), so a running trainer is held only that long; {@link
     * #modelAndTrainer(Copy)} then turns it into bytes on any thread.
     */
    public record Copy(VaeConfig config, List<float[]> params, Map<String, String> info, TrainerState state) {}

    /** Copies what a session needs from trainer. Call on the thread that owns the trainer. */
    public static Copy copy(Trainer trainer, String datasetSpec) {
        List<float[]> params = new ArrayList<>();
        for (Param p : trainer.vae().params()) params.add(p.value.data.clone());
        return new Copy(trainer.vae().config(), params, trainInfo(trainer, datasetSpec), trainer.state());
    }

    /** The model and trainer sections of a copy, as bytes ("config", "params", "trainer"). Any thread. */
    public static Map<String, byte[]> modelAndTrainer(Copy c) {
        Map<String, byte[]> sections = ModelFile.sections(vae(c), c.info());
        sections.put("trainer", trainerBytes(c.state()));
        return sections;
    }

    /** A model with the copied weights (for exports; its own, not the trainer's). Any thread. */
    public static Vae vae(Copy c) {
        Vae vae = new Vae(c.config(), new Rng(0));
        List<Param> ps = vae.params();
        for (int k = 0; k < ps.size(); k++) System.arraycopy(c.params().get(k), 0, ps.get(k).value.data, 0, ps.get(k).size());
        return vae;
    }

    /** The history and view sections of a session, as bytes. Call on the thread that owns the history. */
    public static Map<String, byte[]> historyAndView(LossHistory history, Map<String, String> view) {
        Map<String, byte[]> sections = new LinkedHashMap<>();
        sections.put("history", historyBytes(history));
        sections.put("view", SectionFile.text(propertiesText(view)));
        return sections;
    }

    /** Writes a session file (atomically) from the parts taken by {@link #modelAndTrainer} and {@link #historyAndView}. */
    public static void write(Path file, Map<String, byte[]> modelAndTrainer, Map<String, byte[]> historyAndView)
            throws IOException {
        Map<String, byte[]> sections = new LinkedHashMap<>(modelAndTrainer);
        sections.putAll(historyAndView);
        SectionFile.write(file, sections);
    }

    /**
     * Writes a session file (atomically) from a {@link #copy} and the history and view sections: the weights and the
     * optimiser state are written from the copy's arrays as the file is written (through a small buffer), so the save
     * holds no second copy of them as bytes. Any thread.
     */
    public static void write(Path file, Copy c, Map<String, byte[]> historyAndView) throws IOException {
        Map<String, SectionFile.Body> sections = ModelFile.bodies(c.config(), c.params(), c.info());
        sections.put("trainer", trainerBody(c.state()));
        for (Map.Entry<String, byte[]> s : historyAndView.entrySet()) sections.put(s.getKey(), SectionFile.Body.of(s.getValue()));
        SectionFile.writeBodies(file, sections);
    }

    /** The info lines of a model trained by this trainer on this data set. */
    public static Map<String, String> trainInfo(Trainer trainer, String datasetSpec) {
        TrainConfig tc = trainer.config();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("dataset", datasetSpec);
        info.put("image_rows", String.valueOf(trainer.data().train().rows()));
        info.put("image_cols", String.valueOf(trainer.data().train().cols()));
        info.put("beta", String.valueOf(trainer.beta()));
        info.put("learning_rate", String.valueOf(trainer.learningRate()));
        info.put("batch", String.valueOf(tc.batchSize()));
        info.put("epochs", String.valueOf(tc.epochs()));
        info.put("seed", String.valueOf(tc.seed()));
        info.put("optimizer", tc.optimizer().id());
        info.put("threads", String.valueOf(tc.threads()));
        info.put("epochs_done", String.valueOf(trainer.epoch()));
        info.put("steps_done", String.valueOf(trainer.step()));
        return info;
    }

    public static Session load(Path file) throws FileFormatException {
        String where = file.toString();
        Map<String, byte[]> sections = SectionFile.read(file);
        ModelFile.Loaded model = ModelFile.fromSections(where, sections);
        TrainConfig tc = trainConfig(where, model.info());
        TrainerState state = sections.containsKey("trainer") ? readTrainer(where, sections.get("trainer")) : null;
        LossHistory history = sections.containsKey("history") ? readHistory(where, sections.get("history")) : new LossHistory();
        Map<String, String> view = new TreeMap<>();
        if (sections.containsKey("view")) {
            Properties p = new Properties();
            try {
                p.load(new StringReader(new String(sections.get("view"), StandardCharsets.UTF_8)));
            } catch (IOException | IllegalArgumentException e) {
                throw new FileFormatException(FileProblem.PART_DAMAGED, where, FileProblem.Part.VIEW);
            }
            for (String k : p.stringPropertyNames()) view.put(k, p.getProperty(k));
        }
        return new Session(model, tc, state, history, view);
    }

    /**
     * A model without a session around it (a PyTorch .safetensors file, say) as a session: the training settings its
     * info names, else the defaults; no trainer state, no history, no view.
     */
    public static Session of(String where, ModelFile.Loaded model) throws FileFormatException {
        return new Session(model, trainConfig(where, model.info()), null, new LossHistory(), new TreeMap<>());
    }

    private static TrainConfig trainConfig(String where, Properties info) throws FileFormatException {
        TrainConfig tc;
        try {
            TrainConfig d = TrainConfig.defaults();
            tc = new TrainConfig(ModelFile.number(info, "beta", d.beta()),
                    ModelFile.number(info, "learning_rate", d.learningRate()),
                    info.getProperty("batch") == null ? d.batchSize() : ModelFile.intValue(info, "batch", 1, TrainConfig.MAX_BATCH),
                    info.getProperty("epochs") == null ? d.epochs() : ModelFile.intValue(info, "epochs", 1, TrainConfig.MAX_EPOCHS),
                    seed(info, d.seed()),
                    TrainConfig.OptimizerKind.parse(info.getProperty("optimizer", d.optimizer().id())),
                    info.getProperty("threads") == null ? d.threads() : ModelFile.intValue(info, "threads", 1, 256));
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(FileProblem.TRAINING_SETTINGS_INVALID, where, e.getMessage());
        }
        return tc;
    }

    private static long seed(Properties p, long fallback) {
        String v = p.getProperty("seed");
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seed must be a whole number, got '" + ModelFile.shorten(v) + "'");
        }
    }

    static String propertiesText(Map<String, String> values) {
        Properties p = new Properties();
        p.putAll(values);
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder b = new StringBuilder();
        for (String line : w.toString().split("\n")) if (!line.startsWith("#")) b.append(line).append('\n');
        return b.toString();
    }

    static byte[] trainerBytes(TrainerState s) {
        SectionFile.Body body = trainerBody(s);
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, body.length()));
        try {
            body.bytes().write(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toByteArray();
    }

    /** The trainer section, written from the state's arrays as the file is written. */
    static SectionFile.Body trainerBody(TrainerState s) {
        long length = 4 + 8 + 4 + 4 + 4L * s.order().length + 4 + 8L * s.rngState().length + 4 + 8 + 8 + 8;
        for (float[] a : s.optimizerState()) length += 4 + 4L * a.length;
        return new SectionFile.Body(length, out -> {
            DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(out, 1 << 16));
            o.writeInt(s.epoch());
            o.writeLong(s.step());
            o.writeInt(s.cursor());
            o.writeInt(s.order().length);
            for (int i : s.order()) o.writeInt(i);
            o.writeInt(s.rngState().length);
            for (long l : s.rngState()) o.writeLong(l);
            o.writeInt(s.optimizerState().length);
            for (float[] a : s.optimizerState()) {
                o.writeInt(a.length);
                o.flush();
                ModelFile.writeFloats(out, a, a.length);
            }
            o.writeLong(s.optimizerSteps());
            o.writeDouble(s.beta());
            o.writeDouble(s.learningRate());
            o.flush();
        });
    }

    private static int count(DataInputStream in, int bytesEach, String where, FileProblem.Part what)
            throws IOException, FileFormatException {
        int n = in.readInt();
        if (n < 0 || (long) n * bytesEach > in.available())
            throw new FileFormatException(FileProblem.PART_DAMAGED_ENTRIES, where, what, n);
        return n;
    }

    static TrainerState readTrainer(String where, byte[] bytes) throws FileFormatException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int epoch = in.readInt();
            long step = in.readLong();
            int cursor = in.readInt();
            int[] order = new int[count(in, 4, where, FileProblem.Part.TRAINING_STATE)];
            for (int i = 0; i < order.length; i++) order[i] = in.readInt();
            long[] rng = new long[count(in, 8, where, FileProblem.Part.TRAINING_STATE)];
            for (int i = 0; i < rng.length; i++) rng[i] = in.readLong();
            float[][] opt = new float[count(in, 4, where, FileProblem.Part.OPTIMIZER_STATE)][];
            for (int k = 0; k < opt.length; k++) {
                opt[k] = new float[count(in, 4, where, FileProblem.Part.OPTIMIZER_STATE)];
                for (int i = 0; i < opt[k].length; i++) {
                    opt[k][i] = in.readFloat();
                    if (!Float.isFinite(opt[k][i]))
                        throw new FileFormatException(FileProblem.PART_DAMAGED, where, FileProblem.Part.OPTIMIZER_STATE);
                }
            }
            long optSteps = in.readLong();
            double beta = in.readDouble(), lr = in.readDouble();
            if (in.available() > 0) throw new FileFormatException(FileProblem.PART_TRAILING, where, FileProblem.Part.TRAINING_STATE);
            try {
                if (epoch < 0 || step < 0 || cursor < 0 || optSteps < 0)
                    throw new IllegalArgumentException("the epoch, step, position and optimiser steps must not be negative,"
                            + " got " + epoch + ", " + step + ", " + cursor + ", " + optSteps);
                TrainConfig.checkBeta(beta);
                TrainConfig.checkLearningRate(lr);
            } catch (IllegalArgumentException e) {
                throw new FileFormatException(FileProblem.TRAINING_SETTINGS_INVALID, where, e.getMessage());
            }
            return new TrainerState(epoch, step, cursor, order, rng, opt, optSteps, beta, lr);
        } catch (IOException e) {
            throw new FileFormatException(FileProblem.PART_TRUNCATED, where, FileProblem.Part.TRAINING_STATE);
        }
    }

    static byte[] historyBytes(LossHistory h) {
        SectionFile.Builder b = new SectionFile.Builder();
        DataOutputStream o = b.out;
        try {
            o.writeInt(h.capacity());
            o.writeInt(h.points().size());
            for (LossPoint p : h.points()) {
                o.writeLong(p.step());
                o.writeDouble(p.epochPosition());
                o.writeDouble(p.loss());
                o.writeDouble(p.recon());
                o.writeDouble(p.kl());
                o.writeDouble(p.beta());
            }
            o.writeInt(h.tests().size());
            for (TestPoint t : h.tests()) {
                o.writeInt(t.epoch());
                o.writeLong(t.step());
                Evaluation e = t.evaluation();
                o.writeDouble(e.loss());
                o.writeDouble(e.recon());
                o.writeDouble(e.kl());
                o.writeInt(e.images());
                double[] k = e.klPerDim();
                o.writeInt(k.length);
                for (double v : k) o.writeDouble(v);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toByteArray();
    }

    static LossHistory readHistory(String where, byte[] bytes) throws FileFormatException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int capacity = in.readInt();
            if (capacity < 4 || capacity > 10_000_000)
                throw new FileFormatException(FileProblem.PART_DAMAGED, where, FileProblem.Part.LOSS_HISTORY);
            LossHistory h = new LossHistory(capacity);
            int n = count(in, 48, where, FileProblem.Part.LOSS_HISTORY);
            List<LossPoint> points = new ArrayList<>(n);
            for (int i = 0; i < n; i++)
                points.add(new LossPoint(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble()));
            int nt = count(in, 44, where, FileProblem.Part.LOSS_HISTORY);
            List<TestPoint> tests = new ArrayList<>(nt);
            for (int i = 0; i < nt; i++) {
                int epoch = in.readInt();
                long step = in.readLong();
                double loss = in.readDouble(), recon = in.readDouble(), kl = in.readDouble();
                int images = in.readInt();
                double[] k = new double[count(in, 8, where, FileProblem.Part.LOSS_HISTORY)];
                for (int j = 0; j < k.length; j++) k[j] = in.readDouble();
                tests.add(new TestPoint(epoch, step, new Evaluation(loss, recon, kl, k, images)));
            }
            if (in.available() > 0) throw new FileFormatException(FileProblem.PART_TRAILING, where, FileProblem.Part.LOSS_HISTORY);
            h.addAll(points, tests);
            return h;
        } catch (IOException e) {
            throw new FileFormatException(FileProblem.PART_TRUNCATED, where, FileProblem.Part.LOSS_HISTORY);
        }
    }
}
