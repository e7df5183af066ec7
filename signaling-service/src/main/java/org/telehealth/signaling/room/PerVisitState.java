package org.telehealth.signaling.room;

/**
 * What another feature keeps about a visit beside its room (the recording request, the queue of
 * media calls, the last quality poll). It may hold the room while something of its own is under
 * way, and forgets the visit when the room is evicted, so that nothing of an evicted visit stays
 * behind. Rooms know nothing of those features: {@link RoomSweeper} asks each of them.
 */
public interface PerVisitState {

    /** Whether the room must stay for now; asked under the room's lock, once nothing else holds it. */
    default boolean holdsRoom(VisitRoom room) {
        return false;
    }

    /**
     * The room was evicted: forget what is kept for it. The visit may already have a new room
     * (another object), whose state must stay.
     */
    void roomEvicted(VisitRoom room);
}
