package vaeexplorer;

import vaeexplorer.cli.Cli;
import vaeexplorer.core.nn.backend.VectorRelauncher;

/**
 * The entry point. With arguments it runs the command line; without, it opens the app. Not a JavaFX Application
 * itself, so that the runnable jar works with JavaFX on the class path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // a plain `java -jar` lacks the Vector API module that the fast matrix backend needs: run again with it
        if (VectorRelauncher.relaunchIfUseful(Main.class, args)) return;
        args = VectorRelauncher.arguments(args); // as typed, where a parent under LANG=C could not spell them
        if (args.length > 0 && args[0].equals("bench-ui")) {
            vaeexplorer.ui.app.UiBench.run(new String[0]);
            return;
        }
        if (args.length > 0) {
            System.exit(new Cli(System.out, System.err).run(args));
        }
        vaeexplorer.ui.app.App.launchApp(args);
    }
}
