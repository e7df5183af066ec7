package org.telehealth.recording.library.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.telehealth.recording.library.service.RecordingDetails;
import org.telehealth.recording.lifecycle.repository.Recording;

/**
 * A recording as the API shows it: the request, its participants and every consent decision (who,
 * when, what, under which wording), its life (status, start, end, duration, why it stopped), and
 * what was stored (video size, SHA-256 of the encrypted file, whether it is partial). Lower case
 * enums on the wire.
 */
public record RecordingView(UUID id, UUID visitId, String doctorId, String status, Instant requestedAt, Instant startedAt,
        Instant endedAt, Long durationMillis, String stopReason, String failureReason, Long mediaBytes, Long storedBytes,
        String sha256, boolean partial, Instant deletedAt, String deletedBy, List<Participant> participants,
        List<Consent> consents) {

    static RecordingView of(RecordingDetails details) {
        Recording r = details.recording();
        return new RecordingView(r.id, r.visitId, r.doctorId, lower(r.status), r.requestedAt, r.startedAt, r.endedAt,
                r.durationMillis, r.stopReason, r.failureReason, r.mediaBytes, r.sizeBytes, r.sha256, r.partial, r.deletedAt,
                r.deletedBy,
                details.participants().stream().map(p -> new Participant(p.participantId, lower(p.role))).toList(),
                details.consents().stream().map(c -> new Consent(c.participantId, lower(c.role), lower(c.decision), c.decidedAt,
                        c.consentTextVersion)).toList());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Someone whose consent the recording needed. */
    public record Participant(String participantId, String role) {
    }

    /** One decision, as received. */
    public record Consent(String participantId, String role, String decision, Instant decidedAt, String consentTextVersion) {
    }
}
