package org.telehealth.media.control.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/** The recording fork's control API: who may call it, where it may send, what it answers. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class RecordingResourceTest {

    private final String token = TestTokens.forUser("signaling-service", "service");

    @AfterEach
    void closeRoom() {
        given().auth().oauth2(token).delete("/api/rooms/rec-api").then().statusCode(204);
    }

    @Test
    void shouldRefuseCallersWithoutTheServiceRole() {
        given().contentType(ContentType.JSON).body("{\"host\": \"127.0.0.1\", \"port\": 5004}")
                .put("/api/rooms/rec-api/recording").then().statusCode(401);
        given().auth().oauth2(TestTokens.forUser("doctor-1", "doctor")).contentType(ContentType.JSON)
                .body("{\"host\": \"127.0.0.1\", \"port\": 5004}").put("/api/rooms/rec-api/recording").then().statusCode(403);
    }

    @Test
    void shouldRefuseATargetOutsideTheAllowedNetworksAndChangeNothing() {
        given().auth().oauth2(token).put("/api/rooms/rec-api").then().statusCode(204);

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"host\": \"192.0.2.10\", \"port\": 5004}")
                .put("/api/rooms/rec-api/recording").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(token).get("/api/rooms/rec-api/recording").then().statusCode(404);
    }

    @Test
    void shouldRejectAMalformedTargetWithTheReason() {
        given().auth().oauth2(token).put("/api/rooms/rec-api").then().statusCode(204);

        for (String body : new String[] {"{\"host\": \"127.0.0.1\"}", "{\"host\": \"127.0.0.1\", \"port\": 70000}",
                "{\"host\": \"a b\", \"port\": 5004}", "{\"port\": 5004}"}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .put("/api/rooms/rec-api/recording").then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(token).get("/api/rooms/rec-api/recording").then().statusCode(404);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownRoom() {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"host\": \"127.0.0.1\", \"port\": 5004}")
                .put("/api/rooms/no-such-room/recording").then().statusCode(404);
    }

    @Test
    void shouldStartDescribeAndStopARecordingIdempotently() {
        given().auth().oauth2(token).put("/api/rooms/rec-api").then().statusCode(204);
        String target = "{\"host\": \"127.0.0.1\", \"port\": 5004}";

        given().auth().oauth2(token).contentType(ContentType.JSON).body(target).put("/api/rooms/rec-api/recording")
                .then().statusCode(200).body("room", equalTo("rec-api")).body("port", equalTo(5004)).body("tracks", hasSize(0));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(target).put("/api/rooms/rec-api/recording")
                .then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"host\": \"127.0.0.2\", \"port\": 5004}")
                .put("/api/rooms/rec-api/recording").then().statusCode(409);
        given().auth().oauth2(token).get("/api/rooms/rec-api/recording").then().statusCode(200).body("host", equalTo("127.0.0.1"));

        given().auth().oauth2(token).delete("/api/rooms/rec-api/recording").then().statusCode(204);
        given().auth().oauth2(token).delete("/api/rooms/rec-api/recording").then().statusCode(204);
        given().auth().oauth2(token).get("/api/rooms/rec-api/recording").then().statusCode(404);
    }
}
