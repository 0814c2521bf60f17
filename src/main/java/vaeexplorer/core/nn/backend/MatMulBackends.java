package vaeexplorer.core.nn.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.ejml.data.FMatrixRMaj;

import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.nn.Elementwise;
import vaeexplorer.core.nn.MatMul;

/**
 * Creates the {@link MatMul} backend: the fastest one this JVM can run, or the one named by the system property
 * {@value #PROPERTY} ({@code auto}, {@code ejml} or {@code vector}).
 *
 * <p>{@code vector} (the JDK Vector API kernel) needs the incubator module in the boot layer, i.e. the JVM started
 * with {@code --add-modules jdk.incubator.vector}; its class is only loaded reflectively after that check, so the
 * application runs with no flags at all and then falls back to {@code ejml}.
 */
public final class MatMulBackends {
    /** System property that forces a backend: {@code auto} (default), {@code ejml} or {@code vector}. */
    public static final String PROPERTY = "vaeexplorer.backend";
    public static final String AUTO = "auto";
    public static final String EJML = "ejml";
    public static final String VECTOR = "vector";

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    static final String VECTOR_CLASS = "vaeexplorer.core.nn.backend.vector.VectorMatMul";
    static final String VECTOR_ELEMENTWISE_CLASS = "vaeexplorer.core.nn.backend.vector.VectorElementwise";

    private MatMulBackends() {
    }

    /** The backend chosen by {@value #PROPERTY} (default {@code auto}: the fastest available) for {@code threads}. */
    public static MatMul create(int threads) {
        return create(System.getProperty(PROPERTY, AUTO), threads);
    }

    /**
     * The backend {@code name} ({@code auto}, {@code ejml} or {@code vector}) for {@code threads} threads.
     *
     * @throws IllegalArgumentException if the name is unknown
     * @throws IllegalStateException if that backend cannot run in this JVM (say why)
     */
    public static MatMul create(String name, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        String chosen = choose(name, MatMulBackends::vectorAvailable);
        if (VECTOR.equals(chosen)) {
            MatMul vector = newVector(threads);
            if (vector != null) return vector;
            if (!AUTO.equals(normalise(name))) throw new IllegalStateException("backend vector failed to load");
        }
        return new EjmlMatMul(threads);
    }

    /** Names that {@link #create(String, int)} accepts in this JVM, fastest first ({@code auto} not included). */
    public static List<String> available() {
        List<String> names = new ArrayList<>();
        if (vectorAvailable()) names.add(VECTOR);
        names.add(EJML);
        return names;
    }

    /**
     * Optional, for application start-up: compiles the vector kernels on a low-priority daemon thread (a private
     * backend instance, small products for a second or two, then a few model-sized ones), so that the first training
     * steps do not run them interpreted (over a second for the first step). Worth it only if there is idle time
     * before training starts: run concurrently with training it slows the first steps down. Once per JVM; a no-op
     * when the vector backend is not available.
     */
    public static void warmUpInBackground() {
        if (vectorAvailable()) WarmUp.startOnce();
    }

    /**
     * Starts the warm-up of {@link #warmUpInBackground()} if it has not started, and waits until it is done (about
     * 2-3 s the first time; at once afterwards). For a command that trains straight away: the first epoch then runs
     * at full speed instead of interpreted. Returns early (with the interrupt flag set) when interrupted.
     */
    public static void awaitWarmUp() {
        if (!vectorAvailable()) return;
        WarmUp.startOnce();
        WarmUp.await();
    }

    /**
     * The fastest element-wise kernels in this JVM (the vector ones if available, else {@link Elementwise#SCALAR}).
     * They keep no state, so any thread may use them at once; model snapshots decode single points with them.
     */
    public static Elementwise kernels() {
        return KernelsHolder.KERNELS;
    }

    private static final class KernelsHolder {
        static final Elementwise KERNELS = load();

        private static Elementwise load() {
            if (!vectorAvailable()) return Elementwise.SCALAR;
            try {
                return (Elementwise) Class.forName(VECTOR_ELEMENTWISE_CLASS).getConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                return Elementwise.SCALAR;
            }
        }
    }

    /** True if the Vector API module is in the boot layer and the vector backend loads. */
    public static boolean vectorAvailable() {
        return VectorHolder.AVAILABLE;
    }

    /** Why the vector backend is or is not available, for logs. */
    public static String vectorStatus() {
        return VectorHolder.STATUS;
    }

    /**
     * The selection rule, apart from the JVM: the backend {@code requested} resolves to, given whether the vector
     * backend can run.
     *
     * @throws IllegalArgumentException if the name is unknown
     * @throws IllegalStateException if {@code vector} is requested but cannot run
     */
    static String choose(String requested, BooleanSupplier vectorAvailable) {
        String name = normalise(requested);
        switch (name) {
            case AUTO:
                return vectorAvailable.getAsBoolean() ? VECTOR : EJML;
            case EJML:
                return EJML;
            case VECTOR:
                if (!vectorAvailable.getAsBoolean()) {
                    throw new IllegalStateException("backend vector is not available: " + vectorStatus()
                            + " (start the JVM with --add-modules " + VECTOR_MODULE + ")");
                }
                return VECTOR;
            default:
                throw new IllegalArgumentException("unknown matmul backend '" + requested + "', expected one of "
                        + AUTO + ", " + EJML + ", " + VECTOR);
        }
    }

    private static String normalise(String name) {
        return name == null || name.isBlank() ? AUTO : name.trim().toLowerCase(Locale.ROOT);
    }

    /** True if a module of that name is in the boot layer (false for an unknown name). */
    static boolean moduleInBootLayer(String module) {
        return ModuleLayer.boot().findModule(module).isPresent();
    }

    private static MatMul newVector(int threads) {
        try {
            return (MatMul) Class.forName(VECTOR_CLASS).getConstructor(int.class).newInstance(threads);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return null;
        }
    }

    /** See {@link #warmUpInBackground()}: until C2 compiles them, the kernels run interpreted, boxing every vector. */
    private static final class WarmUp implements Runnable {
        private static Thread thread;

        static synchronized void startOnce() {
            if (thread != null) return;
            Thread t = new Thread(new WarmUp(), "vae-matmul-warmup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            thread = t;
            t.start();
        }

        static void await() {
            Thread t;
            synchronized (WarmUp.class) {
                t = thread;
            }
            try {
                if (t != null) t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void run() {
            MatMul mm = newVector(1);
            if (mm == null) return;
            // Small products first: many short kernel calls get every path compiled within a second or so (one
            // big product would spend that long interpreted); then a few steps of the real model.
            int[][] shapes = {{24, 300, 40}, {13, 40, 70}, {37, 45, 4}, {64, 300, 20}};
            FMatrixRMaj[][] mats = new FMatrixRMaj[shapes.length][];
            for (int i = 0; i < shapes.length; i++) {
                int m = shapes[i][0], k = shapes[i][1], n = shapes[i][2];
                mats[i] = new FMatrixRMaj[] {new FMatrixRMaj(m, k), new FMatrixRMaj(k, n), new FMatrixRMaj(m, n),
                    new FMatrixRMaj(k, m), new FMatrixRMaj(n, k)};
            }
            long deadline = System.nanoTime() + 2_000_000_000L;
            for (int round = 0; round < 1500 && System.nanoTime() < deadline; round++) {
                for (FMatrixRMaj[] x : mats) {
                    mm.mult(x[0], x[1], x[2]);
                    mm.multTransA(x[3], x[1], x[2]);
                    mm.multTransB(x[0], x[4], x[2]);
                }
            }
            Step[] steps = {new Step(2), new Step(20)};
            for (int round = 0; round < 3; round++) {
                for (Step s : steps) s.run(mm);
            }
            // the element-wise kernels of a step: Adam over a layer, the loss over a batch's logits, the layers'
            // bias epilogues and bias gradients (with and without ReLU), the checks
            Elementwise e = Elementwise.of(mm);
            int n = 512 * 784;
            float[] p = new float[n], g = new float[n], m1 = new float[n], v = new float[n], b = new float[784];
            for (int round = 0; round < 30; round++) {
                e.adamUpdate(p, g, m1, v, n, 0.9f, 0.999f, 1e-3f, 1f, 1e-8f);
                e.bernoulliLossAndGradient(p, g, m1, 128 * 784, 1f / 128);
                for (int cols : new int[] {784, 512, 40}) {
                    e.addBias(p, b, 128, cols, cols == 512);
                    e.biasGradient(g, cols == 512 ? p : null, b, 128, cols);
                }
                if (!e.allFinite(p, n)) return;
            }
            // a dragged point's single decode (vector times matrix, then the sigmoid): run interpreted, it took
            // ~60 us for some 20,000 calls, 13 us once compiled
            Elementwise single = kernels();
            float[] in = new float[64], w = new float[64 * 200], bias = new float[200], out = new float[200];
            java.util.Arrays.fill(in, 0, 40, 0.5f);
            for (int round = 0; round < 30_000 && System.nanoTime() < deadline + 1_000_000_000L; round++) {
                single.vectorTimesMatrix(in, round % 2 == 0 ? 64 : 2, w, 200, bias, out, round % 2 == 0);
                single.sigmoid(out, 0, 200);
            }
        }

        /** The products of one training step of the 784-512-d VAE at batch 128 (values do not matter). */
        private static final class Step {
            final FMatrixRMaj x, w1, hid, wh, z2, z, w3, w4, y, dh, dw4;

            Step(int d) {
                int b = 128, in = 784, h = 512;
                x = new FMatrixRMaj(b, in);
                w1 = new FMatrixRMaj(in, h);
                hid = new FMatrixRMaj(b, h);
                wh = new FMatrixRMaj(h, 2 * d);
                z2 = new FMatrixRMaj(b, 2 * d);
                z = new FMatrixRMaj(b, d);
                w3 = new FMatrixRMaj(d, h);
                w4 = new FMatrixRMaj(h, in);
                y = new FMatrixRMaj(b, in);
                dh = new FMatrixRMaj(b, h);
                dw4 = new FMatrixRMaj(h, in);
            }

            void run(MatMul mm) {
                mm.mult(x, w1, hid);
                mm.mult(hid, wh, z2);
                mm.mult(z, w3, dh);
                mm.mult(dh, w4, y);
                mm.multTransA(dh, y, dw4);
                mm.multTransB(y, w4, dh);
                mm.multTransA(z, dh, w3);
                mm.multTransB(dh, w3, z);
                mm.multTransA(hid, z2, wh);
                mm.multTransB(z2, wh, hid);
                mm.multTransA(x, hid, w1);
            }
        }
    }

    /** Probed once, on first use: module present, class loads, and a small product gives the right answer. */
    private static final class VectorHolder {
        static final boolean AVAILABLE;
        static final String STATUS;

        static {
            boolean ok = false;
            String status;
            if (!moduleInBootLayer(VECTOR_MODULE)) {
                status = "module " + VECTOR_MODULE + " not in the boot layer";
            } else {
                try {
                    MatMul probe = (MatMul) Class.forName(VECTOR_CLASS).getConstructor(int.class).newInstance(1);
                    ok = SelfCheck.agrees(probe);
                    status = ok ? "ok (" + probe.name() + ")" : "self-check failed";
                } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                    status = "failed to load: " + e;
                }
            }
            AVAILABLE = ok;
            STATUS = status;
        }
    }
}
