package org.telehealth.signaling.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.ChromiumBrowser;

/**
 * The credentials {@link TurnCredentialIssuer} issues against a real coturn checking them with its
 * {@code static-auth-secret}, as production's does, and a real Chromium allocating relays with them
 * as the visit page would (relay candidates only): one issued now is accepted, one whose expiry has
 * passed or one signed with another secret is refused (401) and yields no relay.
 */
class CoturnCredentialsBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Gathers relay candidates with one TURN server and reports them and the errors, as a page would see them. */
    private static final String GATHER = """
            const done = arguments[arguments.length - 1];
            const [url, username, credential] = arguments;
            const pc = new RTCPeerConnection({ iceServers: [{ urls: [url], username, credential }], iceTransportPolicy: 'relay' });
            const result = { candidates: [], errors: [] };
            const finish = () => { pc.close(); done(result); };
            pc.addEventListener('icecandidate', (e) => e.candidate && e.candidate.candidate && result.candidates.push(e.candidate.candidate));
            pc.addEventListener('icecandidateerror', (e) => result.errors.push(e.errorCode));
            pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && finish());
            pc.createDataChannel('probe');
            pc.createOffer().then((offer) => pc.setLocalDescription(offer));
            setTimeout(finish, 10000);""";

    private static CoturnTestResource coturn;
    private static String uri;
    private ChromiumBrowser chromium;

    @BeforeAll
    static void startCoturn() {
        if (CoturnTestResource.available()) {
            coturn = new CoturnTestResource();
            Map<String, String> settings = coturn.start();
            uri = settings.get("signaling.turn.uris");
        }
    }

    @AfterAll
    static void stopCoturn() {
        if (coturn != null) {
            coturn.stop();
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        assumeTrue(CoturnTestResource.available(), "coturn (turnserver) is not installed");
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        chromium = ChromiumBrowser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void shouldAllocateARelayWithACredentialIssuedNow() throws Exception {
        TurnCredential credential = issuer(CoturnTestResource.SECRET, Clock.systemUTC()).issue("patient-now");

        JsonNode gathered = gather(credential);

        assertThat(gathered.path("errors")).isEmpty();
        assertThat(gathered.path("candidates")).isNotEmpty()
                .allSatisfy(candidate -> assertThat(candidate.asText()).contains(" typ relay ").contains(" 127.0.0.1 "));
    }

    @Test
    void shouldBeRefusedACredentialWhoseExpiryHasPassed() throws Exception {
        Clock aMinuteAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-1));
        TurnCredential expired = issuer(CoturnTestResource.SECRET, aMinuteAgo).issue("patient-late");

        JsonNode gathered = gather(expired);

        assertThat(gathered.path("candidates")).isEmpty();
        assertThat(gathered.path("errors")).isNotEmpty().allSatisfy(code -> assertThat(code.asInt()).isEqualTo(401));
    }

    @Test
    void shouldBeRefusedACredentialSignedWithAnotherSecret() throws Exception {
        TurnCredential forged = issuer("not-the-" + CoturnTestResource.SECRET, Clock.systemUTC()).issue("patient-forged");

        JsonNode gathered = gather(forged);

        assertThat(gathered.path("candidates")).isEmpty();
        assertThat(gathered.path("errors")).isNotEmpty().allSatisfy(code -> assertThat(code.asInt()).isEqualTo(401));
    }

    private static TurnCredentialIssuer issuer(String secret, Clock clock) {
        return new TurnCredentialIssuer(secret, Duration.ofSeconds(CoturnTestResource.TTL_SECONDS), clock);
    }

    private JsonNode gather(TurnCredential credential) throws Exception {
        return chromium.executeAsync(WAIT, GATHER, uri, credential.username(), credential.password());
    }
}
