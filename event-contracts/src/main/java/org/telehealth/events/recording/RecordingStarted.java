package org.telehealth.events.recording;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * Every expected participant accepted and capture began: signaling shows the recording indicator
 * to everyone until {@code recording.completed} or {@code recording.failed}. Topic
 * {@code telehealth.recordings}, key: visit id. Published by recording-service through its outbox.
 */
@EventType(name = "recording.started", version = 1)
public record RecordingStarted(UUID recordingId, UUID visitId, Instant at) implements RecordingEvent {

    public RecordingStarted {
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(at, "at");
    }
}
