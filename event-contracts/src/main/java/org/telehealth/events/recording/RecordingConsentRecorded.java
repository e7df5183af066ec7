package org.telehealth.events.recording;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;
import org.telehealth.events.visit.ParticipantRole;

/**
 * A participant answered a recording request in their visit page. Topic
 * {@code telehealth.recordings}, key: visit id. {@code at} is when they answered;
 * {@code consentTextVersion} names the wording they were shown, so that what they agreed to can be
 * shown later. recording-service stores every decision and starts capturing only once every
 * expected participant accepted; one decline refuses (or stops) the recording.
 */
@EventType(name = "recording.consent-recorded", version = 1)
public record RecordingConsentRecorded(UUID recordingId, UUID visitId, String participantId, ParticipantRole role,
        ConsentDecision decision, Instant at, String consentTextVersion) implements RecordingEvent {

    public RecordingConsentRecorded {
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(consentTextVersion, "consentTextVersion");
    }
}
