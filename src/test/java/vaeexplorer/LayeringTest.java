package vaeexplorer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The core knows nothing of the UI: no JavaFX, no AWT, no Swing, and nothing from the ui or cli packages. */
class LayeringTest {
    private static final Path CORE = Path.of("src/main/java/vaeexplorer/core");

    @Test
    void coreImportsNoJavaFxAwtOrUpperLayers() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(CORE)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream()
                            .filter(l -> l.matches("\\s*import\\s+(static\\s+)?(javafx|java\\.awt|javax\\.swing|javax\\.imageio|"
                                    + "vaeexplorer\\.ui|vaeexplorer\\.cli)\\b.*") || l.matches(".*\\b(javafx|java\\.awt)\\.[a-z]+\\.[A-Z].*"))
                            .map(l -> p + ": " + l.trim());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertTrue(Files.isDirectory(CORE), "the core package exists at " + CORE);
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }
}
