package vaeexplorer.core.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The loss curve of a run with bounded memory: once there are more than {@code capacity} training points, neighbouring
 * pairs are merged (losses averaged, the later step kept), so an hour-long run keeps its shape in a fixed space. Test
 * points (one per epoch) are kept up to the same bound, then thinned the same way. Not thread-safe: one thread owns it.
 */
public final class LossHistory {
    private final int capacity;
    private final List<LossPoint> points = new ArrayList<>();
    private final List<TestPoint> tests = new ArrayList<>();

    public LossHistory(int capacity) {
        if (capacity < 4) throw new IllegalArgumentException("capacity must be at least 4");
        this.capacity = capacity;
    }

    public LossHistory() {
        this(4000);
    }

    public void addAll(List<LossPoint> more, List<TestPoint> moreTests) {
        for (LossPoint p : more) add(p);
        for (TestPoint t : moreTests) addTest(t);
    }

    public void add(LossPoint p) {
        points.add(p);
        if (points.size() > capacity) halve();
    }

    public void addTest(TestPoint t) {
        tests.add(t);
        if (tests.size() > capacity) {
            List<TestPoint> kept = new ArrayList<>();
            for (int i = 1; i < tests.size(); i += 2) kept.add(tests.get(i));
            tests.clear();
            tests.addAll(kept);
        }
    }

    private void halve() {
        List<LossPoint> merged = new ArrayList<>(points.size() / 2 + 1);
        int i = 0;
        for (; i + 1 < points.size(); i += 2) {
            LossPoint a = points.get(i), b = points.get(i + 1);
            merged.add(new LossPoint(b.step(), b.epochPosition(), (a.loss() + b.loss()) / 2, (a.recon() + b.recon()) / 2,
                    (a.kl() + b.kl()) / 2, b.beta()));
        }
        if (i < points.size()) merged.add(points.get(i));
        points.clear();
        points.addAll(merged);
    }

    public List<LossPoint> points() {
        return Collections.unmodifiableList(points);
    }

    public List<TestPoint> tests() {
        return Collections.unmodifiableList(tests);
    }

    public int capacity() {
        return capacity;
    }

    public void clear() {
        points.clear();
        tests.clear();
    }
}
