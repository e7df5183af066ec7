package org.telehealth.signaling.room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.telehealth.events.visit.VisitEvent;
import org.telehealth.signaling.cluster.RoomFactPublisher;
import org.telehealth.signaling.cluster.VisitFact;
import org.telehealth.signaling.config.SignalingConfig;
import org.telehealth.signaling.events.VisitEventPublisher;
import org.telehealth.signaling.visit.Visit;
import org.telehealth.signaling.visit.VisitDirectory;

/**
 * The rooms of this instance, one per visit, created on a first join or a first fact from another
 * instance: each instance keeps every visit's participants of the others, so that a socket reaching
 * it finds the visit as it is. Visit events go to Kafka and, as CDI events, to the parts of this
 * service that follow the call (media); facts go to the other instances; what arrives from them goes
 * to the visit's room.
 *
 * <p>A room nobody is in and nothing happens in is evicted ({@link RoomSweeper}); the visit gets a
 * new room when a socket or a fact needs one. That the visit ended outlives its room in the
 * {@link VisitDirectory}: a late join is refused by admission, and a room rebuilt for the visit
 * starts ended. Seats are numbered across all rooms of the instance, so a rebuilt room's seats are
 * new to the other instances.
 */
@ApplicationScoped
public class VisitRooms {

    private final Map<UUID, VisitRoom> rooms = new ConcurrentHashMap<>();
    private final RoomBus bus;
    private final Duration reconnectGrace;
    private final Scheduler scheduler;
    private final VisitDirectory directory;
    private final CallRelays relays;

    @Inject
    public VisitRooms(VisitEventPublisher publisher, RoomFactPublisher facts, Event<VisitEvent> happenings,
            Event<CallNotice> notices, SignalingConfig config, WorkerScheduler scheduler, VisitDirectory directory,
            CallRelays relays) {
        this(new RoomBus() {
            private final AtomicLong seats = new AtomicLong();

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

            @Override
            public long newSeat() {
                return seats.incrementAndGet();
            }
        }, config.reconnectGrace(), scheduler, directory, relays);
    }

    VisitRooms(RoomBus bus, Duration reconnectGrace, Scheduler scheduler, VisitDirectory directory) {
        this(bus, reconnectGrace, scheduler, directory, CallRelays.NONE);
    }

    VisitRooms(RoomBus bus, Duration reconnectGrace, Scheduler scheduler, VisitDirectory directory, CallRelays relays) {
        this.bus = bus;
        this.reconnectGrace = reconnectGrace;
        this.scheduler = scheduler;
        this.directory = directory;
        this.relays = relays;
    }

    /** Joins the socket to the visit's room (see {@link VisitRoom#join}), a new one if the last was evicted meanwhile. */
    public VisitRoom join(UUID visitId, Participant socket) {
        VisitRoom room = of(visitId);
        while (!room.join(socket)) {
            room = replace(room);
        }
        return room;
    }

    /** The visit's room if this instance has one: it holds or held participants of it, or read facts about it, lately. */
    public Optional<VisitRoom> existing(UUID visitId) {
        return Optional.ofNullable(rooms.get(visitId));
    }

    public Collection<VisitRoom> all() {
        return List.copyOf(rooms.values());
    }

    /** How many rooms this instance holds. */
    public int size() {
        return rooms.size();
    }

    /** A fact of any instance, this one included, in the order of the visit's partition. */
    void apply(@Observes VisitFact fact) {
        VisitRoom room = of(fact.visitId());
        while (!room.apply(fact, scheduler.now())) {
            room = replace(room);
        }
    }

    /**
     * Evicts the room if it is idle ({@link VisitRoom#evictIfIdle}); true if this call evicted it.
     * That the visit ended is first kept by the directory, which answers late joins from then on.
     */
    boolean evict(VisitRoom room, Instant now, Duration idleTimeout, Duration endedRetention, Predicate<VisitRoom> held) {
        if (room.isEnded()) {
            directory.ended(room.visitId());
        }
        boolean evicted = room.evictIfIdle(now, idleTimeout, endedRetention, held);
        if (room.isEvicted()) {
            rooms.remove(room.visitId(), room);
        }
        return evicted;
    }

    VisitRoom of(UUID visitId) {
        return rooms.computeIfAbsent(visitId, this::newRoom);
    }

    private VisitRoom newRoom(UUID visitId) {
        VisitRoom room = new VisitRoom(visitId, bus, reconnectGrace, scheduler, relays);
        if (directory.find(visitId).filter(Visit::ended).isPresent()) {
            room.endedBefore();
        }
        return room;
    }

    /** The room was evicted while a caller held it: the visit's new room. */
    private VisitRoom replace(VisitRoom evicted) {
        rooms.remove(evicted.visitId(), evicted);
        return of(evicted.visitId());
    }
}
