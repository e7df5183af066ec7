package org.telehealth.media.benchmark;

/**
 * One-way packet latencies in 1 µs buckets up to 100 ms, so that percentiles are exact to the
 * microsecond without keeping every sample (HdrHistogram is not on our class path). Longer
 * latencies fall into one overflow bucket and read as 100 ms. Not thread-safe: one writer.
 */
final class LatencyHistogram {

    static final int MAX_MICROS = 100_000;

    private final long[] counts = new long[MAX_MICROS + 1];
    private long total;
    private long maxNanos;

    void record(long nanos) {
        long micros = Math.max(0, nanos) / 1_000;
        counts[(int) Math.min(micros, MAX_MICROS)]++;
        total++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    long count() {
        return total;
    }

    /**
     * The latency below which {@code fraction} of the samples lie, in microseconds: the middle of its
     * bucket, or exactly {@link #MAX_MICROS} for 100 ms or more; 0 when empty.
     */
    double percentileMicros(double fraction) {
        if (total == 0) {
            return 0;
        }
        long wanted = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int micros = 0; micros < MAX_MICROS; micros++) {
            seen += counts[micros];
            if (seen >= Math.max(1, wanted)) {
                return micros + 0.5; // the middle of the bucket
            }
        }
        return MAX_MICROS; // in the overflow bucket: 100 ms or more
    }

    double maxMicros() {
        return maxNanos / 1_000.0;
    }
}
