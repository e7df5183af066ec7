package org.telehealth.signaling.benchmark;

import java.util.Arrays;
import java.util.Collection;

/** Exact percentiles (nearest rank) of a set of values small enough to keep whole. */
final class Percentiles {

    private final double[] sorted;

    Percentiles(Collection<Double> values) {
        sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    Percentiles(double[] values, int count) {
        sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The {@code p}-th percentile, NaN when there are no values. */
    double at(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }
}
