package org.telehealth.media.drain.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telehealth.events.media.MediaInstanceLoad;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.media.drain.LoadReports;

/**
 * A drain started on the control API: new rooms are refused with 503 while the open ones keep
 * working, the load reports and metrics say so, and calling it off brings new rooms back. Each
 * test calls the drain off after itself, since the other test classes share this instance.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class DrainResourceTest {

    private static final String OPEN_ROOM = "drain-open";
    private static final String NEW_ROOM = "drain-new";

    private final String token = TestTokens.forUser("signaling-service", "service");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void callOffTheDrainAndCloseTheRooms() {
        given().auth().oauth2(token).delete("/api/instance/drain").then().statusCode(200);
        given().auth().oauth2(token).delete("/api/rooms/" + OPEN_ROOM).then().statusCode(204);
        given().auth().oauth2(token).delete("/api/rooms/" + NEW_ROOM).then().statusCode(204);
    }

    @Test
    void shouldRefuseCallersWithoutTheServiceRole() {
        given().post("/api/instance/drain").then().statusCode(401);
        given().get("/api/instance/drain").then().statusCode(401);
        String doctor = TestTokens.forUser("doctor-1", "doctor");
        given().auth().oauth2(doctor).post("/api/instance/drain").then().statusCode(403);
        given().auth().oauth2(doctor).delete("/api/instance/drain").then().statusCode(403);

        given().auth().oauth2(token).get("/api/instance/drain").then().statusCode(200).body("draining", equalTo(false));
    }

    @Test
    void shouldRefuseNewRoomsWhileTheOpenOnesKeepWorking() {
        given().auth().oauth2(token).put("/api/rooms/" + OPEN_ROOM).then().statusCode(204);
        given().auth().oauth2(token).put("/api/rooms/" + OPEN_ROOM + "/participants/doctor").then().statusCode(204);

        given().auth().oauth2(token).post("/api/instance/drain").then().statusCode(200)
                .body("draining", equalTo(true)).body("startedBy", equalTo("control-api")).body("since", notNullValue());

        given().auth().oauth2(token).put("/api/rooms/" + NEW_ROOM).then().statusCode(503)
                .contentType("application/problem+json").body("status", equalTo(503))
                .body("detail", containsString("draining"));
        given().auth().oauth2(token).put("/api/rooms/" + NEW_ROOM + "/participants/doctor").then().statusCode(404);

        given().auth().oauth2(token).put("/api/rooms/" + OPEN_ROOM).then().statusCode(204);
        given().auth().oauth2(token).put("/api/rooms/" + OPEN_ROOM + "/participants/patient").then().statusCode(204);
        String offer = chromeOffer();
        answer("doctor", offer);
        answer("doctor", offer); // renegotiation
        answer("doctor", offer.replace("a=ice-ufrag:Xq3v", "a=ice-ufrag:Rs7t")
                .replace("a=ice-pwd:", "a=ice-pwd:R")); // ICE restart: new credentials
        answer("patient", offer);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"host\": \"127.0.0.1\", \"port\": 5004}")
                .put("/api/rooms/" + OPEN_ROOM + "/recording").then().statusCode(200);
        given().auth().oauth2(token).delete("/api/rooms/" + OPEN_ROOM + "/participants/patient").then().statusCode(204);

        given().auth().oauth2(token).get("/api/instance/drain").then().statusCode(200)
                .body("draining", equalTo(true)).body("rooms", equalTo(1)).body("participants", equalTo(1));
    }

    @Test
    void shouldTakeNewRoomsAgainOnceTheDrainIsCalledOff() {
        given().auth().oauth2(token).post("/api/instance/drain").then().statusCode(200);
        String since = given().auth().oauth2(token).post("/api/instance/drain").then().statusCode(200)
                .extract().path("since");
        given().auth().oauth2(token).get("/api/instance/drain").then().body("since", equalTo(since));

        given().auth().oauth2(token).delete("/api/instance/drain").then().statusCode(200)
                .body("draining", equalTo(false)).body("since", nullValue()).body("startedBy", nullValue());

        given().auth().oauth2(token).put("/api/rooms/" + NEW_ROOM).then().statusCode(204);
    }

    @Test
    void shouldShowTheDrainAsAGauge() {
        assertThat(metrics()).contains("media_draining 0.0");

        given().auth().oauth2(token).post("/api/instance/drain").then().statusCode(200);

        assertThat(metrics()).contains("media_draining 1.0");
    }

    @Test
    void shouldSayItDrainsInItsLoadReports() {
        Instant before = Instant.now();

        given().auth().oauth2(token).post("/api/instance/drain").then().statusCode(200);

        MediaInstanceLoad load = LoadReports.awaitDrainingReport(bootstrap, before);
        assertThat(load.instanceId()).isEqualTo("media-local");
        assertThat(load.draining()).isTrue();
    }

    private void answer(String participant, String offer) {
        given().auth().oauth2(token).contentType("application/sdp").body(offer.getBytes(StandardCharsets.UTF_8))
                .post("/api/rooms/" + OPEN_ROOM + "/participants/" + participant + "/sdp-offers")
                .then().statusCode(200).body(containsString("a=ice-lite"));
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static String chromeOffer() {
        try (InputStream in = DrainResourceTest.class.getResourceAsStream("/org/telehealth/media/sdp/chrome-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
