package org.telehealth.signaling.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.telehealth.events.visit.VisitEvent;
import org.telehealth.signaling.cluster.RoomFactPublisher;
import org.telehealth.signaling.cluster.VisitFact;
import org.telehealth.signaling.config.SignalingConfig;
import org.telehealth.signaling.events.VisitEventPublisher;

/**
 * The rooms of this instance, one per visit, created on a first join or a first fact from another
 * instance: each instance keeps every visit's participants of the others, so that a socket reaching
 * it finds the visit as it is. Ended rooms are kept so that late joins learn the visit is over.
 * Visit events go to Kafka and, as CDI events, to the parts of this service that follow the call
 * (media); facts go to the other instances; what arrives from them goes to the visit's room.
 */
@ApplicationScoped
public class VisitRooms {

    private final Map<UUID, VisitRoom> rooms = new ConcurrentHashMap<>();
    private final RoomBus bus;
    private final Duration reconnectGrace;
    private final Scheduler scheduler;
    private final CallRelays relays;

    public VisitRooms(VisitEventPublisher publisher, RoomFactPublisher facts, Event<VisitEvent> happenings,
            Event<CallNotice> notices, SignalingConfig config, WorkerScheduler scheduler, CallRelays relays) {
        this.bus = new RoomBus() {
            @Override
            public String instance() {
                return facts.instance();
            }

            @Override
            public void happened(VisitEvent event) {
                publisher.publish(event);
                happenings.fire(event);
            }

            @Override
            public long tell(LongFunction<? extends VisitFact> fact) {
                return facts.publish(fact);
            }

            @Override
            public void notice(CallNotice notice) {
                notices.fire(notice);
            }
        };
        this.reconnectGrace = config.reconnectGrace();
        this.scheduler = scheduler;
        this.relays = relays;
    }

    public VisitRoom of(UUID visitId) {
        return rooms.computeIfAbsent(visitId, id -> new VisitRoom(id, bus, reconnectGrace, scheduler, relays));
    }

    /** The visit's room if this instance has one: it holds or held participants of it, or read facts about it. */
    public Optional<VisitRoom> existing(UUID visitId) {
        return Optional.ofNullable(rooms.get(visitId));
    }

    public Collection<VisitRoom> all() {
        return List.copyOf(rooms.values());
    }

    /** A fact of any instance, this one included, in the order of the visit's partition. */
    void apply(@Observes VisitFact fact) {
        of(fact.visitId()).apply(fact, Instant.now());
    }
}
