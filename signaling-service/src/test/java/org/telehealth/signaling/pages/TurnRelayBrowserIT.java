package org.telehealth.signaling.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.ClientCredentialsTestResource;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.infra.testing.VisitPageDriver;
import org.telehealth.signaling.turn.CoturnTestResource;
import org.telehealth.signaling.visit.VisitDirectory;
import org.telehealth.signaling.ws.JoinLinkKeysTestResource;
import org.telehealth.signaling.ws.MediaServiceTestResource;

/**
 * A visit whose browsers may not send media anywhere but through TURN, as behind a network that
 * blocks UDP: the real visit pages in two Chromiums, each peer connection forced to relay candidates
 * only, the real media-service (ICE-lite) and a real coturn checking the credentials signaling
 * issues (10 s lives in this test). Each page decodes the other's video and audio with the relay as
 * its selected path, TCP to coturn and UDP from coturn to media-service; once the first credential
 * has expired, an ICE restart allocates a new relay with the renewed one and the call goes on.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
@WithTestResource(FakeKeycloakTestResource.class)
@WithTestResource(PageOriginTestResource.class)
@WithTestResource(ClientCredentialsTestResource.class)
@WithTestResource(MediaServiceTestResource.class)
@WithTestResource(CoturnTestResource.class)
class TurnRelayBrowserIT {

    private static final String DOCTOR_ID = TestTokens.subjectOf(FakeKeycloakTestResource.DOCTOR);

    /**
     * Every peer connection the page makes from now on gathers relay candidates only (what a page
     * behind a UDP-blocking firewall ends up with), keeping the ICE servers the page gives it.
     */
    private static final String RELAY_ONLY = """
            if (!window.relayOnly) {
              const Native = window.RTCPeerConnection;
              window.relayOnly = [];
              window.RTCPeerConnection = class extends Native {
                constructor(configuration = {}) {
                  super({ ...configuration, iceTransportPolicy: 'relay' });
                  window.relayOnly.push(this);
                }
                setConfiguration(configuration = {}) {
                  return super.setConfiguration({ ...configuration, iceTransportPolicy: 'relay' });
                }
              };
            }""";

    /** The selected candidate pair of the page's peer connection (types, addresses, relay protocol), or null. */
    private static final String SELECTED_PATH = """
            (async () => {
              const pc = window.relayOnly[window.relayOnly.length - 1];
              if (!pc) { return null; }
              const stats = await pc.getStats();
              let pair = null;
              stats.forEach((r) => { if (r.type === 'transport' && r.selectedCandidatePairId) pair = stats.get(r.selectedCandidatePairId); });
              if (!pair || pair.state !== 'succeeded') { return null; }
              const local = stats.get(pair.localCandidateId);
              const remote = stats.get(pair.remoteCandidateId);
              return { localType: local.candidateType, relayProtocol: local.relayProtocol || null, url: local.url || null,
                       local: local.address + ':' + local.port, remoteType: remote.candidateType,
                       remote: remote.address + ':' + remote.port, connectionState: pc.connectionState,
                       iceTransportPolicy: pc.getConfiguration().iceTransportPolicy };
            })()""";

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    VisitDirectory directory;

    private PageVisits visits;

    @BeforeEach
    void setUp() {
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        assumeTrue(CoturnTestResource.available(), "coturn (turnserver) is not installed");
        visits = new PageVisits(bootstrap, directory, base.toString());
    }

    @Test
    void shouldCarryTheCallThroughTurnAndRestartIceWithTheRenewedCredentialAfterTheFirstExpired() throws Exception {
        PageVisits.Booked visit = visits.book(DOCTOR_ID);
        String turnUri = System.getProperty(CoturnTestResource.URI_PROPERTY);
        try (VisitPageDriver doctor = VisitPageDriver.start("doctor"); VisitPageDriver patient = VisitPageDriver.start("patient")) {
            try {
                doctor.open(visits.hostPage(visit));
                doctor.checkDevices();
                doctor.execute(RELAY_ONLY);
                doctor.click("#join");
                doctor.awaitView("call");
                patient.open(visits.patientLink(visit));
                patient.checkDevices();
                patient.execute(RELAY_ONLY);
                patient.click("#join");
                patient.awaitView("waiting");
                doctor.await("return document.querySelectorAll('#waiting-list .waiting-item').length === 1;");
                doctor.click("#waiting-list button[data-action='admit']");
                patient.awaitView("call");

                awaitMediaFrom(patient);
                awaitMediaFrom(doctor);
                for (VisitPageDriver page : new VisitPageDriver[] {doctor, patient}) {
                    JsonNode path = page.await("return " + SELECTED_PATH + ";");
                    assertThat(path.path("iceTransportPolicy").asText()).isEqualTo("relay");
                    assertThat(path.path("localType").asText()).as("the page sends through coturn").isEqualTo("relay");
                    assertThat(path.path("relayProtocol").asText()).as("over TCP, as turns: does in production").isEqualTo("tcp");
                    assertThat(path.path("url").asText()).isEqualTo(turnUri);
                    assertThat(path.path("remoteType").asText()).as("to media-service's own candidate").isEqualTo("host");
                }
                assertThat(usernames(doctor)).singleElement().asString().matches("\\d+:" + DOCTOR_ID);
                assertThat(usernames(patient)).singleElement().asString().matches("\\d+:" + visit.patientId());

                long firstExpiry = expiry(usernames(patient).get(0));
                String firstRelay = patient.await("return " + SELECTED_PATH + ";").path("local").asText();
                while (Instant.now().getEpochSecond() <= firstExpiry + 1) {
                    Thread.sleep(250); // from now on coturn refuses the credential the connection was made with
                }
                awaitMediaFrom(patient); // the relay allocated with it still carries the call

                patient.execute("window.telehealthVisit.restartMedia();");

                JsonNode restarted = patient.await("return " + SELECTED_PATH + ".then((p) => p && p.local !== arguments[0] ? p : null);",
                        firstRelay);
                assertThat(restarted.path("localType").asText()).isEqualTo("relay");
                assertThat(expiry(usernames(patient).get(0))).as("the restart used a renewed credential")
                        .isGreaterThan(firstExpiry);
                awaitMediaFrom(patient);
                awaitMediaFrom(doctor);
            } catch (AssertionError | Exception e) {
                doctor.screenshot("turn-relay");
                patient.screenshot("turn-relay");
                throw e;
            }
        }
    }

    /** The TURN usernames the page's peer connection holds. */
    private static List<String> usernames(VisitPageDriver page) throws Exception {
        List<String> usernames = new ArrayList<>();
        page.state().path("media").path("iceUsernames").forEach(username -> usernames.add(username.asText()));
        return usernames;
    }

    private static long expiry(String username) {
        return Long.parseLong(username.substring(0, username.indexOf(':')));
    }

    /** Waits until the page decodes video and receives audio from the other participant, both growing. */
    private static void awaitMediaFrom(VisitPageDriver page) throws Exception {
        page.await("return window.telehealthVisit.state.media.remote.some(r => r.kinds.includes('video'));");
        long frames = page.execute("return window.telehealthVisit.getStats().then(s => s.received.video.framesDecoded);").asLong();
        long samples = page.execute("return window.telehealthVisit.getStats().then(s => s.received.audio.samples);").asLong();
        page.await("return window.telehealthVisit.getStats().then(s => s.received.video.framesDecoded > arguments[0] + 30"
                + " && s.received.audio.samples > arguments[1] + 48000);", frames, samples);
    }
}
