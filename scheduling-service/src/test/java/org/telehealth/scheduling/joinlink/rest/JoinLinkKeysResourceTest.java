package org.telehealth.scheduling.joinlink.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.scheduling.joinlink.JoinLink;
import org.telehealth.scheduling.joinlink.JoinLinkClaims;
import org.telehealth.scheduling.joinlink.JoinLinkRole;
import org.telehealth.scheduling.joinlink.JoinLinkIssuer;
import org.telehealth.scheduling.joinlink.JoinLinkVerifier;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class JoinLinkKeysResourceTest {

    private static final String JWKS = "/.well-known/join-link-jwks.json";

    @Inject
    JoinLinkIssuer issuer;

    @Test
    void shouldServeTheJwksToAnonymousCallersWithPublicMembersOnly() {
        JsonPath jwks = given().when().get(JWKS)
                .then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", containsString("max-age=300"))
                .extract().jsonPath();

        List<Map<String, Object>> keys = jwks.getList("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0)).containsOnlyKeys("kty", "crv", "x", "y", "kid", "alg", "use")
                .containsEntry("kty", "EC").containsEntry("crv", "P-256")
                .containsEntry("alg", "ES256").containsEntry("use", "sig");
    }

    @Test
    void shouldIssueLinksThatVerifyAgainstTheJwksFetchedOverHttp() {
        UUID appointment = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        Instant startsAt = Instant.parse("2030-06-01T14:00:00Z");
        JoinLink link = issuer.issue(appointment, patient, startsAt, startsAt.plusSeconds(1200), 4);
        String jwks = given().when().get(JWKS).then().statusCode(200).extract().asString();

        JoinLinkClaims claims = JoinLinkVerifier.forJwks(jwks, "telehealth-scheduling", "telehealth-visit",
                Clock.fixed(startsAt, ZoneOffset.UTC)).verify(link.token());

        assertThat(claims).isEqualTo(new JoinLinkClaims(appointment, patient, JoinLinkRole.PATIENT, 4,
                Instant.parse("2030-06-01T13:45:00Z"), Instant.parse("2030-06-01T14:50:00Z")));
        assertThat(link.url()).hasToString("http://localhost:8082/visit/" + appointment + "#t=" + link.token());
    }

    @Test
    void shouldListTheJwksInOpenApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey(JWKS));
    }
}
