package vaeexplorer.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.vae.Likelihood;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

/**
 * Hostile {@code .safetensors} files, made in a folder, each with the problem opening it must report and a name
 * (tensor or metadata key) its message must say: truncated files, header lengths that lie, offsets that overlap or
 * run out of the file, dtypes that are not read, NaN and infinite weights, missing or invalid {@code __metadata__},
 * huge declared shapes, and state dicts that are not a VAE this program knows. The corpus of the core's and the app's
 * tests of such files.
 */
public final class HostileSafeTensors {
    /**
     * A hostile file, the problem it must be refused with, and a word its message must hold besides the file's name
     * (a tensor, a key; null: only the file).
     */
    public record Case(String name, Path file, FileProblem problem, String names) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final Path dir;
    public final List<Case> cases = new ArrayList<>();

    private HostileSafeTensors(Path dir) {
        this.dir = dir;
    }

    /** The corpus in {@code dir} (made if missing). Two files are sparse: 1 GiB and 100 MiB long, on disk near empty. */
    public static HostileSafeTensors make(Path dir) throws IOException {
        HostileSafeTensors h = new HostileSafeTensors(Files.createDirectories(dir));
        h.container();
        h.stateDicts();
        return h;
    }

    /** A small model of pytorch/examples' layout that opens: 12 inputs, hidden 6, latent 2. */
    public static Map<String, SafeTensors.Tensor> goodTensors() {
        Vae vae = new Vae(new VaeConfig(12, List.of(6), 2, Likelihood.BERNOULLI, 0.25), new Rng(3));
        Map<String, SafeTensors.Tensor> m = new LinkedHashMap<>();
        for (SafeTensors.Tensor t : SafeTensorsModel.tensors(vae, SafeTensorsModel.Names.EXAMPLES)) m.put(t.name(), t);
        return m;
    }

    /** {@link #goodTensors} written with this metadata. */
    public static Path goodFile(Path file, Map<String, String> metadata) throws IOException {
        SafeTensors.write(file, new ArrayList<>(goodTensors().values()), metadata);
        return file;
    }

    private void add(String name, Path file, FileProblem problem, String names) {
        cases.add(new Case(name, file, problem, names));
    }

    private Path bytes(String name, byte[] b) {
        try {
            return Files.write(dir.resolve(name + ".safetensors"), b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The length field (as given), the header text, then the data. */
    static byte[] raw(long headerLen, String header, byte[] data) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, headerLen).array());
        o.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        o.writeBytes(data);
        return o.toByteArray();
    }

    static byte[] raw(String header, byte[] data) {
        return raw(header.getBytes(StandardCharsets.UTF_8).length, header, data);
    }

    static byte[] f32(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    private static String tensor(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + ","
                + end + "]}";
    }

    /**
     * The good model as a hand-made file, every tensor F32 except one given as dtype and raw bytes (little-endian), in
     * the same place.
     */
    static byte[] withOne(String name, String dtype, byte[] bytes) {
        StringBuilder h = new StringBuilder("{\"__metadata__\":{\"likelihood\":\"bernoulli\"}");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (SafeTensors.Tensor t : goodTensors().values()) {
            byte[] b = t.name().equals(name) ? bytes : f32(t.values());
            h.append(',').append(tensor(t.name(), t.name().equals(name) ? dtype : "F32", t.shapeText().replace(" ", ""),
                    data.size(), data.size() + b.length));
            data.writeBytes(b);
        }
        return raw(h.append('}').toString(), data.toByteArray());
    }

    private void container() throws IOException {
        byte[] good = Files.readAllBytes(goodFile(dir.resolve("good.safetensors.tmp"), Map.of("likelihood", "bernoulli")));
        Files.delete(dir.resolve("good.safetensors.tmp"));
        long headerLen = ByteBuffer.wrap(good, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String firstTensor = goodTensors().keySet().iterator().next();

        add("too short", bytes("short", new byte[] {1, 2, 3}), FileProblem.SAFETENSORS_TOO_SHORT, null);
        add("truncated in the data", bytes("cut-data", java.util.Arrays.copyOf(good, good.length - 10)),
                FileProblem.SAFETENSORS_OFFSETS_PAST_END, "fc4.bias");
        add("truncated in the header", bytes("cut-header", java.util.Arrays.copyOf(good, (int) (8 + headerLen / 2))),
                FileProblem.SAFETENSORS_HEADER_LENGTH, null);
        byte[] lying = good.clone();
        ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        add("header length 2^40", bytes("lying-length", lying), FileProblem.SAFETENSORS_HEADER_LENGTH, "1099511627776");
        byte[] negative = good.clone();
        ByteBuffer.wrap(negative).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1);
        add("header length 2^64 - 1", bytes("negative-length", negative), FileProblem.SAFETENSORS_HEADER_LENGTH,
                "18446744073709551615");
        String json = new String(good, 8, (int) headerLen, StandardCharsets.UTF_8).strip();
        byte[] intoJson = good.clone();
        ByteBuffer.wrap(intoJson).order(ByteOrder.LITTLE_ENDIAN).putLong(0, json.length() - 1);
        add("header length cuts the JSON", bytes("length-into-json", intoJson), FileProblem.SAFETENSORS_HEADER_NOT_JSON,
                null);
        String padded = "{" + tensor("w", "F32", "[1]", 0, 4) + "}    ";
        add("header length short by its padding", bytes("length-in-padding", raw(padded.length() - 4, padded, f32(1))),
                FileProblem.SAFETENSORS_GAP, null);

        Path bigHeader = dir.resolve("big-header.safetensors");
        try (RandomAccessFile f = new RandomAccessFile(bigHeader.toFile(), "rw")) {
            f.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, SafeTensors.MAX_HEADER_BYTES + 1).array());
            f.setLength(SafeTensors.MAX_HEADER_BYTES + 16); // sparse
        }
        add("header over the limit", bigHeader, FileProblem.SAFETENSORS_HEADER_TOO_LARGE, null);
        Path huge = dir.resolve("huge.safetensors");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.write(raw("{}", new byte[0]));
            f.setLength(SafeTensors.MAX_FILE_BYTES + 1); // sparse
        }
        add("file over 1 GiB", huge, FileProblem.SAFETENSORS_TOO_LARGE, null);

        byte[] notUtf8 = raw(4, "", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        add("header not UTF-8", bytes("not-utf8", notUtf8), FileProblem.SAFETENSORS_HEADER_NOT_UTF8, null);
        add("header not JSON", bytes("not-json", raw("{\"a\":{\"dtype\":\"F32\",}", new byte[0])),
                FileProblem.SAFETENSORS_HEADER_NOT_JSON, null);
        add("header a JSON list", bytes("json-list", raw("[1,2]", new byte[0])), FileProblem.SAFETENSORS_HEADER_NOT_OBJECT,
                null);
        add("a PNG called .safetensors", bytes("png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}),
                FileProblem.SAFETENSORS_HEADER_LENGTH, null);

        add("metadata a list", bytes("meta-list", raw("{\"__metadata__\":[1]}", new byte[0])),
                FileProblem.SAFETENSORS_METADATA_NOT_OBJECT, "__metadata__");
        add("metadata value a number", bytes("meta-number", raw("{\"__metadata__\":{\"latent\":2}}", new byte[0])),
                FileProblem.SAFETENSORS_METADATA_NOT_STRING, "latent");

        add("tensor a number", bytes("tensor-number", raw("{\"w\":5}", new byte[0])),
                FileProblem.SAFETENSORS_TENSOR_NOT_OBJECT, "w");
        add("tensor with an extra field", bytes("tensor-field",
                raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}", f32(1))),
                FileProblem.SAFETENSORS_TENSOR_FIELD, "w");
        add("dtype missing", bytes("no-dtype", raw("{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", f32(1))),
                FileProblem.SAFETENSORS_DTYPE_MISSING, "w");
        add("dtype F64", bytes("f64", raw("{" + tensor("fc1.weight", "F64", "[1]", 0, 8) + "}", new byte[8])),
                FileProblem.SAFETENSORS_DTYPE, "fc1.weight");
        add("dtype I64", bytes("i64", raw("{" + tensor("fc1.weight", "I64", "[1]", 0, 8) + "}", new byte[8])),
                FileProblem.SAFETENSORS_DTYPE, "fc1.weight");
        add("shape missing", bytes("no-shape", raw("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", f32(1))),
                FileProblem.SAFETENSORS_SHAPE_MISSING, "w");
        add("shape of 9 dimensions", bytes("rank-9", raw("{" + tensor("w", "F32", "[1,1,1,1,1,1,1,1,1]", 0, 4) + "}",
                f32(1))), FileProblem.SAFETENSORS_SHAPE_RANK, "w");
        add("shape negative", bytes("shape-negative", raw("{" + tensor("w", "F32", "[-1]", 0, 4) + "}", f32(1))),
                FileProblem.SAFETENSORS_SHAPE_NOT_WHOLE, "w");
        add("shape huge", bytes("shape-huge", raw("{" + tensor("fc1.weight", "F32", "[2147483647,2147483647]", 0, 4)
                + "}", f32(1))), FileProblem.SAFETENSORS_SHAPE_TOO_LARGE, "fc1.weight");
        add("shape 2^62", bytes("shape-2-62", raw("{" + tensor("w", "F32", "[4611686018427387904]", 0, 4) + "}",
                f32(1))), FileProblem.SAFETENSORS_SHAPE_NOT_WHOLE, "w");
        add("offsets one number", bytes("offsets-form", raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4]}}",
                f32(1))), FileProblem.SAFETENSORS_OFFSETS_FORM, "w");
        add("offsets backwards", bytes("offsets-backwards", raw("{" + tensor("w", "F32", "[0]", 4, 0) + "}", f32(1))),
                FileProblem.SAFETENSORS_OFFSETS_RANGE, "w");
        add("offsets negative", bytes("offsets-negative", raw("{" + tensor("w", "F32", "[1]", -4, 0) + "}", f32(1))),
                FileProblem.SAFETENSORS_OFFSETS_RANGE, "w");
        add("offsets past the end", bytes("offsets-past", raw("{" + tensor("w", "F32", "[4]", 0, 16) + "}", f32(1, 2))),
                FileProblem.SAFETENSORS_OFFSETS_PAST_END, "w");
        add("offsets far past the end", bytes("offsets-far", raw("{" + tensor("w", "F32", "[1]", 1L << 50, (1L << 50) + 4)
                + "}", f32(1))), FileProblem.SAFETENSORS_OFFSETS_PAST_END, "w");
        add("bytes not the shape's", bytes("byte-count", raw("{" + tensor("w", "F32", "[3]", 0, 8) + "}", f32(1, 2))),
                FileProblem.SAFETENSORS_BYTE_COUNT, "w");
        add("tensors overlap", bytes("overlap", raw("{" + tensor("a", "F32", "[2]", 0, 8) + "," + tensor("b", "F32", "[2]", 4, 12)
                + "}", f32(1, 2, 3))), FileProblem.SAFETENSORS_OVERLAP, "b");
        add("a gap between tensors", bytes("gap", raw("{" + tensor("a", "F32", "[1]", 0, 4) + "," + tensor("b", "F32", "[1]", 8, 12)
                + "}", f32(1, 2, 3))), FileProblem.SAFETENSORS_GAP, "4..8");
        add("bytes after the last tensor", bytes("trailing", raw("{" + tensor("a", "F32", "[1]", 0, 4) + "}", f32(1, 2))),
                FileProblem.SAFETENSORS_GAP, "4..8");
        add("tensors share bytes", bytes("same-bytes", raw("{" + tensor("a", "F32", "[2]", 0, 8) + "," + tensor("b", "F32", "[2]", 0, 8)
                + "}", f32(1, 2))), FileProblem.SAFETENSORS_OVERLAP, "a");

        add("NaN weight (F32)", bytes("nan-f32", withOne("fc1.bias", "F32", f32(1, Float.NaN, 0, 0, 0, 0))),
                FileProblem.SAFETENSORS_NOT_FINITE, "fc1.bias");
        add("infinite weight (F16)", bytes("inf-f16", withOne("fc3.bias", "F16", new byte[] {0, 0x3c, 0, 0x7c, 0, 0, 0, 0, 0,
                0, 0, 0})), FileProblem.SAFETENSORS_NOT_FINITE, "fc3.bias");
        add("NaN weight (BF16)", bytes("nan-bf16", withOne("fc21.bias", "BF16", new byte[] {0, 0, (byte) 0xc0, 0x7f})),
                FileProblem.SAFETENSORS_NOT_FINITE, "fc21.bias");
        // a NaN deep inside a model that is otherwise good
        Map<String, SafeTensors.Tensor> t = goodTensors();
        SafeTensors.Tensor w = t.get("fc21.weight");
        float[] v = w.values().clone();
        v[v.length - 1] = Float.NaN;
        t.put(w.name(), new SafeTensors.Tensor(w.name(), w.shape(), v));
        Path nanModel = dir.resolve("nan-model.safetensors");
        SafeTensors.write(nanModel, new ArrayList<>(t.values()), Map.of("likelihood", "bernoulli"));
        add("NaN in a real model", nanModel, FileProblem.SAFETENSORS_NOT_FINITE, "fc21.weight");
    }

    private Path model(String name, Map<String, SafeTensors.Tensor> t, Map<String, String> metadata) throws IOException {
        Path f = dir.resolve(name + ".safetensors");
        SafeTensors.write(f, new ArrayList<>(t.values()), metadata);
        return f;
    }

    private void stateDicts() throws IOException {
        Map<String, String> bernoulli = Map.of("likelihood", "bernoulli");
        Map<String, SafeTensors.Tensor> conv = new LinkedHashMap<>();
        conv.put("conv1.weight", new SafeTensors.Tensor("conv1.weight", new int[] {2, 1, 3, 3}, new float[18]));
        add("a CNN", model("cnn", conv, bernoulli), FileProblem.PYTORCH_UNKNOWN_LAYOUT, "conv1.weight");
        add("no tensors", model("empty", new LinkedHashMap<>(), bernoulli), FileProblem.PYTORCH_UNKNOWN_LAYOUT, null);
        // 500 MB of a tensor that is no VAE's: refused from the header, before the tensor is read
        long values = 125L << 20;
        Path big = dir.resolve("big-cnn.safetensors");
        byte[] head = raw("{" + tensor("conv1.weight", "F32", "[" + values + "]", 0, 4 * values) + "}", new byte[0]);
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write(head);
            f.setLength(head.length + 4 * values); // sparse
        }
        add("a CNN of 500 MB", big, FileProblem.PYTORCH_UNKNOWN_LAYOUT, "conv1.weight");

        Map<String, SafeTensors.Tensor> t = goodTensors();
        t.remove("fc22.bias");
        add("a tensor missing", model("lacks", t, bernoulli), FileProblem.PYTORCH_LACKS, "fc22.bias");
        t = goodTensors();
        t.put("fc5.weight", new SafeTensors.Tensor("fc5.weight", new int[] {1}, new float[1]));
        add("an extra tensor", model("extra", t, bernoulli), FileProblem.PYTORCH_EXTRA, "fc5.weight");
        t.remove("fc3.weight");
        add("missing and extra", model("lacks-extra", t, bernoulli), FileProblem.PYTORCH_LACKS_AND_EXTRA, "fc3.weight");

        t = goodTensors();
        t.put("fc1.weight", new SafeTensors.Tensor("fc1.weight", new int[] {72}, new float[72]));
        add("a weight of one dimension", model("rank", t, bernoulli), FileProblem.PYTORCH_WEIGHT_RANK, "fc1.weight");
        t = goodTensors();
        t.put("fc21.weight", new SafeTensors.Tensor("fc21.weight", new int[] {2, 5}, new float[10]));
        add("an encoder shape that does not fit", model("encoder-shape", t, bernoulli), FileProblem.PYTORCH_WEIGHT_SHAPE,
                "fc21.weight");
        t = goodTensors();
        t.put("fc3.weight", new SafeTensors.Tensor("fc3.weight", new int[] {5, 2}, new float[10]));
        add("a decoder that does not mirror", model("decoder-shape", t, bernoulli), FileProblem.PYTORCH_DECODER_SHAPE,
                "fc3.weight");
        t = goodTensors();
        t.put("fc1.bias", new SafeTensors.Tensor("fc1.bias", new int[] {5}, new float[5]));
        add("a bias that does not fit", model("bias-shape", t, bernoulli), FileProblem.PYTORCH_BIAS_SHAPE, "fc1.bias");

        add("no likelihood in __metadata__", goodFile(dir.resolve("no-likelihood.safetensors"), Map.of()),
                FileProblem.NO_LIKELIHOOD, null);
        add("likelihood poisson", goodFile(dir.resolve("poisson.safetensors"), Map.of("likelihood", "poisson")),
                FileProblem.CONFIG_INVALID, "poisson");
        add("sigma_x abc", goodFile(dir.resolve("sigma-abc.safetensors"), Map.of("likelihood", "gaussian", "sigma_x", "abc")),
                FileProblem.CONFIG_INVALID, "sigma_x");
        add("sigma_x NaN", goodFile(dir.resolve("sigma-nan.safetensors"), Map.of("likelihood", "gaussian", "sigma_x", "NaN")),
                FileProblem.CONFIG_INVALID, "sigma_x");
        add("sigma_x 1e-300", goodFile(dir.resolve("sigma-tiny.safetensors"),
                Map.of("likelihood", "gaussian", "sigma_x", "1e-300")), FileProblem.CONFIG_INVALID, "sigma_x");
        add("input_shape not the input size", goodFile(dir.resolve("shape-wrong.safetensors"),
                Map.of("likelihood", "bernoulli", "input_shape", "28,28")), FileProblem.CONFIG_INVALID, "input_shape");
        add("input_shape not numbers", goodFile(dir.resolve("shape-words.safetensors"),
                Map.of("likelihood", "bernoulli", "input_shape", "three,four")), FileProblem.CONFIG_INVALID, "three,four");
        Map<String, SafeTensors.Tensor> wide = new LinkedHashMap<>();
        int latent = 65; // one more than the largest latent
        int[][] shapes = {{1, 1}, {latent, 1}, {latent, 1}, {1, latent}, {1, 1}};
        String[] layers = {"fc1", "fc21", "fc22", "fc3", "fc4"};
        for (int i = 0; i < layers.length; i++) {
            wide.put(layers[i] + ".weight", new SafeTensors.Tensor(layers[i] + ".weight", shapes[i],
                    new float[shapes[i][0] * shapes[i][1]]));
            wide.put(layers[i] + ".bias", new SafeTensors.Tensor(layers[i] + ".bias", new int[] {shapes[i][0]},
                    new float[shapes[i][0]]));
        }
        add("a latent over the limit", model("latent-65", wide, bernoulli), FileProblem.CONFIG_INVALID, "latent");
    }
}
