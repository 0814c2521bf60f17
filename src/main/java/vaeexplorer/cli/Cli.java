package vaeexplorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import vaeexplorer.core.data.DataException;
import vaeexplorer.core.io.FileFormatException;
import vaeexplorer.core.nn.MatMul;
import vaeexplorer.core.train.TrainingDivergedException;

/**
 * The command line: {@code train}, {@code evaluate}, {@code bench}, {@code export-latent}, {@code help}. Every failure
 * the user can cause ends in one line on stderr and an exit code: 2 for bad arguments or files, 3 when training
 * diverged. No stack traces.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int DIVERGED = 3;

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static final String USAGE = String.join("\n",
            "usage: java -jar vae-explorer.jar [COMMAND [OPTIONS]]     (no command: open the app)",
            "",
            "  train --dataset mnist|fashion-mnist|DIR|FILE.csv [--latent 2] [--hidden 512[,256]]",
            "        [--likelihood bernoulli|gaussian] [--sigma-x 0.1] [--beta 1] [--lr 1e-3] [--optimizer adam|sgd]",
            "        [--batch 128] [--epochs 5] [--seed 1] [--threads N] [--out FILE] [--json]",
            "  evaluate --model FILE|FILE.safetensors --dataset ... [--likelihood bernoulli|gaussian] [--iwae K] [--grid N]",
            "           [--threads N] [--json]",
            "  bench [--dataset mnist] [--latent 2] [--hidden 512] [--batch 128] [--threads N] [--seconds 20] [--json]",
            "  export-latent --model FILE|FILE.safetensors --dataset ... [--likelihood ...] [--projection pca] --out FILE.csv",
            "  convert --model FILE --out FILE.safetensors   (to PyTorch; an --out without .safetensors converts back)",
            "  bench-inference [--dataset mnist] [--latent 2] [--hidden 512] [--threads N] [--json]",
            "  bench-ui   (needs a display, e.g. xvfb-run: frame timing while dragging during training)",
            "  soak [--steps 100000] [--hidden 32] [--batch 32] [--json]   (memory over a long run)",
            "  help | --version",
            "",
            "Losses are means per image in nats: loss = recon + beta * kl (test_loss on held-out data).");

    /** Runs a command and returns the process exit code. */
    public int run(String[] argv) {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help") || argv[0].equals("-h")) {
            out.println(USAGE);
            return OK;
        }
        if (argv[0].equals("--version") || argv[0].equals("version")) {
            out.println(vaeexplorer.core.About.versionLine());
            return OK;
        }
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        try {
            return switch (argv[0]) {
                case "train" -> TrainCommand.run(rest, out, err);
                case "evaluate" -> EvaluateCommand.run(rest, out, err);
                case "bench" -> BenchCommand.run(rest, out, err);
                case "export-latent" -> ExportLatent.run(rest, out);
                case "convert" -> ConvertCommand.run(rest, out);
                case "soak" -> Soak.run(rest, out, err);
                case "bench-inference" -> InferenceBench.run(rest, out, err);
                default -> throw new UsageException("unknown command '" + argv[0] + "' (commands: train, evaluate, bench, "
                        + "export-latent, convert, bench-inference, soak, help)");
            };
        } catch (UsageException | DataException | FileFormatException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return BAD_INPUT;
        } catch (TrainingDivergedException e) {
            err.println("error: " + e.getMessage());
            return DIVERGED;
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory; try a smaller data set, batch or model, or a larger -Xmx");
            return BAD_INPUT;
        }
    }

    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    static MatMul matMul(int threads) {
        return vaeexplorer.core.nn.backend.MatMulBackends.create(threads);
    }
}
