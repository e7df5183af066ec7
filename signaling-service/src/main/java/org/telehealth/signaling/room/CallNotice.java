package org.telehealth.signaling.room;

import java.util.UUID;

/** A change in a call that the media relay acts on: whose media to remove, when to close the media room. */
public sealed interface CallNotice {

    UUID visitId();

    /** A participant of this instance who had media left the call: their media leaves the media room. */
    record MediaLeft(UUID visitId, String participantId) implements CallNotice {
    }

    /** Nobody is in the call any more, on any instance (not sent when the visit ends). */
    record CallEmptied(UUID visitId) implements CallNotice {
    }
}
