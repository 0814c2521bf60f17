package vaeexplorer.ui.i18n;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The file and folder choosers of the data, session and export commands: they start in the folder used last and
 * suggest a file name. The commands themselves take a Path, so tests never open a chooser. Callers pass titles and
 * filter descriptions in the UI's language.
 */
public final class FileDialogs {
    private static File lastFolder;
    private static java.util.function.Function<String, Path> answer;

    private FileDialogs() {}

    /**
     * Answers every chooser without showing it (null: the system's choosers again): for tests that drive a command
     * the way the user does, through its menu item, where no native dialog can be answered. The function gets the
     * suggested file name of a save ("" for open and folder choosers) and returns the path chosen, or null for Cancel.
     */
    public static void answerWith(java.util.function.Function<String, Path> a) {
        answer = a;
    }

    /**
     * Asks where to save; adds the extension when the name has none.
     *
     * @param extension such as ".png"
     */
    public static Path save(Window owner, String title, String initialName, String description, String extension) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.setInitialFileName(initialName);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description + " (*" + extension + ")", "*" + extension));
        start(c);
        File f = answer != null ? file(answer.apply(initialName)) : c.showSaveDialog(owner);
        if (f == null) return null;
        remember(f.getParentFile());
        Path p = f.toPath();
        String name = p.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(extension)) p = p.resolveSibling(name + extension);
        return p;
    }

    /** Asks for a file to open. */
    public static Path open(Window owner, String title, String description, String... extensions) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        String[] patterns = new String[extensions.length];
        for (int i = 0; i < extensions.length; i++) patterns[i] = "*" + extensions[i];
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.get("fileDialogs.allFiles"), "*"));
        start(c);
        File f = answer != null ? file(answer.apply("")) : c.showOpenDialog(owner);
        if (f == null) return null;
        remember(f.getParentFile());
        return f.toPath();
    }

    /** Asks for a folder. */
    public static Path folder(Window owner, String title) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) c.setInitialDirectory(lastFolder);
        File f = answer != null ? file(answer.apply("")) : c.showDialog(owner);
        if (f == null) return null;
        remember(f.getParentFile() != null ? f.getParentFile() : f);
        return f.toPath();
    }

    private static File file(Path p) {
        return p == null ? null : p.toFile();
    }

    private static void start(FileChooser c) {
        if (lastFolder != null && lastFolder.isDirectory()) c.setInitialDirectory(lastFolder);
    }

    private static void remember(File folder) {
        if (folder != null && Files.isDirectory(folder.toPath())) lastFolder = folder;
    }
}
