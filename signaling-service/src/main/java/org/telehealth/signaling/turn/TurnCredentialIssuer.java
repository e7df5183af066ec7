package org.telehealth.signaling.turn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues short-lived TURN credentials in the scheme coturn checks with {@code use-auth-secret} and
 * {@code static-auth-secret} (the "TURN REST API"): nothing is stored per user, coturn recomputes the
 * HMAC from the username and refuses it once the expiry in the username has passed.
 *
 * <pre>
 *   username = "&lt;now + ttl, Unix seconds&gt;:&lt;participant id&gt;"      e.g. 1767225600:0b9f3c4e-...
 *   password = Base64( HMAC-SHA1( key = shared secret as UTF-8, data = username as UTF-8 ) )
 * </pre>
 *
 * The participant id (a patient, guest or Keycloak user id, never a name) is what coturn logs and
 * counts its per-user quota against. The secret is kept as a key only and appears in no text form.
 */
public final class TurnCredentialIssuer {

    private static final String HMAC_SHA1 = "HmacSHA1";

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    public TurnCredentialIssuer(String sharedSecret, Duration ttl, Clock clock) {
        if (sharedSecret == null || sharedSecret.isBlank()) {
            throw new IllegalArgumentException("the TURN shared secret is empty");
        }
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("a TURN credential must live at least a second, not " + ttl);
        }
        this.key = new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), HMAC_SHA1);
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A credential for this participant, valid from now for the configured time to live. */
    public TurnCredential issue(String participantId) {
        if (participantId == null || participantId.isBlank()) {
            throw new IllegalArgumentException("a TURN credential names a participant");
        }
        Instant expiresAt = Instant.ofEpochSecond(clock.instant().getEpochSecond() + ttl.toSeconds());
        String username = expiresAt.getEpochSecond() + ":" + participantId;
        return new TurnCredential(username, sign(username), expiresAt);
    }

    private String sign(String username) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "TurnCredentialIssuer[ttl=" + ttl + "]";
    }
}
