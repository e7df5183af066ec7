package org.telehealth.signaling.auth;

import static org.telehealth.signaling.protocol.ErrorCode.INVALID_TOKEN;
import static org.telehealth.signaling.protocol.ErrorCode.SERVICE_UNAVAILABLE;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.telehealth.signaling.config.SignalingConfig;
import org.telehealth.signaling.protocol.SignalingException;

/**
 * Verifies patient join link tokens without calling scheduling-service: ES256 only, by a key of
 * scheduling's JWKS chosen by {@code kid}, exact issuer and audience, within nbf/exp plus skew,
 * {@code role} patient or guest, UUID {@code sub} and {@code visit}, a non-negative {@code gen} and a
 * {@code jti} (the checks scheduling's JoinLinkVerifier documents). The JWKS is cached and fetched
 * again when it expires or a token names an unknown {@code kid} (key rotation). The checks that need
 * visit state (generation, cancellation) are {@link VisitAdmission}'s.
 */
@ApplicationScoped
public class JoinLinkTokenVerifier {

    static final String PATIENT_ROLE = "patient";
    static final String GUEST_ROLE = "guest";
    private static final Logger LOG = Logger.getLogger(JoinLinkTokenVerifier.class);

    private final String jwksUrl;

    private final JwtConsumer consumer;

    @Inject
    public JoinLinkTokenVerifier(SignalingConfig config) {
        this(config.joinLink());
    }

    JoinLinkTokenVerifier(SignalingConfig.JoinLink link) {
        this.jwksUrl = link.jwksUrl();
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
            if (keysUnreachable(e)) {
                // not the patient's fault: say so, and let the page try again
                LOG.warnf("Join link keys unreachable at %s: %s", jwksUrl, e.getCause().getCause());
                throw new SignalingException(SERVICE_UNAVAILABLE, "join links cannot be checked right now; try again shortly");
            }
            throw new SignalingException(INVALID_TOKEN, reasonOf(e));
        }
        try {
            String role = claims.getStringClaimValue("role");
            if (!PATIENT_ROLE.equals(role) && !GUEST_ROLE.equals(role)) {
                throw new SignalingException(INVALID_TOKEN, "the join link is neither a patient's nor a guest's");
            }
            Long generation = claims.getClaimValue("gen", Long.class);
            if (generation == null || generation < 0 || generation > Integer.MAX_VALUE) {
                throw new SignalingException(INVALID_TOKEN, "the join link has no valid generation");
            }
            return new Caller.LinkHolder(uuid(claims.getSubject()), GUEST_ROLE.equals(role),
                    uuid(claims.getStringClaimValue("visit")), generation.intValue());
        } catch (MalformedClaimException e) {
            throw new SignalingException(INVALID_TOKEN, "the join link has a claim of the wrong type");
        }
    }

    /** The signature could not be checked because scheduling's JWKS could not be fetched (not a bad token). */
    private static boolean keysUnreachable(InvalidJwtException e) {
        return e.getCause() instanceof UnresolvableKeyException unresolvable && unresolvable.getCause() instanceof IOException;
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
