package vaeexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export-latent --projection pca}: each image's coordinates along the principal components of all the means,
 * and the components in a side file; both agree with what the exported means give when worked out here.
 */
class ExportLatentPcaTest {
    @TempDir
    Path dir;

    @Test
    void pcaColumnsAreTheMeansProjectedOntoTheComponentsOfTheSideFile() throws Exception {
        Path model = dir.resolve("m.vae");
        CliRun t = CliRun.of("train", "--dataset", "mnist", "--latent", "3", "--hidden", "32", "--epochs", "1",
                "--batch", "100", "--threads", "1", "--out", model.toString());
        assertEquals(0, t.code(), t.err());
        Path csv = dir.resolve("codes.csv");
        CliRun x = CliRun.of("export-latent", "--model", model.toString(), "--dataset", "mnist", "--projection", "pca",
                "--out", csv.toString());
        assertEquals(0, x.code(), x.err());
        Path side = dir.resolve("codes.pca.csv");
        assertTrue(x.out().contains(side.toString()), x.out());

        List<String> rows = Files.readAllLines(csv);
        assertEquals("index,split,label,class_name,mu_1,mu_2,mu_3,sigma_1,sigma_2,sigma_3,pc_1,pc_2,pc_3,neg_elbo", rows.get(0));
        int n = rows.size() - 1;
        double[][] mu = new double[n][3], pc = new double[n][3];
        for (int i = 0; i < n; i++) {
            String[] f = rows.get(i + 1).split(",");
            for (int j = 0; j < 3; j++) {
                mu[i][j] = Double.parseDouble(f[4 + j]);
                pc[i][j] = Double.parseDouble(f[10 + j]);
            }
        }
        List<String> comps = Files.readAllLines(side);
        assertEquals("component,variance,explained,c_1,c_2,c_3", comps.get(0));
        assertEquals(4, comps.size());
        double[] mean = new double[3];
        for (double[] m : mu) for (int j = 0; j < 3; j++) mean[j] += m[j] / n;
        double explainedSum = 0, lastVariance = Double.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            String[] f = comps.get(k + 1).split(",");
            assertEquals("pc_" + (k + 1), f[0]);
            double variance = Double.parseDouble(f[1]);
            assertTrue(variance <= lastVariance, "sorted by variance");
            lastVariance = variance;
            explainedSum += Double.parseDouble(f[2]);
            double[] c = {Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])};
            // each row's pc_k = (mu - mean) . c_k, and the column's variance is the component's
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                double p = 0;
                for (int j = 0; j < 3; j++) p += (mu[i][j] - mean[j]) * c[j];
                assertEquals(p, pc[i][k], 1e-3 * (1 + Math.abs(p)), "row " + (i + 1) + " pc_" + (k + 1));
                sumSq += pc[i][k] * pc[i][k];
            }
            assertEquals(variance, sumSq / (n - 1), 2e-3 * (1 + variance), "variance of pc_" + (k + 1));
        }
        assertEquals(1, explainedSum, 1e-4);

        // without --projection: the same codes, no pc columns, no side file
        Path plain = dir.resolve("plain.csv");
        assertEquals(0, CliRun.of("export-latent", "--model", model.toString(), "--dataset", "mnist", "--out",
                plain.toString()).code());
        List<String> plainRows = Files.readAllLines(plain);
        assertEquals("index,split,label,class_name,mu_1,mu_2,mu_3,sigma_1,sigma_2,sigma_3,neg_elbo", plainRows.get(0));
        assertEquals(rows.size(), plainRows.size());
        assertFalse(Files.exists(dir.resolve("plain.pca.csv")));
    }

    @Test
    void anUnknownProjectionExitsTwoWithOneLine() {
        CliRun x = CliRun.of("export-latent", "--model", "x.vae", "--dataset", "mnist", "--projection", "tsne",
                "--out", dir.resolve("o.csv").toString());
        assertEquals(2, x.code(), x.err());
        assertTrue(x.err().contains("--projection must be none or pca, got 'tsne'"), x.err());
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }

    @Test
    void theSideFileIsNamedAfterTheOutput() {
        assertEquals(Path.of("a/latent.pca.csv"), ExportLatent.pcaFile(Path.of("a/latent.csv")));
        assertEquals(Path.of("a/latent.txt.pca.csv"), ExportLatent.pcaFile(Path.of("a/latent.txt")));
    }
}
