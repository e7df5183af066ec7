package org.telehealth.scheduling.joinlink;

import static org.telehealth.scheduling.joinlink.InvalidJoinLinkException.Reason.BAD_SIGNATURE;
import static org.telehealth.scheduling.joinlink.InvalidJoinLinkException.Reason.EXPIRED;
import static org.telehealth.scheduling.joinlink.InvalidJoinLinkException.Reason.MALFORMED;
import static org.telehealth.scheduling.joinlink.InvalidJoinLinkException.Reason.NOT_YET_VALID;
import static org.telehealth.scheduling.joinlink.InvalidJoinLinkException.Reason.WRONG_AUDIENCE;
import static org.telehealth.scheduling.joinlink.InvalidJoinLinkException.Reason.WRONG_ISSUER;

import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The reference of what a service admitting patients (signaling-service) must check before trusting
 * a join link token, without calling scheduling-service:
 * <ol>
 * <li>it is a compact JWS with {@code alg} ES256, signed by a key of scheduling's JWKS
 * ({@code /.well-known/join-link-jwks.json}), chosen by {@code kid}: {@code none}, HMAC and any
 * other algorithm are refused, whatever the header says;</li>
 * <li>{@code iss} and {@code aud} are exactly the configured ones;</li>
 * <li>now is within [{@code nbf} - skew, {@code exp} + skew), skew {@link #CLOCK_SKEW};</li>
 * <li>{@code role} is {@code patient} or {@code guest}; {@code sub} (patient or guest) and {@code visit} (appointment) are
 * UUIDs; {@code gen} is a non-negative integer; {@code jti} is present.</li>
 * </ol>
 * One more check is the caller's own, as it needs state: {@code gen} must not be lower than the
 * appointment's latest link generation it learned from scheduling's Kafka events (a higher one is a
 * fresh link whose event has not arrived yet), and the visit must not be cancelled, so cancelled or
 * rescheduled links die.
 */
public final class JoinLinkVerifier {

    /** How far the verifier's clock may differ from the issuer's. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final VerificationKeyResolver keys;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    private JoinLinkVerifier(VerificationKeyResolver keys, String issuer, String audience, Clock clock) {
        this.keys = keys;
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Trusts the keys of a JWKS document, as served by scheduling-service. */
    public static JoinLinkVerifier forJwks(String jwksJson, String issuer, String audience, Clock clock) {
        try {
            JsonWebKeySet jwks = new JsonWebKeySet(jwksJson);
            VerificationKeyResolver keys = new JwksVerificationKeyResolver(jwks.getJsonWebKeys());
            return new JoinLinkVerifier(keys, issuer, audience, clock);
        } catch (JoseException e) {
            throw new IllegalArgumentException("Not a JWKS document: " + e.getMessage(), e);
        }
    }

    /** Trusts one public key, whatever {@code kid} the token names. */
    public static JoinLinkVerifier forKey(ECPublicKey key, String issuer, String audience, Clock clock) {
        Objects.requireNonNull(key, "key");
        return new JoinLinkVerifier((jws, nested) -> key, issuer, audience, clock);
    }

    /** The grant of a valid token; otherwise an {@link InvalidJoinLinkException} naming the reason. */
    public JoinLinkClaims verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidJoinLinkException(MALFORMED, "no token");
        }
        JwtClaims claims;
        try {
            claims = new JwtConsumerBuilder()
                    .setJwsAlgorithmConstraints(ConstraintType.PERMIT,
                            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                    .setVerificationKeyResolver(keys)
                    .setExpectedIssuer(issuer)
                    .setExpectedAudience(audience)
                    .setRequireSubject()
                    .setRequireJwtId()
                    .setRequireNotBefore()
                    .setRequireExpirationTime()
                    .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                    .setAllowedClockSkewInSeconds((int) CLOCK_SKEW.toSeconds())
                    .build()
                    .processToClaims(token);
        } catch (InvalidJwtException e) {
            throw refusal(e);
        }
        return grantOf(claims);
    }

    private static InvalidJoinLinkException refusal(InvalidJwtException e) {
        Throwable cause = e.getCause();
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)
                || cause instanceof InvalidAlgorithmException || cause instanceof UnresolvableKeyException) {
            return new InvalidJoinLinkException(BAD_SIGNATURE, "not signed with ES256 by a join link key");
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return new InvalidJoinLinkException(WRONG_ISSUER, "iss is not the join link issuer");
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return new InvalidJoinLinkException(WRONG_AUDIENCE, "aud is not the join link audience");
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return new InvalidJoinLinkException(NOT_YET_VALID, "the visit's join window has not opened yet");
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRED)) {
            return new InvalidJoinLinkException(EXPIRED, "the visit's join window has closed");
        }
        return new InvalidJoinLinkException(MALFORMED, "not a join link token");
    }

    private static JoinLinkClaims grantOf(JwtClaims claims) {
        try {
            JoinLinkRole role = JoinLinkRole.ofClaim(claims.getStringClaimValue("role"))
                    .orElseThrow(() -> new InvalidJoinLinkException(MALFORMED, "role is neither patient nor guest"));
            Long generation = claims.getClaimValue("gen", Long.class);
            if (generation == null || generation < 0 || generation > Integer.MAX_VALUE) {
                throw new InvalidJoinLinkException(MALFORMED, "gen is not a link generation");
            }
            return new JoinLinkClaims(
                    uuid(claims.getStringClaimValue("visit"), "visit"),
                    uuid(claims.getSubject(), "sub"),
                    role,
                    generation.intValue(),
                    Instant.ofEpochSecond(claims.getNotBefore().getValue()),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (MalformedClaimException e) {
            throw new InvalidJoinLinkException(MALFORMED, "a claim has the wrong type");
        }
    }

    private static UUID uuid(String value, String claim) {
        try {
            return UUID.fromString(Objects.requireNonNull(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidJoinLinkException(MALFORMED, claim + " is not a UUID");
        }
    }
}
