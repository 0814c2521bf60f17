package vaeexplorer.core.io;

import java.nio.file.Path;

/** Run in a child JVM by {@link AtomicFilesTest}: starts a save, says so, and waits (for ever) before finishing it. */
public final class SlowSave {
    private SlowSave() {}

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write(new byte[1 << 20]);
            out.flush();
            System.out.println("writing");
            System.out.flush();
            System.in.read(); // the test kills this JVM here, as a kill -9 mid-save would
        });
    }
}
