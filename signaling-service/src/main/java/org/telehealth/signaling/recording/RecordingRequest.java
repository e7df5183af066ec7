package org.telehealth.signaling.recording;

import static org.telehealth.signaling.protocol.ErrorCode.NOT_ALLOWED;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.protocol.SignalingException;

/**
 * One request of a doctor to record their visit's call, as signaling follows it: who was in the call
 * when the doctor asked (everyone whose consent it needs, the doctor included, who consented by
 * asking), who has accepted, and where it stands. It decides which answers count and refuses the
 * rest; it sends and publishes nothing itself. Guarded by its visit room's lock.
 *
 * <pre>
 *   asking ──(recording.started)──► recording ──(stop asked, recording.completed)──► stopped
 *     │  └──(a decline)──► declined          └──(withdrawal)──► stopped
 *     └──(stop asked: doctor, joiner, leaver)──► stopped       (recording.failed) ──► failed / declined
 * </pre>
 */
final class RecordingRequest {

    /** Where the request stands; the wire names of {@code recording-state}. */
    enum Phase {
        ASKING(ServerMessage.RecordingState.ASKING),
        RECORDING(ServerMessage.RecordingState.RECORDING),
        STOPPED(ServerMessage.RecordingState.STOPPED),
        DECLINED(ServerMessage.RecordingState.DECLINED),
        FAILED(ServerMessage.RecordingState.FAILED);

        private final String wire;

        Phase(String wire) {
            this.wire = wire;
        }
    }

    private final UUID id;
    private final String requestedBy;
    private final Map<String, ParticipantRole> asked;
    private final Set<String> accepted = new LinkedHashSet<>();
    private Phase phase = Phase.ASKING;
    private String reason;
    private String by;

    /** A new request of {@code requestedBy}, naming everyone in {@code call}; the doctor has accepted by asking. */
    RecordingRequest(UUID id, String requestedBy, Map<String, ParticipantRole> call) {
        if (!call.containsKey(requestedBy)) {
            throw new IllegalArgumentException("the requesting doctor is not in the call");
        }
        this.id = id;
        this.requestedBy = requestedBy;
        this.asked = Collections.unmodifiableMap(new LinkedHashMap<>(call));
        this.accepted.add(requestedBy);
    }

    UUID id() {
        return id;
    }

    String requestedBy() {
        return requestedBy;
    }

    /** Everyone whose consent the recording needs, with their role, in the order they entered the call. */
    Map<String, ParticipantRole> asked() {
        return asked;
    }

    Phase phase() {
        return phase;
    }

    /** Asking or recording: a new request must wait, and the call's changes matter. */
    boolean isActive() {
        return phase == Phase.ASKING || phase == Phase.RECORDING;
    }

    boolean names(String participantId) {
        return asked.containsKey(participantId);
    }

    /** Whether the participant was asked and has not answered yet (so their page shows the question). */
    boolean awaits(String participantId) {
        return phase == Phase.ASKING && names(participantId) && !accepted.contains(participantId);
    }

    /**
     * Checks a participant's answer and records an acceptance. Counts, from someone asked (not the
     * requesting doctor) while the request is active: a decline at any time (before answering, after
     * accepting, or while recording: a withdrawal), and an acceptance as the first answer while
     * asking. Anything else is refused with {@code not-allowed}. The caller ends the request on a
     * decline ({@link #declined}, {@link #stopped}).
     */
    void answer(String participantId, boolean accept) {
        if (!names(participantId) || participantId.equals(requestedBy)) {
            throw new SignalingException(NOT_ALLOWED, "you were not asked about this recording");
        }
        if (!isActive()) {
            throw new SignalingException(NOT_ALLOWED, "this recording request is over");
        }
        if (!accept) {
            return;
        }
        if (phase != Phase.ASKING || !accepted.add(participantId)) {
            throw new SignalingException(NOT_ALLOWED, "you already answered");
        }
    }

    /** Who has not accepted yet, in the order they entered the call. */
    List<String> waitingFor() {
        return asked.keySet().stream().filter(id -> !accepted.contains(id)).toList();
    }

    /** recording-service began capturing. */
    void started() {
        phase = Phase.RECORDING;
    }

    /** The request ended without a recording because {@code participantId} declined. */
    void declined(String participantId) {
        end(Phase.DECLINED, "declined", participantId);
    }

    /** Stopped (or dropped before it started) for {@code why}; {@code participantId} caused it, or null. */
    void stopped(String why, String participantId) {
        end(Phase.STOPPED, why, participantId);
    }

    /** recording-service reported a failure. */
    void failed(String why) {
        end(Phase.FAILED, why, null);
    }

    /** The {@code recording-state} message of where it stands now. */
    ServerMessage.RecordingState state() {
        return new ServerMessage.RecordingState(id, phase.wire, phase == Phase.ASKING ? waitingFor() : null, reason, by);
    }

    private void end(Phase next, String why, String participantId) {
        phase = next;
        reason = why;
        by = participantId;
    }
}
