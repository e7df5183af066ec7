package org.telehealth.signaling.room;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.telehealth.signaling.events.VisitEventPublisher;

/**
 * The rooms of this instance, one per visit, created on first join. State lives here in memory: a
 * single instance for now; scale-out will share it through Kafka (docs/signaling-protocol.md).
 * Ended rooms are kept so that late joins learn the visit is over (eviction comes with scale-out).
 */
@ApplicationScoped
public class VisitRooms {

    private final Map<UUID, VisitRoom> rooms = new ConcurrentHashMap<>();
    private final VisitEventPublisher events;

    public VisitRooms(VisitEventPublisher events) {
        this.events = events;
    }

    public VisitRoom of(UUID visitId) {
        return rooms.computeIfAbsent(visitId, id -> new VisitRoom(id, events::publish));
    }
}
