package vaeexplorer.core.nn.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import vaeexplorer.core.nn.EjmlMatMul;
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
