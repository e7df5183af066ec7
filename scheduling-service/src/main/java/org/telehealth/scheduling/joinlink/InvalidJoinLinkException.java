package org.telehealth.scheduling.joinlink;

/** A join link token that must not admit anyone, with the reason a caller can act on. */
public class InvalidJoinLinkException extends RuntimeException {

    /** Why the token was refused. */
    public enum Reason {
        /** Not a JWT, or claims missing or of the wrong type. */
        MALFORMED,
        /** Not signed with ES256 by a key of the JWKS (tampered, other key, {@code none}, HMAC...). */
        BAD_SIGNATURE,
        /** Issued by someone else. */
        WRONG_ISSUER,
        /** Meant for another service. */
        WRONG_AUDIENCE,
        /** Too early: before {@code nbf} minus the clock skew. */
        NOT_YET_VALID,
        /** Too late: after {@code exp} plus the clock skew. */
        EXPIRED
    }

    private final Reason reason;

    public InvalidJoinLinkException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
