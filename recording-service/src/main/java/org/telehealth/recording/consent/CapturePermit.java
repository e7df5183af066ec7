package org.telehealth.recording.consent;

import java.util.Set;
import java.util.UUID;

/**
 * Proof that every participant of a recording consented, made only by {@link ConsentGate}. Starting
 * a capture takes one, so the rule "no recording without all consents" cannot be bypassed by
 * calling the capture side directly.
 */
public final class CapturePermit {

    private final UUID recordingId;
    private final UUID visitId;
    private final Set<String> consentedParticipants;

    CapturePermit(UUID recordingId, UUID visitId, Set<String> consentedParticipants) {
        this.recordingId = recordingId;
        this.visitId = visitId;
        this.consentedParticipants = consentedParticipants;
    }

    public UUID recordingId() {
        return recordingId;
    }

    public UUID visitId() {
        return visitId;
    }

    public Set<String> consentedParticipants() {
        return consentedParticipants;
    }
}
