package vaeexplorer.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.train.LatentPca;
import vaeexplorer.core.vae.ImageScores;
import vaeexplorer.core.vae.ModelSnapshot;

/**
 * The latent coordinates of images as CSV: {@code index,split,label,class_name,mu_1..mu_d,sigma_1..sigma_d}
 * (split only when asked for), then optionally {@code pc_1..pc_k}, the coordinates along principal components. The label
 * is empty for unlabelled images.
 */
public final class LatentCsv {
    private LatentCsv() {}

    public static void writeHeader(Writer w, int latent, boolean withSplit) throws IOException {
        writeHeader(w, latent, withSplit, 0);
    }

    /** The header; with components > 0, the columns pc_1..pc_components follow sigma (see {@link LatentPca}). */
    public static void writeHeader(Writer w, int latent, boolean withSplit, int components) throws IOException {
        writeHeader(w, latent, withSplit, components, false);
    }

    /** As above; with negElbo, a last column {@code neg_elbo}: the image's -ELBO in nats (see {@link ImageScores}). */
    public static void writeHeader(Writer w, int latent, boolean withSplit, int components, boolean negElbo)
            throws IOException {
        StringBuilder b = new StringBuilder("index");
        if (withSplit) b.append(",split");
        b.append(",label,class_name");
        for (int j = 1; j <= latent; j++) b.append(",mu_").append(j);
        for (int j = 1; j <= latent; j++) b.append(",sigma_").append(j);
        for (int k = 1; k <= components; k++) b.append(",pc_").append(k);
        if (negElbo) b.append(",neg_elbo");
        w.write(b.append('\n').toString());
    }

    /** One row per image of the set, each encoded here; split is written when not null. */
    public static void writeRows(Writer w, ModelSnapshot model, Dataset set, String split) throws IOException {
        int d = model.latent();
        float[] x = new float[set.imageSize()], mu = new float[d], lv = new float[d], sigma = new float[d];
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < set.size(); i++) {
            set.copyImage(i, x, 0);
            model.encode(x, mu, lv);
            for (int j = 0; j < d; j++) sigma[j] = (float) Math.exp(0.5 * lv[j]);
            w.write(row(b, set, i, split, mu, sigma, 0, d, null, 0, null).toString());
        }
    }

    /**
     * One row per image of the set from codes already computed (mu and sigma, set.size() x d from offset row
     * {@code from}); with pca, its first {@code components} coordinates follow.
     */
    public static void writeRows(Writer w, Dataset set, String split, float[] mu, float[] sigma, int from, int d,
                                 LatentPca pca, int components) throws IOException {
        writeRows(w, set, split, mu, sigma, from, d, pca, components, null);
    }

    /** As above; with negElbo (one per image of the set), the {@code neg_elbo} column last. */
    public static void writeRows(Writer w, Dataset set, String split, float[] mu, float[] sigma, int from, int d,
                                 LatentPca pca, int components, double[] negElbo) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < set.size(); i++)
            w.write(row(b, set, i, split, mu, sigma, (from + i) * d, d, pca, components,
                    negElbo == null ? null : negElbo[i]).toString());
    }

    private static StringBuilder row(StringBuilder b, Dataset set, int i, String split, float[] mu, float[] sigma,
                                     int off, int d, LatentPca pca, int components, Double negElbo) {
        b.setLength(0);
        b.append(i);
        if (split != null) b.append(',').append(split);
        int label = set.label(i);
        b.append(',').append(label == Dataset.NO_LABEL ? "" : Integer.toString(label));
        b.append(',').append(quote(set.className(i)));
        for (int j = 0; j < d; j++) b.append(',').append(number(mu[off + j]));
        for (int j = 0; j < d; j++) b.append(',').append(number(sigma[off + j]));
        if (pca != null) {
            float[] z = java.util.Arrays.copyOfRange(mu, off, off + d);
            for (int k = 0; k < components; k++) b.append(',').append(number(pca.coordinate(z, k)));
        }
        if (negElbo != null) b.append(',').append(number(negElbo));
        return b.append('\n');
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /**
     * The principal components as CSV: {@code component,variance,explained,c_1..c_d} (explained: the share of the
     * total variance, 0..1; c: the unit direction in z).
     */
    public static void writeComponents(Writer w, LatentPca pca) throws IOException {
        int d = pca.latent();
        StringBuilder b = new StringBuilder("component,variance,explained");
        for (int j = 1; j <= d; j++) b.append(",c_").append(j);
        w.write(b.append('\n').toString());
        for (int k = 0; k < d; k++) {
            b.setLength(0);
            b.append("pc_").append(k + 1).append(',').append(number(pca.variance(k))).append(',')
                    .append(number(pca.explained(k)));
            for (int j = 0; j < d; j++) b.append(',').append(number(pca.component(k, j)));
            w.write(b.append('\n').toString());
        }
    }

    /** A CSV field, quoted when it holds a comma, quote or line break. */
    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
