package org.telehealth.media.control.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * A first offer with {@code join=true}: one request opens the room, adds the participant and
 * answers; a bad offer opens and adds nothing; without {@code join} an unknown participant is still
 * unknown.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class JoinOnOfferTest {

    private static final String ROOM = "join-on-offer";

    private final String token = TestTokens.forUser("signaling-service", "service");

    @AfterEach
    void closeTheRoom() {
        given().auth().oauth2(token).delete("/api/rooms/" + ROOM).then().statusCode(204);
    }

    @Test
    void shouldOpenTheRoomAddTheParticipantAndAnswerInOneRequest() {
        offer("doctor", chromeOffer(), true).then().statusCode(200).contentType("application/sdp")
                .body(containsString("a=ice-lite")).body(containsString("a=fingerprint:sha-256"));

        given().auth().oauth2(token).get("/api/rooms/" + ROOM + "/participants/doctor/stats").then().statusCode(200);
        offer("doctor", chromeOffer(), true).then().statusCode(200); // a renegotiation: the same participant
        offer("patient", chromeOffer(), false).then().statusCode(404); // without join, nobody is added
        offer("patient", chromeOffer(), true).then().statusCode(200);
        given().auth().oauth2(token).get("/api/rooms/" + ROOM + "/participants/patient/stats").then().statusCode(200);
    }

    @Test
    void shouldOpenAndAddNothingForABadOffer() {
        offer("doctor", "v=0\r\nthis is no offer\r\n", true).then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400))
                .body("detail", containsString("SDP offer"));

        given().auth().oauth2(token).put("/api/rooms/" + ROOM + "/participants/doctor").then().statusCode(404); // no room
        given().auth().oauth2(token).put("/api/rooms/" + ROOM).then().statusCode(204);
        offer("doctor", "v=0\r\n", true).then().statusCode(400);
        given().auth().oauth2(token).get("/api/rooms/" + ROOM + "/participants/doctor/stats").then().statusCode(404);
    }

    @Test
    void shouldRefuseCallersWithoutTheServiceRole() {
        given().contentType("application/sdp").body(chromeOffer().getBytes(StandardCharsets.UTF_8)).post(path("doctor", true)).then().statusCode(401);
        given().auth().oauth2(TestTokens.forUser("doctor-1", "doctor")).contentType("application/sdp").body(chromeOffer().getBytes(StandardCharsets.UTF_8))
                .post(path("doctor", true)).then().statusCode(403);
        given().auth().oauth2(token).put("/api/rooms/" + ROOM + "/participants/doctor").then().statusCode(404); // nothing opened
    }

    private Response offer(String participant, String sdp, boolean join) {
        RequestSpecification request = given().auth().oauth2(token).contentType("application/sdp")
                .body(sdp.getBytes(StandardCharsets.UTF_8));
        return request.post(path(participant, join));
    }

    private static String path(String participant, boolean join) {
        return "/api/rooms/" + ROOM + "/participants/" + participant + "/sdp-offers" + (join ? "?join=true" : "");
    }

    private static String chromeOffer() {
        try (InputStream in = JoinOnOfferTest.class.getResourceAsStream("/org/telehealth/media/sdp/chrome-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
