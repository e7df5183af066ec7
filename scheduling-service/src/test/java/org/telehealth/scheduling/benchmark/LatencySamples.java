package org.telehealth.scheduling.benchmark;

import java.util.Arrays;

/**
 * Latencies of one benchmark phase, kept whole (a few tens of thousands of longs) so percentiles
 * are exact rather than bucketed. Filled by one thread per client, merged after the phase.
 */
final class LatencySamples {

    private long[] nanos = new long[1024];
    private int size;

    void add(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    static LatencySamples merge(Iterable<LatencySamples> parts) {
        LatencySamples all = new LatencySamples();
        for (LatencySamples part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.nanos[i]);
            }
        }
        Arrays.sort(all.nanos, 0, all.size);
        return all;
    }

    int count() {
        return size;
    }

    /** The {@code p}-th percentile in milliseconds of a merged (sorted) set. */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return nanos[Math.max(0, Math.min(size - 1, index))] / 1e6;
    }
}
