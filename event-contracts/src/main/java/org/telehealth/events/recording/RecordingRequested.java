package org.telehealth.events.recording;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * The visit's doctor asked to record it. Topic {@code telehealth.recordings}, key: visit id.
 * Signaling chooses {@code recordingId} and lists every participant who must accept before
 * anything is captured (the doctor included); {@code requestedBy} is the doctor's Keycloak user
 * id, and recording-service lets that doctor (and admins) list, play and delete the recording.
 */
@EventType(name = "recording.requested", version = 1)
public record RecordingRequested(UUID recordingId, UUID visitId, String requestedBy, List<ExpectedParticipant> participants,
        Instant at) implements RecordingEvent {

    public RecordingRequested {
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(at, "at");
        participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
    }
}
