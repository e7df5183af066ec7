package org.telehealth.events.visit;

import org.telehealth.events.EventCatalog;

/** The events of topic {@code telehealth.visits}, for consumers' catalogs. */
public final class VisitEvents {

    public static final EventCatalog CATALOG = EventCatalog.of(VisitOpened.class, VisitParticipantWaiting.class,
            VisitParticipantAdmitted.class, VisitParticipantJoined.class, VisitParticipantLeft.class, VisitEnded.class);

    private VisitEvents() {
    }
}
