package org.telehealth.signaling.ws;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Join link tokens as scheduling-service signs them, with the key {@link JoinLinkKeysTestResource} publishes. */
final class JoinLinks {

    private JoinLinks() {
    }

    /** A valid link of the given generation, open from a minute ago for an hour. */
    static String forPatient(UUID patientId, UUID visitId, int generation) {
        return sign(patientId, "patient", visitId, generation, Instant.now().minusSeconds(60), Duration.ofHours(1));
    }

    /** A valid link for a guest the doctor invited (role guest, the guest's own id). */
    static String forGuest(UUID guestId, UUID visitId, int generation) {
        return sign(guestId, "guest", visitId, generation, Instant.now().minusSeconds(60), Duration.ofHours(1));
    }

    /** A link whose window closed an hour ago (beyond any clock skew). */
    static String expired(UUID patientId, UUID visitId, int generation) {
        return sign(patientId, "patient", visitId, generation, Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(2));
    }

    private static String sign(UUID subject, String role, UUID visitId, int generation, Instant notBefore, Duration validity) {
        try {
            EllipticCurveJsonWebKey key = (EllipticCurveJsonWebKey) JsonWebKey.Factory.newJwk(
                    System.getProperty(JoinLinkKeysTestResource.PRIVATE_JWK_PROPERTY));
            JwtClaims claims = new JwtClaims();
            claims.setIssuer("telehealth-scheduling");
            claims.setAudience("telehealth-visit");
            claims.setSubject(subject.toString());
            claims.setClaim("visit", visitId.toString());
            claims.setClaim("gen", generation);
            claims.setClaim("role", role);
            claims.setNotBefore(NumericDate.fromMilliseconds(notBefore.toEpochMilli()));
            claims.setExpirationTime(NumericDate.fromMilliseconds(notBefore.plus(validity).toEpochMilli()));
            claims.setJwtId(UUID.randomUUID().toString());
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a join link", e);
        }
    }
}
