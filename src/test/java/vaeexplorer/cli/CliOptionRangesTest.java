package vaeexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every option of every command that takes a value from a range: a value outside it is refused in one line that
 * names the flag and the allowed range (exit 2), before any data or model is read. The table is checked against the
 * options the commands declare, so a new option cannot be left out.
 */
class CliOptionRangesTest {
    /** The arguments each command needs besides the one under test (nothing they name exists: it must not be read). */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "train", List.of("--dataset", "no-such-data-is-loaded"),
            "evaluate", List.of("--model", "no-such-model.vae", "--dataset", "no-such-data-is-loaded"),
            "bench", List.of("--dataset", "no-such-data-is-loaded"),
            "export-latent", List.of("--model", "no-such-model.vae", "--dataset", "no-such-data-is-loaded", "--out", "x.csv"),
            "convert", List.of("--model", "no-such-model.vae", "--out", "x.safetensors"),
            "bench-inference", List.of("--dataset", "no-such-data-is-loaded"),
            "soak", List.of("--dataset", "no-such-data-is-loaded"));

    /** Options whose value is a name (a file, a data set): no range to check here. */
    private static final Map<String, Set<String>> NAMES = Map.of(
            "train", Set.of("dataset", "out"), "evaluate", Set.of("model", "dataset"), "bench", Set.of("dataset"),
            "export-latent", Set.of("model", "dataset", "out"), "convert", Set.of("model", "out"),
            "bench-inference", Set.of("dataset"), "soak", Set.of("dataset"));

    private static final Map<String, Set<String>> DECLARED = Map.of(
            "train", TrainCommand.OPTIONS, "evaluate", EvaluateCommand.OPTIONS, "bench", BenchCommand.OPTIONS,
            "export-latent", ExportLatent.OPTIONS, "convert", ConvertCommand.OPTIONS,
            "bench-inference", InferenceBench.OPTIONS, "soak", Soak.OPTIONS);

    /** command, option, a value out of range (or not of the kind), the range the message must state. */
    static Stream<Arguments> table() {
        String threads = "a whole number from 1 to 256", latent = "a whole number from 1 to 64",
                batch = "a whole number from 1 to 8192", hidden = "1 to 4 whole numbers from 1 to 4096",
                likelihood = "bernoulli or gaussian";
        return Stream.of(
                row("train", "lr", "0", "a number above 0 and up to 100"),
                row("train", "lr", "1e9", "a number above 0 and up to 100"),
                row("train", "beta", "-5", "a number from 0 to 1000"),
                row("train", "beta", "abc", "a number from 0 to 1000"),
                row("train", "sigma-x", "1e-300", "a number from 0.001 to 100"),
                row("train", "batch", "0", batch),
                row("train", "epochs", "1e3", "a whole number from 1 to 100000"),
                row("train", "latent", "65", latent),
                row("train", "hidden", "0", hidden),
                row("train", "hidden", "8,8,8,8,8", hidden),
                row("train", "seed", "1.5", "a whole number from -9223372036854775808 to 9223372036854775807"),
                row("train", "threads", "999", threads),
                row("train", "likelihood", "poisson", likelihood),
                row("train", "optimizer", "rmsprop", "adam or sgd"),
                row("evaluate", "threads", "0", threads),
                row("evaluate", "likelihood", "x", likelihood),
                row("evaluate", "iwae", "0", "a whole number from 1 to"),
                row("evaluate", "grid", "1", "a whole number from"),
                row("bench", "latent", "0", latent),
                row("bench", "hidden", "x", hidden),
                row("bench", "batch", "9000", batch),
                row("bench", "threads", "-1", threads),
                row("bench", "seconds", "86400", "a number from 0.1 to 3600"),
                row("bench", "seed", "x", "a whole number from"),
                row("export-latent", "likelihood", "x", likelihood),
                row("export-latent", "projection", "tsne", "none or pca"),
                row("convert", "likelihood", "x", likelihood),
                row("bench-inference", "latent", "100", latent),
                row("bench-inference", "hidden", "5000", hidden),
                row("bench-inference", "threads", "0", threads),
                row("soak", "steps", "0", "a whole number from 1 to 2147483647"),
                row("soak", "hidden", "-1", hidden),
                row("soak", "latent", "0", latent),
                row("soak", "batch", "0", batch),
                row("soak", "reports", "1001", "a whole number from 1 to 1000"));
    }

    private static Arguments row(String command, String option, String value, String range) {
        return Arguments.of(command, option, value, range);
    }

    @ParameterizedTest(name = "{0} --{1} {2}")
    @MethodSource("table")
    void aValueOutOfRangeIsRefusedNamingItsFlagAndTheRange(String command, String option, String value, String range) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(REQUIRED.get(command));
        args.add("--" + option);
        args.add(value);
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        String expected = "error: " + command + ": --" + option + " must be " + range;
        assertTrue(r.err().startsWith(expected), "expected '" + expected + "...', got " + r.err());
        assertTrue(r.err().contains(value), "the value given is named: " + r.err());
        assertFalse(r.err().contains("no-such"), "refused before anything is read: " + r.err());
    }

    @Test
    void theTableCoversEveryOptionOfEveryCommand() {
        for (Map.Entry<String, Set<String>> c : DECLARED.entrySet()) {
            Set<String> covered = new TreeSet<>(NAMES.get(c.getKey()));
            table().map(Arguments::get).filter(a -> a[0].equals(c.getKey())).forEach(a -> covered.add((String) a[1]));
            assertEquals(new TreeSet<>(c.getValue()), covered, c.getKey());
        }
    }

    @Test
    void sigmaXWithTheBernoulliLikelihoodIsRefusedNotIgnored() {
        for (List<String> likelihood : List.of(List.<String>of(), List.of("--likelihood", "bernoulli"))) {
            List<String> args = new ArrayList<>(List.of("train", "--dataset", "no-such-data-is-loaded", "--sigma-x", "0.5"));
            args.addAll(likelihood);
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, r.code(), r.err());
            assertEquals("error: train: --sigma-x is the Gaussian likelihood's; it means nothing with --likelihood "
                    + "bernoulli (give --likelihood gaussian, or leave --sigma-x out)", r.err().strip());
        }
        // with gaussian it is taken: the run gets as far as the (missing) data set
        CliRun g = CliRun.of("train", "--dataset", "no-such-data-is-loaded", "--likelihood", "gaussian", "--sigma-x", "0.5");
        assertEquals(2, g.code(), g.err());
        assertTrue(g.err().contains("no-such-data-is-loaded"), g.err());
    }
}
