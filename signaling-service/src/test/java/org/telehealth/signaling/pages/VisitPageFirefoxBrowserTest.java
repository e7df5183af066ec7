package org.telehealth.signaling.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.ClientCredentialsTestResource;
import org.telehealth.infra.testing.FirefoxBrowser;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.infra.testing.VisitPageDriver;
import org.telehealth.signaling.visit.VisitDirectory;
import org.telehealth.signaling.ws.JoinLinkKeysTestResource;
import org.telehealth.signaling.ws.MediaServiceTestResource;

/**
 * The visit pages across browsers (issue #5: current Chrome, Firefox and Safari): the patient in a
 * real Firefox (Debian's firefox-esr over WebDriver BiDi, fake camera and microphone), the doctor in
 * a real Chromium, against the real service (visit booked on Kafka, the link signed as scheduling
 * signs it, the doctor signed in through the fake Keycloak) and their media through the real
 * media-service: device check, waiting room, admission, each page decoding the other's video and
 * receiving its audio, chat both ways, and the end of the visit.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
@WithTestResource(FakeKeycloakTestResource.class)
@WithTestResource(PageOriginTestResource.class)
@WithTestResource(ClientCredentialsTestResource.class)
@WithTestResource(MediaServiceTestResource.class)
class VisitPageFirefoxBrowserTest {

    private static final String DOCTOR_ID = TestTokens.subjectOf(FakeKeycloakTestResource.DOCTOR);
    private static final String TEST = "firefox-patient";

    /**
     * Firefox's audio output is Firefox's mock one: these machines have no sound device or server, and
     * without an output Firefox never starts an AudioContext (it stays "suspended"), so the device
     * check's microphone meter, which reads the microphone through Web Audio, would stay at zero.
     * Chromium's headless mode has a fake output of its own.
     */
    private static final Map<String, Object> NO_SOUND_DEVICE = Map.of("media.cubeb.force_mock_context", true);

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    VisitDirectory directory;

    private PageVisits visits;

    @BeforeEach
    void setUp() {
        assumeTrue(FirefoxBrowser.available(), "firefox-esr is not installed (apt-get install -y firefox-esr)");
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        visits = new PageVisits(bootstrap, directory, base.toString());
    }

    @Test
    void shouldTakeAPatientInFirefoxThroughAVisitWithADoctorInChromium() throws Exception {
        PageVisits.Booked visit = visits.book(DOCTOR_ID);
        try (VisitPageDriver patient = VisitPageDriver.in(FirefoxBrowser.start(NO_SOUND_DEVICE), "patient");
                VisitPageDriver doctor = VisitPageDriver.start("doctor")) {
            try {
                patient.open(visits.patientLink(visit));
                patient.checkDevices();
                assertThat(patient.currentUrl()).as("the token left the address bar").isEqualTo(visits.page(visit));
                List<Double> levels = patient.micLevels();
                assertThat(levels.stream().mapToDouble(Double::doubleValue).max().orElse(0)).as("Firefox's microphone is heard").isGreaterThan(0.01);
                assertThat(levels.stream().distinct().count()).as("the level moves").isGreaterThan(2);

                patient.click("#join");
                patient.awaitView("waiting");
                assertThat(patient.text("#waiting-status")).isEqualTo("The doctor will let you in shortly.");

                doctor.open(visits.hostPage(visit));
                doctor.checkDevices();
                doctor.click("#join");
                doctor.awaitView("call");
                doctor.await("return document.querySelectorAll('#waiting-list .waiting-item').length === 1;");
                assertThat(doctor.text("#waiting-list .waiting-who strong")).isEqualTo("Patient");
                doctor.click("#waiting-list button[data-action='admit']");

                patient.awaitView("call");
                patient.await("return [...document.querySelectorAll('#tiles .tile-name')].some(e => e.textContent === 'Doctor');");
                assertThat(patient.tileLabels()).containsExactlyInAnyOrder("Doctor", "You (Patient)");
                doctor.await("return [...document.querySelectorAll('#tiles .tile-name')].some(e => e.textContent === 'Patient');");

                awaitMediaFrom(patient, "Doctor");
                awaitMediaFrom(doctor, "Patient");

                say(patient, "Hello doctor, from Firefox.");
                doctor.await("return [...document.querySelectorAll('#chat-log .chat-text')].some(e => e.textContent === arguments[0]);",
                        "Hello doctor, from Firefox.");
                assertThat(doctor.text("#chat-log .chat-from")).isEqualTo("Patient");
                say(doctor, "Hello, I can see and hear you.");
                patient.await("return [...document.querySelectorAll('#chat-log .chat-text')].some(e => e.textContent === arguments[0]);",
                        "Hello, I can see and hear you.");
                assertThat(patient.execute("return [...document.querySelectorAll('#chat-log .chat-from')].map(e => e.textContent).join();")
                        .asText()).isEqualTo("You,Doctor");

                doctor.click("#end-visit");
                doctor.click("#confirm-end");
                assertThat(doctor.awaitNotice()).isEqualTo("You ended the visit");
                assertThat(patient.awaitNotice()).isEqualTo("The visit has ended");
                assertThat(patient.execute("return sessionStorage.length;").asInt()).as("the spent link is forgotten").isZero();
            } catch (AssertionError | Exception e) {
                // what each page knew (the test hook's state holds no token) and its media stats, for the report
                for (VisitPageDriver page : new VisitPageDriver[] {patient, doctor}) {
                    try {
                        System.err.println("page state: " + page.stateText());
                        System.err.println("page media stats: " + page.execute("return window.telehealthVisit.getStats();"));
                    } catch (Exception ignored) {
                        // diagnostics only: the failure itself follows
                    }
                }
                patient.screenshot(TEST);
                doctor.screenshot(TEST);
                throw e;
            }
        }
    }

    /** Sends a chat message, opening the chat first where the layout keeps it closed (narrow windows). */
    private static void say(VisitPageDriver page, String message) throws Exception {
        if (!page.visible("#chat-input")) {
            page.click("#toggle-chat");
        }
        page.type("#chat-input", message);
        page.click("#chat-form button[type='submit']");
    }

    /**
     * Waits until the page decodes video and receives audio from the other participant, both growing
     * (the page's own stats: framesDecoded and totalSamplesReceived of its inbound streams).
     */
    private static void awaitMediaFrom(VisitPageDriver page, String otherLabel) throws Exception {
        page.await("return window.telehealthVisit.state.media.remote.some(r => r.kinds.includes('video'));");
        long frames = page.execute("return window.telehealthVisit.getStats().then(s => s.received.video.framesDecoded);").asLong();
        long samples = page.execute("return window.telehealthVisit.getStats().then(s => s.received.audio.samples);").asLong();
        page.await("return window.telehealthVisit.getStats().then(s => s.received.video.framesDecoded > arguments[0] + 30"
                + " && s.received.audio.samples > arguments[1] + 48000);", frames, samples);
        assertThat(page.tileLabels()).contains(otherLabel);
    }
}
