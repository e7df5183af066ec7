package org.telehealth.scheduling.availability.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.telehealth.scheduling.availability.BusyRange;

/**
 * A doctor's busy ranges merged into disjoint, ordered ranges, so that asking whether a slot is taken
 * costs a binary search instead of a scan of every appointment of two months.
 */
final class BusyTimes {

    private final List<BusyRange> merged;

    BusyTimes(List<BusyRange> ranges) {
        List<BusyRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(BusyRange::start));
        List<BusyRange> result = new ArrayList<>();
        for (BusyRange range : sorted) {
            BusyRange last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last != null && !range.start().isAfter(last.end())) {
                if (range.end().isAfter(last.end())) {
                    result.set(result.size() - 1, new BusyRange(last.start(), range.end()));
                }
            } else {
                result.add(range);
            }
        }
        this.merged = Collections.unmodifiableList(result);
    }

    /** Whether [start, end) shares an instant with a busy range; touching one does not count. */
    boolean overlaps(Instant start, Instant end) {
        int low = 0;
        int high = merged.size();
        while (low < high) { // first range that ends after start; ends are ordered as ranges are disjoint
            int middle = (low + high) >>> 1;
            if (merged.get(middle).end().isAfter(start)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low < merged.size() && merged.get(low).start().isBefore(end);
    }
}
