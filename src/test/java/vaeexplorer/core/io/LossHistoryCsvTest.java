package vaeexplorer.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import vaeexplorer.core.train.Evaluation;
import vaeexplorer.core.train.LossHistory;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TestPoint;

class LossHistoryCsvTest {
    @Test
    void oneRowPerStepWithTestLossesOnTheEpochEndRows() throws Exception {
        LossHistory h = new LossHistory();
        h.add(new LossPoint(5, 0.5, 200.5, 190.25, 10.25, 1));
        h.add(new LossPoint(10, 1.0, 150, 140, 10, 1));
        h.addTest(new TestPoint(1, 10, new Evaluation(155, 144, 11, new double[] {5, 6}, 100)));
        h.add(new LossPoint(15, 1.5, 120, 112, 8, 0.5));
        StringWriter w = new StringWriter();
        assertEquals(3, LossHistoryCsv.write(w, h));
        String[] lines = w.toString().split("\n");
        assertEquals(4, lines.length);
        assertEquals("step,epoch,train_loss,train_recon,train_kl,beta,test_loss,test_recon,test_kl,train_steps_averaged",
                lines[0]);
        assertEquals("5,0.5,200.5,190.25,10.25,1,,,,5", lines[1]);
        assertEquals("10,1,150,140,10,1,155,144,11,5", lines[2]);
        assertEquals("15,1.5,120,112,8,0.5,,,,5", lines[3]);
    }

    @Test
    void aTestWithoutATrainingPointAtItsStepGetsARowOfItsOwn() throws Exception {
        LossHistory h = new LossHistory();
        h.add(new LossPoint(12, 1.2, 100, 90, 10, 1));
        h.addTest(new TestPoint(1, 10, new Evaluation(0.000012345, 1e6, 3, new double[] {3}, 100)));
        StringWriter w = new StringWriter();
        assertEquals(2, LossHistoryCsv.write(w, h));
        String[] lines = w.toString().split("\n");
        assertEquals("10,1,,,,,1.2345e-05,1000000,3,", lines[1]);
        assertEquals(10, lines[1].split(",", -1).length, "every row has all ten columns");
        assertEquals(10, lines[2].split(",", -1).length);
        assertEquals("12", lines[2].substring(lines[2].lastIndexOf(',') + 1), "steps 1..12 averaged");
    }

    @Test
    void eachRowSaysHowManyStepsItsMeanCoversAlsoAfterMerging() throws Exception {
        LossHistory h = new LossHistory(4);
        long[] steps = {3, 7, 8, 20, 21};
        for (long s : steps) h.add(new LossPoint(s, s / 10.0, s, s, 0, 1));
        StringWriter w = new StringWriter();
        LossHistoryCsv.write(w, h);
        String[] lines = w.toString().split("\n");
        long covered = 0, last = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(",", -1);
            long step = Long.parseLong(c[0]), averaged = Long.parseLong(c[9]);
            assertEquals(step - last, averaged, lines[i]);
            covered += averaged;
            last = step;
        }
        assertEquals(21, covered, "the rows together cover every step once");
        assertTrue(lines.length - 1 < steps.length, "the history merged points");
    }

    @Test
    void anEmptyHistoryIsJustTheHeader() throws Exception {
        StringWriter w = new StringWriter();
        assertEquals(0, LossHistoryCsv.write(w, new LossHistory()));
        assertEquals(LossHistoryCsv.HEADER + "\n", w.toString());
    }
}
