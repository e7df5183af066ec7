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
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;

/**
 * A real Chromium restarts ICE ({@code pc.restartIce()}, as a page does when its connection failed)
 * on a participant that publishes and on one that receives, several times over: each re-offer
 * with new ICE credentials is answered with new credentials of the SFU's, the browser connects again
 * on a candidate pair of the new generation, and the media keeps flowing through the SFU.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class IceRestartBrowserTest {

    /** More restarts than the addresses a participant may validate at once (MediaSession.MAX_VALIDATED_ADDRESSES). */
    private static final int RESTARTS = 5;

    @TestHTTPResource("/sfu-test/publish.html")
    URL page;

    @Test
    void shouldReconnectAfterEachIceRestartAndKeepTheMediaFlowing() throws Exception {
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        String token = TestTokens.forUser("signaling-service", "service");
        try (ChromiumBrowser chromium = ChromiumBrowser.start()) {
            chromium.open(page.toString());
            assertThat(call(chromium, "publish(arguments[0], 'restart1', 'doctor')", token).asText()).isEqualTo("connected");
            assertThat(call(chromium, "subscribe(arguments[0], 'restart1', 'patient')", token).asText()).isEqualTo("connected");
            long decoded = awaitFramesDecoded(chromium, 20);

            for (int i = 0; i < RESTARTS; i++) {
                for (String participant : new String[] {"doctor", "patient"}) {
                    JsonNode restart = call(chromium, "restartIce(arguments[0])", participant);
                    System.out.println("ICE restart of the " + participant + ": " + restart);
                    JsonNode before = restart.path("before");
                    JsonNode after = restart.path("after");
                    assertThat(after.path("localUfrag").asText()).as("the browser restarted ICE").isNotEqualTo(before.path("localUfrag").asText());
                    assertThat(after.path("remoteUfrag").asText()).as("the SFU answered with new credentials")
                            .isNotEqualTo(before.path("remoteUfrag").asText());
                    assertThat(after.path("connected").asBoolean()).as(participant + " connected again: " + restart).isTrue();
                    assertThat(after.path("pairUfrag").asText()).as("on a pair of the new generation").isEqualTo(after.path("localUfrag").asText());
                    assertThat(after.path("pair").asText()).isNotEqualTo(before.path("pair").asText());
                }
            }

            long afterRestarts = awaitFramesDecoded(chromium, decoded + 30);
            assertThat(afterRestarts).as("the patient still decodes the doctor's video").isGreaterThanOrEqualTo(decoded + 30);
        } finally {
            given().auth().oauth2(token).delete("/api/rooms/restart1").then().statusCode(204);
        }
    }

    /** The patient's decoded video frames, once at least {@code frames} or after 20 s. */
    private static long awaitFramesDecoded(ChromiumBrowser chromium, long frames) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long decoded;
        while ((decoded = call(chromium, "receivedMedia(arguments[0])", "patient").path("video").path("framesDecoded").asLong()) < frames
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        return decoded;
    }

    private static JsonNode call(ChromiumBrowser chromium, String expression, Object... args) throws Exception {
        return chromium.executeAsync(Duration.ofSeconds(40), "const done = arguments[arguments.length - 1];"
                + "Promise.resolve().then(() => " + expression + ").then(done, e => done('error: ' + e.message));", args);
    }
}
