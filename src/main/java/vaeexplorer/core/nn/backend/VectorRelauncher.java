package vaeexplorer.core.nn.backend;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
        String[] spelt = argumentsAsTyped(args);
        List<String> cmd = command(mainClass, args, spelt);
        if (cmd == null) return false;
        try {
            // stdin, stdout and stderr are the parent's own, unchanged: progress bars ('\r') and System.console()
            // work, and stdout and stderr stay in the order the child wrote them. (The JVM's one-line notice
            // "WARNING: Using incubator modules" comes first on stderr.)
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            // arguments this JVM's locale could not spell: the child gets a UTF-8 locale to read and open them
            if (spelt != null) pb.environment().put("LC_ALL", UTF8_LOCALE);
            Process child = pb.start();
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
        return command(mainClass, args, null);
    }

    /**
     * The child's command line, or null when relaunching is not useful or not possible; with {@code spelt} (the
     * arguments as typed, where this JVM lost letters of them) also when this JVM has the Vector API already, the
     * arguments then going in {@link #ARGS_PROPERTY}.
     */
    static List<String> command(Class<?> mainClass, String[] args, String[] spelt) {
        if (spelt == null && MatMulBackends.moduleInBootLayer(MatMulBackends.VECTOR_MODULE)) return null;
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
        if (spelt != null) cmd.add(cmd.size() - 2, "-D" + ARGS_PROPERTY + "=" + pack(spelt));
        cmd.add(mainClass.getName());
        if (spelt == null) cmd.addAll(List.of(args));
        return cmd;
    }

    /** The system property that carries the arguments to a child whose parent could not spell them (base64, UTF-8). */
    static final String ARGS_PROPERTY = "vaeexplorer.args";
    /** The locale a child gets for arguments its parent could not spell: C with UTF-8 (glibc has it built in). */
    static final String UTF8_LOCALE = "C.UTF-8";

    /** The program's arguments: as the parent passed them in {@link #ARGS_PROPERTY}, else as given. */
    public static String[] arguments(String[] args) {
        String packed = System.getProperty(ARGS_PROPERTY);
        if (packed == null) return args;
        String all = new String(java.util.Base64.getDecoder().decode(packed), StandardCharsets.UTF_8);
        return all.isEmpty() ? new String[0] : all.split("\0", -1);
    }

    static String pack(String[] args) {
        return java.util.Base64.getEncoder().encodeToString(String.join("\0", args).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * On Linux under a locale that is not UTF-8 (LANG=C, POSIX), the JVM reads each non-ASCII letter of an argument
     * as '?' and cannot open a file whose name has one. The bytes as typed are still in /proc/self/cmdline: the
     * arguments read from there as UTF-8, or null when nothing was lost (or they cannot be read).
     */
    static String[] argumentsAsTyped(String[] args) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")) return null;
        try {
            if (Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).equals(StandardCharsets.UTF_8)) return null;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        byte[] raw;
        try {
            raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return tail(raw, args);
    }

    /** The last args.length NUL-ended parts of a command line, as UTF-8; null if they are args themselves. */
    static String[] tail(byte[] cmdline, String[] args) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] != 0) continue;
            parts.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
            start = i + 1;
        }
        if (start < cmdline.length) parts.add(new String(cmdline, start, cmdline.length - start, StandardCharsets.UTF_8));
        if (parts.size() < args.length || args.length == 0) return null;
        String[] typed = parts.subList(parts.size() - args.length, parts.size()).toArray(new String[0]);
        return java.util.Arrays.equals(typed, args) ? null : typed;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
