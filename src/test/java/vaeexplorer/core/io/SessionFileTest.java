package vaeexplorer.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vaeexplorer.core.data.BuiltInDatasets;
import vaeexplorer.core.data.DataSplit;
import vaeexplorer.core.nn.EjmlMatMul;
import vaeexplorer.core.nn.Rng;
import vaeexplorer.core.train.LossHistory;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TrainConfig;
import vaeexplorer.core.train.Trainer;
import vaeexplorer.core.vae.Vae;
import vaeexplorer.core.vae.VaeConfig;

class SessionFileTest {
    @TempDir
    Path dir;

    private static DataSplit data() throws Exception {
        DataSplit m = BuiltInDatasets.load("mnist");
        int[] idx = new int[500];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        return new DataSplit(m.train().subset("mnist", idx), m.test().subset("mnist-test", java.util.Arrays.copyOf(idx, 100)));
    }

    private static Trainer fresh(DataSplit d, TrainConfig tc) {
        Rng rng = new Rng(tc.seed());
        return new Trainer(new Vae(VaeConfig.of(784, 24, 2), rng), d, tc, new EjmlMatMul(1), rng);
    }

    private static List<Double> steps(Trainer t, int n) throws Exception {
        List<Double> losses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            t.trainStep();
            losses.add(t.takeReport().loss());
        }
        return losses;
    }

    @Test
    void aSessionSavedMidEpochContinuesExactlyAsIfNeverInterrupted() throws Exception {
        DataSplit d = data();
        TrainConfig tc = new TrainConfig(0.8, 2e-3, 64, 4, 5, TrainConfig.OptimizerKind.ADAM, 1);
        Trainer original = fresh(d, tc);
        steps(original, 11);
        original.setBeta(0.6);
        LossHistory history = new LossHistory(8);
        for (int i = 0; i < 11; i++) history.add(new LossPoint(i + 1, i / 8.0, 200 - i, 190 - i, 10, 0.8));
        Path f = dir.resolve("s.vaesession");
        SessionFile.save(f, original, "mnist", history, Map.of("z", "0.5,-1.25", "zoom", "2"));
        List<Double> uninterrupted = steps(original, 12);

        SessionFile.Session s = SessionFile.load(f);
        assertTrue(s.hasTrainingState());
        assertEquals("mnist", s.dataset());
        assertEquals(tc.withBeta(0.6), s.trainConfig(), "the settings in effect when saved");
        assertEquals(Map.of("z", "0.5,-1.25", "zoom", "2"), s.view());
        assertEquals(history.points(), s.history().points());
        Trainer resumed = new Trainer(s.model().vae(), d, s.trainConfig(), new EjmlMatMul(1), new Rng(0));
        resumed.restore(s.trainer());
        assertEquals(11, resumed.step());
        assertEquals(0.6, resumed.beta());
        assertEquals(uninterrupted, steps(resumed, 12), "the same losses, bit for bit");
        for (int k = 0; k < original.vae().params().size(); k++)
            assertArrayEquals(original.vae().params().get(k).value.data, resumed.vae().params().get(k).value.data);
    }

    @Test
    void aPlainModelFileOpensAsASessionWithoutTrainingState() throws Exception {
        Path f = dir.resolve("m.vae");
        ModelFile.save(f, new Vae(VaeConfig.of(784, 8, 2), new Rng(1)), Map.of("dataset", "fashion-mnist"));
        SessionFile.Session s = SessionFile.load(f);
        assertFalse(s.hasTrainingState());
        assertEquals("fashion-mnist", s.dataset());
        assertTrue(s.history().points().isEmpty());
    }

    @Test
    void everyTruncationOfASessionIsRefused() throws Exception {
        DataSplit d = data();
        Trainer t = fresh(d, new TrainConfig(1, 1e-3, 100, 1, 1, TrainConfig.OptimizerKind.ADAM, 1));
        steps(t, 2);
        Path f = dir.resolve("s.vaesession");
        SessionFile.save(f, t, "mnist", new LossHistory(), Map.of());
        byte[] whole = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.vaesession");
        for (int n = 0; n < whole.length; n += 1 + n / 50) {
            Files.write(cut, java.util.Arrays.copyOf(whole, n));
            FileFormatException e = assertThrows(FileFormatException.class, () -> SessionFile.load(cut), "cut at " + n);
            assertTrue(e.getMessage().contains("cut.vaesession"), e.getMessage());
        }
    }

    @Test
    void theLossHistoryStaysBoundedAndKeepsItsShape() {
        LossHistory h = new LossHistory(100);
        for (int i = 1; i <= 100_000; i++) h.add(new LossPoint(i, i / 100.0, 1000.0 / i, 900.0 / i, 100.0 / i, 1));
        assertTrue(h.points().size() <= 100 && h.points().size() >= 50, "size " + h.points().size());
        assertEquals(100_000, h.points().get(h.points().size() - 1).step());
        for (int i = 1; i < h.points().size(); i++)
            assertTrue(h.points().get(i).loss() < h.points().get(i - 1).loss(), "still falling at " + i);
    }

    @Test
    void aSessionWrittenFromPartsTakenOnTwoThreadsEqualsOneSavedAtOnce() throws Exception {
        DataSplit d = data();
        Trainer t = fresh(d, new TrainConfig(1, 1e-3, 100, 1, 1, TrainConfig.OptimizerKind.ADAM, 1));
        steps(t, 3);
        LossHistory history = new LossHistory();
        history.add(new LossPoint(3, 0.6, 200, 190, 10, 1));
        Path whole = dir.resolve("whole.vaesession"), parts = dir.resolve("parts.vaesession");
        SessionFile.save(whole, t, "mnist", history, Map.of("z", "1,2"));
        var modelAndTrainer = SessionFile.modelAndTrainer(t, "mnist");
        SessionFile.Copy copy = SessionFile.copy(t, "mnist");
        steps(t, 2); // training goes on while the parts are written
        SessionFile.write(parts, modelAndTrainer, SessionFile.historyAndView(history, Map.of("z", "1,2")));
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(parts));
        assertEquals(3, SessionFile.load(parts).trainer().step());
        Path fromCopy = dir.resolve("copy.vaesession");
        SessionFile.write(fromCopy, SessionFile.modelAndTrainer(copy), SessionFile.historyAndView(history, Map.of("z", "1,2")));
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(fromCopy), "a copy taken then gives the same file");
        Path streamed = dir.resolve("streamed.vaesession");
        SessionFile.write(streamed, copy, SessionFile.historyAndView(history, Map.of("z", "1,2")));
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(streamed),
                "the streamed save (the app's: no bytes copy of the weights) writes the same file");
    }
}
