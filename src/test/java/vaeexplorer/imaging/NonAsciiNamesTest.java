package vaeexplorer.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image files whose names the platform encoding cannot spell (UTF-8 names under a C / POSIX locale) load: the
 * folder's listing and the decoder keep to NIO paths. The C locale is only set at JVM start, so a child JVM loads.
 */
class NonAsciiNamesTest {
    @TempDir
    Path dir;

    @Test
    void utf8NamesLoadUnderACLocale() throws Exception {
        List<String> names = List.of("café.png", "naïve.png", "日本.png", "Ωmega.png");
        for (String n : names) TestImages.write(TestImages.blob(20, 20, Color.WHITE, Color.BLACK), "png", dir.resolve("ü/" + n));
        TestImages.write(TestImages.blob(20, 20, Color.WHITE, Color.BLACK), "png", dir.resolve("plain/a.png"));
        List<String> out = runInCLocale(dir.toString());
        assumeFalse(out.get(0).toUpperCase(java.util.Locale.ROOT).contains("UTF"), "the child's encoding is not UTF-8");
        assertEquals("5", out.get(1), String.join("\n", out));
        assertEquals("[]", out.get(2));
    }

    private static List<String> runInCLocale(String folder) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                CLocaleLoad.class.getName(), folder);
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
        return List.of(text.split("\n"));
    }
}
