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
        if (Boolean.getBoolean(CHILD_MARK)) {
            exitWithParent();
            return false;
        }
        List<String> cmd = command(mainClass, args);
        if (cmd == null) return false;
        try {
            // stdin, stdout and stderr are the parent's own, unchanged: progress bars ('\r') and System.console()
            // work, and stdout and stderr stay in the order the child wrote them. (The JVM's one-line notice
            // "WARNING: Using incubator modules" comes first on stderr.)
            Process child = new ProcessBuilder(cmd).inheritIO().start();
            // parent stopped (Ctrl+C, kill): take the child along; a parent killed hard is noticed by the child
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy, "vae-child-stop"));
            int code = child.waitFor();
            System.exit(code);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Exit code of a child whose parent has gone (128 + SIGHUP, as a shell gives a job whose terminal closed). */
    static final int ORPHANED = 129;

    /**
     * In the child: exits as soon as the parent JVM is gone, also when it was killed without running its shutdown
     * hooks (kill -9), so that no headless training goes on with nobody to see it.
     */
    static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            Thread t = new Thread(() -> System.exit(ORPHANED), "vae-orphaned");
            t.setDaemon(true);
            t.start();
        }));
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
