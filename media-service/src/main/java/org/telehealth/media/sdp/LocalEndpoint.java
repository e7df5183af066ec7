package org.telehealth.media.sdp;

import java.util.List;
import java.util.Objects;
import org.telehealth.media.dtls.CertificateFingerprint;
import org.telehealth.media.stun.IceCredentials;

/**
 * The SFU's side of one participant's peer connection, as every answer to that participant
 * announces it: the session id of its {@code o=} line, which stays the same across
 * renegotiations, its ICE credentials, the fingerprint of its DTLS certificate
 * ({@code DtlsIdentity#fingerprint()}) and the host candidates it listens on.
 */
public record LocalEndpoint(long sessionId, IceCredentials iceCredentials, CertificateFingerprint fingerprint,
        List<HostCandidate> candidates) {

    /** Candidates get distinct ICE local preferences, and no host has more interfaces worth announcing. */
    public static final int MAX_CANDIDATES = 32;

    public LocalEndpoint {
        if (sessionId < 0) {
            throw new IllegalArgumentException("a session id is unsigned, got " + sessionId);
        }
        Objects.requireNonNull(iceCredentials, "iceCredentials");
        Objects.requireNonNull(fingerprint, "fingerprint");
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty() || candidates.size() > MAX_CANDIDATES) {
            throw new IllegalArgumentException("an ICE-lite endpoint announces 1 to " + MAX_CANDIDATES
                    + " host candidates, got " + candidates.size());
        }
    }
}
