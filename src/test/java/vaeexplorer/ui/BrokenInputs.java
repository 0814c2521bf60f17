package vaeexplorer.ui;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

import javax.imageio.ImageIO;
import vaeexplorer.core.data.ClassNamesFile;
import vaeexplorer.core.data.CsvLoader;
import vaeexplorer.core.data.DataException;
import vaeexplorer.core.data.DataSources;
import vaeexplorer.core.data.IdxFolder;
import vaeexplorer.core.data.IdxReader;
import vaeexplorer.core.data.ImageFolderLoader;
import vaeexplorer.core.data.InvertMode;
import vaeexplorer.core.data.LoadOptions;
import vaeexplorer.core.data.LoadProgress;
import vaeexplorer.core.data.SkippedFile;
import vaeexplorer.core.io.FileFormatException;
import vaeexplorer.core.io.ModelFile;
import vaeexplorer.core.io.SectionFile;
import vaeexplorer.core.io.SessionFile;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;
import vaeexplorer.imaging.AwtImageDecoder;

/**
 * Broken data and model files of every kind the engine reports, made in a folder, with the exceptions that loading
 * them throws and the files an image folder skips: the cases of the tests of the translated error messages.
 */
final class BrokenInputs {
    /** A failure: a short name of the case and what the engine threw (a DataException or FileFormatException). */
    record Case(String name, Exception error) {}

    private final Path dir;
    final List<Case> cases = new ArrayList<>();
    final List<SkippedFile> skipped = new ArrayList<>();

    interface Load {
        void run() throws Exception;
    }

    private BrokenInputs(Path dir) {
        this.dir = dir;
    }

    static BrokenInputs make(Path dir) throws IOException {
        BrokenInputs b = new BrokenInputs(dir);
        b.data();
        b.idx();
        b.csv();
        b.folders();
        b.models();
        return b;
    }

    private void expect(String name, Load load) {
        try {
            load.run();
        } catch (DataException | FileFormatException e) {
            cases.add(new Case(name, e));
            return;
        } catch (Exception e) {
            throw new AssertionError(name + ": unexpected " + e, e);
        }
        throw new AssertionError(name + ": no error");
    }

    private Path write(String name, byte[] bytes) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            return Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path text(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static LoadOptions options() {
        return LoadOptions.defaults(new AwtImageDecoder());
    }

    private void data() throws IOException {
        expect("no such file or folder", () -> DataSources.load(dir.resolve("nowhere").toString(), options(),
                LoadProgress.NONE, () -> false));
        expect("invalid name", () -> DataSources.load("bad\0name", options(), LoadProgress.NONE, () -> false));
        Path other = text("data/notes.txt", "hello");
        expect("not a data set", () -> DataSources.load(other.toString(), options(), LoadProgress.NONE, () -> false));
        Path csv = UserData.csv(dir.resolve("data/ok.csv"), 10, 4);
        expect("cancelled", () -> CsvLoader.load(csv, options(), LoadProgress.NONE, () -> true));
    }

    // ---- IDX ----

    static byte[] images(int headerCount, int rows, int cols, int actual) {
        ByteBuffer b = ByteBuffer.allocate(16 + actual * rows * cols);
        b.putInt(IdxReader.IMAGE_MAGIC).putInt(headerCount).putInt(rows).putInt(cols);
        for (int i = 0; i < actual * rows * cols; i++) b.put((byte) (i % 251));
        return b.array();
    }

    static byte[] labels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(IdxReader.LABEL_MAGIC).putInt(labels.length);
        for (int l : labels) b.put((byte) l);
        return b.array();
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void images(String name, byte[] bytes) {
        Path p = write("idx/" + name, bytes);
        expect(name, () -> IdxReader.readImages(p));
    }

    private void labelsCase(String name, byte[] bytes) {
        Path p = write("idx/" + name, bytes);
        expect(name, () -> IdxReader.readLabels(p));
    }

    private static int[] cycling(int n, int classes) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) l[i] = i % classes;
        return l;
    }

    private Path idxFolder(String name, int train, int trainLabels, int test, int side, int testSide) {
        Path d = dir.resolve("idx-folders/" + name);
        write("idx-folders/" + name + "/train-images-idx3-ubyte.gz", gzip(images(train, side, side, train)));
        write("idx-folders/" + name + "/train-labels-idx1-ubyte.gz", gzip(labels(cycling(trainLabels, 3))));
        write("idx-folders/" + name + "/t10k-images-idx3-ubyte.gz", gzip(images(test, testSide, testSide, test)));
        write("idx-folders/" + name + "/t10k-labels-idx1-ubyte.gz", gzip(labels(cycling(test, 3))));
        return d;
    }

    private void idx() {
        expect("idx: no such file", () -> IdxReader.readImages(dir.resolve("idx/none")));
        expect("idx labels: no such file", () -> IdxReader.readLabels(dir.resolve("idx/none")));
        images("empty", new byte[0]);
        images("empty.gz", gzip(new byte[0]));
        images("text", "hello there".getBytes(StandardCharsets.US_ASCII));
        images("text.gz", gzip("hello there".getBytes(StandardCharsets.US_ASCII)));
        images("labels-as-images", labels(1, 2, 3));
        labelsCase("images-as-labels", images(2, 2, 2, 2));
        images("float-type", ByteBuffer.allocate(16).putInt(0x0D03).putInt(1).putInt(1).putInt(1).array());
        images("two-dims", ByteBuffer.allocate(16).putInt(0x0802).putInt(1).putInt(1).putInt(1).array());
        images("short-header", new byte[] {0, 0, 8, 3, 0, 0});
        images("zero-rows", images(1, 0, 3, 0));
        images("no-images", images(0, 2, 2, 0));
        labelsCase("no-labels", labels());
        labelsCase("label-255", labels(1, 255, 2));
        images("shorter", images(5, 2, 2, 3));
        images("longer", images(2, 2, 2, 3));
        images("shorter.gz", gzip(images(5, 2, 2, 3)));
        images("longer.gz", gzip(images(2, 2, 2, 3)));
        images("huge-header.gz", gzip(images(2_000_000_000, 28, 28, 2)));
        byte[] good = gzip(images(3, 2, 2, 3));
        images("cut.gz", java.util.Arrays.copyOf(good, good.length - 6));
        byte[] garbage = java.util.Arrays.copyOf(good, good.length + 3);
        garbage[good.length] = 1;
        images("garbage-after.gz", garbage);
        byte[] crc = good.clone();
        crc[good.length - 8] ^= 0x55;
        images("bad-crc.gz", crc);
        byte[] length = good.clone();
        length[good.length - 4] ^= 0x01;
        images("bad-length.gz", length);
        byte[] method = good.clone();
        method[2] = 7;
        images("bad-method.gz", method);
        byte[] flags = good.clone();
        flags[3] = (byte) 0xE0;
        images("reserved-flags.gz", flags);
        byte[] deflate = good.clone();
        for (int i = 10; i < 14; i++) deflate[i] = (byte) 0xFF;
        images("bad-deflate.gz", deflate);

        Path incomplete = dir.resolve("idx-folders/incomplete");
        write("idx-folders/incomplete/train-images-idx3-ubyte.gz", gzip(images(4, 2, 2, 4)));
        expect("idx folder: incomplete", () -> IdxFolder.load(incomplete, LoadProgress.NONE, () -> false));
        Path counts = idxFolder("counts", 6, 5, 4, 2, 2);
        expect("idx folder: counts", () -> IdxFolder.load(counts, LoadProgress.NONE, () -> false));
        Path sizes = idxFolder("sizes", 6, 6, 4, 2, 3);
        expect("idx folder: sizes", () -> IdxFolder.load(sizes, LoadProgress.NONE, () -> false));
        Path names = idxFolder("names", 6, 6, 4, 2, 2);
        text("idx-folders/names/classes.txt", "zero\none\n");
        expect("idx folder: too few class names", () -> IdxFolder.load(names, LoadProgress.NONE, () -> false));
        expect("classes: empty", () -> ClassNamesFile.read(text("classes/empty.txt", "\n\n")));
        expect("classes: empty line", () -> ClassNamesFile.read(text("classes/gap.txt", "a\n\nb\n")));
        expect("classes: repeated", () -> ClassNamesFile.read(text("classes/repeat.txt", "a\nb\na\n")));
        expect("classes: not UTF-8", () -> ClassNamesFile.read(write("classes/latin1.txt", new byte[] {'a', (byte) 0xE9, '\n'})));
    }

    // ---- CSV ----

    private void csvCase(String name, String content) {
        Path p = text("csv/" + name + ".csv", content);
        expect("csv: " + name, () -> CsvLoader.load(p, options(), LoadProgress.NONE, () -> false));
    }

    private void csv() {
        expect("csv: no such file", () -> CsvLoader.load(dir.resolve("csv/none.csv"), options(), LoadProgress.NONE,
                () -> false));
        csvCase("empty", "");
        csvCase("header only", "label,a,b,c,d\n");
        csvCase("empty label", "label,a,b,c,d\n1,0,0,0,0\n,0,0,0,0\n");
        csvCase("columns vs header", "label,a,b,c,d\n1,0,0,0,0\n1,0,0,0\n");
        csvCase("columns vs first line", "0,0,0,0\n0,0,0\n");
        csvCase("header not square", "label,a,b,c\n1,0,0,0\n");
        csvCase("header not square, unnamed", "x,a,b\n1,0,0\n");
        csvCase("not square", "0,0,0\n0,0,0\n");
        csvCase("empty cell", "0,0,0,0\n0,,0,0\n");
        csvCase("not a number", "0,0,0,0\n0,zero,0,0\n");
        csvCase("out of range", "0,0,0,0\n0,300,0,0\n");
        StringBuilder many = new StringBuilder("label,a,b,c,d\n");
        for (int i = 0; i < 256; i++) many.append("c").append(i).append(",0,0,0,0\n");
        csvCase("too many labels", many.toString());
        csvCase("one image", "0,0,0,0\n");
    }

    // ---- image folders ----

    private Path png(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    private void folders() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("folders/empty"));
        expect("folder: empty", () -> ImageFolderLoader.load(empty, options(), LoadProgress.NONE, () -> false));
        text("folders/one-text/notes.txt", "hello");
        expect("folder: one other file", () -> ImageFolderLoader.load(dir.resolve("folders/one-text"), options(),
                LoadProgress.NONE, () -> false));
        text("folders/two-texts/a.txt", "hello");
        text("folders/two-texts/b.txt", "hello");
        expect("folder: other files", () -> ImageFolderLoader.load(dir.resolve("folders/two-texts"), options(),
                LoadProgress.NONE, () -> false));
        byte[] junk = new byte[300];
        new Random(3).nextBytes(junk);
        junk[0] = (byte) 0x89;
        junk[1] = 'P';
        junk[2] = 'N';
        junk[3] = 'G';
        write("folders/unreadable/a.png", junk);
        text("folders/unreadable/b.png", "not a picture at all");
        expect("folder: none readable", () -> ImageFolderLoader.load(dir.resolve("folders/unreadable"), options(),
                LoadProgress.NONE, () -> false));
        png("folders/single/one.png");
        expect("folder: one image", () -> ImageFolderLoader.load(dir.resolve("folders/single"), options(),
                LoadProgress.NONE, () -> false));

        Path mixed = dir.resolve("folders/mixed");
        for (int i = 0; i < 3; i++) png("folders/mixed/a/" + i + ".png");
        for (int i = 0; i < 3; i++) png("folders/mixed/b/" + i + ".png");
        png("folders/mixed/loose.png");
        text("folders/mixed/a/readme.txt", "hello");
        write("folders/mixed/a/broken.png", junk);
        text("folders/mixed/b/text.png", "not a picture at all");
        write("folders/mixed/b/empty.jpg", new byte[0]);
        png("folders/mixed/.hidden/x.png");
        byte[] real = Files.readAllBytes(png("folders/mixed/b/whole.png"));
        write("folders/mixed/b/cut.png", java.util.Arrays.copyOf(real, real.length / 2));
        try {
            skipped.addAll(ImageFolderLoader.load(mixed, options().withInvert(InvertMode.NEVER), LoadProgress.NONE,
                    () -> false).skipped());
        } catch (DataException e) {
            throw new AssertionError(e);
        }
    }

    // ---- model and session files ----

    private static byte[] container(int version, Map<String, byte[]> sections) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            SectionFile.write(raw, sections);
            byte[] b = raw.toByteArray();
            ByteBuffer.wrap(b).putInt(4, version);
            return withCrc(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withCrc(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        ByteBuffer.wrap(b).putInt(b.length - 4, (int) crc.getValue());
        return b;
    }

    private void model(String name, byte[] bytes) {
        Path p = write("models/" + name + ".vaesession", bytes);
        expect("model: " + name, () -> SessionFile.load(p));
    }

    private void models() throws IOException {
        Vae vae = new Vae(VaeConfig.of(4, 3, 2), new Rng(1));
        Map<String, byte[]> good = ModelFile.sections(vae, Map.of("dataset", "mnist"));
        byte[] bytes = container(1, good);
        expect("model: no such file", () -> SessionFile.load(dir.resolve("models/none.vaesession")));
        model("too short", "hello".getBytes(StandardCharsets.US_ASCII));
        model("not ours", "this is just some text, not a model".getBytes(StandardCharsets.US_ASCII));
        model("newer", container(99, good));
        model("version 0", container(0, good));
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x40;
        model("checksum", flipped);
        model("truncated", java.util.Arrays.copyOf(bytes, bytes.length / 3));
        byte[] header = bytes.clone();
        ByteBuffer.wrap(header).putInt(8, 5000);
        model("damaged header", withCrc(header));
        byte[] pastEnd = bytes.clone();
        ByteBuffer.wrap(pastEnd).putInt(8, 3);
        model("section past end", withCrc(pastEnd));
        byte[] trailing = java.util.Arrays.copyOf(bytes, bytes.length + 3);
        System.arraycopy(bytes, bytes.length - 4, trailing, bytes.length - 1, 4);
        model("trailing bytes", withCrc(trailing));
        model("not a model", container(1, Map.of("other", new byte[] {1})));

        Map<String, byte[]> s = new LinkedHashMap<>(good);
        s.put("config", "input_size=4\nhidden=3\nlatent=0\nlikelihood=bernoulli\n".getBytes(StandardCharsets.UTF_8));
        model("config invalid", container(1, s));
        s = new LinkedHashMap<>(good);
        s.put("config", "input_size=\\u12\n".getBytes(StandardCharsets.UTF_8));
        model("config damaged", container(1, s));
        s = new LinkedHashMap<>(good);
        ByteBuffer params = ByteBuffer.wrap(good.get("params").clone());
        params.putInt(0, 3);
        s.put("params", params.array());
        model("param count", container(1, s));
        s = new LinkedHashMap<>(good);
        s.put("params", java.util.Arrays.copyOf(good.get("params"), good.get("params").length - 5));
        model("params truncated", container(1, s));
        s = new LinkedHashMap<>(good);
        s.put("params", java.util.Arrays.copyOf(good.get("params"), good.get("params").length + 2));
        model("params trailing", container(1, s));
        s = new LinkedHashMap<>(good);
        s.put("params", paramsWith(vae, 0, 5, 3, Float.NaN));
        model("param shape", container(1, s));
        s = new LinkedHashMap<>(good);
        s.put("params", paramsWith(vae, 0, -1, -1, Float.NaN));
        model("param not finite", container(1, s));
        s = new LinkedHashMap<>(good);
        s.put("config", (new String(good.get("config"), StandardCharsets.UTF_8) + "beta=lots\n").getBytes(StandardCharsets.UTF_8));
        model("training settings", container(1, s));
        s = new LinkedHashMap<>(good);
        s.put("view", "z=\\u12\n".getBytes(StandardCharsets.UTF_8));
        model("view damaged", container(1, s));
        s = new LinkedHashMap<>(good);
        s.put("trainer", new byte[] {0, 0, 0, 1});
        model("trainer truncated", container(1, s));
        s = new LinkedHashMap<>(good);
        s.put("trainer", ByteBuffer.allocate(20).putInt(0).putLong(0).putInt(0).putInt(1_000_000).array());
        model("trainer entries", container(1, s));
        s = new LinkedHashMap<>(good);
        s.put("history", ByteBuffer.allocate(4).putInt(1).array());
        model("history damaged", container(1, s));
        s = new LinkedHashMap<>(good);
        s.put("history", ByteBuffer.allocate(13).putInt(100).putInt(0).putInt(0).array());
        model("history trailing", container(1, s));
        s = new LinkedHashMap<>(good);
        s.put("history", ByteBuffer.allocate(6).putInt(100).array());
        model("history truncated", container(1, s));
    }

    /** The params section with parameter k reshaped to rows x cols (negative: kept) and its first value set. */
    private static byte[] paramsWith(Vae vae, int k, int rows, int cols, float first) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(raw);
        var ps = vae.params();
        o.writeInt(ps.size());
        for (int i = 0; i < ps.size(); i++) {
            var p = ps.get(i);
            int r = i == k && rows >= 0 ? rows : p.value.numRows, c = i == k && cols >= 0 ? cols : p.value.numCols;
            o.writeUTF(p.name);
            o.writeInt(r);
            o.writeInt(c);
            for (int j = 0; j < r * c; j++) o.writeFloat(i == k && j == 0 ? first : 0.5f);
        }
        return raw.toByteArray();
    }
}
