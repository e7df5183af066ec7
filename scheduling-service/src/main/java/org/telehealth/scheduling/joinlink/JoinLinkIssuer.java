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

    /** The role the token grants; signaling admits its bearer as the visit's patient. */
    public static final String PATIENT_ROLE = "patient";

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
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(patientId, "patientId");
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
                .subject(patientId.toString())
                .claim("visit", appointmentId.toString())
                .claim("gen", linkGeneration)
                .claim("role", PATIENT_ROLE)
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
        // A compact JWS is base64url plus dots: nothing to escape in a query string.
        return URI.create(base + separator + appointmentId + "?t=" + token);
    }
}
