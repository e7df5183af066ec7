package org.telehealth.events.recording;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * Signaling asks to stop a recording (or to drop a request still waiting for consent). Topic
 * {@code telehealth.recordings}, key: visit id. {@code by} is the participant id of whoever caused
 * it, or {@code system}. {@code reason} is one of the constants below; it is free text on the wire
 * so that a reason added later still stops the recording instead of being skipped as unknown.
 */
@EventType(name = "recording.stop-requested", version = 1)
public record RecordingStopRequested(UUID recordingId, UUID visitId, String by, String reason, Instant at)
        implements RecordingEvent {

    /** The doctor pressed stop. */
    public static final String DOCTOR_STOPPED = "doctor-stopped";
    /** A participant withdrew their consent. */
    public static final String DECLINED = "declined";
    /** A participant whose consent the recording needs left the visit. */
    public static final String PARTICIPANT_LEFT = "participant-left";
    /** Someone joined who was not asked for consent. */
    public static final String PARTICIPANT_JOINED = "participant-joined";

    public RecordingStopRequested {
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
