package vaeexplorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules between the ui's feature packages (see DESIGN.md, "The ui, by feature"), read from the sources: a file
 * depends on another when it imports it, names it by its full name, or (in the same package) uses its simple name.
 */
class UiLayeringTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final String UI = "vaeexplorer.ui.";
    /** Packages every part of the ui may use, and which use no feature themselves. */
    private static final Set<String> BASE = Set.of("vaeexplorer.ui.i18n", "vaeexplorer.ui.widgets", "vaeexplorer.ui.concurrent");

    /** class name -> the classes it depends on */
    private static final Map<String, Set<String>> DEPS = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
                String cls = MAIN.relativize(f).toString().replace('\\', '/').replace('/', '.').replaceAll("\\.java$", "");
                sources.put(cls, Files.readString(f));
            }
        }
        Pattern fullName = Pattern.compile("\\b(vaeexplorer(?:\\.\\w+)+)");
        for (var e : sources.entrySet()) {
            String cls = e.getKey();
            String code = e.getValue().replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "")
                    .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
            Set<String> deps = new TreeSet<>();
            Matcher m = fullName.matcher(code);
            while (m.find()) {
                String name = m.group(1);
                while (!sources.containsKey(name) && name.indexOf('.') > 0) name = name.substring(0, name.lastIndexOf('.'));
                if (sources.containsKey(name) && !name.equals(cls)) deps.add(name);
            }
            for (String other : sources.keySet())
                if (!other.equals(cls) && pkg(other).equals(pkg(cls))
                        && Pattern.compile("\\b" + simpleName(other) + "\\b").matcher(code).find()) deps.add(other);
            DEPS.put(cls, deps);
        }
    }

    private static String pkg(String cls) {
        return cls.substring(0, cls.lastIndexOf('.'));
    }

    private static String simpleName(String cls) {
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    /** The ui package a class belongs to ("vaeexplorer.ui.lessons.manifold"), or null outside the ui. */
    private static String uiPackage(String cls) {
        return cls.startsWith(UI) ? pkg(cls) : null;
    }

    private static boolean in(String cls, String pkgPrefix) {
        return cls.startsWith(pkgPrefix + ".");
    }

    private static List<String> offenders(java.util.function.BiPredicate<String, String> forbidden) {
        List<String> out = new ArrayList<>();
        DEPS.forEach((cls, deps) -> deps.forEach(d -> {
            if (forbidden.test(cls, d)) out.add(cls + " -> " + d);
        }));
        return out;
    }

    @Test
    void theSourcesAreRead() {
        assertTrue(DEPS.containsKey("vaeexplorer.ui.app.Explorer"), DEPS.keySet().toString());
        assertTrue(DEPS.get("vaeexplorer.ui.app.Explorer").contains("vaeexplorer.ui.app.MainView"), "same-package use is seen");
        assertTrue(DEPS.get("vaeexplorer.ui.app.Explorer").contains("vaeexplorer.ui.training.TrainingModel"), "imports are seen");
    }

    @Test
    void nothingImportsTheAppPackage() {
        List<String> bad = offenders((c, d) -> in(d, "vaeexplorer.ui.app") && !in(c, "vaeexplorer.ui.app")
                && !c.equals("vaeexplorer.Main"));
        assertTrue(bad.isEmpty(), "only ui.app wires the features together:\n" + String.join("\n", bad));
    }

    @Test
    void textsWidgetsAndExecutorsUseNoFeature() {
        List<String> bad = offenders((c, d) -> BASE.contains(uiPackage(c) == null ? "" : uiPackage(c)) && d.startsWith(UI)
                && !BASE.contains(uiPackage(d)));
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void theLatentPlotUsesNoOtherFeature() {
        List<String> bad = offenders((c, d) -> in(c, "vaeexplorer.ui.latent") && d.startsWith(UI)
                && !in(d, "vaeexplorer.ui.latent") && !BASE.contains(uiPackage(d)));
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void lessonsSeeTheLatentPlotButNotTraining() {
        List<String> bad = offenders((c, d) -> in(c, "vaeexplorer.ui.lessons") && in(d, "vaeexplorer.ui.training"));
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void dataSeesNeitherTrainingNorSessions() {
        List<String> bad = offenders((c, d) -> in(c, "vaeexplorer.ui.datasets")
                && (in(d, "vaeexplorer.ui.training") || in(d, "vaeexplorer.ui.session")));
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void noUiPackageHasMoreThanTwentyFilesAndNoFileLiesLooseInUi() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String c : DEPS.keySet()) if (uiPackage(c) != null) counts.merge(uiPackage(c), 1, Integer::sum);
        counts.forEach((p, n) -> assertTrue(n <= 20, p + " has " + n + " files"));
        assertEquals(null, counts.get("vaeexplorer.ui"), "files directly in vaeexplorer.ui");
    }

    @Test
    void noCircleBetweenUiFiles() {
        // Tarjan's strongly connected components over the ui's files
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        List<String> stack = new ArrayList<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<List<String>> circles = new ArrayList<>();
        int[] counter = {0};
        for (String v : DEPS.keySet())
            if (uiPackage(v) != null && !index.containsKey(v)) strongConnect(v, index, low, stack, onStack, circles, counter);
        assertTrue(circles.isEmpty(), "files that depend on each other: " + circles);
    }

    private static void strongConnect(String v, Map<String, Integer> index, Map<String, Integer> low, List<String> stack,
                                      Set<String> onStack, List<List<String>> circles, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.add(v);
        onStack.add(v);
        for (String w : DEPS.getOrDefault(v, Set.of())) {
            if (uiPackage(w) == null) continue;
            if (!index.containsKey(w)) {
                strongConnect(w, index, low, stack, onStack, circles, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.remove(stack.size() - 1);
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) circles.add(component);
        }
    }
}
