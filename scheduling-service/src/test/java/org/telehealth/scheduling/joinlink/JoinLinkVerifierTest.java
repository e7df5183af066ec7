package org.telehealth.scheduling.joinlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.Test;
import org.telehealth.scheduling.joinlink.InvalidJoinLinkException.Reason;

class JoinLinkVerifierTest {

    private static final UUID APPOINTMENT = UUID.fromString("6f1c2a9e-0d4b-4c1e-9a53-2b7f3e8d1c40");
    private static final UUID PATIENT = UUID.fromString("0b8e4f2a-7c3d-4e5f-8a9b-1c2d3e4f5a6b");
    private static final Instant STARTS_AT = Instant.parse("2030-03-04T09:00:00Z");
    private static final Instant ENDS_AT = Instant.parse("2030-03-04T09:30:00Z");
    private static final Instant OPENS = Instant.parse("2030-03-04T08:45:00Z");
    private static final Instant CLOSES = Instant.parse("2030-03-04T10:00:00Z");
    private static final Duration SKEW = JoinLinkVerifier.CLOCK_SKEW;

    private final JoinLinkTestConfig config = JoinLinkTestConfig.defaults();
    private final JoinLinkSigningKey key = new JoinLinkSigningKey(config);
    private final String token = new JoinLinkIssuer(config, key).issue(APPOINTMENT, PATIENT, STARTS_AT, ENDS_AT, 0).token();

    @Test
    void shouldAcceptALinkThroughoutItsWindow() {
        assertThat(verifierAt(OPENS).verify(token).visit()).isEqualTo(APPOINTMENT);
        assertThat(verifierAt(ENDS_AT).verify(token).participant()).isEqualTo(PATIENT);
        assertThat(verifierAt(CLOSES.minusSeconds(1)).verify(token).generation()).isZero();
    }

    @Test
    void shouldForgiveAClockThatIsSlightlyOff() {
        assertThat(verifierAt(OPENS.minus(SKEW).plusSeconds(1)).verify(token).visit()).isEqualTo(APPOINTMENT);
        assertThat(verifierAt(CLOSES.plus(SKEW).minusSeconds(1)).verify(token).visit()).isEqualTo(APPOINTMENT);
    }

    @Test
    void shouldRejectALinkUsedBeforeItOpensBeyondTheClockSkew() {
        assertRefused(verifierAt(OPENS.minus(SKEW).minusSeconds(1)), token, Reason.NOT_YET_VALID);
    }

    @Test
    void shouldRejectALinkUsedAfterItClosesBeyondTheClockSkew() {
        assertRefused(verifierAt(CLOSES.plus(SKEW).plusSeconds(1)), token, Reason.EXPIRED);
    }

    @Test
    void shouldRejectAPayloadChangedAfterSigning() {
        String[] parts = token.split("\\.");
        String payload = decode(parts[1]);
        assertThat(payload).contains("\"gen\":0");
        String tampered = parts[0] + "." + encode(payload.replace("\"gen\":0", "\"gen\":7")) + "." + parts[2];

        assertRefused(verifierAt(STARTS_AT), tampered, Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldRejectATokenSignedByAnotherKeyUnderTheSameKid() {
        JoinLinkSigningKey otherKey = new JoinLinkSigningKey(config.withKeyId(key.keyId()));
        String forged = new JoinLinkIssuer(config, otherKey).issue(APPOINTMENT, PATIENT, STARTS_AT, ENDS_AT, 0).token();

        assertRefused(verifierAt(STARTS_AT), forged, Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldRejectATokenSignedByAKeyNotInTheJwks() {
        JoinLinkSigningKey otherKey = new JoinLinkSigningKey(config);
        String forged = new JoinLinkIssuer(config, otherKey).issue(APPOINTMENT, PATIENT, STARTS_AT, ENDS_AT, 0).token();

        assertRefused(verifierAt(STARTS_AT), forged, Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldRejectAnUnsignedTokenWithAlgNone() {
        String header = encode("{\"alg\":\"none\",\"kid\":\"" + key.keyId() + "\"}");
        String unsigned = header + "." + token.split("\\.")[1] + ".";

        assertRefused(verifierAt(STARTS_AT), unsigned, Reason.BAD_SIGNATURE);
        assertRefused(pinnedVerifierAt(STARTS_AT), unsigned, Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldRejectAnHmacTokenKeyedWithThePublicKey() {
        String confused = patientClaims(config)
                .jws().algorithm(SignatureAlgorithm.HS256).keyId(key.keyId())
                .sign(new SecretKeySpec(key.publicKey().getEncoded(), "HmacSHA256"));

        assertRefused(verifierAt(STARTS_AT), confused, Reason.BAD_SIGNATURE);
        assertRefused(pinnedVerifierAt(STARTS_AT), confused, Reason.BAD_SIGNATURE);
    }

    @Test
    void shouldRejectATokenForAnotherAudience() {
        String other = new JoinLinkIssuer(config.withAudience("telehealth-portal"), key)
                .issue(APPOINTMENT, PATIENT, STARTS_AT, ENDS_AT, 0).token();

        assertRefused(verifierAt(STARTS_AT), other, Reason.WRONG_AUDIENCE);
    }

    @Test
    void shouldRejectATokenFromAnotherIssuer() {
        String other = new JoinLinkIssuer(config.withIssuer("somebody-else"), key)
                .issue(APPOINTMENT, PATIENT, STARTS_AT, ENDS_AT, 0).token();

        assertRefused(verifierAt(STARTS_AT), other, Reason.WRONG_ISSUER);
    }

    @Test
    void shouldRejectAValidlySignedTokenThatGrantsNoPatientVisit() {
        String notALink = patientClaims(config).claim("role", "doctor")
                .jws().algorithm(SignatureAlgorithm.ES256).keyId(key.keyId()).sign(key.privateKey());

        assertRefused(verifierAt(STARTS_AT), notALink, Reason.MALFORMED);
    }

    @Test
    void shouldRejectSomethingThatIsNotAToken() {
        assertRefused(verifierAt(STARTS_AT), "not-a-token", Reason.MALFORMED);
        assertRefused(verifierAt(STARTS_AT), "", Reason.MALFORMED);
        assertRefused(verifierAt(STARTS_AT), null, Reason.MALFORMED);
    }

    @Test
    void shouldNotRepeatTheTokenOrItsClaimsInTheRefusal() {
        assertThatThrownBy(() -> verifierAt(CLOSES.plus(Duration.ofDays(1))).verify(token))
                .hasMessageNotContaining(PATIENT.toString())
                .hasMessageNotContaining(APPOINTMENT.toString());
    }

    private static JwtClaimsBuilder patientClaims(JoinLinkConfig config) {
        return Jwt.claims()
                .issuer(config.issuer()).audience(config.audience()).subject(PATIENT.toString())
                .claim("nbf", OPENS.getEpochSecond()).expiresAt(CLOSES).claim("jti", "x")
                .claim("role", "patient").claim("visit", APPOINTMENT.toString()).claim("gen", 0);
    }

    /** Verifies as signaling does: against the JWKS document. */
    private JoinLinkVerifier verifierAt(Instant now) {
        return JoinLinkVerifier.forJwks(jwksOf(key.publicKey(), key.keyId()), config.issuer(), config.audience(),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Verifies against the one public key, whatever kid the token names. */
    private JoinLinkVerifier pinnedVerifierAt(Instant now) {
        return JoinLinkVerifier.forKey(key.publicKey(), config.issuer(), config.audience(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static void assertRefused(JoinLinkVerifier verifier, String token, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(InvalidJoinLinkException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static String jwksOf(ECPublicKey publicKey, String kid) {
        EllipticCurveJsonWebKey jwk = new EllipticCurveJsonWebKey(publicKey);
        jwk.setKeyId(kid);
        jwk.setAlgorithm("ES256");
        jwk.setUse("sig");
        return new JsonWebKeySet(jwk).toJson(OutputControlLevel.PUBLIC_ONLY);
    }

    private static String decode(String base64url) {
        return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
