package org.telehealth.scheduling.joinlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class JoinLinkIssuerTest {

    private static final UUID APPOINTMENT = UUID.fromString("6f1c2a9e-0d4b-4c1e-9a53-2b7f3e8d1c40");
    private static final UUID PATIENT = UUID.fromString("0b8e4f2a-7c3d-4e5f-8a9b-1c2d3e4f5a6b");
    private static final Instant STARTS_AT = Instant.parse("2030-03-04T09:00:00Z");
    private static final Instant ENDS_AT = Instant.parse("2030-03-04T09:30:00Z");

    private final JoinLinkSigningKey key = new JoinLinkSigningKey(JoinLinkTestConfig.defaults());
    private final JoinLinkIssuer issuer = new JoinLinkIssuer(JoinLinkTestConfig.defaults(), key);

    @Test
    void shouldIssueATokenThatVerifiesAndGrantsThePatientThisVisit() {
        JoinLink link = issuer.issue(APPOINTMENT, PATIENT, STARTS_AT, ENDS_AT, 3);

        JoinLinkClaims claims = verifierAt(STARTS_AT).verify(link.token());

        assertThat(claims).isEqualTo(new JoinLinkClaims(APPOINTMENT, PATIENT, JoinLinkRole.PATIENT, 3,
                Instant.parse("2030-03-04T08:45:00Z"), Instant.parse("2030-03-04T10:00:00Z")));
    }

    @Test
    void shouldOpenTheLinkFifteenMinutesBeforeTheStartAndCloseItHalfAnHourAfterTheEnd() {
        JoinLink link = issuer.issue(APPOINTMENT, PATIENT, STARTS_AT, ENDS_AT, 0);

        assertThat(link.validFrom()).isEqualTo("2030-03-04T08:45:00Z");
        assertThat(link.validUntil()).isEqualTo("2030-03-04T10:00:00Z");
    }

    @Test
    void shouldPutTheTokenInTheFragmentWhichBrowsersNeverSendToServers() {
        JoinLink link = issuer.issue(APPOINTMENT, PATIENT, STARTS_AT, ENDS_AT, 0);

        assertThat(link.url()).hasToString("http://localhost:8082/visit/" + APPOINTMENT + "#t=" + link.token());
        assertThat(link.url().getPath()).isEqualTo("/visit/" + APPOINTMENT);
        assertThat(link.url().getQuery()).isNull();
        assertThat(link.url().getFragment()).isEqualTo("t=" + link.token());
    }

    @Test
    void shouldGiveEachInvitedGuestALinkOfTheirOwnForTheSameVisitAndGeneration() {
        JoinLinkClaims first = verifierAt(STARTS_AT).verify(issuer.issueGuest(APPOINTMENT, STARTS_AT, ENDS_AT, 2).token());
        JoinLinkClaims second = verifierAt(STARTS_AT).verify(issuer.issueGuest(APPOINTMENT, STARTS_AT, ENDS_AT, 2).token());

        assertThat(first.role()).isEqualTo(JoinLinkRole.GUEST);
        assertThat(first.visit()).isEqualTo(APPOINTMENT);
        assertThat(first.generation()).isEqualTo(2);
        assertThat(first.participant()).isNotEqualTo(PATIENT).isNotEqualTo(second.participant());
        assertThat(first.validFrom()).isEqualTo("2030-03-04T08:45:00Z");
        assertThat(first.validUntil()).isEqualTo("2030-03-04T10:00:00Z");
    }

    @Test
    void shouldAddTheMissingSlashOfABaseUrl() {
        JoinLinkConfig config = JoinLinkTestConfig.defaults().withBaseUrl("https://visit.example.org/v");
        JoinLink link = new JoinLinkIssuer(config, key).issue(APPOINTMENT, PATIENT, STARTS_AT, ENDS_AT, 0);

        assertThat(link.url()).hasToString("https://visit.example.org/v/" + APPOINTMENT + "#t=" + link.token());
    }

    @Test
    void shouldSignWithEs256AndNameTheKey() {
        String token = issuer.issue(APPOINTMENT, PATIENT, STARTS_AT, ENDS_AT, 0).token();

        String header = decode(token.split("\\.")[0]);

        assertThat(header).contains("\"alg\":\"ES256\"").contains("\"kid\":\"" + key.keyId() + "\"");
    }

    @Test
    void shouldCarryIdsAndTheGrantOnlyNeverPatientDetails() throws Exception {
        String token = issuer.issue(APPOINTMENT, PATIENT, STARTS_AT, ENDS_AT, 2).token();

        JwtClaims claims = JwtClaims.parse(decode(token.split("\\.")[1]));

        assertThat(claims.getClaimNames())
                .containsExactlyInAnyOrder("iss", "aud", "sub", "visit", "gen", "role", "nbf", "exp", "iat", "jti");
        assertThat(claims.getSubject()).isEqualTo(PATIENT.toString());
        assertThat(claims.getStringClaimValue("visit")).isEqualTo(APPOINTMENT.toString());
        assertThat(claims.getStringClaimValue("role")).isEqualTo("patient");
        assertThat(claims.getClaimValue("gen")).isEqualTo(2L);
    }

    @Test
    void shouldGiveEveryLinkItsOwnTokenId() throws Exception {
        String first = issuer.issue(APPOINTMENT, PATIENT, STARTS_AT, ENDS_AT, 0).token();
        String second = issuer.issue(APPOINTMENT, PATIENT, STARTS_AT, ENDS_AT, 0).token();

        assertThat(JwtClaims.parse(decode(first.split("\\.")[1])).getJwtId())
                .isNotEqualTo(JwtClaims.parse(decode(second.split("\\.")[1])).getJwtId());
    }

    @Test
    void shouldRefuseAnAppointmentThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> issuer.issue(APPOINTMENT, PATIENT, ENDS_AT, STARTS_AT, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private JoinLinkVerifier verifierAt(Instant now) {
        return JoinLinkVerifier.forKey(key.publicKey(), "telehealth-scheduling", "telehealth-visit",
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String decode(String base64url) {
        return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
    }
}
