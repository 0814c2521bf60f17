package vaeexplorer.core.nn.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.nn.MatMul;

/** Backend selection: the rule, the JVM this test runs in, and a JVM started without the Vector API module. */
class MatMulBackendsTest {
    @Test
    void autoPicksVectorOnlyWhenAvailable() {
        assertEquals("vector", MatMulBackends.choose("auto", () -> true));
        assertEquals("ejml", MatMulBackends.choose("auto", () -> false));
        assertEquals("ejml", MatMulBackends.choose(null, () -> false));
        assertEquals("vector", MatMulBackends.choose(" ", () -> true));
        assertEquals("vector", MatMulBackends.choose("AUTO", () -> true));
    }

    @Test
    void forcedBackendIsHonouredOrRefused() {
        assertEquals("ejml", MatMulBackends.choose("ejml", () -> true));
        assertEquals("ejml", MatMulBackends.choose("Ejml", () -> false));
        assertEquals("vector", MatMulBackends.choose("vector", () -> true));
        IllegalStateException absent = assertThrows(IllegalStateException.class,
                () -> MatMulBackends.choose("vector", () -> false));
        assertTrue(absent.getMessage().contains("--add-modules jdk.incubator.vector"), absent.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MatMulBackends.choose("cuda", () -> true));
    }

    @Test
    void moduleProbe() {
        assertTrue(MatMulBackends.moduleInBootLayer("java.base"));
        assertFalse(MatMulBackends.moduleInBootLayer("no.such.module"));
    }

    @Test
    void createMatchesThisJvm() {
        boolean vector = MatMulBackends.moduleInBootLayer("jdk.incubator.vector");
        assertEquals(vector, MatMulBackends.vectorAvailable(), MatMulBackends.vectorStatus());
        MatMul auto = MatMulBackends.create("auto", 1);
        assertEquals(vector, auto.name().startsWith("vector"), auto.name());
        assertEquals("ejml", MatMulBackends.create("ejml", 1).name());
        assertEquals("ejml-mt(2)", MatMulBackends.create("ejml", 2).name());
        assertEquals(vector ? List.of("vector", "ejml") : List.of("ejml"), MatMulBackends.available());
        assertThrows(IllegalArgumentException.class, () -> MatMulBackends.create("auto", 0));
        if (!vector) assertThrows(IllegalStateException.class, () -> MatMulBackends.create("vector", 1));
    }

    @Test
    void warmUpIsHarmlessAndOnce() {
        MatMulBackends.warmUpInBackground();
        MatMulBackends.warmUpInBackground();
        assertEquals("ejml", MatMulBackends.create("ejml", 1).name());
    }

    @Test
    void systemPropertyForcesTheBackend() {
        String old = System.getProperty(MatMulBackends.PROPERTY);
        try {
            System.setProperty(MatMulBackends.PROPERTY, "ejml");
            assertEquals("ejml", MatMulBackends.create(1).name());
        } finally {
            if (old == null) System.clearProperty(MatMulBackends.PROPERTY);
            else System.setProperty(MatMulBackends.PROPERTY, old);
        }
    }

    /** A plain {@code java -cp ...} (no --add-modules) must fall back to EJML, and refuse a forced vector backend. */
    @Test
    void fallsBackToEjmlWithoutTheModule() throws Exception {
        assertEquals("ejml ejml-mt(2) refused", runWithoutVectorModule());
    }

    /** Entry point of the child JVM of {@link #fallsBackToEjmlWithoutTheModule}. */
    public static void main(String[] args) {
        String refused;
        try {
            MatMulBackends.create("vector", 1);
            refused = "accepted";
        } catch (IllegalStateException e) {
            refused = "refused";
        }
        System.out.print(MatMulBackends.create(1).name() + " " + MatMulBackends.create(2).name() + " " + refused);
    }

    private static String runWithoutVectorModule() throws Exception {
        return ChildJvm.run(List.of(), MatMulBackendsTest.class).trim();
    }
}
