package vaeexplorer.core.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import vaeexplorer.core.About;
import vaeexplorer.core.data.idx.IdxReader;
import vaeexplorer.core.nn.Dense;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.MemoryPlan;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

/**
 * A {@link Vae} as a PyTorch state dict in a {@code .safetensors} file. Weights are {@code torch.nn.Linear}'s
 * [out, in] (VAE Explorer keeps in x out); biases [out]. Three naming schemes are read:
 * <ul>
 * <li>{@link Names#EXAMPLES}, pytorch/examples' {@code vae/main.py}: {@code fc1} (encoder), {@code fc21} (mu),
 * {@code fc22} (log sigma^2), {@code fc3} (decoder), {@code fc4} (output logits); one hidden layer;</li>
 * <li>{@link Names#REFERENCE}, the reference script {@code vae_reference.py}: {@code e1, mu, lv, d1, d2};</li>
 * <li>{@link Names#VAE_EXPLORER}, for any number of hidden layers: {@code enc.0 .. enc.<n-1>} (encoder, ReLU after
 * each), {@code mu}, {@code logvar}, {@code dec.0 .. dec.<n-1>} (decoder, mirrored sizes, ReLU after each),
 * {@code out} (output: logits for Bernoulli, means for Gaussian); that is, the state dict of a module with
 * {@code nn.ModuleList}s {@code enc} and {@code dec} and Linear layers {@code mu}, {@code logvar}, {@code out}.</li>
 * </ul>
 * Each tensor name is {@code <layer>.weight} or {@code <layer>.bias}; the file must hold exactly one scheme's tensors.
 * Sizes (input, hidden, latent) come from the shapes. The likelihood comes from {@code __metadata__} ("likelihood",
 * "sigma_x"), else from the caller; written files carry latent, hidden, likelihood, sigma_x, dataset and input_shape
 * there too. Writing uses EXAMPLES for one hidden layer, VAE_EXPLORER otherwise.
 */
public final class SafeTensorsModel {
    private SafeTensorsModel() {}

    /** The naming schemes; see the class comment. */
    public enum Names {
        EXAMPLES("pytorch/examples vae/main.py (fc1, fc21, fc22, fc3, fc4)"),
        REFERENCE("vae_reference.py (e1, mu, lv, d1, d2)"),
        VAE_EXPLORER("VAE Explorer (enc.0.., mu, logvar, dec.0.., out)");

        private final String description;

        Names(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }

        /** The layer names in VAE Explorer's order: encoder layers, mu, log sigma^2, decoder layers, output. */
        List<String> layers(int hiddenLayers) {
            return switch (this) {
                case EXAMPLES -> List.of("fc1", "fc21", "fc22", "fc3", "fc4");
                case REFERENCE -> List.of("e1", "mu", "lv", "d1", "d2");
                case VAE_EXPLORER -> {
                    List<String> l = new ArrayList<>();
                    for (int i = 0; i < hiddenLayers; i++) l.add("enc." + i);
                    l.add("mu");
                    l.add("logvar");
                    for (int i = 0; i < hiddenLayers; i++) l.add("dec." + i);
                    l.add("out");
                    yield l;
                }
            };
        }
    }

    /** What to expect, said in every refusal of an unknown layout. */
    static final String EXPECTED = "expected the MLP VAE of pytorch/examples vae/main.py (fc1, fc21 = mu, fc22 = log sigma^2, "
            + "fc3, fc4), of vae_reference.py (e1, mu, lv, d1, d2) or VAE Explorer's (enc.0.., mu, logvar, dec.0.., out), "
            + "each as <layer>.weight [out, in] and <layer>.bias [out]";

    /** Reads a model; {@code likelihoodIfMissing} (may be null) is used when the file's metadata names none. */
    public static ModelFile.Loaded load(Path file, Likelihood likelihoodIfMissing) throws FileFormatException {
        // validate before allocating: a file that is no VAE of ours, or one too large to use, is refused from its
        // header, before its tensors are read
        SafeTensors.Header header = SafeTensors.readHeader(file);
        plan(file.toString(), header.shapes(), header.metadata(), likelihoodIfMissing);
        return fromContents(file.toString(), SafeTensors.read(file), likelihoodIfMissing);
    }

    /** What a file's header says the model is, checked. */
    private record Plan(Names names, int hiddenLayers, List<String> layers, VaeConfig config, int[] imageShape) {}

    public static ModelFile.Loaded fromContents(String where, SafeTensors.Contents c, Likelihood likelihoodIfMissing)
            throws FileFormatException {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (SafeTensors.Tensor x : c.tensors().values()) shapes.put(x.name(), x.shape());
        Plan plan = plan(where, shapes, c.metadata(), likelihoodIfMissing);
        Map<String, SafeTensors.Tensor> t = c.tensors();
        Map<String, String> meta = c.metadata();
        Names names = plan.names();
        int hiddenLayers = plan.hiddenLayers(), latent = plan.config().latent();
        List<String> layers = plan.layers();
        int[] imageShape = plan.imageShape();

        Vae vae = new Vae(plan.config(), new Rng(0));
        List<Dense> ours = vae.layers(); // encoder..., head, decoder..., out
        for (int i = 0; i < hiddenLayers; i++) copyIn(t, layers.get(i), ours.get(i), 0);
        // head = [mu | log sigma^2]: mu fills its first latent outputs, log sigma^2 the next
        copyIn(t, layers.get(hiddenLayers), ours.get(hiddenLayers), 0);
        copyIn(t, layers.get(hiddenLayers + 1), ours.get(hiddenLayers), latent);
        for (int i = 0; i <= hiddenLayers; i++) copyIn(t, layers.get(hiddenLayers + 2 + i), ours.get(hiddenLayers + 1 + i), 0);

        Properties info = new Properties();
        info.setProperty("format", "safetensors");
        info.setProperty("names", names.name().toLowerCase(Locale.ROOT));
        info.setProperty("dataset", meta.getOrDefault("dataset", ""));
        if (meta.containsKey("beta")) info.setProperty("beta", meta.get("beta"));
        for (String k : List.of("source", "epochs"))
            if (meta.containsKey(k)) info.setProperty(k, meta.get(k));
        if (imageShape != null) {
            info.setProperty("image_rows", String.valueOf(imageShape[0]));
            info.setProperty("image_cols", String.valueOf(imageShape[1]));
        }
        return new ModelFile.Loaded(vae, info, Map.of());
    }

    /** Checks the tensors' names and shapes and the metadata; the model they make, before anything is allocated. */
    private static Plan plan(String where, Map<String, int[]> t, Map<String, String> meta, Likelihood likelihoodIfMissing)
            throws FileFormatException {
        Names names;
        int hiddenLayers = 1;
        if (t.containsKey("fc1.weight")) names = Names.EXAMPLES;
        else if (t.containsKey("e1.weight")) names = Names.REFERENCE;
        else if (t.containsKey("enc.0.weight")) {
            names = Names.VAE_EXPLORER;
            while (t.containsKey("enc." + hiddenLayers + ".weight")) hiddenLayers++;
        } else {
            throw new FileFormatException(FileProblem.PYTORCH_UNKNOWN_LAYOUT, where, list(t.keySet()));
        }
        List<String> layers = names.layers(hiddenLayers);
        Set<String> expected = new LinkedHashSet<>();
        for (String l : layers) {
            expected.add(l + ".weight");
            expected.add(l + ".bias");
        }
        if (!expected.equals(t.keySet())) {
            Set<String> missing = new TreeSet<>(expected), extra = new TreeSet<>(t.keySet());
            missing.removeAll(t.keySet());
            extra.removeAll(expected);
            if (extra.isEmpty()) throw new FileFormatException(FileProblem.PYTORCH_LACKS, where, names, list(missing));
            if (missing.isEmpty()) throw new FileFormatException(FileProblem.PYTORCH_EXTRA, where, names, list(extra));
            throw new FileFormatException(FileProblem.PYTORCH_LACKS_AND_EXTRA, where, names, list(missing), list(extra));
        }
        for (String l : layers) {
            if (t.get(l + ".weight").length != 2)
                throw new FileFormatException(FileProblem.PYTORCH_WEIGHT_RANK, where, l, Arrays.toString(t.get(l + ".weight")));
        }
        // sizes from the encoder: enc_i.weight is [h_i, h_{i-1}] with h_{-1} = input; mu.weight is [latent, h_last]
        int input = t.get(layers.get(0) + ".weight")[1];
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < hiddenLayers; i++) hidden.add(t.get(layers.get(i) + ".weight")[0]);
        int latent = t.get(layers.get(hiddenLayers) + ".weight")[0];
        // the shape every layer must then have, in VAE Explorer's layer order (the head is mu and log sigma^2)
        List<int[]> shapes = new ArrayList<>();
        int in = input;
        for (int h : hidden) {
            shapes.add(new int[] {h, in});
            in = h;
        }
        shapes.add(new int[] {latent, in});
        shapes.add(new int[] {latent, in});
        in = latent;
        for (int i = hiddenLayers - 1; i >= 0; i--) {
            shapes.add(new int[] {hidden.get(i), in});
            in = hidden.get(i);
        }
        shapes.add(new int[] {input, in});
        for (int i = 0; i < layers.size(); i++) {
            String l = layers.get(i);
            int[] w = t.get(l + ".weight"), b = t.get(l + ".bias");
            if (!Arrays.equals(w, shapes.get(i)))
                throw new FileFormatException(i > hiddenLayers + 1 ? FileProblem.PYTORCH_DECODER_SHAPE
                        : FileProblem.PYTORCH_WEIGHT_SHAPE, where, l, Arrays.toString(w), Arrays.toString(shapes.get(i)),
                        input, hidden.toString(), latent, layers.get(0), layers.get(hiddenLayers));
            if (!Arrays.equals(b, new int[] {w[0]}))
                throw new FileFormatException(FileProblem.PYTORCH_BIAS_SHAPE, where, l, Arrays.toString(b), w[0]);
        }

        Properties metaProps = new Properties();
        metaProps.putAll(meta);
        Likelihood likelihood;
        VaeConfig config;
        int[] imageShape;
        try {
            if (meta.containsKey("likelihood")) likelihood = Likelihood.parse(meta.get("likelihood").trim());
            else if (likelihoodIfMissing != null) likelihood = likelihoodIfMissing;
            else
                throw new FileFormatException(FileProblem.NO_LIKELIHOOD, where);
            double sigma = ModelFile.number(metaProps, "sigma_x", VaeConfig.DEFAULT_GAUSSIAN_SIGMA);
            config = new VaeConfig(input, hidden, latent, likelihood, sigma);
            imageShape = imageShape(meta.get("input_shape"), input);
            MemoryPlan.checkEvaluation(config);
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(FileProblem.CONFIG_INVALID, where, e.getMessage());
        }

        return new Plan(names, hiddenLayers, layers, config, imageShape);
    }

    /**
     * The image's rows and columns from {@code __metadata__}'s input_shape ("rows,cols", "[1, rows, cols]" ...: the
     * last two numbers), null when the file gives none; they must make the input size.
     */
    private static int[] imageShape(String text, int input) {
        if (text == null || text.isBlank()) return null;
        String[] rc = text.replaceAll("[\\[\\]()\\s]", "").split(",");
        int rows = rc.length < 2 ? -1 : side(rc[rc.length - 2]), cols = rc.length < 2 ? -1 : side(rc[rc.length - 1]);
        if (rows < 0 || cols < 0)
            throw new IllegalArgumentException("input_shape must be rows,cols, whole numbers from 1 to " + IdxReader.MAX_SIDE
                    + ", got '" + ModelFile.shorten(text) + "'");
        if ((long) rows * cols != input)
            throw new IllegalArgumentException("input_shape " + rows + "x" + cols + " is " + (long) rows * cols
                    + " pixels but the first layer takes " + input);
        return new int[] {rows, cols};
    }

    /** A side of an image from 1 to the largest, or -1. */
    private static int side(String v) {
        try {
            int n = Integer.parseInt(v);
            return n >= 1 && n <= IdxReader.MAX_SIDE ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Ours (in x out, columns from {@code colOffset}) from PyTorch's [out, in]: W[i][colOffset + o] = T[o][i]. */
    private static void copyIn(Map<String, SafeTensors.Tensor> t, String layer, Dense d, int colOffset) {
        float[] w = t.get(layer + ".weight").values(), b = t.get(layer + ".bias").values();
        int out = b.length, in = d.in;
        float[] ours = d.weight.value.data, bias = d.bias.value.data;
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) ours[i * d.out + colOffset + o] = w[o * in + i];
            bias[colOffset + o] = b[o];
        }
    }

    /** PyTorch's [out, in] from ours (columns from {@code colOffset}, {@code out} of them). */
    private static void copyOut(List<SafeTensors.Tensor> to, String layer, Dense d, int colOffset, int out) {
        int in = d.in;
        float[] w = new float[out * in], b = new float[out];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) w[o * in + i] = d.weight.value.data[i * d.out + colOffset + o];
            b[o] = d.bias.value.data[colOffset + o];
        }
        to.add(new SafeTensors.Tensor(layer + ".weight", new int[] {out, in}, w));
        to.add(new SafeTensors.Tensor(layer + ".bias", new int[] {out}, b));
    }

    /** The naming scheme a model is written with: pytorch/examples' for one hidden layer, VAE Explorer's otherwise. */
    public static Names namesFor(VaeConfig c) {
        return c.hidden().size() == 1 ? Names.EXAMPLES : Names.VAE_EXPLORER;
    }

    /** The model's tensors in the given scheme (EXAMPLES and REFERENCE need one hidden layer). */
    public static List<SafeTensors.Tensor> tensors(Vae vae, Names names) {
        VaeConfig c = vae.config();
        int n = c.hidden().size(), d = c.latent();
        if (names != Names.VAE_EXPLORER && n != 1)
            throw new IllegalArgumentException(names + " names have one hidden layer; this model has " + n);
        List<String> layers = names.layers(n);
        List<Dense> ours = vae.layers();
        List<SafeTensors.Tensor> out = new ArrayList<>();
        for (int i = 0; i < n; i++) copyOut(out, layers.get(i), ours.get(i), 0, ours.get(i).out);
        copyOut(out, layers.get(n), ours.get(n), 0, d);
        copyOut(out, layers.get(n + 1), ours.get(n), d, d);
        for (int i = 0; i <= n; i++) copyOut(out, layers.get(n + 2 + i), ours.get(n + 1 + i), 0, ours.get(n + 1 + i).out);
        return out;
    }

    /**
     * The {@code __metadata__} written: format "pt", source, names, latent, hidden, likelihood, sigma_x, and from
     * {@code info} (a model file's info: dataset, image_rows, image_cols, beta, epochs_done) dataset, input_shape
     * ("rows,cols") and beta when known.
     */
    public static Map<String, String> metadata(Vae vae, Properties info) {
        VaeConfig c = vae.config();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "pt");
        m.put("source", "VAE Explorer " + About.version());
        m.put("names", namesFor(c).name().toLowerCase(Locale.ROOT));
        m.put("latent", String.valueOf(c.latent()));
        m.put("hidden", c.hiddenText());
        m.put("likelihood", c.likelihood().id());
        m.put("sigma_x", String.valueOf(c.gaussianSigma()));
        m.put("input_size", String.valueOf(c.inputSize()));
        String dataset = info.getProperty("dataset", "");
        if (!dataset.isEmpty()) m.put("dataset", dataset);
        String rows = info.getProperty("image_rows"), cols = info.getProperty("image_cols");
        if (rows == null || cols == null) {
            int side = (int) Math.round(Math.sqrt(c.inputSize()));
            if (side * side == c.inputSize()) rows = cols = String.valueOf(side);
        }
        if (rows != null && cols != null) m.put("input_shape", rows + "," + cols);
        for (String k : List.of("beta", "epochs_done"))
            if (info.getProperty(k) != null) m.put(k, info.getProperty(k));
        return m;
    }

    /** Writes the model (atomically) with {@link #namesFor} names and {@link #metadata}. */
    public static void save(Path file, Vae vae, Properties info) throws IOException {
        SafeTensors.write(file, tensors(vae, namesFor(vae.config())), metadata(vae, info));
    }

    private static String list(Set<String> names) {
        List<String> l = new ArrayList<>(names);
        return l.size() <= 12 ? l.toString() : l.subList(0, 12) + " and " + (l.size() - 12) + " more";
    }
}
