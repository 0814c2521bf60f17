package vaeexplorer.core.io;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import vaeexplorer.core.train.LossHistory;
import vaeexplorer.core.train.LossPoint;
import vaeexplorer.core.train.TestPoint;

/**
 * A loss history as CSV, one row per step, in step order:
 * {@code step,epoch,train_loss,train_recon,train_kl,beta,test_loss,test_recon,test_kl,train_steps_averaged}. A row is
 * not one step: training reports about every 80 ms and a long history merges neighbouring points, so the training
 * columns hold the mean losses over the steps since the row before, and {@code train_steps_averaged} says how many
 * steps that is (a row with {@code step} 40 and 25 averaged covers steps 16..40); {@code epoch} is the fractional epoch
 * at the row's step (2.5 = halfway through the third). The test columns are filled at epoch ends, on the row of the step the evaluation followed; a test
 * whose step has no training point (merged away in a long history) gets a row of its own with empty training columns
 * and its whole epoch number. Losses are means per image in nats.
 */
public final class LossHistoryCsv {
    public static final String HEADER =
            "step,epoch,train_loss,train_recon,train_kl,beta,test_loss,test_recon,test_kl,train_steps_averaged";

    private LossHistoryCsv() {}

    /** Writes the header and the rows; returns the number of rows (without the header). */
    public static int write(Writer w, LossHistory history) throws IOException {
        Map<Long, LossPoint> train = new TreeMap<>();
        for (LossPoint p : history.points()) train.put(p.step(), p);
        Map<Long, TestPoint> tests = new TreeMap<>();
        for (TestPoint t : history.tests()) tests.put(t.step(), t);
        TreeMap<Long, Boolean> steps = new TreeMap<>();
        for (Long s : train.keySet()) steps.put(s, Boolean.TRUE);
        for (Long s : tests.keySet()) steps.put(s, Boolean.TRUE);

        w.write(HEADER);
        w.write('\n');
        StringBuilder b = new StringBuilder();
        long previousTrainStep = 0;
        for (Long step : steps.keySet()) {
            LossPoint p = train.get(step);
            TestPoint t = tests.get(step);
            b.setLength(0);
            b.append(step).append(',');
            if (p != null) {
                b.append(num(p.epochPosition())).append(',').append(num(p.loss())).append(',').append(num(p.recon()))
                        .append(',').append(num(p.kl())).append(',').append(num(p.beta()));
            } else {
                b.append(t.epoch()).append(",,,,");
            }
            b.append(',');
            if (t != null) {
                b.append(num(t.evaluation().loss())).append(',').append(num(t.evaluation().recon())).append(',')
                        .append(num(t.evaluation().kl()));
            } else {
                b.append(",,");
            }
            b.append(',');
            if (p != null) {
                b.append(step - previousTrainStep);
                previousTrainStep = step;
            }
            w.write(b.append('\n').toString());
        }
        return steps.size();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        // eight significant digits, without trailing zeros: 2.5, 181.23457, 1.2345e-05
        String s = String.format(Locale.ROOT, "%.8g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e), exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) mantissa = mantissa.substring(0, mantissa.length() - 1);
        }
        return mantissa + exponent;
    }
}
