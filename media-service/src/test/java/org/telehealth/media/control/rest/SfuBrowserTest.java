package org.telehealth.media.control.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * A real Chromium publishes its fake camera and microphone to the SFU: ICE-lite, DTLS and SRTP with
 * a real browser, through the control API as signaling will drive it; and the SFU's own RTCP
 * (transport-cc, sender report relay, receiver reports) as the browser takes it, with the stats
 * and metrics that show it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class SfuBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/sfu-test/publish.html")
    URL page;

    @Test
    void shouldReceiveAndDecryptTheMediaAChromiumPublishes() throws Exception {
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        String token = TestTokens.forUser("signaling-service", "service");
        try (ChromiumBrowser chromium = ChromiumBrowser.start()) {
            chromium.open(page.toString());

            JsonNode state = chromium.executeAsync(Duration.ofSeconds(30),
                    "const done = arguments[arguments.length - 1];"
                            + "publish(arguments[0], 'room1', 'alice').then(done, e => done('error: ' + e.message));",
                    token);
            assertThat(state.asText()).isEqualTo("connected");

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            JsonNode stats;
            do {
                Thread.sleep(500);
                stats = JSON.readTree(given().auth().oauth2(token)
                        .get("/api/rooms/room1/participants/alice/stats").then().statusCode(200).extract().asString());
            } while (stats.path("rtpPacketsReceived").asLong() < 200 && System.nanoTime() < deadline);

            assertThat(stats.path("connected").asBoolean()).isTrue();
            assertThat(stats.path("rtpPacketsReceived").asLong()).isGreaterThanOrEqualTo(200);
            assertThat(stats.path("rtpBytesReceived").asLong()).isGreaterThan(200L * 12);
            System.out.println("SFU received from Chromium: " + stats);
            JsonNode sent = chromium.executeAsync(Duration.ofSeconds(10),
                    "const done = arguments[arguments.length - 1]; sentPackets('alice').then(done);");
            assertThat(sent.path("audio").asLong()).isPositive();
            assertThat(sent.path("video").asLong()).isPositive();
        } finally {
            given().auth().oauth2(token).delete("/api/rooms/room1").then().statusCode(204);
        }
    }

    @Test
    void shouldForwardOneParticipantsCameraAndMicrophoneToAnother() throws Exception {
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        String token = TestTokens.forUser("signaling-service", "service");
        try (ChromiumBrowser chromium = ChromiumBrowser.start()) {
            chromium.open(page.toString());
            String connect = "const done = arguments[arguments.length - 1];"
                    + "%s(arguments[0], 'visit2', arguments[1]).then(done, e => done('error: ' + e.message));";
            assertThat(chromium.executeAsync(Duration.ofSeconds(30), connect.formatted("publish"), token, "doctor").asText())
                    .isEqualTo("connected");
            assertThat(chromium.executeAsync(Duration.ofSeconds(30), connect.formatted("subscribe"), token, "patient").asText())
                    .isEqualTo("connected");

            JsonNode received;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            do {
                Thread.sleep(500);
                received = chromium.executeAsync(Duration.ofSeconds(10),
                        "const done = arguments[arguments.length - 1]; receivedMedia('patient').then(done);");
            } while ((received.path("video").path("framesDecoded").asLong() < 20
                    || received.path("audio").path("packets").asLong() <= 50
                    || received.path("audio").path("samples").asLong() == 0) && System.nanoTime() < deadline);

            System.out.println("patient received through the SFU: " + received);
            assertThat(received.path("video").path("framesDecoded").asLong()).isGreaterThanOrEqualTo(20);
            assertThat(received.path("audio").path("packets").asLong()).isGreaterThan(50);
            assertThat(received.path("audio").path("samples").asLong()).isPositive();
            assertThat(received.path("video").path("lost").asLong()).isLessThan(received.path("video").path("packets").asLong() / 20 + 1);

            JsonNode doctor = awaitStats(token, "doctor", stats -> inbound(stats, "video").path("bitrateBps").asLong() > 0);
            System.out.println("the SFU's stats of the doctor: " + doctor);
            assertThat(inbound(doctor, "video").path("bitrateBps").asLong()).isPositive();
            assertThat(inbound(doctor, "video").path("fractionLost").asDouble()).isLessThan(0.05);
            assertThat(inbound(doctor, "audio").path("packets").asLong()).isPositive();

            JsonNode patient = awaitStats(token, "patient", stats -> stats.path("roundTripTimeMs").isNumber());
            System.out.println("the SFU's stats of the patient: " + patient);
            assertThat(patient.path("outbound").path("packets").asLong()).isPositive();
            assertThat(patient.path("roundTripTimeMs").isNumber())
                    .as("the patient's reports answer the sender reports relayed to it").isTrue();
            assertThat(patient.path("roundTripTimeMs").asDouble()).isBetween(0.0, 1000.0);
            System.out.println("sender reports the patient's browser took: "
                    + call(chromium, "senderReportsReceived(arguments[0])", "patient"));

            long estimate = awaitSendEstimate(chromium, "doctor", 400_000);
            System.out.println("the doctor's send-side bandwidth estimate: " + estimate);
            assertThat(estimate).as("transport-cc feedback lets the publisher's estimate rise").isGreaterThan(400_000);

            String metrics = awaitMetrics("media_sender_reports_relayed_total");
            for (String series : List.of("media_forwarded_packets_total", "media_transport_cc_feedback_total",
                    "media_receiver_reports_total", "media_sender_reports_relayed_total", "media_rooms", "media_participants")) {
                assertThat(sample(metrics, series)).as(series).isPositive();
            }
            for (String series : List.of("media_nacks_received_total", "media_upstream_nacks_total", "media_rtx_recovered_total",
                    "media_duplicates_dropped_total", "media_retransmissions_total{format=\"rtx\"}",
                    "media_dropped_packets_total{reason=\"malformed\"}", "media_dropped_packets_total{reason=\"unknown-stream\"}")) {
                assertThat(sample(metrics, series)).as(series).isNotNegative();
            }
        } finally {
            given().auth().oauth2(token).delete("/api/rooms/visit2").then().statusCode(204);
        }
    }

    /** The SFU's stats of a participant of visit2, once {@code ready} holds or 10 s have passed. */
    private static JsonNode awaitStats(String token, String participant, Predicate<JsonNode> ready) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode stats;
        while (true) {
            stats = JSON.readTree(given().auth().oauth2(token).get("/api/rooms/visit2/participants/" + participant + "/stats")
                    .then().statusCode(200).extract().asString());
            if (ready.test(stats) || System.nanoTime() > deadline) {
                return stats;
            }
            Thread.sleep(500);
        }
    }

    /** The stats of the participant's published track of this kind. */
    private static JsonNode inbound(JsonNode stats, String kind) {
        for (JsonNode track : stats.path("inbound")) {
            if (track.path("kind").asText().equals(kind)) {
                return track;
            }
        }
        return JSON.createObjectNode();
    }

    private static long awaitSendEstimate(ChromiumBrowser chromium, String participant, long above) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long estimate;
        while ((estimate = call(chromium, "sendEstimate(arguments[0])", participant).asLong()) <= above
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        return estimate;
    }

    /** {@code /q/metrics}, once {@code series} is positive or 10 s have passed. */
    private static String awaitMetrics(String series) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String metrics;
        while (sample(metrics = given().get("/q/metrics").then().statusCode(200).extract().asString(), series) <= 0
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        return metrics;
    }

    /** One sample of the Prometheus text format, named {@code name{label="value"}}; the labels may end in a comma. */
    private static double sample(String metrics, String series) {
        for (String line : metrics.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (!line.startsWith("#") && space > 0 && line.substring(0, space).replace(",}", "}").equals(series)) {
                return Double.parseDouble(line.substring(space + 1));
            }
        }
        throw new AssertionError("no " + series + " in /q/metrics");
    }

    @Test
    void shouldLetThreeParticipantsSeeAndHearEachOtherAndGoOnWhenOneLeaves() throws Exception {
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        String token = TestTokens.forUser("signaling-service", "service");
        List<String> everyone = List.of("doctor", "patient", "interpreter");
        try (ChromiumBrowser chromium = ChromiumBrowser.start()) {
            chromium.open(page.toString());
            for (String participant : everyone) {
                assertThat(call(chromium, "join(arguments[0], 'visit3', arguments[1])", token, participant).asText()).isEqualTo("connected");
            }
            for (String participant : everyone) {
                assertThat(call(chromium, "receive(arguments[0], 2, 2)", participant).asText()).isEqualTo("renegotiated");
            }

            for (String participant : everyone) {
                JsonNode byMid = awaitMedia(chromium, participant, 15);
                assertThat(receiving(byMid, "video", 15)).as(participant + " decodes both others' video: " + byMid).isEqualTo(2);
                assertThat(receiving(byMid, "audio", 1)).as(participant + " hears both others: " + byMid).isEqualTo(2);
            }

            assertThat(call(chromium, "leave(arguments[0])", "interpreter").asText()).isEqualTo("left");
            JsonNode before = call(chromium, "receivedByMid(arguments[0])", "doctor");
            Thread.sleep(2000);
            JsonNode after = call(chromium, "receivedByMid(arguments[0])", "doctor");
            int stillFlowing = 0;
            for (var mids = after.fieldNames(); mids.hasNext(); ) {
                String mid = mids.next();
                if (after.path(mid).path("kind").asText().equals("video")
                        && after.path(mid).path("framesDecoded").asLong() > before.path(mid).path("framesDecoded").asLong() + 10) {
                    stillFlowing++;
                }
            }
            assertThat(stillFlowing).as("the doctor still decodes the patient's video after the interpreter left: " + after)
                    .isEqualTo(1);
        } finally {
            given().auth().oauth2(token).delete("/api/rooms/visit3").then().statusCode(204);
        }
    }

    private static JsonNode call(ChromiumBrowser chromium, String expression, Object... args) throws Exception {
        return chromium.executeAsync(Duration.ofSeconds(30), "const done = arguments[arguments.length - 1];"
                + "Promise.resolve().then(() => " + expression + ").then(done, e => done('error: ' + e.message));", args);
    }

    private static JsonNode awaitMedia(ChromiumBrowser chromium, String participant, long frames) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
        JsonNode byMid;
        do {
            Thread.sleep(500);
            byMid = call(chromium, "receivedByMid(arguments[0])", participant);
        } while ((receiving(byMid, "video", frames) < 2 || receiving(byMid, "audio", 1) < 2) && System.nanoTime() < deadline);
        return byMid;
    }

    /** Receiving sections of this kind that decoded at least {@code minimum} frames (video) or samples (audio). */
    private static int receiving(JsonNode byMid, String kind, long minimum) {
        int count = 0;
        for (JsonNode section : byMid) {
            long progress = kind.equals("video") ? section.path("framesDecoded").asLong() : section.path("samples").asLong();
            if (section.path("kind").asText().equals(kind) && progress >= minimum) {
                count++;
            }
        }
        return count;
    }
}
