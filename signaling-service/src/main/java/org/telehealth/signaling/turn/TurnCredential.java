package org.telehealth.signaling.turn;

import java.time.Instant;

/**
 * A TURN REST API credential: {@code username} is {@code <expiry in Unix seconds>:<participant id>},
 * {@code password} the Base64 of HMAC-SHA1(shared secret, username). Whoever holds it may allocate
 * relays on coturn until {@code expiresAt}; its text form hides the password.
 */
public record TurnCredential(String username, String password, Instant expiresAt) {

    @Override
    public String toString() {
        return "TurnCredential[username=" + username + ", password=<hidden>, expiresAt=" + expiresAt + "]";
    }
}
