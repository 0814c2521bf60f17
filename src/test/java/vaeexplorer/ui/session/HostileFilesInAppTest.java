package vaeexplorer.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vaeexplorer.ui.fixtures.FxTesting.await;
import static vaeexplorer.ui.fixtures.FxTesting.dialog;
import static vaeexplorer.ui.fixtures.FxTesting.fx;
import static vaeexplorer.ui.fixtures.FxTesting.run;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.io.FileFormatException;
import vaeexplorer.core.io.FileProblem;
import vaeexplorer.core.io.HostileSafeTensors;
import vaeexplorer.core.io.ModelFiles;
import vaeexplorer.core.train.TrainingRun;
import vaeexplorer.core.vae.ModelSnapshot;
import vaeexplorer.ui.app.Explorer;
import vaeexplorer.ui.datasets.DatasetChoice;
import vaeexplorer.ui.datasets.ImportOptions;
import vaeexplorer.ui.fixtures.FxTesting;
import vaeexplorer.ui.fixtures.UserData;
import vaeexplorer.ui.i18n.I18n;
import vaeexplorer.ui.i18n.ProblemTexts;

/**
 * The hostile inputs of issue 16 reach the app through Open (session or model, .safetensors included), Open image
 * folder and Open CSV: each gives its dialog, saying what and where, and changes nothing (the run, the model, the
 * window's title, the data set and the list of data sets, the recent files are the same objects as before); FIFOs are
 * never opened (the loads end, the FX thread keeps answering), an image whose header claims 30000x30000 pixels is
 * refused from its header.
 */
@ExtendWith(ApplicationExtension.class)
class HostileFilesInAppTest {
    @TempDir
    Path tmp;
    private Explorer x;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("vaeexplorer.home", Files.createDirectories(tmp.resolve("home")).toString());
        stage.setWidth(1280);
        stage.setHeight(800);
        x = Explorer.open(stage, s -> {
            s.hidden().set("32");
            s.batchSize().set("32");
        }, false);
    }

    @Stop
    void stop() {
        x.shutdown();
        FxTesting.closeWindows(x.stage());
    }

    private void awaitReady() {
        await("the first model is built", 30_000, () -> x.training().state().get() == TrainingRun.State.IDLE);
    }

    /** What a refused file must leave as it was. */
    private record Before(TrainingRun run, ModelSnapshot model, DataSplit data, String title, DatasetChoice dataset,
            List<DatasetChoice> datasets, List<Path> recent, TrainingRun.State state) {}

    private Before before() {
        return fx(() -> new Before(x.training().currentRun(), x.training().model().get(), x.training().data().get(),
                x.stage().getTitle(), x.settings().dataset().get(), List.copyOf(x.settings().datasets()),
                List.copyOf(x.sessions().prefs().recent()), x.training().state().get()));
    }

    private void assertUnchanged(Before b, String what) {
        Before now = before();
        assertSame(b.run(), now.run(), what + ": the run");
        assertSame(b.model(), now.model(), what + ": the model");
        assertSame(b.data(), now.data(), what + ": the data");
        assertEquals(b.title(), now.title(), what + ": the title");
        assertEquals(b.dataset(), now.dataset(), what + ": the data set chosen");
        assertEquals(b.datasets(), now.datasets(), what + ": the data sets offered");
        assertEquals(b.recent(), now.recent(), what + ": the recent files");
        assertEquals(b.state(), now.state(), what + ": the state");
        assertFalse(fx(() -> x.imports().isLoading()), what + ": no load left under way");
    }

    /** The text of the dialog with this id, which must be open; closes it. */
    private String dialogText(String id, String what) {
        DialogPane d = dialog(id);
        assertNotNull(d, what + ": a dialog " + id);
        String text = fx(() -> d.getHeaderText() + "\n" + d.getContentText());
        FxTesting.close(d);
        await("the dialog closes", 5_000, () -> dialog(id) == null);
        return text;
    }

    private boolean open(Path file) throws Exception {
        return fx(() -> x.sessions().open(file)).get(60, TimeUnit.SECONDS);
    }

    private static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void everyHostileModelFileGivesItsDialogInWordsAndChangesNothing() throws Exception {
        awaitReady();
        HostileSafeTensors corpus = HostileSafeTensors.make(tmp.resolve("st"));
        List<Path> files = new ArrayList<>();
        for (HostileSafeTensors.Case c : corpus.cases)
            if (c.problem() != FileProblem.NO_LIKELIHOOD) files.add(c.file()); // that one asks (OpenPyTorchModelTest)
        files.add(HostileSafeTensors.goodFile(tmp.resolve("beta-abc.safetensors"), Map.of("likelihood", "bernoulli",
                "beta", "abc")));
        files.add(Files.createDirectories(tmp.resolve("folder.vaesession")));
        Path fifo = tmp.resolve("pipe.safetensors"), sessionFifo = tmp.resolve("pipe.vaesession");
        if (mkfifo(fifo) && mkfifo(sessionFifo)) {
            files.add(fifo);
            files.add(sessionFifo);
        }
        if (Files.exists(Path.of("/dev/zero"))) files.add(Path.of("/dev/zero"));

        Before b = before();
        for (Path f : files) {
            assertFalse(open(f), f + " is not opened");
            assertTrue(fx(() -> true), "the FX thread answers");
            String text = dialogText("sessionErrorDialog", f.toString());
            assertTrue(text.contains(f.toString()) && text.contains("Nothing in the app was changed"), text);
            assertFalse(text.contains("Exception") || text.contains("\tat "), "in words: " + text);
            assertUnchanged(b, f.toString());
        }
        // what the dialog says of a .safetensors file is the engine's message under its kind's headline
        for (HostileSafeTensors.Case c : corpus.cases) {
            if (c.problem() == FileProblem.NO_LIKELIHOOD || !c.name().startsWith("NaN in a real")
                    && !c.name().startsWith("a decoder") && !c.name().startsWith("dtype F64")) continue;
            FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFiles.open(c.file(), null));
            assertFalse(open(c.file()));
            String text = dialogText("sessionErrorDialog", c.name());
            assertTrue(text.contains(e.getMessage()) && text.contains(c.names()), c.name() + ": " + text);
            assertTrue(text.contains(fx(() -> ProblemTexts.of(e).headline())), c.name() + ": " + text);
        }
        assertUnchanged(b, "after all");
    }

    /** A model file (or session, with a trainer section) whose config lines are replaced; a valid checksum. */
    private Path nativeFile(String name, Map<String, String> lines, Map<String, byte[]> extra) throws IOException {
        vaeexplorer.core.vae.Vae vae = new vaeexplorer.core.vae.Vae(vaeexplorer.core.vae.VaeConfig.of(784, 8, 2),
                new vaeexplorer.core.nn.Rng(1));
        Map<String, byte[]> sections = new java.util.LinkedHashMap<>(vaeexplorer.core.io.ModelFile.sections(vae,
                Map.of("dataset", "mnist", "beta", "1.0", "learning_rate", "0.001")));
        StringBuilder config = new StringBuilder();
        List<String> replaced = new ArrayList<>();
        for (String line : new String(sections.get("config"), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            String key = line.contains("=") ? line.substring(0, line.indexOf('=')) : "";
            if (lines.containsKey(key)) {
                config.append(key).append('=').append(lines.get(key)).append('\n');
                replaced.add(key);
            } else {
                config.append(line).append('\n');
            }
        }
        for (Map.Entry<String, String> l : lines.entrySet())
            if (!replaced.contains(l.getKey())) config.append(l.getKey()).append('=').append(l.getValue()).append('\n');
        sections.put("config", vaeexplorer.core.io.SectionFile.text(config.toString()));
        sections.putAll(extra);
        Path f = tmp.resolve(name);
        vaeexplorer.core.io.SectionFile.write(f, sections);
        return f;
    }

    @Test
    void everyHostileNativeModelAndSessionFileGivesItsDialogNamingTheFileAndTheProblem() throws Exception {
        awaitReady();
        Map<Path, String> files = new java.util.LinkedHashMap<>();
        for (String v : List.of("NaN", "-5", "1e-300", "abc"))
            files.put(nativeFile("sigma " + v + ".vae", Map.of("likelihood", "gaussian", "gaussian_sigma", v), Map.of()),
                    "sigma");
        for (String v : List.of("NaN", "-5", "1e9", "abc")) // a tiny beta (1e-300) is a beta
            files.put(nativeFile("beta " + v + ".vaesession", Map.of("beta", v), Map.of()), "beta");
        files.put(nativeFile("lr 0.vaesession", Map.of("learning_rate", "0"), Map.of()), "learning rate");
        // a huge declared network, with a valid checksum: refused before it is allocated
        files.put(nativeFile("huge.vae", Map.of("input_size", "16777216", "hidden", "4096,4096,4096,4096",
                "image_rows", "4096", "image_cols", "4096"), Map.of()), "parameters section holds only");
        // a session whose trainer section lies about beta
        vaeexplorer.core.train.TrainerState lying = new vaeexplorer.core.train.TrainerState(0, 0, 0, new int[] {0, 1},
                new long[] {1, 2}, new float[0][], 0, Double.NaN, 1e-3);
        files.put(nativeFile("trainer beta NaN.vaesession", Map.of(), Map.of("trainer",
                vaeexplorer.core.io.SessionFileAccess.trainerBytes(lying))), "beta");
        Path good = nativeFile("good.vae", Map.of(), Map.of());
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(tmp.resolve("truncated.vaesession"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        files.put(truncated, "truncated");
        Files.delete(good);

        Before b = before();
        for (Map.Entry<Path, String> f : files.entrySet()) {
            assertFalse(open(f.getKey()), f.getKey() + " is not opened");
            assertTrue(fx(() -> true), "the FX thread answers");
            String text = dialogText("sessionErrorDialog", f.getKey().toString());
            assertTrue(text.contains(f.getKey().toString()), "names the file: " + text);
            assertTrue(text.contains(f.getValue()), "names the problem (" + f.getValue() + "): " + text);
            assertFalse(text.contains("Exception") || text.contains("\tat ") || text.contains("For input string"),
                    "in words: " + text);
            assertUnchanged(b, f.getKey().toString());
        }
    }

    @Test
    void aHostileSafeTensorsFileIsExplainedInChineseToo() throws Exception {
        awaitReady();
        HostileSafeTensors corpus = HostileSafeTensors.make(tmp.resolve("st"));
        HostileSafeTensors.Case overlap = corpus.cases.stream().filter(c -> c.problem() == FileProblem.SAFETENSORS_OVERLAP)
                .findFirst().orElseThrow();
        Before b = before();
        run(() -> I18n.locale().set(I18n.CHINESE));
        try {
            assertFalse(open(overlap.file()));
            String text = dialogText("sessionErrorDialog", overlap.name());
            assertTrue(text.contains(overlap.file().toString()) && text.contains("重叠") && text.contains("文件已损坏"), text);
        } finally {
            run(() -> I18n.locale().set(I18n.ENGLISH));
        }
        assertUnchanged(b, overlap.name());
    }

    /** A small PNG whose header says it is side x side pixels (a decoder that believed it would need side^2 x 4 bytes). */
    private static Path hugePng(Path file, int side) throws IOException {
        BufferedImage img = UserData.picture(8, 8, true, new Random(1));
        ImageIO.write(img, "png", file.toFile());
        byte[] png = Files.readAllBytes(file);
        ByteBuffer bb = ByteBuffer.wrap(png); // IHDR: width at 16, height at 20, its CRC over bytes 12..28 at 29
        bb.putInt(16, side).putInt(20, side);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        bb.putInt(29, (int) crc.getValue());
        return Files.write(file, png);
    }

    @Test
    void hostileImageFoldersAndCsvFilesGiveTheirDialogAndKeepTheDataSet() throws Exception {
        awaitReady();
        Before b = before();

        Path junk = Files.createDirectories(tmp.resolve("junk"));
        hugePng(junk.resolve("huge.png"), 30_000);
        boolean fifos = mkfifo(junk.resolve("pipe.png"));
        run(() -> x.imports().openImageFolder(junk, ImportOptions.DEFAULTS));
        assertTrue(fx(() -> true), "the FX thread answers while the folder loads");
        await("the folder's dialog", 30_000, () -> dialog("dataErrorDialog") != null);
        String text = dialogText("dataErrorDialog", "junk folder");
        assertTrue(text.contains(junk.toString()) && text.contains("huge.png") && text.contains("has not changed"), text);
        assertUnchanged(b, "junk folder");

        List<Path> csvs = new ArrayList<>();
        csvs.add(Files.writeString(tmp.resolve("nan.csv"), "label,p1,p2,p3,p4\n0,1,2,3,4\n1,1,NaN,3,4\n"));
        csvs.add(Files.writeString(tmp.resolve("negative.csv"), "p1,p2,p3,p4\n1,2,3,4\n1,-2,3,4\n"));
        csvs.add(Files.writeString(tmp.resolve("ragged.csv"), "p1,p2,p3,p4\n1,2,3,4\n1,2,3\n"));
        csvs.add(Files.writeString(tmp.resolve("not-square.csv"), "p1,p2,p3\n1,2,3\n1,2,3\n"));
        csvs.add(Files.write(tmp.resolve("binary.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}));
        csvs.add(Files.createDirectories(tmp.resolve("folder.csv")));
        if (fifos && mkfifo(tmp.resolve("pipe.csv"))) csvs.add(tmp.resolve("pipe.csv"));
        for (Path csv : csvs) {
            run(() -> x.imports().openCsvFile(csv, ImportOptions.DEFAULTS));
            assertTrue(fx(() -> true), "the FX thread answers");
            await("the dialog of " + csv, 30_000, () -> dialog("dataErrorDialog") != null);
            String t = dialogText("dataErrorDialog", csv.toString());
            assertTrue(t.contains(csv.toString()) && t.contains("has not changed"), t);
            assertFalse(t.contains("Exception"), "in words: " + t);
            assertUnchanged(b, csv.toString());
        }

        // the same hostile files among good pictures are skipped, listed, and the rest loads
        Path mixed = UserData.pictures(tmp.resolve("mixed"), 120, true, 3);
        hugePng(mixed.resolve("huge.png"), 30_000);
        if (fifos) assertTrue(mkfifo(mixed.resolve("pipe.png")));
        run(() -> x.imports().openImageFolder(mixed, ImportOptions.DEFAULTS));
        await("loaded", 30_000, () -> !x.imports().isLoading() && !x.notices().notice().isEmpty());
        String notice = fx(() -> x.notices().notice());
        assertTrue(notice.contains("Skipped " + (fifos ? 2 : 1) + " of " + (fifos ? 122 : 121) + " files"), notice);
        assertEquals(DatasetChoice.Kind.IMAGES, fx(() -> x.settings().dataset().get().kind()));
    }
}
