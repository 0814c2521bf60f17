package vaeexplorer.core.nn.backend;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Optional: lets a plain {@code java -jar vae-explorer.jar} get the fast matmul backend by starting the application
 * again in a child JVM with {@code --add-modules jdk.incubator.vector} (a JAR manifest cannot add a module; only the
 * command line, {@code JDK_JAVA_OPTIONS} or a child JVM can).
 *
 * <p>Use at the very top of {@code main}:
 * <pre>
 * if (VectorRelauncher.relaunchIfUseful(Main.class, args)) return; // the child ran the app; exit code set
 * </pre>
 * It does nothing (returns false) when the module is already there, when this JVM is itself such a child, when
 * {@code -Dvaeexplorer.relaunch=false} is given, when the backend is forced to {@code ejml}, or when the child cannot
 * be started; the application then runs in this JVM on the pure-Java fallback. Costs one extra JVM start
 * (about half a second) and the idle parent JVM's memory.
 */
public final class VectorRelauncher {
    /** System property: {@code false} turns relaunching off. */
    public static final String PROPERTY = "vaeexplorer.relaunch";
    /** Set on the child's command line, so that it never relaunches again. */
    static final String CHILD_MARK = "vaeexplorer.relaunched";

    private VectorRelauncher() {
    }

    /**
     * Runs {@code mainClass} with {@code args} in a child JVM that has the Vector API module, waits for it, and
     * returns true after setting this JVM to exit with the child's exit code (via {@link System#exit}). Returns false
     * if no child was run.
     */
    public static boolean relaunchIfUseful(Class<?> mainClass, String[] args) {
        List<String> cmd = command(mainClass, args);
        if (cmd == null) return false;
        try {
            // stdin and stdout stay the terminal's (progress bars and System.console() keep working); stderr is
            // passed through without the JVM's "Using incubator modules" notice, so an error stays one line
            Process child = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy)); // parent killed: take the child along
            Thread pump = new Thread(() -> copyErrors(child.getErrorStream(), System.err), "vae-stderr");
            pump.setDaemon(true);
            pump.start();
            int code = child.waitFor();
            pump.join(2000);
            System.exit(code);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The JVM's line announcing the incubator module, which says nothing to a user of the app. */
    static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: " + MatMulBackends.VECTOR_MODULE;

    /** Copies the child's stderr line by line, dropping the incubator notice. */
    static void copyErrors(java.io.InputStream from, java.io.PrintStream to) {
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(from,
                java.nio.charset.Charset.defaultCharset()))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.equals(INCUBATOR_NOTICE)) continue;
                to.println(line);
                to.flush();
            }
        } catch (IOException e) {
            // the child is gone; nothing more to copy
        }
    }

    /** The child's command line, or null when relaunching is not useful or not possible. */
    static List<String> command(Class<?> mainClass, String[] args) {
        if (MatMulBackends.moduleInBootLayer(MatMulBackends.VECTOR_MODULE)) return null;
        if (Boolean.getBoolean(CHILD_MARK)) return null;
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim())) return null;
        if (MatMulBackends.EJML.equalsIgnoreCase(System.getProperty(MatMulBackends.PROPERTY, "").trim())) return null;
        if (ModuleLayer.boot().findModule("java.management").isEmpty()) return null;
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        String classPath = System.getProperty("java.class.path", "");
        if (!Files.isExecutable(java) || classPath.isEmpty()) return null;
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("--add-modules");
        cmd.add(MatMulBackends.VECTOR_MODULE);
        cmd.add("-D" + CHILD_MARK + "=true");
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments()); // -Xmx, -D..., as given to this JVM
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
