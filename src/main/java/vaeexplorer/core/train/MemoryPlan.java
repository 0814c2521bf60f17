package vaeexplorer.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.vae.VaeConfig;

/**
 * What a model and its training need in memory, worked out from the configuration before anything is allocated, so
 * that what cannot fit is refused up front with the figure it would need (instead of an out-of-memory error or
 * "Matrix size exceeds the size of an integer" in the middle of a run). Also sizes the evaluation workspace from a
 * memory budget: wide images (a 1000x1000 CSV row, a 4096x4096 IDX image) get fewer rows per evaluation batch.
 *
 * <p>What a training run holds, part by part ({@link #trainingBytes}): per parameter the value, its gradient, the
 * optimiser's two moments and the trainer's copy to roll back to; per row of the training and the evaluation
 * workspace every activation and its gradient; the matrix backend's own buffer ({@link #backendScratchFloats}); the
 * save's buffers (saves stream the weights from their arrays: {@value #SAVE_BYTES} bytes); and whatever the caller
 * keeps beside the trainer ({@link Keeps}: the app's snapshots, timeline and the copy a session save takes). The
 * data set is loaded before the check, so it is in the memory the check finds used. Tested against what is really
 * allocated: a child JVM with a small heap trains and saves a model the plan accepts with only a few MiB to spare.
 */
public final class MemoryPlan {
    /** The memory an evaluation workspace may take, beyond its one row minimum. */
    public static final long EVAL_BUDGET_BYTES = 64L << 20;
    /** The widest evaluation batch (more rows do not make it faster). */
    public static final int MAX_EVAL_BATCH = 500;
    /** The largest number of elements of one matrix (a Java array, with the JVM's few header words kept free). */
    public static final long MAX_MATRIX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** Float arrays held per parameter: value, gradient, Adam's m and v, the copy to roll back to. */
    private static final int FLOATS_PER_PARAMETER = 5;
    /** The buffers of a save: 64 KiB of stream buffer, as much for the floats being converted, the config text. */
    public static final long SAVE_BYTES = 1L << 20;

    /**
     * What a run keeps beside its trainer: whole copies of the weights (snapshots shown, copies taken to be saved) and
     * other bytes (an epoch timeline's).
     */
    public record Keeps(int weightCopies, long otherBytes) {
        /** The CLI's train: nothing (its save streams from the model's own arrays). */
        public static final Keeps NOTHING = new Keeps(0, 0);

        public Keeps {
            if (weightCopies < 0 || otherBytes < 0) throw new IllegalArgumentException("negative keeps");
        }
    }

    private MemoryPlan() {
    }

    /** Rows of the evaluation workspace: as many as {@link #EVAL_BUDGET_BYTES} holds, from 1 to {@value #MAX_EVAL_BATCH}. */
    public static int evalBatch(VaeConfig c) {
        long rows = EVAL_BUDGET_BYTES / bytesPerRow(c);
        return (int) Math.max(1, Math.min(MAX_EVAL_BATCH, rows));
    }

    /** The bytes one row (one image) of a workspace takes: the input, every activation and its gradient, the output. */
    public static long bytesPerRow(VaeConfig c) {
        long hidden = 0;
        for (int h : c.hidden()) hidden += h;
        // x, logits, dLogits (+ one spare for a likelihood's own buffer); encoder and decoder activations and their
        // gradients; head and its gradient (2 latent each), eps, sigma, z, dz
        long floats = 4L * c.inputSize() + 4 * hidden + 8L * c.latent();
        return 4 * floats;
    }

    /** Weights and biases of a network of this configuration, without building it. */
    public static long parameterCount(VaeConfig c) {
        long total = 0;
        for (long[] m : layers(c)) total += m[0] * m[1] + m[1];
        return total;
    }

    /** As {@link #trainingBytes(VaeConfig, int, Keeps)} with nothing kept beside the trainer (the CLI's train). */
    public static long trainingBytes(VaeConfig c, int batch) {
        return trainingBytes(c, batch, Keeps.NOTHING);
    }

    /**
     * The bytes a model needs to be trained with this batch: parameters and their state, both workspaces, the
     * backend's buffer, a save's buffers, and what the caller keeps.
     */
    public static long trainingBytes(VaeConfig c, int batch, Keeps keeps) {
        long p = parameterCount(c);
        return 4L * FLOATS_PER_PARAMETER * p + bytesPerRow(c) * ((long) batch + evalBatch(c))
                + 4 * backendScratchFloats(c, batch) + SAVE_BYTES + 4L * p * keeps.weightCopies() + keeps.otherBytes();
    }

    /** The bytes a model needs to be evaluated: its parameters (and gradients) once, an evaluation workspace, the backend's buffer. */
    public static long evaluationBytes(VaeConfig c) {
        return 4L * 2 * parameterCount(c) + bytesPerRow(c) * evalBatch(c) + 4 * backendScratchFloats(c, evalBatch(c));
    }

    /**
     * The floats a matrix backend keeps or takes per product beside the model's matrices: B reshaped for products of
     * at most {@link MatMul#NARROW_COLUMNS} columns (forward x W and backward dY W^T of every layer, and dW = X^T dY),
     * kept at the largest; and one column of the widest input (EJML's products take one per call).
     */
    public static long backendScratchFloats(VaeConfig c, int batch) {
        long narrow = 0, widest = c.inputSize();
        for (long[] m : layers(c)) {
            long in = m[0], out = m[1];
            if (out <= MatMul.NARROW_COLUMNS) narrow = Math.max(narrow, roundUp4(out) * Math.max(in, batch));
            if (in <= MatMul.NARROW_COLUMNS) narrow = Math.max(narrow, roundUp4(in) * out);
            widest = Math.max(widest, out);
        }
        return narrow + widest;
    }

    private static long roundUp4(long n) {
        return (n + 3) / 4 * 4;
    }

    /**
     * Refuses, with the figures, a model that cannot be trained here with this batch: a matrix with more elements
     * than a Java array holds, or more memory than the JVM has free.
     *
     * @throws IllegalArgumentException saying what does not fit, what it would need and what to change
     */
    public static void checkTraining(VaeConfig c, int batch) {
        checkTraining(c, batch, Keeps.NOTHING);
    }

    /** As {@link #checkTraining(VaeConfig, int)}, with what the caller keeps beside the trainer counted too. */
    public static void checkTraining(VaeConfig c, int batch, Keeps keeps) {
        checkMatrices(c, batch);
        checkFree(trainingBytes(c, batch, keeps), c, batch);
    }

    /** As {@link #checkTraining} for evaluating a model (no optimiser state, no training batch). */
    public static void checkEvaluation(VaeConfig c) {
        checkMatrices(c, evalBatch(c));
        checkFree(evaluationBytes(c), c, -1);
    }

    /**
     * What does not fit, with its figures, so that a UI can say it in its own language: {@link Kind#pattern} is the
     * English message (a {@link String#format} pattern over {@link #figures}).
     */
    public static final class TooLarge extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** The kinds of refusal, each with its English pattern. */
        public enum Kind {
            LAYER("a layer of %,d x %,d weights (%,d values) is more than one Java array holds (%,d); use smaller images "
                    + "or hidden layers"),
            BATCH("a batch of %,d rows of %,d values is more than one Java array holds (%,d); the largest batch for this "
                    + "model is %,d"),
            TRAINING_MEMORY("this model (%,d parameters, %,d pixels per image) needs about %,d MiB to be trained with "
                    + "batch %,d, but only %,d MiB of memory are free; use a smaller model, batch or image size, or give "
                    + "Java more memory (-Xmx)"),
            EVALUATION_MEMORY("this model (%,d parameters, %,d pixels per image) needs about %,d MiB to be evaluated, but "
                    + "only %,d MiB of memory are free; use a smaller model, batch or image size, or give Java more memory "
                    + "(-Xmx)");

            public final String pattern;

            Kind(String pattern) {
                this.pattern = pattern;
            }
        }

        private final Kind kind;
        private final long[] figures;

        TooLarge(Kind kind, long... figures) {
            super(String.format(Locale.ROOT, kind.pattern, (Object[]) box(figures)));
            this.kind = kind;
            this.figures = figures.clone();
        }

        public Kind kind() {
            return kind;
        }

        /** The figures the pattern takes, in order. */
        public long[] figures() {
            return figures.clone();
        }

        private static Long[] box(long[] v) {
            Long[] out = new Long[v.length];
            for (int i = 0; i < v.length; i++) out[i] = v[i];
            return out;
        }
    }

    private static void checkMatrices(VaeConfig c, int batch) {
        for (long[] m : layers(c))
            if (m[0] * m[1] > MAX_MATRIX_ELEMENTS)
                throw new TooLarge(TooLarge.Kind.LAYER, m[0], m[1], m[0] * m[1], MAX_MATRIX_ELEMENTS);
        long widest = Math.max(c.inputSize(), maxHidden(c));
        if (batch * widest > MAX_MATRIX_ELEMENTS)
            throw new TooLarge(TooLarge.Kind.BATCH, batch, widest, MAX_MATRIX_ELEMENTS, MAX_MATRIX_ELEMENTS / widest);
    }

    /** batch < 0: for evaluation. */
    private static void checkFree(long needed, VaeConfig c, int batch) {
        long free = free();
        if (needed > free) {
            System.gc(); // what looked used may be garbage (a CSV's text, say): refuse only on what is live
            free = free();
        }
        if (needed <= free) return;
        if (batch < 0)
            throw new TooLarge(TooLarge.Kind.EVALUATION_MEMORY, parameterCount(c), c.inputSize(), mib(needed), mib(free));
        throw new TooLarge(TooLarge.Kind.TRAINING_MEMORY, parameterCount(c), c.inputSize(), mib(needed), batch, mib(free));
    }

    /** The memory the heap can still give: its maximum less what is used now. */
    public static long free() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    private static long maxHidden(VaeConfig c) {
        long m = 0;
        for (int h : c.hidden()) m = Math.max(m, h);
        return m;
    }

    /** The dense layers as {inputs, outputs}, in the model's order: encoder, head, decoder, output. */
    private static List<long[]> layers(VaeConfig c) {
        List<long[]> out = new ArrayList<>();
        long in = c.inputSize();
        for (int h : c.hidden()) {
            out.add(new long[] {in, h});
            in = h;
        }
        out.add(new long[] {in, 2L * c.latent()});
        in = c.latent();
        for (int i = c.hidden().size() - 1; i >= 0; i--) {
            out.add(new long[] {in, c.hidden().get(i)});
            in = c.hidden().get(i);
        }
        out.add(new long[] {in, c.inputSize()});
        return out;
    }
}
