package org.telehealth.media.control.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * A recorded visit with a real Chromium: one participant publishes camera and microphone, the room
 * is recorded to a UDP socket of the test's, then a second participant joins and publishes a
 * camera in three simulcast layers. The fork must send every track, audio and video, on the SSRCs
 * and payload types its description gives, start each video track at a keyframe, relay sender
 * reports, describe the late joiner's tracks in-band and on GET, and say BYE when stopped.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class RecordingForkBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/sfu-test/publish.html")
    URL page;

    @Test
    void shouldForkEveryParticipantsAudioAndVideoToTheRecorderAsDescribed() throws Exception {
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        String token = TestTokens.forUser("signaling-service", "service");
        try (ChromiumBrowser chromium = ChromiumBrowser.start(); ForkReceiver recorder = new ForkReceiver()) {
            chromium.open(page.toString());
            assertThat(call(chromium, "publish(arguments[0], 'recorded', 'alice')", token).asText()).isEqualTo("connected");

            JsonNode started = JSON.readTree(given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"host\": \"127.0.0.1\", \"port\": " + recorder.port() + "}")
                    .put("/api/rooms/recorded/recording").then().statusCode(200).extract().asString());
            System.out.println("recording started: " + started);
            assertThat(tracks(started, "alice")).hasSize(2);

            assertThat(call(chromium, "publishSimulcast(arguments[0], 'recorded', 'bob')", token).asText()).isEqualTo("connected");
            JsonNode described = awaitDescription(token, 4);
            System.out.println("recording described: " + described);
            JsonNode bobVideo = tracks(described, "bob").stream().filter(t -> t.path("kind").asText().equals("video"))
                    .findFirst().orElseThrow();
            assertThat(bobVideo.path("simulcast").asBoolean()).isTrue();

            List<JsonNode> all = tracks(described, null);
            await(Duration.ofSeconds(20), () -> all.stream().allMatch(track -> arrived(recorder, track)));
            System.out.println("the recorder got: " + summary(recorder));
            for (JsonNode track : all) {
                long ssrc = track.path("ssrc").asLong();
                ForkReceiver.Stream stream = recorder.streams().get(ssrc);
                String name = track.path("participant").asText() + " " + track.path("kind").asText();
                assertThat(stream).as(name + " arrived").isNotNull();
                assertThat(stream.packets).as(name + " packets").isGreaterThan(20);
                assertThat(payloadTypes(track)).as(name + " payload types").containsAll(stream.payloadTypes);
                assertThat(recorder.descriptions()).as(name + " described in-band")
                        .anySatisfy(d -> assertThat(d.path("ssrc").asLong()).isEqualTo(ssrc));
                if (track.path("kind").asText().equals("video")) {
                    assertThat(stream.keyframes).as(name + " starts at a keyframe").isPositive();
                    assertThat(stream.senderReports).as(name + " sender reports").isPositive();
                    assertThat(stream.sequenceJumps).as(name + " is one sequence").isZero();
                }
            }

            long aliceAudio = tracks(described, "alice").stream().filter(t -> t.path("kind").asText().equals("audio"))
                    .findFirst().orElseThrow().path("ssrc").asLong();
            await(Duration.ofSeconds(10), () -> recorder.stream(aliceAudio).senderReports > 0);
            assertThat(recorder.stream(aliceAudio).senderReports).as("alice's audio sender reports").isPositive();

            given().auth().oauth2(token).delete("/api/rooms/recorded/recording").then().statusCode(204);
            Set<Long> ssrcs = new HashSet<>();
            all.forEach(track -> ssrcs.add(track.path("ssrc").asLong()));
            await(Duration.ofSeconds(5), () -> recorder.goodbyes().containsAll(ssrcs));
            assertThat(recorder.goodbyes()).containsAll(ssrcs);
            given().auth().oauth2(token).get("/api/rooms/recorded/recording").then().statusCode(404);
        } finally {
            given().auth().oauth2(token).delete("/api/rooms/recorded").then().statusCode(204);
        }
    }

    private static boolean arrived(ForkReceiver recorder, JsonNode track) {
        ForkReceiver.Stream stream = recorder.streams().get(track.path("ssrc").asLong());
        boolean video = track.path("kind").asText().equals("video");
        return stream != null && stream.packets > 20 && (!video || stream.keyframes > 0 && stream.senderReports > 0);
    }

    private static String summary(ForkReceiver recorder) {
        StringBuilder summary = new StringBuilder();
        recorder.streams().forEach((ssrc, s) -> summary.append(String.format("%n  ssrc %d: %d packets, pt %s, %d keyframes, %d SRs",
                ssrc, s.packets, s.payloadTypes, s.keyframes, s.senderReports)));
        return summary + "\n  descriptions: " + recorder.descriptions().size() + ", BYEs: " + recorder.goodbyes();
    }

    private static JsonNode awaitDescription(String token, int tracks) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode described;
        do {
            described = JSON.readTree(given().auth().oauth2(token).get("/api/rooms/recorded/recording")
                    .then().statusCode(200).extract().asString());
        } while (described.path("tracks").size() < tracks && System.nanoTime() < deadline && sleep());
        return described;
    }

    private static List<JsonNode> tracks(JsonNode description, String participant) {
        List<JsonNode> tracks = new ArrayList<>();
        description.path("tracks").forEach(track -> {
            if (participant == null || track.path("participant").asText().equals(participant)) {
                tracks.add(track);
            }
        });
        return tracks;
    }

    private static Set<Integer> payloadTypes(JsonNode track) {
        Set<Integer> types = new HashSet<>();
        track.path("codecs").forEach(codec -> types.add(codec.path("payloadType").asInt()));
        return types;
    }

    private static void await(Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
    }

    private static boolean sleep() {
        try {
            Thread.sleep(250);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonNode call(ChromiumBrowser chromium, String expression, Object... args) throws Exception {
        return chromium.executeAsync(Duration.ofSeconds(30), "const done = arguments[arguments.length - 1];"
                + "Promise.resolve().then(() => " + expression + ").then(done, e => done('error: ' + e.message));", args);
    }
}
