package org.telehealth.signaling.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN until this instance has applied the facts of {@code telehealth.signaling-rooms}
 * that were there when it started reading (the look-back of {@link RecentRoomFacts}): before that it
 * does not know who is in the visits the other instances serve, and a page resuming on it would be
 * taken for a newcomer. Once caught up it stays UP; later lag is the normal flow of facts. Also the
 * {@code @Default} bean the consumer reports its progress to.
 */
@Readiness
@Default
@ApplicationScoped
public class RoomFactsCaughtUp implements HealthCheck {

    static final String NAME = "Visits of the other signaling instances";

    /** The offset of the last fact to apply in each partition assigned at start; removed once applied. */
    private final Map<Integer, Long> pending = new ConcurrentHashMap<>();
    private volatile boolean assigned;
    private volatile boolean caughtUp;

    @Override
    public HealthCheckResponse call() {
        if (caughtUp) {
            return HealthCheckResponse.named(NAME).up().build();
        }
        String reason = assigned ? "reading back " + pending.size() + " partitions" : "waiting for the topic's partitions";
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }

    /** Whether the facts found at start have all been applied. */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    /** The partitions assigned first, each with the offset of its last fact then (none: {@code -1} or below the start). */
    void started(Map<Integer, Long> lastOffsets, Map<Integer, Long> startPositions) {
        lastOffsets.forEach((partition, last) -> {
            if (last >= startPositions.getOrDefault(partition, Long.MAX_VALUE)) {
                pending.put(partition, last);
            }
        });
        assigned = true;
        caughtUp = pending.isEmpty();
    }

    /** A fact at this position has been applied. */
    void applied(int partition, long offset) {
        if (!caughtUp && pending.computeIfPresent(partition, (p, last) -> offset >= last ? null : last) == null
                && assigned && pending.isEmpty()) {
            caughtUp = true;
        }
    }
}
