package org.telehealth.signaling.auth;

import static org.telehealth.signaling.protocol.ErrorCode.INVALID_TOKEN;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.telehealth.signaling.config.SignalingConfig;
import org.telehealth.signaling.protocol.SignalingException;

/**
 * Verifies patient join link tokens without calling scheduling-service: ES256 only, by a key of
 * scheduling's JWKS chosen by {@code kid}, exact issuer and audience, within nbf/exp plus skew,
 * {@code role=patient}, UUID {@code sub} and {@code visit}, a non-negative {@code gen} and a
 * {@code jti} (the checks scheduling's JoinLinkVerifier documents). The JWKS is cached and fetched
 * again when it expires or a token names an unknown {@code kid} (key rotation). The checks that need
 * visit state (generation, cancellation) are {@link VisitAdmission}'s.
 */
@ApplicationScoped
public class JoinLinkTokenVerifier {

    static final String PATIENT_ROLE = "patient";

    private final JwtConsumer consumer;

    public JoinLinkTokenVerifier(SignalingConfig config) {
        SignalingConfig.JoinLink link = config.joinLink();
        HttpsJwks jwks = new HttpsJwks(link.jwksUrl());
        jwks.setDefaultCacheDuration(link.keysCacheDuration().toSeconds());
        jwks.setRetainCacheOnErrorDuration(link.keysCacheDuration().toSeconds());
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setExpectedIssuer(link.issuer())
                .setExpectedAudience(link.audience())
                .setRequireSubject()
                .setRequireJwtId()
                .setRequireNotBefore()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) link.clockSkew().toSeconds())
                .build();
    }

    public Caller.LinkHolder verify(String token) {
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new SignalingException(INVALID_TOKEN, reasonOf(e));
        }
        try {
            if (!PATIENT_ROLE.equals(claims.getStringClaimValue("role"))) {
                throw new SignalingException(INVALID_TOKEN, "the join link is not a patient's");
            }
            Long generation = claims.getClaimValue("gen", Long.class);
            if (generation == null || generation < 0 || generation > Integer.MAX_VALUE) {
                throw new SignalingException(INVALID_TOKEN, "the join link has no valid generation");
            }
            return new Caller.LinkHolder(uuid(claims.getSubject()), uuid(claims.getStringClaimValue("visit")),
                    generation.intValue());
        } catch (MalformedClaimException e) {
            throw new SignalingException(INVALID_TOKEN, "the join link has a claim of the wrong type");
        }
    }

    private static String reasonOf(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "the join link has expired";
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return "the join link is not valid yet";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)) {
            return "the join link is not for this service";
        }
        return "the join link is not valid";
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SignalingException(INVALID_TOKEN, "the join link names no valid patient or visit");
        }
    }
}
