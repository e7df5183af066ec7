package org.telehealth.scheduling.appointment.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.telehealth.scheduling.ApiCalls.perform;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.scheduling.joinlink.InvalidJoinLinkException;
import org.telehealth.scheduling.joinlink.JoinLinkClaims;
import org.telehealth.scheduling.joinlink.JoinLinkRole;
import org.telehealth.scheduling.joinlink.JoinLinkVerifier;

/**
 * The patient's link as the doctor copies it from the portal: verifiable offline with the public
 * JWKS, scoped to the visit and its time, and replaced (new generation) when the visit moves.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class JoinLinkApiTest {

    private final String doctor = TestTokens.forUser("doctor.links." + UUID.randomUUID(), "doctor");
    private final Instant start = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    @Test
    void shouldGiveALinkThatOpensOnlyThisVisitAroundItsTimeAndAFreshOneAfterAReschedule() {
        String patient = perform(doctor, "POST /api/patients {\"fullName\":\"Link Patient\",\"dateOfBirth\":\"1970-03-03\"}")
                .then().statusCode(201).extract().path("id");
        String id = perform(doctor, "POST /api/appointments {\"patientId\":\"" + patient + "\",\"startsAt\":\"" + start
                + "\",\"durationMinutes\":30}").then().statusCode(201).extract().path("id");

        String first = perform(doctor, "GET /api/appointments/" + id + "/join-link").then().statusCode(200).extract().path("url");
        assertThat(first).contains("/visit/" + id + "#t=");
        JoinLinkClaims claims = verifierAt(start).verify(token(first));
        assertThat(claims.visit()).hasToString(id);
        assertThat(claims.participant()).hasToString(patient);
        assertThat(claims.generation()).isEqualTo(1);
        assertThat(claims.validFrom()).isBefore(start);
        assertThat(claims.validUntil()).isAfter(start.plus(30, ChronoUnit.MINUTES));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifierAt(start.minus(1, ChronoUnit.DAYS)).verify(token(first)))
                .isInstanceOf(InvalidJoinLinkException.class);

        perform(doctor, "POST /api/appointments/" + id + "/reschedule {\"startsAt\":\"" + start.plus(2, ChronoUnit.HOURS)
                + "\",\"durationMinutes\":30}").then().statusCode(200);
        String second = perform(doctor, "GET /api/appointments/" + id + "/join-link").then().statusCode(200).extract().path("url");
        assertThat(verifierAt(start.plus(2, ChronoUnit.HOURS)).verify(token(second)).generation()).isEqualTo(2);

        perform(doctor, "POST /api/appointments/" + id + "/cancel {}").then().statusCode(200);
        perform(doctor, "GET /api/appointments/" + id + "/join-link").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldInviteGuestsWithLinksOfTheirOwnThatDieWithTheVisit() {
        String patient = perform(doctor, "POST /api/patients {\"fullName\":\"Guest Host Patient\",\"dateOfBirth\":\"1971-04-04\"}")
                .then().statusCode(201).extract().path("id");
        Instant at = start.plus(5, ChronoUnit.HOURS);
        String id = perform(doctor, "POST /api/appointments {\"patientId\":\"" + patient + "\",\"startsAt\":\"" + at
                + "\",\"durationMinutes\":30}").then().statusCode(201).extract().path("id");

        String interpreter = perform(doctor, "POST /api/appointments/" + id + "/guest-links").then().statusCode(201)
                .extract().path("url");
        String relative = perform(doctor, "POST /api/appointments/" + id + "/guest-links").then().statusCode(201)
                .extract().path("url");

        JoinLinkClaims first = verifierAt(at).verify(token(interpreter));
        JoinLinkClaims second = verifierAt(at).verify(token(relative));
        assertThat(interpreter).contains("/visit/" + id + "#t=");
        assertThat(first.role()).isEqualTo(JoinLinkRole.GUEST);
        assertThat(first.visit()).hasToString(id);
        assertThat(first.participant()).isNotEqualTo(second.participant()).doesNotHaveToString(patient);
        assertThat(first.generation()).isEqualTo(1);

        perform(doctor, "POST /api/appointments/" + id + "/cancel {}").then().statusCode(200);
        perform(doctor, "POST /api/appointments/" + id + "/guest-links").then().statusCode(409)
                .contentType("application/problem+json");
    }

    private static JoinLinkVerifier verifierAt(Instant now) {
        String jwks = given().get("/.well-known/join-link-jwks.json").then().statusCode(200).extract().asString();
        return JoinLinkVerifier.forJwks(jwks, "telehealth-scheduling", "telehealth-visit", Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String token(String url) {
        return url.substring(url.indexOf("#t=") + 3);
    }
}
