package org.telehealth.signaling.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.VisitPageDriver;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.signaling.visit.VisitDirectory;
import org.telehealth.signaling.ws.JoinLinkKeysTestResource;

/**
 * The visit pages in a real Chromium (fake camera and microphone) against the real service: visits
 * booked on Kafka, the patient's join link signed as scheduling signs it, the doctor signed in
 * through the PKCE flow of a fake Keycloak. Media through an SFU is not part of this test (no
 * media-service runs); MediaSessionBrowserTest covers the page's media code.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
@WithTestResource(FakeKeycloakTestResource.class)
@WithTestResource(PageOriginTestResource.class)
class VisitPageBrowserTest {

    private static final String DOCTOR_ID = TestTokens.subjectOf(FakeKeycloakTestResource.DOCTOR);

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    VisitDirectory directory;

    private PageVisits visits;
    private String test;

    @BeforeEach
    void setUp(TestInfo info) {
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        visits = new PageVisits(bootstrap, directory, base.toString());
        test = info.getTestMethod().orElseThrow().getName();
    }

    @Test
    void shouldTakeThePatientFromTheLinkThroughTheWaitingRoomIntoTheCallUntilTheDoctorEndsIt() throws Exception {
        PageVisits.Booked visit = visits.book(DOCTOR_ID);
        try (VisitPageDriver patient = VisitPageDriver.start("patient"); VisitPageDriver doctor = VisitPageDriver.start("doctor")) {
            try {
                patient.open(visits.patientLink(visit));
                patient.checkDevices();
                assertThat(patient.currentUrl()).as("the token left the address bar").isEqualTo(visits.page(visit));
                List<Double> levels = patient.micLevels();
                assertThat(levels.stream().mapToDouble(Double::doubleValue).max().orElse(0)).as("the microphone is heard").isGreaterThan(0.01);
                assertThat(levels.stream().distinct().count()).as("the level moves").isGreaterThan(2);

                patient.click("#join");
                patient.awaitView("waiting");
                assertThat(patient.text("#waiting-status")).isEqualTo("The doctor will let you in shortly.");
                assertThat(patient.stateText()).doesNotContain(visits.patientLink(visit).replaceAll(".*\\?t=", ""));

                patient.execute("window.telehealthVisit.dropConnection();");
                patient.await("const s = window.telehealthVisit.state; return s.socket.reconnects === 1 && s.socket.open;");
                patient.awaitView("waiting");

                doctor.open(visits.hostPage(visit));
                doctor.checkDevices();
                assertThat(doctor.currentUrl()).as("the sign-in answer left the address bar").isEqualTo(visits.hostPage(visit));
                doctor.click("#join");
                doctor.awaitView("call");
                doctor.await("return document.querySelectorAll('#waiting-list .waiting-item').length === 1;");
                assertThat(doctor.text("#waiting-list .waiting-who strong")).isEqualTo("Patient");
                doctor.click("#waiting-list button[data-action='admit']");

                patient.awaitView("call");
                patient.await("return [...document.querySelectorAll('#tiles .tile-name')].some(e => e.textContent === 'Doctor');");
                assertThat(patient.tileLabels()).containsExactlyInAnyOrder("Doctor", "You (Patient)");
                doctor.await("return [...document.querySelectorAll('#tiles .tile-name')].some(e => e.textContent === 'Patient');");
                assertThat(doctor.tileLabels()).containsExactlyInAnyOrder("Patient", "You (Doctor)");
                assertThat(doctor.visible("#waiting-empty")).isTrue();
                patient.await("return window.telehealthVisit.state.media.offers >= 1;");

                // Headless Chromium's window is 800 px wide: the phone layout, where the chat opens on demand.
                assertThat(patient.visible("#chat-input")).isFalse();
                patient.click("#toggle-chat");
                patient.type("#chat-input", "Hello doctor, I can see you.");
                patient.click("#chat-form button[type='submit']");
                doctor.await("return [...document.querySelectorAll('#chat-log .chat-text')].some(e => e.textContent === arguments[0]);",
                        "Hello doctor, I can see you.");
                assertThat(doctor.text("#chat-log .chat-from")).isEqualTo("Patient");
                assertThat(doctor.text("#toggle-chat")).isEqualTo("Chat (1 new)");
                assertThat(patient.text("#chat-log .chat-from")).isEqualTo("You");

                patient.click("#toggle-mic");
                doctor.await("return [...document.querySelectorAll('#tiles .tile')].some(t => t.dataset.role === 'patient'"
                        + " && t.textContent.includes('Microphone off'));");

                doctor.click("#end-visit");
                doctor.click("#confirm-end");
                assertThat(doctor.awaitNotice()).isEqualTo("You ended the visit");
                assertThat(patient.awaitNotice()).isEqualTo("The visit has ended");
                assertThat(patient.execute("return sessionStorage.length;").asInt()).as("the spent link is forgotten").isZero();
            } catch (AssertionError | Exception e) {
                patient.screenshot(test);
                doctor.screenshot(test);
                throw e;
            }
        }
    }

    @Test
    void shouldTellThePatientWhenTheDoctorDeclines() throws Exception {
        PageVisits.Booked visit = visits.book(DOCTOR_ID);
        try (VisitPageDriver patient = VisitPageDriver.start("patient"); VisitPageDriver doctor = VisitPageDriver.start("doctor")) {
            try {
                patient.open(visits.patientLink(visit));
                patient.checkDevices();
                patient.click("#join");
                patient.awaitView("waiting");
                doctor.open(visits.hostPage(visit));
                doctor.checkDevices();
                doctor.click("#join");
                doctor.await("return document.querySelectorAll('#waiting-list .waiting-item').length === 1;");

                doctor.click("#waiting-list button[data-action='decline']");

                assertThat(patient.awaitNotice()).isEqualTo("The doctor could not let you in");
                doctor.await("return document.querySelectorAll('#waiting-list .waiting-item').length === 0;");
                assertThat(doctor.execute("return document.activeElement.id;").asText())
                        .as("the keyboard focus stays in the waiting room panel").isEqualTo("waiting-panel-title");
                assertThat(doctor.visible("#waiting-empty")).isTrue();
            } catch (AssertionError | Exception e) {
                patient.screenshot(test);
                doctor.screenshot(test);
                throw e;
            }
        }
    }

    @Test
    void shouldSayThatALinkHasExpiredWithoutJoining() throws Exception {
        PageVisits.Booked visit = visits.book(DOCTOR_ID);
        try (VisitPageDriver patient = VisitPageDriver.start("patient")) {
            // the token may come in the fragment too, which never reaches a server
            patient.open(visits.expiredLink(visit).replace("?t=", "#t="));

            assertThat(patient.awaitNotice()).isEqualTo("This link has expired");
            assertThat(patient.text("#notice-text")).startsWith("It worked until ").contains("contact your clinic");
            assertThat(patient.currentUrl()).isEqualTo(visits.page(visit));
        }
    }

    @Test
    void shouldSayThatTheVisitWasCancelledWhenThePatientTriesToJoin() throws Exception {
        PageVisits.Booked visit = visits.book(DOCTOR_ID);
        visits.cancel(visit);
        try (VisitPageDriver patient = VisitPageDriver.start("patient")) {
            patient.open(visits.patientLink(visit));
            patient.checkDevices();
            patient.click("#join");

            assertThat(patient.awaitNotice()).isEqualTo("This visit was cancelled");
            assertThat(patient.visible("#notice-retry")).as("nothing to try again").isFalse();
            assertThat(patient.execute("return !!document.getElementById('check-preview').srcObject;").asBoolean())
                    .as("the camera is off again").isFalse();
        }
    }

    /**
     * The doctor portal opens a visit without a token: nobody signed in to Keycloak is told to use
     * their link, and may sign in from there (a doctor, here); a doctor signed in to Keycloak goes
     * straight to the doctor's page.
     */
    @Test
    void shouldAskSomeoneWithoutALinkForItAndLetTheDoctorSignIn() throws Exception {
        PageVisits.Booked visit = visits.book(DOCTOR_ID);
        try (VisitPageDriver someone = VisitPageDriver.start("someone")) {
            try {
                someone.open(visits.page(visit));

                assertThat(someone.awaitNotice()).isEqualTo("Open your visit link, or sign in");
                someone.click("#notice-sign-in");
                someone.checkDevices();
                someone.click("#join");
                someone.awaitView("call");
                JsonNode state = someone.state();
                assertThat(state.path("role").asText()).isEqualTo("doctor");
                assertThat(state.path("participantId").asText()).isEqualTo(DOCTOR_ID);
                assertThat(someone.visible("#end-visit")).isTrue();
                assertThat(someone.text("#tiles .tile.alone")).contains("Nobody else is in the call yet");

                // Signed in to Keycloak now, as a doctor coming from the portal is: "Open visit" goes straight in.
                someone.open(visits.page(visit));
                someone.awaitView("check");
                assertThat(someone.currentUrl()).isEqualTo(visits.hostPage(visit));
            } catch (AssertionError | Exception e) {
                someone.screenshot(test);
                throw e;
            }
        }
    }
}
