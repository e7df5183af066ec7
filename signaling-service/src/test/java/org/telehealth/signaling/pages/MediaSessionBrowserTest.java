package org.telehealth.signaling.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.signaling.ws.JoinLinkKeysTestResource;

/**
 * The visit page's media code (media.js) in a real Chromium, against a fake SFU in the same page
 * (a second peer connection that answers the offers and sends a canvas as another participant's
 * camera): what the page offers, when, and what it makes of the answers. The real SFU and
 * signaling's relay of offers are not involved.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
class MediaSessionBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/visit-test/media.html")
    URL page;

    private ChromiumBrowser chromium;

    @BeforeEach
    void openHarness() throws Exception {
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        chromium = ChromiumBrowser.start();
        chromium.open(page.toString());
        chromium.waitFor(WAIT, "return !!window.harness;");
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void shouldPublishMicrophoneAndCameraInThreeLayersLowestFirstAndConnect() throws Exception {
        start(false);

        String offer = awaitOffers(1).get(0);
        List<String> sections = sections(offer);
        assertThat(sections).hasSize(2);
        assertThat(sections.get(0)).startsWith("m=audio").contains("a=sendonly");
        assertThat(sections.get(1)).startsWith("m=video").contains("a=sendonly")
                .contains("a=simulcast:send q;h;f");
        assertThat(rids(sections.get(1))).containsExactly("q", "h", "f");
        assertThat(offer).contains("a=group:BUNDLE").contains("a=rtcp-mux");

        chromium.waitFor(WAIT, "return harness.state().connectionState === 'connected';");
        chromium.waitFor(WAIT, "return harness.stats().then(s => s.sent.video.packets > 0 && s.sent.audio.packets > 0);");
    }

    @Test
    void shouldWaitForTheTracksThatFollowEnteringTheCallSoThatTheFirstOfferAlreadyReceives() throws Exception {
        start(false);
        assertThat(offers()).as("no offer before the server's tracks (or a second)").isEmpty();

        chromium.execute("harness.tracks({audio: 1, video: 1, streams: []});");

        String first = awaitOffers(1).get(0);
        assertThat(sections(first)).hasSize(4);
        assertThat(sections(first).stream().filter(section -> section.contains("a=recvonly")).count())
                .as("receivers for what the others publish in the first offer").isEqualTo(2);
        chromium.waitFor(WAIT, "return harness.state().answers === 1;");
        Thread.sleep(500);
        assertThat(offers()).as("one offer/answer exchange").hasSize(1);
    }

    @Test
    void shouldMakeOneOfferAtATimeAndOneMoreForEverythingAskedMeanwhile() throws Exception {
        start(true);
        chromium.waitFor(WAIT, "return harness.heldCount() === 1;");

        chromium.execute("harness.requestOffer(); harness.requestOffer(true);"
                + " harness.tracks({audio: 1, video: 1, streams: []});");
        Thread.sleep(500);
        assertThat(offers()).as("nothing more while the first offer awaits its answer").hasSize(1);

        chromium.execute("harness.answerHeld();");
        List<String> offers = awaitOffers(2);
        String second = offers.get(1);
        assertThat(sections(second)).hasSize(4);
        assertThat(sections(second).stream().filter(section -> section.contains("a=recvonly")).count()).isEqualTo(2);
        assertThat(iceUfrag(second)).as("the ICE restart asked for meanwhile is in it").isNotEqualTo(iceUfrag(offers.get(0)));
        chromium.execute("harness.answerHeld();");
        chromium.waitFor(WAIT, "return harness.state().answers === 2;");
        Thread.sleep(500);
        assertThat(offers()).as("the requests made meanwhile were one offer").hasSize(2);
        assertThat(chromium.execute("return harness.state().signalingState;").asText()).isEqualTo("stable");
    }

    @Test
    void shouldShowEachRemoteStreamAsTheParticipantTheServerNames() throws Exception {
        String remoteStream = start(false);
        chromium.waitFor(WAIT, "return harness.state().answers === 1;");

        chromium.execute("harness.tracks({audio: 0, video: 1, streams: [{participantId: 'doctor-1', streamId: arguments[0], screen: false}]});",
                remoteStream);

        JsonNode remote = chromium.waitFor(WAIT, "const r = harness.state().remote; return r.length ? r : null;");
        assertThat(remote.get(0).path("participantId").asText()).isEqualTo("doctor-1");
        assertThat(remote.get(0).path("streamId").asText()).isEqualTo(remoteStream);
        assertThat(remote.get(0).path("screen").asBoolean()).isFalse();
        chromium.waitFor(WAIT, "return harness.stats().then(s => s.received.video.framesDecoded > 5);");

        chromium.execute("harness.tracks({audio: 0, video: 1, streams: []});");
        assertThat(chromium.execute("return harness.state().remote.length;").asInt()).as("a stream nobody owns is not shown").isZero();
    }

    @Test
    void shouldMarkOnlyTheScreenShareAsSlidesInTheOfferItSends() throws Exception {
        start(false);
        chromium.waitFor(WAIT, "return harness.state().answers === 1;");

        chromium.execute("harness.shareScreen();");
        String sharing = awaitOffers(2).get(1);
        List<String> slides = sections(sharing).stream().filter(section -> section.contains("a=content:slides")).toList();
        assertThat(slides).hasSize(1);
        assertThat(slides.get(0)).startsWith("m=video").contains("a=sendonly").doesNotContain("a=rid:");
        chromium.waitFor(WAIT, "return harness.state().answers === 2 && harness.state().sharingScreen;");

        chromium.execute("harness.stopScreenShare();");
        String stopped = awaitOffers(3).get(2);
        assertThat(stopped).doesNotContain("a=content:slides");
        assertThat(sections(stopped).get(2)).contains("a=inactive");
    }

    @Test
    void shouldRollBackARefusedOfferAndTryAgainWhenMediaWasUnavailable() throws Exception {
        start(true);
        chromium.waitFor(WAIT, "return harness.heldCount() === 1;");

        assertThat(chromium.execute("return harness.refuseHeld('media-unavailable');").asBoolean()).isTrue();
        chromium.waitFor(WAIT, "return harness.state().signalingState === 'stable';");
        assertThat(chromium.execute("return harness.errors;").toString()).contains("media-unavailable");

        chromium.waitFor(WAIT, "return harness.heldCount() === 1;"); // tried again after a pause
        chromium.execute("harness.answerHeld();");
        chromium.waitFor(WAIT, "return harness.state().answers === 1 && harness.state().lastError === null;");
    }

    @Test
    void shouldNotRetryAnOfferTheMediaServiceRejected() throws Exception {
        start(true);
        chromium.waitFor(WAIT, "return harness.heldCount() === 1;");

        chromium.execute("harness.refuseHeld('invalid-sdp');");
        Thread.sleep(3000);

        assertThat(offers()).hasSize(1);
        assertThat(chromium.execute("return harness.state().lastError.code;").asText()).isEqualTo("invalid-sdp");
        assertThat(chromium.execute("return harness.state().signalingState;").asText()).isEqualTo("stable");
    }

    @Test
    void shouldGoOnWithoutMediaWhenTheServerDoesNotRelayIt() throws Exception {
        start(true);
        chromium.waitFor(WAIT, "return harness.heldCount() === 1;");

        chromium.execute("harness.refuseHeld('unknown-type');");

        chromium.waitFor(WAIT, "return harness.unavailable;");
        JsonNode state = chromium.execute("return harness.state();");
        assertThat(state.path("available").asBoolean()).isFalse();
        assertThat(state.path("signalingState").asText()).isEqualTo("closed");
    }

    private String start(boolean holdAnswers) throws Exception {
        return chromium.executeAsync(WAIT, "const done = arguments[arguments.length - 1];"
                + " harness.start({hold: arguments[0]}).then(done, e => done('error: ' + e.message));", holdAnswers).asText();
    }

    private List<String> offers() throws Exception {
        List<String> offers = new ArrayList<>();
        chromium.execute("return harness.offers();").forEach(offer -> offers.add(offer.asText()));
        return offers;
    }

    private List<String> awaitOffers(int count) throws Exception {
        chromium.waitFor(WAIT, "return harness.offers().length >= arguments[0];", count);
        return offers();
    }

    /** The media sections of an SDP, each from its m= line. */
    private static List<String> sections(String sdp) {
        List<String> sections = new ArrayList<>(List.of(sdp.split("\r\n(?=m=)")));
        sections.remove(0);
        return sections;
    }

    private static List<String> rids(String section) {
        List<String> rids = new ArrayList<>();
        Matcher rid = Pattern.compile("^a=rid:(\\S+) send", Pattern.MULTILINE).matcher(section);
        while (rid.find()) {
            rids.add(rid.group(1));
        }
        return rids;
    }

    private static String iceUfrag(String sdp) {
        Matcher ufrag = Pattern.compile("^a=ice-ufrag:(\\S+)", Pattern.MULTILINE).matcher(sdp);
        return ufrag.find() ? ufrag.group(1) : "";
    }
}
