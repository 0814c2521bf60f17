package vaeexplorer.core.nn.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

import vaeexplorer.core.nn.MatMul;

/**
 * The comparison of a backend against EJML's single-threaded products, shared by the in-JVM tests and by a child JVM
 * started with the Vector API module ({@link #main}).
 */
final class MatMulChecks {
    private MatMulChecks() {
    }

    static final String[] OPS = {"mult", "multTransA", "multTransB"};

    /** m x k times k x n; comments say why a shape is there. */
    static final int[][] SHAPES = {
        {1, 1, 1}, {3, 5, 2}, {5, 3, 4}, {2, 7, 3},
        {127, 785, 129},              // odd everything, row and column tails, parallel by panels
        {128, 784, 512}, {128, 512, 784}, {784, 128, 512}, {512, 128, 784}, // the model's big products
        {128, 512, 4}, {128, 4, 512}, {512, 128, 2}, {2, 128, 512}, {128, 512, 40}, {128, 20, 512},
        {1000, 3, 17},                // tall
        {2, 300, 1000},               // flat
        {1000, 64, 20},               // few panels, many rows: parallel by rows
        {64, 1, 100}, {100, 1, 1},    // k = 1
        {17, 33, 1}, {1, 64, 31},     // n = 1, m = 1
        {9, 600, 33},                 // k spans several blocks, with a partial panel accumulated across them
        {13, 300, 55}, {70, 40, 20}, {9, 5, 6}, {21, 700, 17}, // narrow last panels: one vector, padded, 4 lanes
        {1000, 600, 3}, {37, 45, 4},  // the small-n path, parallel by rows, with row and k tails
        {300, 200, 23}, {45, 37, 24}, {5, 17, 10}, // small-n path with several column groups, the last one partial
        {128, 512, 25}, {128, 512, 48}, // just past it
        {6, 0, 5},                    // k = 0: C must become zeros
    };

    /** "op m k n" labels of every case, in order. */
    static List<String> caseNames() {
        List<String> names = new ArrayList<>();
        for (int[] s : SHAPES) for (String op : OPS) names.add(op + " " + s[0] + "x" + s[1] + "x" + s[2]);
        return names;
    }

    /** Runs one case; throws AssertionError with the first bad element. */
    static void check(MatMul mm, String op, int m, int k, int n) {
        Random rnd = new Random(31L * m + 17L * k + n);
        FMatrixRMaj a = "multTransA".equals(op) ? random(k, m, rnd) : random(m, k, rnd);
        FMatrixRMaj b = "multTransB".equals(op) ? random(n, k, rnd) : random(k, n, rnd);
        FMatrixRMaj ref = new FMatrixRMaj(m, n);
        FMatrixRMaj bound = new FMatrixRMaj(m, n); // sum_p |a_ip| |b_pj|: scales the rounding tolerance
        FMatrixRMaj absA = abs(a), absB = abs(b);
        switch (op) {
            case "mult" -> {
                CommonOps_FDRM.mult(a, b, ref);
                CommonOps_FDRM.mult(absA, absB, bound);
            }
            case "multTransA" -> {
                CommonOps_FDRM.multTransA(a, b, ref);
                CommonOps_FDRM.multTransA(absA, absB, bound);
            }
            default -> {
                CommonOps_FDRM.multTransB(a, b, ref);
                CommonOps_FDRM.multTransB(absA, absB, bound);
            }
        }
        // twice into the same dirty C: stale contents (NaN, huge values, then the previous result) must not leak in
        FMatrixRMaj c = new FMatrixRMaj(m, n);
        for (int i = 0; i < c.data.length; i++) c.data[i] = i % 3 == 0 ? Float.NaN : 1e30f;
        for (int round = 0; round < 2; round++) {
            switch (op) {
                case "mult" -> mm.mult(a, b, c);
                case "multTransA" -> mm.multTransA(a, b, c);
                default -> mm.multTransB(a, b, c);
            }
            String where = mm.name() + " " + op + " " + m + "x" + k + "x" + n + " round " + round;
            if (c.numRows != m || c.numCols != n) {
                throw new AssertionError(where + ": C is " + c.numRows + "x" + c.numCols);
            }
            for (int i = 0; i < m * n; i++) {
                float tol = 1e-6f * (k + 16) * bound.data[i] + 1e-30f;
                float d = Math.abs(c.data[i] - ref.data[i]);
                if (!(d <= tol)) {
                    throw new AssertionError(where + ": C[" + i / n + "," + i % n + "] = " + c.data[i] + ", EJML "
                            + ref.data[i] + ", tolerance " + tol);
                }
            }
        }
    }

    /** Shape mismatch and c aliasing a or b are refused; a wrongly sized C is reshaped, as EJML does. */
    static void checkContract(MatMul mm) {
        FMatrixRMaj a = new FMatrixRMaj(3, 4), b = new FMatrixRMaj(5, 2), c = new FMatrixRMaj(3, 2);
        expectRefused(mm, () -> mm.mult(a, b, c), "mult 3x4 by 5x2");
        expectRefused(mm, () -> mm.multTransA(a, b, c), "multTransA 3x4 by 5x2");
        expectRefused(mm, () -> mm.multTransB(a, b, c), "multTransB 3x4 by 5x2");
        FMatrixRMaj sq = random(4, 4, new Random(3));
        expectRefused(mm, () -> mm.mult(sq, sq, sq), "c aliasing a and b");
        FMatrixRMaj x = random(4, 6, new Random(1)), y = random(6, 5, new Random(2));
        FMatrixRMaj small = new FMatrixRMaj(1, 1), ref = new FMatrixRMaj(4, 5);
        mm.mult(x, y, small);
        CommonOps_FDRM.mult(x, y, ref);
        if (small.numRows != 4 || small.numCols != 5) throw new AssertionError(mm.name() + ": C not reshaped");
        for (int i = 0; i < 20; i++) {
            if (Math.abs(small.data[i] - ref.data[i]) > 1e-4f) {
                throw new AssertionError(mm.name() + ": reshaped C wrong");
            }
        }
    }

    private static void expectRefused(MatMul mm, Runnable r, String what) {
        try {
            r.run();
        } catch (RuntimeException expected) {
            return;
        }
        throw new AssertionError(mm.name() + " accepted " + what);
    }

    static FMatrixRMaj random(int rows, int cols, Random rnd) {
        FMatrixRMaj x = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) x.data[i] = (float) rnd.nextGaussian();
        return x;
    }

    private static FMatrixRMaj abs(FMatrixRMaj x) {
        FMatrixRMaj y = x.copy();
        for (int i = 0; i < y.data.length; i++) y.data[i] = Math.abs(y.data[i]);
        return y;
    }

    /**
     * Child-JVM entry: for each backend named in args, at 1 and 2 threads, runs every case and prints one line
     * {@code PASS|FAIL <backend-instance> <case>[ <message>]}; or {@code UNAVAILABLE <name> <why>}.
     */
    public static void main(String[] args) {
        MatMulBackends.warmUpInBackground(); // runs alongside: its private instance must not disturb these
        MatMulBackends.warmUpInBackground();
        for (String name : args) {
            for (int threads : new int[] {1, 2}) {
                MatMul mm;
                try {
                    mm = MatMulBackends.create(name, threads);
                } catch (IllegalStateException e) {
                    System.out.println("UNAVAILABLE " + name + " " + e.getMessage());
                    break;
                }
                try {
                    checkContract(mm);
                    System.out.println("PASS " + mm.name() + " contract -");
                } catch (Throwable t) {
                    System.out.println("FAIL " + mm.name() + " contract - " + String.valueOf(t).replace('\n', ' '));
                }
                for (int[] s : SHAPES) {
                    for (String op : OPS) {
                        String label = mm.name() + " " + op + " " + s[0] + "x" + s[1] + "x" + s[2];
                        try {
                            check(mm, op, s[0], s[1], s[2]);
                            System.out.println("PASS " + label);
                        } catch (Throwable t) {
                            System.out.println("FAIL " + label + " " + String.valueOf(t).replace('\n', ' '));
                        }
                    }
                }
            }
        }
        System.out.flush();
    }
}
