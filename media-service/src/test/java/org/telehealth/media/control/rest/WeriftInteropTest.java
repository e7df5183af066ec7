package org.telehealth.media.control.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * A second, independent WebRTC stack through the SFU: werift (TypeScript, from npm) and Chromium in
 * one room, each sending to and receiving from the other. werift sends a VP8 fixture it packetizes
 * itself and Opus silence, so Chromium decoding werift's video shows the SFU's forwarding is not
 * tuned to one browser's RTP.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class WeriftInteropTest {

    private static final String ROOM = "interop";

    @TestHTTPResource("/sfu-test/publish.html")
    URL page;

    @Test
    void shouldForwardMediaBetweenWeriftAndChromium() throws Exception {
        assumeTrue(WeriftPeer.nodeAvailable(), "node is not installed");
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        String token = TestTokens.forUser("signaling-service", "service");
        try (ChromiumBrowser chromium = ChromiumBrowser.start()) {
            chromium.open(page.toString());
            assertThat(call(chromium, "join(arguments[0], arguments[1], 'chromium')", token, ROOM).asText()).isEqualTo("connected");
            String offer = call(chromium, "connections.chromium.localDescription.sdp").asText();
            long chromiumVideoSsrc = awaitOutboundVideoSsrc(chromium);

            try (WeriftPeer werift = WeriftPeer.start(page.toURI().resolve("/").toString(), ROOM, "werift", token,
                    payloadType(offer, "VP8/90000"), payloadType(offer, "opus/48000/2"), 12)) {
                JsonNode published = werift.awaitEvent("published", Duration.ofSeconds(40));
                assertThat(call(chromium, "receive('chromium', 1, 1)").asText()).isEqualTo("renegotiated");

                JsonNode fromWerift = awaitInbound(chromium, published.path("videoSsrc").asLong(), 100, 20);
                System.out.println("Chromium received werift's video through the SFU: " + fromWerift);
                assertThat(fromWerift.path("packetsReceived").asLong()).isGreaterThan(100);
                assertThat(fromWerift.path("framesDecoded").asLong()).as("Chromium decodes werift's VP8").isGreaterThanOrEqualTo(20);
                assertThat(inbound(chromium, published.path("audioSsrc").asLong()).path("packetsReceived").asLong())
                        .as("Chromium receives werift's Opus").isGreaterThan(50);

                JsonNode result = werift.awaitResult(Duration.ofSeconds(30));
                System.out.println("werift through the SFU: " + result);
                assertThat(result.path("connected").asBoolean()).isTrue();
                assertThat(result.path("sentPackets").path("video").asLong()).isGreaterThan(100);
                assertThat(result.path("receivedVideoPackets").asLong()).isGreaterThan(100);
                assertThat(result.path("receivedFromSsrc").asLong()).as("werift receives Chromium's camera")
                        .isEqualTo(chromiumVideoSsrc);
            }
        } finally {
            given().auth().oauth2(token).delete("/api/rooms/" + ROOM).then().statusCode(204);
        }
    }

    /** The payload type of {@code encoding} (e.g. {@code VP8/90000}) in an SDP. */
    private static int payloadType(String sdp, String encoding) {
        Matcher rtpmap = Pattern.compile("a=rtpmap:(\\d+) " + Pattern.quote(encoding) + "\r?\n").matcher(sdp);
        assertThat(rtpmap.find()).as(encoding + " in Chromium's offer").isTrue();
        return Integer.parseInt(rtpmap.group(1));
    }

    private static long awaitOutboundVideoSsrc(ChromiumBrowser chromium) throws Exception {
        String script = "connections.chromium.getStats().then(stats => { let ssrc = 0;"
                + " stats.forEach(r => { if (r.type === 'outbound-rtp' && r.kind === 'video') ssrc = r.ssrc; }); return ssrc; })";
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long ssrc;
        while ((ssrc = call(chromium, script).asLong()) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(ssrc).as("Chromium's camera SSRC").isPositive();
        return ssrc;
    }

    /** Chromium's {@code inbound-rtp} stats of {@code ssrc}, once over {@code packets} and {@code frames} or after 20 s. */
    private static JsonNode awaitInbound(ChromiumBrowser chromium, long ssrc, long packets, long frames) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode stats;
        do {
            Thread.sleep(500);
            stats = inbound(chromium, ssrc);
        } while ((stats.path("packetsReceived").asLong() <= packets || stats.path("framesDecoded").asLong() < frames)
                && System.nanoTime() < deadline);
        return stats;
    }

    private static JsonNode inbound(ChromiumBrowser chromium, long ssrc) throws Exception {
        return call(chromium, "connections.chromium.getStats().then(stats => { let found = {};"
                + " stats.forEach(r => { if (r.type === 'inbound-rtp' && r.ssrc === arguments[0]) found = {kind: r.kind,"
                + " packetsReceived: r.packetsReceived, packetsLost: r.packetsLost, framesDecoded: r.framesDecoded || 0}; });"
                + " return found; })", ssrc);
    }

    private static JsonNode call(ChromiumBrowser chromium, String expression, Object... args) throws Exception {
        return chromium.executeAsync(Duration.ofSeconds(30), "const done = arguments[arguments.length - 1];"
                + "Promise.resolve().then(() => " + expression + ").then(done, e => done('error: ' + e.message));", args);
    }
}
