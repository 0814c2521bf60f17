package vaeexplorer.core.nn.backend;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.ejml.data.FMatrixRMaj;

import vaeexplorer.core.nn.MatMul;

/**
 * Microbenchmark of the {@link MatMul} backends on the VAE's shapes (batch 128, 784-512-latent): GFLOP/s per
 * operation and shape, for each available backend at 1 and 2 threads, plus bytes allocated per call by the caller.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp target/vae-explorer.jar vaeexplorer.core.nn.backend.MatMulBench \
 *      [backends=ejml,vector] [threads=1,2] [ms=300] [latent=2,20]
 * </pre>
 *
 * Each figure is the best of several short timing windows (the machine is shared, the best is the least disturbed).
 */
public final class MatMulBench {
    private MatMulBench() {
    }

    private enum Op { MULT, TRANS_A, TRANS_B }

    /** One product: C is m x n, inner dimension k. */
    private record Case(Op op, int m, int k, int n, String what) {
    }

    public static void main(String[] args) {
        List<String> backends = MatMulBackends.available();
        int[] threads = {1, 2};
        long windowMs = 300;
        int[] latents = {2, 20};
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) throw new IllegalArgumentException("expected key=value, got " + arg);
            switch (kv[0]) {
                case "backends" -> backends = List.of(kv[1].split(","));
                case "threads" -> threads = parseInts(kv[1]);
                case "ms" -> windowMs = Long.parseLong(kv[1]);
                case "latent" -> latents = parseInts(kv[1]);
                default -> throw new IllegalArgumentException("unknown option " + kv[0]);
            }
        }
        List<Case> cases = cases(latents);
        System.out.printf(Locale.ROOT, "vector backend: %s; cores: %d; java %s%n", MatMulBackends.vectorStatus(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-8s %-22s %5s %5s %5s %-16s %9s %9s %8s%n",
                "op", "layer", "m", "k", "n", "backend", "GFLOP/s", "us/call", "B/call");
        for (String backend : backends) {
            for (int t : threads) {
                MatMul mm = MatMulBackends.create(backend, t);
                // warm every path first: a kernel first used late would be compiled (and others recompiled) mid-run
                for (Case c : cases) run(mm, c, windowMs / 4, false);
                double totalUs = 0;
                for (Case c : cases) totalUs += run(mm, c, windowMs, true);
                System.out.printf(Locale.ROOT, "%-8s %-22s %5s %5s %5s %-16s %9s %9.1f%n", "sum", "all shapes above",
                        "", "", "", mm.name(), "", totalUs);
            }
        }
    }

    private static int[] parseInts(String csv) {
        String[] parts = csv.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Integer.parseInt(parts[i].trim());
        return out;
    }

    /** The products of one training step of the 784-512-d VAE at batch 128, big ones first. */
    private static List<Case> cases(int[] latents) {
        int batch = 128, in = 784, hidden = 512;
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(Op.MULT, batch, in, hidden, "enc1 forward"));
        cases.add(new Case(Op.MULT, batch, hidden, in, "dec2 forward"));
        cases.add(new Case(Op.TRANS_A, in, batch, hidden, "enc1 dW"));
        cases.add(new Case(Op.TRANS_A, hidden, batch, in, "dec2 dW"));
        cases.add(new Case(Op.TRANS_B, batch, hidden, in, "enc1 dX (if needed)"));
        cases.add(new Case(Op.TRANS_B, batch, in, hidden, "dec2 dX"));
        for (int d : latents) {
            cases.add(new Case(Op.MULT, batch, hidden, 2 * d, "head forward d=" + d));
            cases.add(new Case(Op.TRANS_A, hidden, batch, 2 * d, "head dW d=" + d));
            cases.add(new Case(Op.TRANS_B, batch, 2 * d, hidden, "head dX d=" + d));
            cases.add(new Case(Op.MULT, batch, d, hidden, "dec1 forward d=" + d));
            cases.add(new Case(Op.TRANS_A, d, batch, hidden, "dec1 dW d=" + d));
            cases.add(new Case(Op.TRANS_B, batch, hidden, d, "dec1 dX d=" + d));
        }
        return cases;
    }

    /** Times one case; prints a line if asked; returns microseconds per call. */
    private static double run(MatMul mm, Case cs, long windowMs, boolean print) {
        Random rnd = new Random(42);
        FMatrixRMaj a = switch (cs.op) {
            case MULT, TRANS_B -> random(cs.m, cs.k, rnd);
            case TRANS_A -> random(cs.k, cs.m, rnd);
        };
        FMatrixRMaj b = switch (cs.op) {
            case MULT, TRANS_A -> random(cs.k, cs.n, rnd);
            case TRANS_B -> random(cs.n, cs.k, rnd);
        };
        FMatrixRMaj c = new FMatrixRMaj(cs.m, cs.n);
        double flops = 2.0 * cs.m * cs.n * cs.k;
        int perWindow = (int) Math.max(1, Math.min(1_000_000, 2e7 / flops)); // calls per timing window, ~0.2 ms+
        long deadline = System.nanoTime() + windowMs * 1_000_000L / 3;
        while (System.nanoTime() < deadline) call(mm, cs.op, a, b, c, perWindow); // warm-up
        double best = Double.MAX_VALUE;
        deadline = System.nanoTime() + windowMs * 1_000_000L;
        do {
            long t0 = System.nanoTime();
            call(mm, cs.op, a, b, c, perWindow);
            best = Math.min(best, (System.nanoTime() - t0) / (double) perWindow);
        } while (System.nanoTime() < deadline);
        long probe = allocatedBytes();
        long overhead = allocatedBytes() - probe; // what asking costs
        long alloc0 = allocatedBytes();
        call(mm, cs.op, a, b, c, perWindow);
        long alloc = Math.max(0, allocatedBytes() - alloc0 - overhead) / perWindow;
        if (print) {
            System.out.printf(Locale.ROOT, "%-8s %-22s %5d %5d %5d %-16s %9.1f %9.1f %8d%n", name(cs.op), cs.what,
                    cs.m, cs.k, cs.n, mm.name(), flops / best, best / 1000, alloc);
        }
        return best / 1000;
    }

    private static void call(MatMul mm, Op op, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c, int times) {
        for (int i = 0; i < times; i++) {
            switch (op) {
                case MULT -> mm.mult(a, b, c);
                case TRANS_A -> mm.multTransA(a, b, c);
                case TRANS_B -> mm.multTransB(a, b, c);
            }
        }
    }

    private static String name(Op op) {
        return switch (op) {
            case MULT -> "mult";
            case TRANS_A -> "transA";
            case TRANS_B -> "transB";
        };
    }

    private static FMatrixRMaj random(int rows, int cols, Random rnd) {
        FMatrixRMaj x = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) x.data[i] = rnd.nextFloat() - 0.5f;
        return x;
    }

    /** Bytes allocated so far by this thread, or 0 if the JVM cannot tell. */
    private static long allocatedBytes() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (mx instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
            return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return 0;
    }
}
