package org.telehealth.events.recording;

import org.telehealth.events.EventCatalog;

/** The events of topic {@code telehealth.recordings}, for consumers' catalogs. */
public final class RecordingEvents {

    public static final EventCatalog CATALOG = EventCatalog.of(RecordingRequested.class, RecordingConsentRecorded.class,
            RecordingStopRequested.class, RecordingStarted.class, RecordingCompleted.class, RecordingFailed.class);

    private RecordingEvents() {
    }
}
