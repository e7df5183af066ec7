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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.FirefoxBrowser;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestBrowser;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * Firefox (Debian's firefox-esr, driven over WebDriver BiDi) and Chromium in one room through the
 * SFU, each browser as it is: Firefox's offers (its payload type numbers, extension ids, SSRC lines,
 * bundle-only sections, its DTLS client) are accepted, its camera and microphone reach Chromium and
 * Chromium's reach Firefox, both whole and in simulcast layers. Before the SFU wrote each receiver's
 * own payload type numbers, each browser dropped everything the other published (Firefox's VP8 is
 * 120 and Opus 109, Chromium's 96 and 111). Same test page and resources as {@link SfuBrowserTest},
 * so the app is shared.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class FirefoxInteropBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/sfu-test/publish.html")
    URL page;

    private String token;

    @BeforeEach
    void bothBrowsersAreInstalled() {
        assumeTrue(FirefoxBrowser.available(), "firefox-esr is not installed (apt-get install firefox-esr; .ci/run does)");
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        token = TestTokens.forUser("signaling-service", "service");
    }

    @Test
    void shouldLetFirefoxAndChromiumParticipantsSeeAndHearEachOtherAndGoOnWhenFirefoxLeaves() throws Exception {
        try (FirefoxBrowser firefox = FirefoxBrowser.start(); ChromiumBrowser chromium = ChromiumBrowser.start()) {
            firefox.open(page.toString());
            chromium.open(page.toString());
            assertThat(call(firefox, "join(arguments[0], 'mixed1', 'doctor')", token).asText()).isEqualTo("connected");
            for (String participant : List.of("patient", "interpreter")) {
                assertThat(call(chromium, "join(arguments[0], 'mixed1', arguments[1])", token, participant).asText())
                        .isEqualTo("connected");
            }
            assertThat(call(firefox, "receive(arguments[0], 2, 2)", "doctor").asText()).isEqualTo("renegotiated");
            for (String participant : List.of("patient", "interpreter")) {
                assertThat(call(chromium, "receive(arguments[0], 2, 2)", participant).asText()).isEqualTo("renegotiated");
            }

            JsonNode doctor = awaitBothOthers(firefox, "doctor");
            System.out.println("Firefox's doctor receives: " + doctor);
            assertThat(receiving(doctor, "video")).as("Firefox decodes both Chromium participants' video: " + doctor).isEqualTo(2);
            assertThat(receiving(doctor, "audio")).as("Firefox hears both: " + doctor).isEqualTo(2);
            for (String participant : List.of("patient", "interpreter")) {
                JsonNode byMid = awaitBothOthers(chromium, participant);
                System.out.println("Chromium's " + participant + " receives: " + byMid);
                assertThat(receiving(byMid, "video")).as(participant + " decodes Firefox's video and the other's: " + byMid)
                        .isEqualTo(2);
                assertThat(receiving(byMid, "audio")).as(participant + " hears both: " + byMid).isEqualTo(2);
            }

            assertThat(call(firefox, "leave(arguments[0])", "doctor").asText()).isEqualTo("left");
            JsonNode before = call(chromium, "receivedByMid(arguments[0])", "patient");
            Thread.sleep(2000);
            JsonNode after = call(chromium, "receivedByMid(arguments[0])", "patient");
            assertThat(growing(before, after, "video", "framesDecoded", 10))
                    .as("the patient still decodes the interpreter's video, and no longer Firefox's: " + after).isEqualTo(1);
            assertThat(growing(before, after, "audio", "packets", 20)).as("and hears only the interpreter: " + after).isEqualTo(1);
        } finally {
            given().auth().oauth2(token).delete("/api/rooms/mixed1").then().statusCode(204);
        }
    }

    @Test
    void shouldSendEachChromiumReceiverTheLayerOfFirefoxsSimulcastItsBandwidthAllows() throws Exception {
        try (FirefoxBrowser firefox = FirefoxBrowser.start(); ChromiumBrowser chromium = ChromiumBrowser.start()) {
            firefox.open(page.toString());
            chromium.open(page.toString());
            assertThat(call(firefox, "publishSimulcast(arguments[0], 'mixed2', 'doctor')", token).asText()).isEqualTo("connected");
            assertThat(call(chromium, "subscribe(arguments[0], 'mixed2', 'alice')", token).asText()).isEqualTo("connected");
            assertThat(call(chromium, "subscribe(arguments[0], 'mixed2', 'bob', 150)", token).asText()).isEqualTo("connected");

            // Firefox's encoder decides which layers it sends (on a busy machine it may leave the top one
            // out for a long while): the SFU must have learned every layer Firefox is sending, two at least
            JsonNode doctor = await(Duration.ofSeconds(20), () -> stats("mixed2", "doctor"),
                    stats -> rids(stats).size() >= 2 && rids(stats).containsAll(layersSent(firefox)));
            List<String> sent = layersSent(firefox);
            System.out.println("the SFU receives from Firefox: " + doctor.path("inbound") + "; Firefox sends: " + sent);
            assertThat(rids(doctor)).as("the SFU learned each of Firefox's layers from its rid").containsAll(sent)
                    .hasSizeGreaterThanOrEqualTo(2).contains("q");

            JsonNode both = await(Duration.ofSeconds(40), () -> video(chromium),
                    videos -> width(videos, "alice") > 320 && width(videos, "bob") == 320);
            Thread.sleep(3000);
            JsonNode later = video(chromium);
            System.out.println("Chromium decodes Firefox's simulcast: " + both + ", 3 s later " + later);
            assertThat(width(later, "bob")).as("bob's offer caps his video at 150 kbps: the lowest layer").isEqualTo(320);
            assertThat(width(later, "alice")).as("alice is not capped").isGreaterThan(320);
            for (String subscriber : List.of("alice", "bob")) {
                assertThat(later.path(subscriber).path("framesDecoded").asLong()).as(subscriber + " keeps decoding")
                        .isGreaterThan(both.path(subscriber).path("framesDecoded").asLong() + 20);
            }
            assertThat(videoTrack(stats("mixed2", "bob")).path("selectedLayer").asText()).isEqualTo("q");
            assertThat(videoTrack(stats("mixed2", "alice")).path("selectedLayer").asText()).isIn("h", "f");
        } finally {
            given().auth().oauth2(token).delete("/api/rooms/mixed2").then().statusCode(204);
        }
    }

    @Test
    void shouldSwitchTheLayerOfAChromiumSimulcastFirefoxReceivesWithoutStoppingItsVideo() throws Exception {
        try (FirefoxBrowser firefox = FirefoxBrowser.start(); ChromiumBrowser chromium = ChromiumBrowser.start()) {
            firefox.open(page.toString());
            chromium.open(page.toString());
            assertThat(call(chromium, "publishSimulcast(arguments[0], 'mixed3', 'doctor')", token).asText()).isEqualTo("connected");
            assertThat(call(firefox, "subscribe(arguments[0], 'mixed3', 'alice')", token).asText()).isEqualTo("connected");

            JsonNode full = await(Duration.ofSeconds(40), () -> firefoxVideo(firefox), video -> video.path("frameWidth").asLong() >= 640);
            System.out.println("Firefox decodes Chromium's simulcast: " + full);
            assertThat(full.path("frameWidth").asLong()).as("an uncapped receiver starts above the lowest layer").isGreaterThanOrEqualTo(640);

            given().auth().oauth2(token).contentType("application/json").body("{\"maxBitrateBps\": 200000}")
                    .put("/api/rooms/mixed3/participants/alice/receive-limit").then().statusCode(204);
            JsonNode limited = await(Duration.ofSeconds(20), () -> firefoxVideo(firefox), video -> video.path("frameWidth").asLong() == 320);
            Thread.sleep(2000);
            JsonNode limitedLater = firefoxVideo(firefox);
            System.out.println("Firefox limited to 200 kbps: " + limited + ", 2 s later " + limitedLater);
            assertThat(limitedLater.path("frameWidth").asLong()).as("the lowest layer fits 200 kbps").isEqualTo(320);
            assertThat(limitedLater.path("framesDecoded").asLong()).as("Firefox keeps decoding across the switch")
                    .isGreaterThan(limited.path("framesDecoded").asLong() + 10);

            given().auth().oauth2(token).delete("/api/rooms/mixed3/participants/alice/receive-limit").then().statusCode(204);
            JsonNode lifted = await(Duration.ofSeconds(20), () -> firefoxVideo(firefox), video -> video.path("frameWidth").asLong() > 320);
            System.out.println("Firefox's limit lifted: " + lifted);
            assertThat(lifted.path("frameWidth").asLong()).isGreaterThan(320);
        } finally {
            given().auth().oauth2(token).delete("/api/rooms/mixed3").then().statusCode(204);
        }
    }

    /** Runs a page expression in either browser, its promise awaited. */
    private static JsonNode call(TestBrowser browser, String expression, Object... args) throws Exception {
        return browser.execute("return " + expression, args);
    }

    /** A participant's receiving sections, once two of each kind receive or after 25 s. */
    private static JsonNode awaitBothOthers(TestBrowser browser, String participant) throws Exception {
        return await(Duration.ofSeconds(25), () -> call(browser, "receivedByMid(arguments[0])", participant),
                byMid -> receiving(byMid, "video") >= 2 && receiving(byMid, "audio") >= 2);
    }

    /**
     * Receiving sections of this kind that decoded at least 15 frames (video), or got more than 50
     * packets that played (audio: samples alone could be concealment).
     */
    private static int receiving(JsonNode byMid, String kind) {
        int count = 0;
        for (JsonNode section : byMid) {
            boolean receives = kind.equals("video") ? section.path("framesDecoded").asLong() >= 15
                    : section.path("packets").asLong() > 50 && section.path("samples").asLong() > 0;
            if (section.path("kind").asText().equals(kind) && receives) {
                count++;
            }
        }
        return count;
    }

    /** Sections of this kind whose {@code counter} grew by more than {@code growth} between two readings. */
    private static int growing(JsonNode before, JsonNode after, String kind, String counter, long growth) {
        int count = 0;
        for (var mids = after.fieldNames(); mids.hasNext(); ) {
            String mid = mids.next();
            if (after.path(mid).path("kind").asText().equals(kind)
                    && after.path(mid).path(counter).asLong() > before.path(mid).path(counter).asLong() + growth) {
                count++;
            }
        }
        return count;
    }

    /** The video alice and bob decode in Chromium: frame width, frames, packets, losses. */
    private static JsonNode video(ChromiumBrowser chromium) throws Exception {
        var videos = JSON.createObjectNode();
        for (String subscriber : List.of("alice", "bob")) {
            videos.set(subscriber, call(chromium, "receivedMedia(arguments[0])", subscriber).path("video"));
        }
        return videos;
    }

    private static JsonNode firefoxVideo(FirefoxBrowser firefox) throws Exception {
        return call(firefox, "receivedMedia(arguments[0])", "alice").path("video");
    }

    private static long width(JsonNode videos, String subscriber) {
        return videos.path(subscriber).path("frameWidth").asLong();
    }

    /** The rids of the layers the SFU learned an SSRC for. */
    /** The rids of the layers Firefox has encoded frames of. */
    private static List<String> layersSent(FirefoxBrowser firefox) {
        JsonNode layers;
        try {
            layers = call(firefox, "sentLayers(arguments[0])", "doctor");
        } catch (Exception e) {
            throw new IllegalStateException("could not read Firefox's sending stats", e);
        }
        List<String> sent = new ArrayList<>();
        layers.fields().forEachRemaining(layer -> {
            if (layer.getValue().path("framesEncoded").asLong() > 0) {
                sent.add(layer.getKey());
            }
        });
        return sent;
    }

    private static List<String> rids(JsonNode stats) {
        List<String> rids = new ArrayList<>();
        for (JsonNode stream : stats.path("inbound")) {
            if (stream.hasNonNull("rid")) {
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

    private JsonNode stats(String room, String participant) throws Exception {
        return JSON.readTree(given().auth().oauth2(token).get("/api/rooms/" + room + "/participants/" + participant + "/stats")
                .then().statusCode(200).extract().asString());
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
