package org.telehealth.events.recording;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * A recording stopped and is stored, encrypted. Topic {@code telehealth.recordings}, key: visit id.
 * {@code sizeBytes} is the length of the stored (encrypted) file and {@code sha256} its SHA-256 in
 * hex; {@code durationMillis} runs from the start of capture to its end. {@code partial} is true
 * when recording-service found the recording cut off by its own crash and kept what was written up
 * to then; {@code stopReason} says why it stopped ({@code visit-ended}, a stop request's reason, or
 * {@code recovered} after a crash).
 */
@EventType(name = "recording.completed", version = 1)
public record RecordingCompleted(UUID recordingId, UUID visitId, Instant startedAt, Instant endedAt, long durationMillis,
        long sizeBytes, String sha256, boolean partial, String stopReason) implements RecordingEvent {

    public RecordingCompleted {
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(stopReason, "stopReason");
    }
}
