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
        args = VectorRelauncher.arguments(args);
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

    @Test
    void argumentsTheLocaleCouldNotSpellAreReadAsTypedFromTheCommandLinesBytes() {
        byte[] cmdline = ("java\0-cp\0x.jar\0vaeexplorer.Main\0train\0--dataset\0\u00fc\u6570\u636e.csv\0")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String[] lost = {"train", "--dataset", "?????????.csv"};
        assertEquals(List.of("train", "--dataset", "\u00fc\u6570\u636e.csv"), List.of(VectorRelauncher.tail(cmdline, lost)));
        assertNull(VectorRelauncher.tail(cmdline, new String[] {"train", "--dataset", "\u00fc\u6570\u636e.csv"}),
                "nothing lost: nothing to do");
        String[] packed = {"a b", "", "\u00fc"};
        String old = System.getProperty(VectorRelauncher.ARGS_PROPERTY);
        try {
            System.setProperty(VectorRelauncher.ARGS_PROPERTY, VectorRelauncher.pack(packed));
            assertEquals(List.of(packed), List.of(VectorRelauncher.arguments(new String[] {"ignored"})));
        } finally {
            if (old == null) System.clearProperty(VectorRelauncher.ARGS_PROPERTY);
            else System.setProperty(VectorRelauncher.ARGS_PROPERTY, old);
        }
    }

    @Test
    void underACLocaleNonAsciiArgumentsReachTheProgramAsTyped() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux"));
        String javaExe = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the shell writes the UTF-8 bytes of "\u00fc\u6570.csv" itself: this JVM need not be able to spell them
        ProcessBuilder pb = new ProcessBuilder("sh", "-c",
                "exec \"$0\" -cp \"$1\" " + VectorRelauncherTest.class.getName() + " \"$(printf '\\303\\274\\346\\225\\260').csv\" plain",
                javaExe, System.getProperty("java.class.path"));
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.endsWith("args=\u00fc\u6570.csv,plain"), out);
    }
}
