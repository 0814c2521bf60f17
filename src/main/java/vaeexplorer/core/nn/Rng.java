package vaeexplorer.core.nn;

/**
 * The one seeded random number generator of a run (xoshiro256**, seeded through SplitMix64). Not thread-safe: each
 * thread that needs randomness gets its own, made from a seed. Same seed, same sequence, on every machine.
 */
public final class Rng {
    private long s0, s1, s2, s3;
    private double spareGaussian;
    private boolean hasSpare;

    public Rng(long seed) {
        long x = seed;
        x += 0x9E3779B97F4A7C15L; s0 = mix(x);
        x += 0x9E3779B97F4A7C15L; s1 = mix(x);
        x += 0x9E3779B97F4A7C15L; s2 = mix(x);
        x += 0x9E3779B97F4A7C15L; s3 = mix(x);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive: " + bound);
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Standard normal, by the Marsaglia polar method. */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u, v, s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * f;
        hasSpare = true;
        return u * f;
    }

    /** Fisher-Yates shuffle in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
    }

    /** The full state, to save a run and continue it exactly. */
    public long[] state() {
        return new long[] {s0, s1, s2, s3, Double.doubleToRawLongBits(spareGaussian), hasSpare ? 1 : 0};
    }

    /** Restores a state returned by {@link #state()}. */
    public void restore(long[] state) {
        if (state.length != 6) throw new IllegalArgumentException("an Rng state has 6 words, got " + state.length);
        s0 = state[0]; s1 = state[1]; s2 = state[2]; s3 = state[3];
        spareGaussian = Double.longBitsToDouble(state[4]);
        hasSpare = state[5] != 0;
    }
}
