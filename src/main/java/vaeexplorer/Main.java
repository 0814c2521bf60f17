package vaeexplorer;

import vaeexplorer.cli.Cli;

/**
 * The entry point. With arguments it runs the command line; without, it opens the app. Not a JavaFX Application
 * itself, so that the runnable jar works with JavaFX on the class path.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(new Cli(System.out, System.err).run(args));
        }
        vaeexplorer.ui.App.launchApp(args);
    }
}
