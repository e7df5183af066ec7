package org.telehealth.events.recording;

import java.util.UUID;

/**
 * What every event of topic {@code telehealth.recordings} has: the recording it is about (an id
 * signaling chose when the doctor asked to record) and its visit (the record key, so that a
 * visit's requests, consents, stops and outcomes stay in order on one partition).
 */
public sealed interface RecordingEvent permits RecordingRequested, RecordingConsentRecorded, RecordingStopRequested,
        RecordingStarted, RecordingCompleted, RecordingFailed {

    UUID recordingId();

    UUID visitId();
}
