package vaeexplorer.core.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CoreDataHasNoUiImportsTest {
    @Test
    void dataPackageUsesNeitherAwtNorImageIoNorJavaFx() throws IOException {
        Path src = Path.of("src/main/java/vaeexplorer/core/data");
        List<Path> files;
        try (Stream<Path> s = Files.list(src)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(files.size() > 10, "found the sources");
        for (Path f : files) {
            String text = Files.readString(f);
            for (String banned : new String[] {"java.awt", "javax.imageio", "javafx", "javax.swing"})
                assertTrue(!text.contains(banned), f + " mentions " + banned);
        }
    }
}
