package org.telehealth.scheduling.joinlink;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Makes the browser link a patient opens to join one appointment's visit. The token in it is an
 * ES256 JWT that signaling-service verifies offline against our JWKS (see {@link JoinLinkVerifier}):
 * it names the visit, the patient (internal id only, no PHI), the link generation and the window
 * in which it works. A link is revoked by bumping the appointment's generation, not by a list.
 */
@ApplicationScoped
public class JoinLinkIssuer {

    private final JoinLinkConfig config;
    private final JoinLinkSigningKey key;

    public JoinLinkIssuer(JoinLinkConfig config, JoinLinkSigningKey key) {
        this.config = config;
        this.key = key;
    }

    /**
     * A link for the appointment, working from {@code opens-before} ahead of {@code startsAt} until
     * {@code closes-after} past {@code endsAt}. {@code linkGeneration} is the appointment's current
     * one: cancelling or rescheduling bumps it, and signaling refuses links of older generations.
     */
    public JoinLink issue(UUID appointmentId, UUID patientId, Instant startsAt, Instant endsAt, int linkGeneration) {
        return sign(appointmentId, Objects.requireNonNull(patientId, "patientId"), JoinLinkRole.PATIENT, startsAt, endsAt,
                linkGeneration);
    }

    /**
     * A link for one guest the doctor invites (interpreter, family member): same window and
     * generation rules as the patient's, its own participant id, so each invitation is a separate
     * person in the waiting room and the doctor admits each one.
     */
    public JoinLink issueGuest(UUID appointmentId, Instant startsAt, Instant endsAt, int linkGeneration) {
        return sign(appointmentId, UUID.randomUUID(), JoinLinkRole.GUEST, startsAt, endsAt, linkGeneration);
    }

    private JoinLink sign(UUID appointmentId, UUID participantId, JoinLinkRole role, Instant startsAt, Instant endsAt,
            int linkGeneration) {
        Objects.requireNonNull(appointmentId, "appointmentId");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("an appointment ends after it starts");
        }
        if (linkGeneration < 0) {
            throw new IllegalArgumentException("link generations start at 0");
        }
        Instant validFrom = startsAt.minus(config.opensBefore()).truncatedTo(ChronoUnit.SECONDS);
        Instant validUntil = endsAt.plus(config.closesAfter()).truncatedTo(ChronoUnit.SECONDS);

        String token = Jwt.claims()
                .issuer(config.issuer())
                .audience(config.audience())
                .subject(participantId.toString())
                .claim("visit", appointmentId.toString())
                .claim("gen", linkGeneration)
                .claim("role", role.claim())
                .claim("nbf", validFrom.getEpochSecond())
                .expiresAt(validUntil)
                .issuedAt(Instant.now())
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.ES256)
                .keyId(key.keyId())
                .sign(key.privateKey());
        return new JoinLink(urlOf(appointmentId, token), token, validFrom, validUntil);
    }

    private URI urlOf(UUID appointmentId, String token) {
        String base = config.baseUrl().toString();
        String separator = base.endsWith("/") ? "" : "/";
        // In the fragment, which browsers never send: the token stays out of servers' and proxies' logs.
        // A compact JWS is base64url plus dots: nothing to escape.
        return URI.create(base + separator + appointmentId + "#t=" + token);
    }
}
