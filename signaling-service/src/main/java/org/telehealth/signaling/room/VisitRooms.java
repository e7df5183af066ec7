package org.telehealth.signaling.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.telehealth.events.visit.VisitEvent;
import org.telehealth.signaling.config.SignalingConfig;
import org.telehealth.signaling.events.VisitEventPublisher;

/**
 * The rooms of this instance, one per visit, created on first join. State lives here in memory: a
 * single instance for now; scale-out will share it through Kafka (docs/signaling-protocol.md).
 * Ended rooms are kept so that late joins learn the visit is over (eviction comes with scale-out).
 * Every visit event of a room goes to Kafka and, as a CDI event, to the parts of this service that
 * follow the call (media).
 */
@ApplicationScoped
public class VisitRooms {

    private final Map<UUID, VisitRoom> rooms = new ConcurrentHashMap<>();
    private final VisitEventPublisher publisher;
    private final Event<VisitEvent> happenings;
    private final Duration reconnectGrace;
    private final Scheduler scheduler;

    public VisitRooms(VisitEventPublisher publisher, Event<VisitEvent> happenings, SignalingConfig config,
            WorkerScheduler scheduler) {
        this.publisher = publisher;
        this.happenings = happenings;
        this.reconnectGrace = config.reconnectGrace();
        this.scheduler = scheduler;
    }

    public VisitRoom of(UUID visitId) {
        return rooms.computeIfAbsent(visitId, id -> new VisitRoom(id, this::happened, reconnectGrace, scheduler));
    }

    private void happened(VisitEvent event) {
        publisher.publish(event);
        happenings.fire(event);
    }
}
