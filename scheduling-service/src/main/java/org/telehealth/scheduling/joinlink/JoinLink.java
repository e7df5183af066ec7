package org.telehealth.scheduling.joinlink;

import java.net.URI;
import java.time.Instant;

/**
 * A link sent to the patient: the URL to open, the token inside it, and the window in which it
 * works (the token's {@code nbf} and {@code exp}, whole seconds).
 */
public record JoinLink(URI url, String token, Instant validFrom, Instant validUntil) {
}
