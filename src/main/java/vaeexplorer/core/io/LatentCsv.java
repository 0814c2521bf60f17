package vaeexplorer.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import vaeexplorer.core.data.Dataset;
import vaeexplorer.core.vae.ModelSnapshot;

/**
 * The latent coordinates of images as CSV: {@code index,split,label,class_name,mu_1..mu_d,sigma_1..sigma_d}
 * (split only when asked for). The label is empty for unlabelled images.
 */
public final class LatentCsv {
    private LatentCsv() {}

    public static void writeHeader(Writer w, int latent, boolean withSplit) throws IOException {
        StringBuilder b = new StringBuilder("index");
        if (withSplit) b.append(",split");
        b.append(",label,class_name");
        for (int j = 1; j <= latent; j++) b.append(",mu_").append(j);
        for (int j = 1; j <= latent; j++) b.append(",sigma_").append(j);
        w.write(b.append('\n').toString());
    }

    /** One row per image of the set; split is written when not null. */
    public static void writeRows(Writer w, ModelSnapshot model, Dataset set, String split) throws IOException {
        int d = model.latent();
        float[] x = new float[set.imageSize()], mu = new float[d], lv = new float[d];
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < set.size(); i++) {
            set.copyImage(i, x, 0);
            model.encode(x, mu, lv);
            b.setLength(0);
            b.append(i);
            if (split != null) b.append(',').append(split);
            int label = set.label(i);
            b.append(',').append(label == Dataset.NO_LABEL ? "" : Integer.toString(label));
            b.append(',').append(quote(set.className(i)));
            for (int j = 0; j < d; j++) b.append(',').append(String.format(Locale.ROOT, "%.6g", mu[j]));
            for (int j = 0; j < d; j++) b.append(',').append(String.format(Locale.ROOT, "%.6g", Math.exp(0.5 * lv[j])));
            w.write(b.append('\n').toString());
        }
    }

    /** A CSV field, quoted when it holds a comma, quote or line break. */
    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
