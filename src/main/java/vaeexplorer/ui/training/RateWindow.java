package vaeexplorer.ui.training;

import java.util.ArrayDeque;

/**
 * The training rate of the last few seconds, for the time-left estimate: the average since the start is far too low
 * while the JIT is still compiling (the first seconds of a fresh program run at a fraction of full speed), so the
 * estimate uses only recent progress, and says nothing until that rate has settled (its two halves agree).
 */
final class RateWindow {
    private record Sample(double seconds, long images) {}

    private final double windowSeconds;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    /** @param windowSeconds how far back the rate looks */
    RateWindow(double windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    /** Progress at a moment (seconds on any steady clock); a count that goes back (a new run) starts afresh. */
    void add(double seconds, long images) {
        if (!samples.isEmpty() && (images < samples.peekLast().images() || seconds < samples.peekLast().seconds()))
            samples.clear();
        samples.addLast(new Sample(seconds, images));
        while (samples.size() > 2 && seconds - samples.peekFirst().seconds() > windowSeconds) samples.removeFirst();
    }

    void clear() {
        samples.clear();
    }

    /**
     * Images per second over the window, or NaN while it is not known: the window spans less than half its length,
     * or the rates of its first and second halves differ by more than a fifth (still speeding up, or stalled).
     */
    double settledRate() {
        if (samples.size() < 3) return Double.NaN;
        Sample first = samples.peekFirst(), last = samples.peekLast();
        double span = last.seconds() - first.seconds();
        if (span < windowSeconds / 2) return Double.NaN;
        Sample middle = first;
        for (Sample s : samples) {
            middle = s;
            if (s.seconds() - first.seconds() >= span / 2) break;
        }
        double early = rate(first, middle), late = rate(middle, last);
        if (!(early > 0 && late > 0) || Math.abs(late - early) > 0.2 * Math.max(early, late)) return Double.NaN;
        return rate(first, last);
    }

    private static double rate(Sample a, Sample b) {
        double dt = b.seconds() - a.seconds();
        return dt > 0 ? (b.images() - a.images()) / dt : Double.NaN;
    }
}
