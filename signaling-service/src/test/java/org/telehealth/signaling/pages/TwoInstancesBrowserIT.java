package org.telehealth.signaling.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.ClientCredentialsTestResource;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.infra.testing.VisitPageDriver;
import org.telehealth.signaling.visit.VisitDirectory;
import org.telehealth.signaling.ws.JoinLinkKeysTestResource;
import org.telehealth.signaling.ws.MediaServiceTestResource;
import org.telehealth.signaling.ws.SecondSignalingInstance;

/**
 * The visit journey in two real Chromiums (fake camera and microphone) with the doctor's page and
 * socket on the instance under test and the patient's on a second signaling instance (the packaged
 * app in a JVM of its own), and their media through the real media-service: waiting room, admission,
 * each seeing and hearing the other, chat, microphone state and the end of the visit.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
@WithTestResource(FakeKeycloakTestResource.class)
@WithTestResource(PageOriginTestResource.class)
@WithTestResource(ClientCredentialsTestResource.class)
@WithTestResource(MediaServiceTestResource.class)
class TwoInstancesBrowserIT {

    private static final String DOCTOR_ID = TestTokens.subjectOf(FakeKeycloakTestResource.DOCTOR);
    private static SecondSignalingInstance instanceB;

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    VisitDirectory directory;

    private PageVisits onA;
    private PageVisits onB;

    @BeforeEach
    void setUp() {
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        if (instanceB == null) {
            // its pages' own origin may open its sockets, as on the instance under test (and the
            // portal's, which awaitKnows uses)
            instanceB = SecondSignalingInstance.start(ConfigProvider.getConfig(),
                    port -> Map.of("signaling.allowed-origins", "http://localhost:" + port + ",http://localhost:8081"));
        }
        onA = new PageVisits(bootstrap, directory, base.toString());
        onB = new PageVisits(bootstrap, directory, "http://localhost:" + instanceB.base().getPort() + "/");
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    @Test
    void shouldTakeTheDoctorOnOneInstanceAndThePatientOnAnotherThroughAVisitWithMedia() throws Exception {
        PageVisits.Booked visit = onA.book(DOCTOR_ID);
        instanceB.awaitKnows(visit.visitId());
        try (VisitPageDriver doctor = VisitPageDriver.start("doctor"); VisitPageDriver patient = VisitPageDriver.start("patient")) {
            try {
                doctor.open(onA.hostPage(visit));
                doctor.checkDevices();
                doctor.click("#join");
                doctor.awaitView("call");

                patient.open(onB.patientLink(visit));
                patient.checkDevices();
                patient.click("#join");
                patient.awaitView("waiting");

                doctor.await("return document.querySelectorAll('#waiting-list .waiting-item').length === 1;");
                assertThat(doctor.text("#waiting-list .waiting-who strong")).isEqualTo("Patient");
                doctor.click("#waiting-list button[data-action='admit']");
                patient.awaitView("call");
                assertThat(patient.tileLabels()).containsExactlyInAnyOrder("Doctor", "You (Patient)");

                awaitMediaFrom(patient, "Doctor");
                awaitMediaFrom(doctor, "Patient");

                patient.click("#toggle-chat");
                patient.type("#chat-input", "Hello doctor, from the other instance.");
                patient.click("#chat-form button[type='submit']");
                doctor.await("return [...document.querySelectorAll('#chat-log .chat-text')].some(e => e.textContent === arguments[0]);",
                        "Hello doctor, from the other instance.");
                assertThat(doctor.text("#chat-log .chat-from")).isEqualTo("Patient");

                patient.click("#toggle-mic");
                doctor.await("return [...document.querySelectorAll('#tiles .tile')].some(t => t.dataset.role === 'patient'"
                        + " && t.textContent.includes('Microphone off'));");

                doctor.click("#end-visit");
                doctor.click("#confirm-end");
                assertThat(doctor.awaitNotice()).isEqualTo("You ended the visit");
                assertThat(patient.awaitNotice()).isEqualTo("The visit has ended");
            } catch (AssertionError | Exception e) {
                doctor.screenshot("two-instances");
                patient.screenshot("two-instances");
                throw e;
            }
        }
    }

    /** Waits until the page decodes video and receives audio from the other participant, both growing. */
    private static void awaitMediaFrom(VisitPageDriver page, String otherLabel) throws Exception {
        page.await("return window.telehealthVisit.state.media.remote.some(r => r.kinds.includes('video'));");
        long frames = page.execute("return window.telehealthVisit.getStats().then(s => s.received.video.framesDecoded);").asLong();
        long samples = page.execute("return window.telehealthVisit.getStats().then(s => s.received.audio.samples);").asLong();
        page.await("return window.telehealthVisit.getStats().then(s => s.received.video.framesDecoded > arguments[0] + 30"
                + " && s.received.audio.samples > arguments[1] + 48000);", frames, samples);
        assertThat(page.tileLabels()).contains(otherLabel);
    }
}
