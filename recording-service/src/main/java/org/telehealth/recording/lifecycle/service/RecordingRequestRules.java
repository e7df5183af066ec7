package org.telehealth.recording.lifecycle.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.telehealth.events.recording.ExpectedParticipant;
import org.telehealth.events.recording.RecordingRequested;
import org.telehealth.events.visit.ParticipantRole;

/**
 * What a recording request must look like to be acted on: someone to ask (at most
 * {@value #MAX_PARTICIPANTS}), each once, and the requesting doctor among them as a doctor, since
 * their consent is asked too and their id decides who may later see the recording; and, when it
 * names the media-service instance hosting the visit's room, a plain http(s) base URL (this service
 * will send its service token there).
 */
final class RecordingRequestRules {

    static final int MAX_PARTICIPANTS = 50;
    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_URL_LENGTH = 512;

    private RecordingRequestRules() {
    }

    /** Why the request cannot be acted on, or empty when it can. */
    static Optional<String> problem(RecordingRequested request) {
        if (request.participants().isEmpty()) {
            return Optional.of("names no participant");
        }
        if (request.participants().size() > MAX_PARTICIPANTS) {
            return Optional.of("names more than " + MAX_PARTICIPANTS + " participants");
        }
        Set<String> ids = new HashSet<>();
        for (ExpectedParticipant participant : request.participants()) {
            if (participant.participantId().isBlank() || participant.participantId().length() > MAX_ID_LENGTH
                    || (participant.accountId() != null && participant.accountId().length() > MAX_ID_LENGTH)) {
                return Optional.of("has a participant id that is blank or too long");
            }
            if (!ids.add(participant.participantId())) {
                return Optional.of("names a participant twice");
            }
        }
        if (request.mediaControlUrl() != null && !isControlUrl(request.mediaControlUrl())) {
            return Optional.of("names a media control URL that is not a plain http(s) base URL");
        }
        boolean doctorAsked = request.participants().stream()
                .anyMatch(p -> p.participantId().equals(request.requestedBy()) && p.role() == ParticipantRole.DOCTOR);
        return doctorAsked ? Optional.empty() : Optional.of("does not name the requesting doctor among the participants");
    }

    /** An absolute http(s) URL with a host, and no user info, query or fragment. */
    static boolean isControlUrl(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
