package org.telehealth.signaling.media.client;

import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.SignalingException;

/**
 * A control API call that did not do what was asked, sorted by what the caller can do about it:
 * the offer was refused (the page may offer again), the instance could not serve (try later or
 * elsewhere), or the room or participant is not there.
 */
public final class MediaControlException extends RuntimeException {

    public enum Kind {
        /** 400: media-service refused the request (an unacceptable SDP offer); nothing changed there. */
        REFUSED,
        /** No answer in time, connection refused, 5xx, a full room (409) or a refused service token. */
        UNAVAILABLE,
        /** 404: the room or participant is not on that instance. */
        NOT_FOUND
    }

    private final Kind kind;

    public MediaControlException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The protocol error a participant gets for it: {@code invalid-sdp} for a refusal, else {@code media-unavailable}. */
    public SignalingException toSignaling() {
        return new SignalingException(kind == Kind.REFUSED ? ErrorCode.INVALID_SDP : ErrorCode.MEDIA_UNAVAILABLE, getMessage());
    }
}
