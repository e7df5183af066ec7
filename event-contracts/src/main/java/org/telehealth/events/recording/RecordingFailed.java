package org.telehealth.events.recording;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.telehealth.events.EventType;

/**
 * A recording request ended without a recording: someone declined, it was dropped before everyone
 * consented, or capture failed. Topic {@code telehealth.recordings}, key: visit id. Signaling hides
 * any recording indicator. {@code reason} is one of the constants below (free text on the wire, so
 * that a reason added later does not make the event unreadable).
 */
@EventType(name = "recording.failed", version = 1)
public record RecordingFailed(UUID recordingId, UUID visitId, String reason, Instant at) implements RecordingEvent {

    /** A participant declined before capture began. */
    public static final String DECLINED = "declined";
    /** A stop was requested before everyone had consented. */
    public static final String CANCELLED = "cancelled";
    /** The visit ended (or had ended) before everyone consented. */
    public static final String VISIT_ENDED = "visit-ended";
    /** Another recording of the same visit is waiting for consent or running. */
    public static final String ALREADY_RECORDING = "already-recording";
    /** The request was unusable (no participants, no doctor among them, duplicates). */
    public static final String INVALID_REQUEST = "invalid-request";
    /** Capture could not start, or stopped on its own before anything was captured. */
    public static final String CAPTURE_FAILED = "capture-failed";

    public RecordingFailed {
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
