package org.telehealth.recording.lifecycle.repository;

/** Where a recording is in its life (column {@code recording.status}). */
public enum RecordingStatus {
    /** Requested; waiting for every participant to accept. Nothing is captured. */
    AWAITING_CONSENT,
    /** Everyone accepted; this service's capture node is writing it. */
    RECORDING,
    /** Stopped and stored, encrypted; its content can be played. */
    COMPLETED,
    /** Someone declined before capture began; nothing was captured. */
    DECLINED,
    /** Stopped (or the visit ended) before everyone consented; nothing was captured. */
    CANCELLED,
    /** The request was unusable or capture failed; nothing usable was kept. */
    FAILED,
    /** Had content, which was deleted (by a person or the retention policy); the record stays. */
    DELETED;

    /** True while a recording can still change by itself (waiting or capturing). */
    public boolean active() {
        return this == AWAITING_CONSENT || this == RECORDING;
    }
}
