package vaeexplorer.core.nn.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class VectorRelauncherTest {
    /** Child-JVM entry: relaunches when useful, then reports what the JVM that runs the app has. */
    public static void main(String[] args) {
        if (VectorRelauncher.relaunchIfUseful(VectorRelauncherTest.class, args)) return;
        System.out.print("module=" + MatMulBackends.moduleInBootLayer("jdk.incubator.vector")
                + " child=" + Boolean.getBoolean(VectorRelauncher.CHILD_MARK)
                + " backend=" + MatMulBackends.create(1).name() + " args=" + String.join(",", args));
    }

    @Test
    void plainJvmRelaunchesWithTheModule() throws Exception {
        String out = ChildJvm.run(List.of("-Dprobe.keep=yes"), VectorRelauncherTest.class, "a b", "c").trim();
        assertTrue(out.startsWith("module=true child=true backend=vector"), out);
        assertTrue(out.endsWith("args=a b,c"), out);
    }

    @Test
    void optOutRunsInPlace() throws Exception {
        String out = ChildJvm.run(List.of("-Dvaeexplorer.relaunch=false"), VectorRelauncherTest.class).trim();
        assertEquals("module=false child=false backend=ejml args=", out);
        out = ChildJvm.run(List.of("-Dvaeexplorer.backend=ejml"), VectorRelauncherTest.class).trim();
        assertEquals("module=false child=false backend=ejml args=", out);
    }

    @Test
    void commandKeepsJvmArgumentsAndMarksTheChild() {
        Assumptions.assumeFalse(MatMulBackends.moduleInBootLayer("jdk.incubator.vector"));
        List<String> cmd = VectorRelauncher.command(VectorRelauncherTest.class, new String[] {"x"});
        assertNotNull(cmd);
        assertEquals(List.of("--add-modules", "jdk.incubator.vector"), cmd.subList(1, 3));
        assertTrue(cmd.contains("-D" + VectorRelauncher.CHILD_MARK + "=true"), cmd.toString());
        assertEquals(List.of(VectorRelauncherTest.class.getName(), "x"), cmd.subList(cmd.size() - 2, cmd.size()));
        String old = System.getProperty(VectorRelauncher.PROPERTY);
        try {
            System.setProperty(VectorRelauncher.PROPERTY, "false");
            assertNull(VectorRelauncher.command(VectorRelauncherTest.class, new String[0]));
        } finally {
            if (old == null) System.clearProperty(VectorRelauncher.PROPERTY);
            else System.setProperty(VectorRelauncher.PROPERTY, old);
        }
    }
}
