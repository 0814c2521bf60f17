package vaeexplorer.core.io;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import vaeexplorer.core.data.idx.IdxReader;
import vaeexplorer.core.nn.Param;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.MemoryPlan;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

/**
 * A trained model in a {@link SectionFile}: section "config" (UTF-8 key=value lines: the architecture and where the
 * data came from) and section "params" (per parameter: name, rows, cols, float32 values, in the model's parameter
 * order). Session files are model files with more sections, so anything that opens a model opens a session too.
 *
 * <p>Nothing read is trusted: every config value is parsed and range-checked with a message in words naming the key,
 * and the network the config declares is checked against the size of the parameters section before any of it is
 * allocated (a small file cannot make the program allocate a huge network).
 */
public final class ModelFile {
    private ModelFile() {}

    /** A model read from a file, with whatever other sections the file held. */
    public record Loaded(Vae vae, Properties info, Map<String, byte[]> sections) {
        /** The name of the data set the model was trained on ("mnist", a path ...), or "" if unknown. */
        public String dataset() {
            return info.getProperty("dataset", "");
        }
    }

    /** The sections that describe a model; callers may add their own before writing. */
    public static Map<String, byte[]> sections(Vae vae, Map<String, String> extraInfo) {
        Map<String, byte[]> s = new LinkedHashMap<>();
        s.put("config", SectionFile.text(configText(vae.config(), extraInfo)));
        s.put("params", paramsBytes(vae));
        return s;
    }

    /**
     * Saves a model: the parameters are written from the model's own arrays while the file is written, through a
     * small buffer, so a save needs no second copy of a large model (as bytes) in memory.
     */
    public static void save(Path file, Vae vae, Map<String, String> extraInfo) throws IOException {
        SectionFile.writeBodies(file, bodies(vae.config(), values(vae), extraInfo));
    }

    /** The sections of a model whose weights are {@code values} (in parameter order), made while they are written. */
    static Map<String, SectionFile.Body> bodies(VaeConfig config, List<float[]> values, Map<String, String> extraInfo) {
        Map<String, SectionFile.Body> s = new LinkedHashMap<>();
        s.put("config", SectionFile.Body.of(SectionFile.text(configText(config, extraInfo))));
        s.put("params", paramsBody(config, values));
        return s;
    }

    static List<float[]> values(Vae vae) {
        List<float[]> v = new ArrayList<>();
        for (Param p : vae.params()) v.add(p.value.data);
        return v;
    }

    /** The parameters section of a model of this configuration with these weights, written as the file is. */
    static SectionFile.Body paramsBody(VaeConfig config, List<float[]> values) {
        List<Vae.ParamShape> shapes = Vae.paramShapes(config);
        if (shapes.size() != values.size())
            throw new IllegalArgumentException(values.size() + " parameter arrays for a model of " + shapes.size());
        long length = 4;
        for (Vae.ParamShape s : shapes)
            length += 2 + s.name().getBytes(StandardCharsets.UTF_8).length + 8 + 4L * s.rows() * s.cols();
        return new SectionFile.Body(length, out -> {
            DataOutputStream o = new DataOutputStream(out);
            o.writeInt(shapes.size());
            for (int k = 0; k < shapes.size(); k++) {
                Vae.ParamShape s = shapes.get(k);
                o.writeUTF(s.name());
                o.writeInt(s.rows());
                o.writeInt(s.cols());
                o.flush();
                writeFloats(out, values.get(k), s.rows() * s.cols());
            }
            o.flush();
        });
    }

    /** The first n values of a as big-endian float32, through a buffer of at most 64 KiB. */
    static void writeFloats(OutputStream out, float[] a, int n) throws IOException {
        byte[] buf = new byte[4 * Math.max(1, Math.min(n, 1 << 14))];
        FloatBuffer f = ByteBuffer.wrap(buf).asFloatBuffer();
        for (int i = 0; i < n; ) {
            int k = Math.min(n - i, buf.length / 4);
            f.clear();
            f.put(a, i, k);
            out.write(buf, 0, 4 * k);
            i += k;
        }
    }

    public static Loaded load(Path file) throws FileFormatException {
        return fromSections(file.toString(), SectionFile.read(file));
    }

    public static Loaded fromSections(String where, Map<String, byte[]> sections) throws FileFormatException {
        byte[] cfg = sections.get("config"), params = sections.get("params");
        if (cfg == null || params == null)
            throw new FileFormatException(FileProblem.NOT_A_MODEL, where);
        Properties info = new Properties();
        try {
            info.load(new StringReader(new String(cfg, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new FileFormatException(FileProblem.PART_DAMAGED, where, FileProblem.Part.CONFIG);
        }
        VaeConfig config;
        try {
            config = new VaeConfig(intValue(info, "input_size", 1, MAX_INPUT_SIZE), hidden(info),
                    intValue(info, "latent", 1, VaeConfig.MAX_LATENT), Likelihood.parse(info.getProperty("likelihood", "")),
                    number(info, "gaussian_sigma", VaeConfig.DEFAULT_GAUSSIAN_SIGMA));
            checkImageSize(info, config.inputSize());
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(FileProblem.CONFIG_INVALID, where, e.getMessage());
        }
        // validate before allocating: the parameters section must hold every value the declared network has
        long values = MemoryPlan.parameterCount(config);
        if (4 * values > params.length)
            throw new FileFormatException(FileProblem.CONFIG_INVALID, where, String.format(Locale.ROOT,
                    "it declares a network of %,d parameters (%,d bytes) but the parameters section holds only %,d bytes",
                    values, 4 * values, params.length));
        try {
            MemoryPlan.checkEvaluation(config);
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(FileProblem.CONFIG_INVALID, where, e.getMessage());
        }
        Vae vae = new Vae(config, new Rng(0));
        readParams(where, params, vae.params());
        return new Loaded(vae, info, sections);
    }

    /** The largest input a model may take: the largest image, {@value IdxReader#MAX_SIDE} squared. */
    public static final int MAX_INPUT_SIZE = IdxReader.MAX_SIDE * IdxReader.MAX_SIDE;

    /** image_rows and image_cols, when given, are 1 to the largest side and make the input size. */
    private static void checkImageSize(Properties p, int inputSize) {
        if (p.getProperty("image_rows") == null && p.getProperty("image_cols") == null) return;
        int rows = intValue(p, "image_rows", 1, IdxReader.MAX_SIDE), cols = intValue(p, "image_cols", 1, IdxReader.MAX_SIDE);
        if ((long) rows * cols != inputSize)
            throw new IllegalArgumentException("image_rows x image_cols is " + rows + "x" + cols + " = " + (long) rows * cols
                    + " pixels but input_size is " + inputSize);
    }

    private static List<Integer> hidden(Properties p) {
        String v = p.getProperty("hidden");
        if (v == null) throw new IllegalArgumentException("hidden is missing");
        return VaeConfig.parseHidden(v);
    }

    /** A whole number from min to max, or a message in words. */
    static int intValue(Properties p, String key, int min, int max) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException(key + " is missing");
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + shorten(v) + "'");
        }
        if (n < min || n > max)
            throw new IllegalArgumentException(key + " must be from " + min + " to " + max + ", got " + n);
        return (int) n;
    }

    /** A finite number (the range is the reader's to check), the fallback when absent, or a message in words. */
    static double number(Properties p, String key, double fallback) {
        String v = p.getProperty(key);
        if (v == null) return fallback;
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + shorten(v) + "'");
        }
        if (!Double.isFinite(d)) throw new IllegalArgumentException(key + " must be a finite number, got " + v.trim());
        return d;
    }

    static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }

    static String configText(VaeConfig c, Map<String, String> extra) {
        StringBuilder b = new StringBuilder();
        b.append("# VAE Explorer model\n");
        b.append("input_size=").append(c.inputSize()).append('\n');
        b.append("hidden=").append(c.hiddenText()).append('\n');
        b.append("latent=").append(c.latent()).append('\n');
        b.append("likelihood=").append(c.likelihood().id()).append('\n');
        b.append("gaussian_sigma=").append(String.format(Locale.ROOT, "%s", c.gaussianSigma())).append('\n');
        Properties escaped = new Properties();
        escaped.putAll(extra);
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            escaped.store(w, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String line : w.toString().split("\n")) if (!line.startsWith("#")) b.append(line).append('\n');
        return b.toString();
    }

    static byte[] paramsBytes(Vae vae) {
        SectionFile.Body body = paramsBody(vae.config(), values(vae));
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream((int) body.length());
        try {
            body.bytes().write(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toByteArray();
    }

    static void readParams(String where, byte[] bytes, List<Param> params) throws FileFormatException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            if (count != params.size())
                throw new FileFormatException(FileProblem.PARAM_COUNT, where, count, params.size());
            for (Param p : params) {
                String name = in.readUTF();
                int rows = in.readInt(), cols = in.readInt();
                if (!name.equals(p.name) || rows != p.value.numRows || cols != p.value.numCols)
                    throw new FileFormatException(FileProblem.PARAM_SHAPE, where, name, rows, cols, p.name, p.value.numRows,
                            p.value.numCols);
                for (int i = 0; i < p.size(); i++) {
                    float v = in.readFloat();
                    if (!Float.isFinite(v))
                        throw new FileFormatException(FileProblem.PARAM_NOT_FINITE, where, name);
                    p.value.data[i] = v;
                }
            }
            if (in.available() > 0) throw new FileFormatException(FileProblem.PART_TRAILING, where, FileProblem.Part.PARAMETERS);
        } catch (IOException e) {
            throw new FileFormatException(FileProblem.PARAMS_TRUNCATED, where);
        }
    }
}
