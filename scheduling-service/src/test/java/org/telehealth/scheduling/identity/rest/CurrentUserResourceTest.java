package org.telehealth.scheduling.identity.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class CurrentUserResourceTest {

    @Test
    void shouldTellADoctorWhoTheyAreAndOnlyPlatformRoles() {
        given().auth().oauth2(TestTokens.forUser("doctor.alice", "doctor", "offline_access", "default-roles-telehealth"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("doctor.alice"))
                .body("id", equalTo(TestTokens.subjectOf("doctor.alice")))
                .body("roles", contains("doctor"));
    }

    @Test
    void shouldRejectAnonymousCallers() {
        given().when().get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldRejectATokenSignedByAnotherKey() {
        String forged = TestTokens.forUser("mallory", "admin");
        String[] parts = forged.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        given().auth().oauth2(tampered).when().get("/api/me").then().statusCode(401);
    }
}
