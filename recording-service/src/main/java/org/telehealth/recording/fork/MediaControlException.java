package org.telehealth.recording.fork;

/**
 * A call to media-service's control API that did not do what was asked, sorted by what the caller
 * can do about it. The message names the instance and the reason in words fit for a log line (no
 * token, no PHI).
 */
public final class MediaControlException extends RuntimeException {

    public enum Kind {
        /** 400/403: media-service refused the request (e.g. the capture address is outside its allowed targets). */
        REFUSED,
        /** 404: no such room there (nobody's media is open in the visit), or it is not being recorded. */
        NOT_FOUND,
        /** 409: the room is already recorded to another address. */
        CONFLICT,
        /** No answer in time, connection refused, 5xx, or no service token. */
        UNAVAILABLE
    }

    private final Kind kind;

    public MediaControlException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    MediaControlException(String message) {
        this(Kind.UNAVAILABLE, message);
    }

    public Kind kind() {
        return kind;
    }
}
