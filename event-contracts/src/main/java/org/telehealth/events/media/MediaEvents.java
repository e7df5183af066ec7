package org.telehealth.events.media;

import org.telehealth.events.EventCatalog;

/** The events of topic {@code telehealth.media}, for consumers' catalogs. */
public final class MediaEvents {

    public static final EventCatalog CATALOG = EventCatalog.of(MediaParticipantConnected.class, MediaParticipantFailed.class,
            MediaParticipantDisconnected.class, MediaInstanceLoad.class);

    private MediaEvents() {
    }
}
