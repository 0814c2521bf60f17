package vaeexplorer.core.nn.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a fresh JVM and returns what it printed. */
final class ChildJvm {
    /** The JVM's unconditional notice when an incubator module is resolved; expected, so not passed on. */
    static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";

    private ChildJvm() {
    }

    /** Standard output of {@code java [jvmArgs] -cp <this class path> mainClass args}; fails on a non-zero exit. */
    static String run(List<String> jvmArgs, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        p.getOutputStream().close();
        // read stderr on the side so that a chatty child cannot block on a full pipe
        StringBuilder err = new StringBuilder();
        Thread errReader = new Thread(() -> {
            try {
                err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the child is gone; what we have is enough
            }
        });
        errReader.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM timed out: " + cmd);
        }
        errReader.join();
        String stderr = err.toString().replace(INCUBATOR_NOTICE + System.lineSeparator(), "").strip();
        if (!stderr.isEmpty()) System.err.println(stderr);
        if (p.exitValue() != 0) throw new AssertionError("child JVM exited with " + p.exitValue() + ": " + stderr);
        return out;
    }
}
