package dev.zeno.bench.perf;

/**
 * A fixed-size log-linear histogram of durations in nanoseconds (HdrHistogram's idea, in a
 * few lines): exact below 128 ns, then 64 buckets per power of two, so any reported value is
 * within 1/64 (1.6 %) of the true one. Recording allocates nothing. Not thread-safe.
 */
public final class Histogram {
    private static final int LINEAR = 128;
    private static final int SUB_BUCKETS = 64;
    private static final int BUCKETS = LINEAR + (63 - 7) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;
    private long min = Long.MAX_VALUE;
    private double sum;

    /** Records one duration (negative values count as 0). */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        total++;
        sum += v;
        if (v > max) {
            max = v;
        }
        if (v < min) {
            min = v;
        }
    }

    /** The number of values recorded. */
    public long count() {
        return total;
    }

    /** The largest value recorded, 0 if none. */
    public long max() {
        return total == 0 ? 0 : max;
    }

    /** The smallest value recorded, 0 if none. */
    public long min() {
        return total == 0 ? 0 : min;
    }

    /** The mean of the values recorded, 0 if none. */
    public double mean() {
        return total == 0 ? 0 : sum / total;
    }

    /**
     * The value at {@code percentile} (0-100): the middle of the bucket holding the value below
     * which that share of the recorded values lies; 0 if nothing was recorded.
     */
    public long percentile(double percentile) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(percentile / 100.0 * total);
        rank = Math.max(1, Math.min(total, rank));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, Math.max(min, middle(i)));
            }
        }
        return max;
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int msb = 63 - Long.numberOfLeadingZeros(v);
        int shift = msb - 6;
        int top = (int) (v >>> shift);   // 64..127
        return LINEAR + (msb - 7) * SUB_BUCKETS + (top - SUB_BUCKETS);
    }

    static long lowerBound(int index) {
        if (index < LINEAR) {
            return index;
        }
        int k = index - LINEAR;
        int msb = 7 + k / SUB_BUCKETS;
        long top = SUB_BUCKETS + k % SUB_BUCKETS;
        return top << (msb - 6);
    }

    private static long middle(int index) {
        if (index < LINEAR) {
            return index;
        }
        long low = lowerBound(index);
        long width = index + 1 < BUCKETS ? lowerBound(index + 1) - low : 1;
        return low + width / 2;
    }
}
