package vaeexplorer.core.nn.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The relaunched JVM writes straight to the parent's streams, and does not outlive its parent. */
class RelaunchStreamsTest {
    /** Child-JVM entry: "streams" writes a table row, a progress bar and another row; "wait" prints its pid and waits. */
    public static void main(String[] args) throws Exception {
        if (VectorRelauncher.relaunchIfUseful(RelaunchStreamsTest.class, args)) return;
        if (args[0].equals("streams")) {
            System.out.print("row 1\n");
            System.out.flush();
            System.err.print("\repoch 1/2 [##  ]  50%");
            System.err.flush();
            System.err.print("\r          \r");
            System.err.flush();
            System.out.print("row 2\n");
            System.out.flush();
        } else {
            System.out.println("pid=" + ProcessHandle.current().pid() + " child=" + Boolean.getBoolean(VectorRelauncher.CHILD_MARK));
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static ProcessBuilder parentJvm(String mode) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(RelaunchStreamsTest.class.getName());
        cmd.add(mode);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true); // stdout and stderr in one pipe
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        return pb;
    }

    @Test
    void theChildsStdoutAndStderrArriveUnchangedAndInOrder() throws Exception {
        Assumptions.assumeFalse(MatMulBackends.moduleInBootLayer(MatMulBackends.VECTOR_MODULE));
        Process p = parentJvm("streams").start();
        p.getOutputStream().close();
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), all);
        String expected = "row 1\n\repoch 1/2 [##  ]  50%\r          \rrow 2\n";
        assertEquals(expected, all.replace(ChildJvm.INCUBATOR_NOTICE + System.lineSeparator(), ""));
    }

    @Test
    void theChildExitsWhenItsParentIsKilled() throws Exception {
        Assumptions.assumeFalse(MatMulBackends.moduleInBootLayer(MatMulBackends.VECTOR_MODULE));
        Process parent = parentJvm("wait").start();
        parent.getOutputStream().close();
        BufferedReader r = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null && !line.startsWith("pid=")) {
            // skip the JVM's notice
        }
        assertTrue(line != null && line.endsWith("child=true"), String.valueOf(line));
        long pid = Long.parseLong(line.substring(4, line.indexOf(' ')));
        ProcessHandle child = ProcessHandle.of(pid).orElseThrow();
        parent.destroyForcibly(); // SIGKILL: the parent's shutdown hook does not run
        assertTrue(parent.waitFor(120, TimeUnit.SECONDS));
        try {
            // the child notices on its own; the bound only keeps a broken build from hanging
            child.onExit().get(120, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }
        assertTrue(!child.isAlive());
    }
}
