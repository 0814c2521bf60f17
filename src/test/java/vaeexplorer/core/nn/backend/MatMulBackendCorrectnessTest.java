package vaeexplorer.core.nn.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vaeexplorer.core.nn.MatMul;

/**
 * Every backend, at 1 and 2 threads, against EJML's single-threaded products on awkward shapes, with dirty output.
 * The backends of this JVM are tested here; the Vector API one, which needs {@code --add-modules
 * jdk.incubator.vector}, in a child JVM started with it (so this JVM keeps testing the plain-classpath fallback).
 */
class MatMulBackendCorrectnessTest {
    /** One instance per (backend, threads), shared by the cases: pools are reused as in training. */
    private static final List<MatMul> BACKENDS = new ArrayList<>();

    static {
        for (String name : MatMulBackends.available()) {
            for (int threads : new int[] {1, 2}) BACKENDS.add(MatMulBackends.create(name, threads));
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (MatMul mm : BACKENDS) {
            for (int[] s : MatMulChecks.SHAPES) {
                for (String op : MatMulChecks.OPS) out.add(Arguments.of(mm.name(), op, s[0], s[1], s[2]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} m={2} k={3} n={4}")
    @MethodSource("cases")
    void agreesWithEjml(String backend, String op, int m, int k, int n) {
        MatMul mm = BACKENDS.stream().filter(b -> b.name().equals(backend)).findFirst().orElseThrow();
        MatMulChecks.check(mm, op, m, k, n);
    }

    @TestFactory
    Stream<DynamicTest> vectorBackendInChildJvm() throws Exception {
        Assumptions.assumeFalse(MatMulBackends.vectorAvailable(), "vector backend already tested in this JVM");
        String out = ChildJvm.run(List.of("--add-modules", "jdk.incubator.vector"), MatMulChecks.class, "vector");
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        assertTrue(!lines.isEmpty(), "no output from the child JVM");
        Assumptions.assumeFalse(lines.get(0).startsWith("UNAVAILABLE"), lines.get(0));
        assertEquals(2 * (MatMulChecks.caseNames().size() + 1), lines.size(), out);
        return lines.stream().map(line -> {
            String[] f = line.split(" ", 5); // PASS|FAIL backend op shape [message]
            String name = f.length >= 4 ? f[1] + " " + f[2] + " " + f[3] : line;
            return DynamicTest.dynamicTest(name, () -> {
                if (!"PASS".equals(f[0])) throw new AssertionError(line);
            });
        });
    }

    @Test
    void rejectsBadShapesAndAliasingAndReshapesOutput() {
        for (MatMul mm : BACKENDS) MatMulChecks.checkContract(mm);
    }

    @TestFactory
    Stream<DynamicTest> vectorElementwiseKernelsAgreeWithTheScalarOnesInChildJvm() throws Exception {
        String out = ChildJvm.run(List.of("--add-modules", "jdk.incubator.vector"), ElementwiseChecks.class, "vector");
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        assertTrue(!lines.isEmpty(), "no output from the child JVM");
        Assumptions.assumeFalse(lines.get(0).startsWith("UNAVAILABLE"), lines.get(0));
        assertEquals(ElementwiseChecks.caseCount(), lines.size(), out);
        return lines.stream().map(line -> DynamicTest.dynamicTest(line.split(" ", 3)[1] + " " + line.split(" ", 4)[2], () -> {
            if (!line.startsWith("PASS ")) throw new AssertionError(line);
        }));
    }
}
