package org.telehealth.signaling.cluster;

import org.telehealth.events.EventCatalog;

/** The facts of topic {@code telehealth.signaling-rooms}; internal to signaling-service (docs/architecture.md). */
public final class RoomFacts {

    public static final EventCatalog CATALOG = EventCatalog.of(MemberAnnounced.class, MemberLeft.class,
            AdmissionDecided.class, ChatSent.class, VisitEndedByHost.class, MediaRoomProposed.class,
            MediaRoomReleased.class);

    private RoomFacts() {
    }
}
