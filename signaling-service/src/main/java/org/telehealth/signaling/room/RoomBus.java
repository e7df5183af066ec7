package org.telehealth.signaling.room;

import java.util.function.LongFunction;
import org.telehealth.events.visit.VisitEvent;
import org.telehealth.signaling.cluster.VisitFact;

/**
 * What a room tells the world: the visit events it owns (to {@code telehealth.visits} and, inside
 * this service, to media), the facts the other instances need (topic
 * {@code telehealth.signaling-rooms}), and what media must do about the call. Kept as an interface
 * so that rooms are tested with plain objects.
 */
public interface RoomBus {

    /** This instance's id: the origin of its facts and the prefix of its seats. */
    String instance();

    /** A visit event of a participant this instance holds (each is emitted by one instance only). */
    void happened(VisitEvent event);

    /** Publishes a fact for the other instances, numbered by the bus; returns its number. */
    long tell(LongFunction<? extends VisitFact> fact);

    /** Something media must act on. */
    void notice(CallNotice notice);

    /**
     * The number of a new seat of this instance, never given before by any of its rooms: a visit's
     * room rebuilt after eviction must not reuse a seat the other instances saw end.
     */
    long newSeat();
}
