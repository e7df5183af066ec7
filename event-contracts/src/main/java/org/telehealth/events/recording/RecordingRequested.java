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
 *
 * <p>{@code mediaControlUrl} joined version 1 as an optional field, which needs no new version (see
 * {@link org.telehealth.events.EventCodec}): the control API base URL of the media-service instance
 * that hosts the visit's media room (signaling placed the room there, and only signaling knows
 * where), which recording-service asks to fork the room's media. Absent or null (a producer that
 * predates it), recording-service uses its configured default instance; consumers that predate it
 * ignore it.
 */
@EventType(name = "recording.requested", version = 1)
public record RecordingRequested(UUID recordingId, UUID visitId, String requestedBy, List<ExpectedParticipant> participants,
        Instant at, String mediaControlUrl) implements RecordingEvent {

    public RecordingRequested {
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(at, "at");
        participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
    }

    /** A request that does not say where the visit's media room is, as written before {@code mediaControlUrl} existed. */
    public RecordingRequested(UUID recordingId, UUID visitId, String requestedBy, List<ExpectedParticipant> participants,
            Instant at) {
        this(recordingId, visitId, requestedBy, participants, at, null);
    }
}
