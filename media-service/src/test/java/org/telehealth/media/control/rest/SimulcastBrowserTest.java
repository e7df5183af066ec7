package org.telehealth.media.control.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * Simulcast and screen share with a real Chromium: a publisher sends its camera in three layers,
 * each subscriber gets the layer its bandwidth allows (its offer's b=AS, the control API's receive
 * limit), switched without the decoder noticing; a screen added in a renegotiation reaches the
 * others as a track of its own. Same resources as {@link SfuBrowserTest}, so the app is shared.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class SimulcastBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/sfu-test/publish.html")
    URL page;

    @Test
    void shouldSetAndLiftAReceiveLimitAndRefuseABadOne() throws Exception {
        String token = TestTokens.forUser("signaling-service", "service");
        String participant = "/api/rooms/limits1/participants/nurse";
        given().auth().oauth2(token).put("/api/rooms/limits1").then().statusCode(204);
        given().auth().oauth2(token).put(participant).then().statusCode(204);
        try {
            given().auth().oauth2(token).contentType("application/json").body("{\"maxBitrateBps\": 300000}")
                    .put(participant + "/receive-limit").then().statusCode(204);
            assertThat(stats(token, "limits1", "nurse").path("outbound").path("receiveLimitBps").asLong()).isEqualTo(300_000);

            for (String bad : List.of("{\"maxBitrateBps\": 0}", "{}", "{\"maxBitrateBps\": -5}")) {
                given().auth().oauth2(token).contentType("application/json").body(bad).put(participant + "/receive-limit")
                        .then().statusCode(400).contentType("application/problem+json");
            }
            given().auth().oauth2(token).contentType("application/json").body("{\"maxBitrateBps\": 300000}")
                    .put("/api/rooms/limits1/participants/nobody/receive-limit").then().statusCode(404);

            given().auth().oauth2(token).delete(participant + "/receive-limit").then().statusCode(204);
            assertThat(stats(token, "limits1", "nurse").path("outbound").path("receiveLimitBps").isNull()).isTrue();
        } finally {
            given().auth().oauth2(token).delete("/api/rooms/limits1").then().statusCode(204);
        }
    }

    @Test
    void shouldSendASubscriberWhoseBandwidthIsCappedALowerLayerAndSwitchLayersWithoutStoppingTheVideo() throws Exception {
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        String token = TestTokens.forUser("signaling-service", "service");
        try (ChromiumBrowser chromium = ChromiumBrowser.start()) {
            chromium.open(page.toString());
            assertThat(call(chromium, "publishSimulcast(arguments[0], 'simulcast1', 'doctor')", token).asText()).isEqualTo("connected");
            assertThat(call(chromium, "subscribe(arguments[0], 'simulcast1', 'alice')", token).asText()).isEqualTo("connected");
            assertThat(call(chromium, "subscribe(arguments[0], 'simulcast1', 'bob', 150)", token).asText()).isEqualTo("connected");

            JsonNode layers = await(Duration.ofSeconds(40), () -> call(chromium, "sentLayers(arguments[0])", "doctor"),
                    sent -> sent.path("f").path("framesEncoded").asLong() > 30 && sent.path("q").path("framesEncoded").asLong() > 30);
            System.out.println("the doctor's browser sends: " + layers);
            JsonNode doctor = await(Duration.ofSeconds(10), () -> stats(token, "simulcast1", "doctor"),
                    stats -> rids(stats).containsAll(List.of("q", "h", "f")));
            System.out.println("the SFU receives from the doctor: " + doctor.path("inbound"));
            assertThat(rids(doctor)).as("the SFU learned the SSRC of every layer from its rid").contains("q", "h", "f");

            JsonNode both = await(Duration.ofSeconds(40), () -> video(chromium),
                    videos -> width(videos, "alice") >= 1280 && width(videos, "bob") > 0);
            Thread.sleep(3000);
            JsonNode later = video(chromium);
            System.out.println("decoded through the SFU: " + both + ", 3 s later " + later);
            long top = width(later, "alice");
            assertThat(width(later, "bob")).as("bob's offer caps his video at 150 kbps: the lowest layer").isEqualTo(320);
            assertThat(top).as("alice is not capped").isGreaterThan(width(later, "bob"));
            for (String subscriber : List.of("alice", "bob")) {
                assertThat(later.path(subscriber).path("framesDecoded").asLong())
                        .as(subscriber + " keeps decoding").isGreaterThan(both.path(subscriber).path("framesDecoded").asLong() + 20);
                assertThat(later.path(subscriber).path("lost").asLong())
                        .as(subscriber + " lost little").isLessThanOrEqualTo(later.path(subscriber).path("packets").asLong() / 50 + 2);
            }
            JsonNode bob = stats(token, "simulcast1", "bob");
            JsonNode alice = stats(token, "simulcast1", "alice");
            System.out.println("the SFU's outbound stats: alice " + alice.path("outbound") + ", bob " + bob.path("outbound")
                    + "; layers received: " + stats(token, "simulcast1", "doctor").path("inbound"));
            assertThat(videoTrack(bob).path("selectedLayer").asText()).isEqualTo("q");
            assertThat(videoTrack(alice).path("selectedLayer").asText()).isIn("h", "f");
            // Chrome sends its first REMB once its estimator has seen enough packets: wait for it, bounded
            JsonNode estimated = await(Duration.ofSeconds(15), () -> stats(token, "simulcast1", "alice"),
                    stats -> stats.path("outbound").path("availableBitrateBps").asLong() > 0);
            assertThat(estimated.path("outbound").path("availableBitrateBps").asLong())
                    .as("alice's browser sends REMB on the abs-send-time the SFU stamps").isPositive();

            given().auth().oauth2(token).contentType("application/json").body("{\"maxBitrateBps\": 400000}")
                    .put("/api/rooms/simulcast1/participants/alice/receive-limit").then().statusCode(204);
            JsonNode limited = await(Duration.ofSeconds(15), () -> video(chromium), videos -> width(videos, "alice") < top);
            Thread.sleep(2000);
            JsonNode limitedLater = video(chromium);
            System.out.println("alice limited to 400 kbps: " + limited + ", 2 s later " + limitedLater
                    + ", SFU: " + stats(token, "simulcast1", "alice").path("outbound").path("tracks"));
            assertThat(width(limitedLater, "alice")).isLessThan(top);
            assertThat(limitedLater.path("alice").path("framesDecoded").asLong())
                    .as("the switch down is seamless").isGreaterThan(limited.path("alice").path("framesDecoded").asLong() + 10);
            assertThat(limitedLater.path("alice").path("lost").asLong()).isEqualTo(later.path("alice").path("lost").asLong());

            given().auth().oauth2(token).delete("/api/rooms/simulcast1/participants/alice/receive-limit").then().statusCode(204);
            JsonNode lifted = await(Duration.ofSeconds(20), () -> video(chromium), videos -> width(videos, "alice") == top);
            System.out.println("alice's limit lifted: " + lifted);
            assertThat(width(lifted, "alice")).isEqualTo(top);
        } finally {
            given().auth().oauth2(token).delete("/api/rooms/simulcast1").then().statusCode(204);
        }
    }

    @Test
    void shouldForwardAScreenShareAddedInARenegotiationAsATrackOfItsOwn() throws Exception {
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        String token = TestTokens.forUser("signaling-service", "service");
        try (ChromiumBrowser chromium = ChromiumBrowser.start()) {
            chromium.open(page.toString());
            for (String participant : List.of("doctor", "patient")) {
                assertThat(call(chromium, "join(arguments[0], 'screen1', arguments[1])", token, participant).asText())
                        .isEqualTo("connected");
            }
            for (String participant : List.of("doctor", "patient")) {
                assertThat(call(chromium, "receive(arguments[0], 1, 1)", participant).asText()).isEqualTo("renegotiated");
            }

            assertThat(call(chromium, "shareScreen(arguments[0])", "doctor").asText()).isEqualTo("sharing");
            assertThat(call(chromium, "receive(arguments[0], 1, 2)", "patient").asText()).isEqualTo("renegotiated");

            JsonNode byMid = await(Duration.ofSeconds(25), () -> call(chromium, "receivedByMid(arguments[0])", "patient"),
                    received -> decodedWidths(received).containsAll(List.of(320L, 640L)));
            System.out.println("the patient decodes: " + byMid);
            assertThat(decodedWidths(byMid)).as("the doctor's camera (320x240) and screen (640x360)").contains(320L, 640L);

            JsonNode doctor = stats(token, "screen1", "doctor");
            JsonNode patient = await(Duration.ofSeconds(15), () -> stats(token, "screen1", "patient"),
                    stats -> stats.path("outbound").path("availableBitrateBps").asLong() > 0);
            System.out.println("the SFU receives from the doctor: " + doctor.path("inbound") + "; sends the patient: "
                    + patient.path("outbound"));
            assertThat(doctor.path("inbound").findValuesAsText("kind").stream().filter("video"::equals)).hasSize(2);
            assertThat(patient.path("outbound").path("availableBitrateBps").asLong())
                    .as("a participant who publishes too sends REMB about what it receives").isPositive();
        } finally {
            given().auth().oauth2(token).delete("/api/rooms/screen1").then().statusCode(204);
        }
    }

    /** The video alice and bob decode: frame width, frames, packets, losses. */
    private static JsonNode video(ChromiumBrowser chromium) throws Exception {
        ObjectNode videos = JSON.createObjectNode();
        for (String subscriber : List.of("alice", "bob")) {
            videos.set(subscriber, call(chromium, "receivedMedia(arguments[0])", subscriber).path("video"));
        }
        return videos;
    }

    private static long width(JsonNode videos, String subscriber) {
        return videos.path(subscriber).path("frameWidth").asLong();
    }

    /** Frame widths of the receiving video sections that decoded at least 15 frames. */
    private static List<Long> decodedWidths(JsonNode byMid) {
        List<Long> widths = new ArrayList<>();
        for (JsonNode section : byMid) {
            if (section.path("kind").asText().equals("video") && section.path("framesDecoded").asLong() >= 15) {
                widths.add(section.path("frameWidth").asLong());
            }
        }
        return widths;
    }

    private static List<String> rids(JsonNode stats) {
        List<String> rids = new ArrayList<>();
        for (JsonNode stream : stats.path("inbound")) {
            if (stream.path("bitrateBps").asLong() > 0 && stream.hasNonNull("rid")) {
                rids.add(stream.path("rid").asText());
            }
        }
        return rids;
    }

    private static JsonNode videoTrack(JsonNode stats) {
        for (JsonNode track : stats.path("outbound").path("tracks")) {
            if (track.path("kind").asText().equals("video")) {
                return track;
            }
        }
        return JSON.createObjectNode();
    }

    private static JsonNode stats(String token, String room, String participant) throws Exception {
        return JSON.readTree(given().auth().oauth2(token).get("/api/rooms/" + room + "/participants/" + participant + "/stats")
                .then().statusCode(200).extract().asString());
    }

    private static JsonNode call(ChromiumBrowser chromium, String expression, Object... args) throws Exception {
        return chromium.executeAsync(Duration.ofSeconds(30), "const done = arguments[arguments.length - 1];"
                + "Promise.resolve().then(() => " + expression + ").then(done, e => done('error: ' + e.message));", args);
    }

    @FunctionalInterface
    private interface Probe {
        JsonNode read() throws Exception;
    }

    /** What {@code probe} reads once {@code ready} holds, or when {@code within} has passed. */
    private static JsonNode await(Duration within, Probe probe, Predicate<JsonNode> ready) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode value = probe.read();
        while (!ready.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            value = probe.read();
        }
        return value;
    }
}
