package org.telehealth.signaling.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.telehealth.events.recording.ConsentDecision;
import org.telehealth.events.recording.RecordingConsentRecorded;
import org.telehealth.events.recording.RecordingStarted;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.infra.testing.VisitPageDriver;
import org.telehealth.signaling.visit.VisitDirectory;
import org.telehealth.signaling.ws.JoinLinkKeysTestResource;
import org.telehealth.signaling.ws.RecordingTopic;

/**
 * Recording consent in the visit pages, in a real Chromium against the real service and Kafka: the
 * doctor asks, the patient answers in the consent dialog (by mouse or keyboard), and the recording
 * indicator follows recording-service's outcome, put on Kafka as recording-service would.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
@WithTestResource(FakeKeycloakTestResource.class)
@WithTestResource(PageOriginTestResource.class)
class RecordingConsentBrowserTest {

    private static final String DOCTOR_ID = TestTokens.subjectOf(FakeKeycloakTestResource.DOCTOR);
    private static final String TAB = "\uE004";
    private static final String SHIFT = "\uE008";
    private static final String ESCAPE = "\uE00C";
    private static final String DIALOG_OPEN = "return document.getElementById('consent-dialog').open;";

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
    void shouldAskThePatientAndShowTheIndicatorInBothPagesOnceRecordingStarts() throws Exception {
        PageVisits.Booked visit = visits.book(DOCTOR_ID);
        try (VisitPageDriver patient = VisitPageDriver.start("patient"); VisitPageDriver doctor = VisitPageDriver.start("doctor")) {
            try {
                inCall(visit, patient, doctor);
                assertThat(patient.visible("#toggle-recording")).as("only the doctor asks").isFalse();
                assertThat(doctor.text("#toggle-recording")).isEqualTo("Record");

                doctor.click("#toggle-recording");

                patient.await(DIALOG_OPEN);
                assertThat(patient.text("#consent-title")).isEqualTo("The doctor would like to record this visit");
                assertThat(patient.text("#consent-what")).contains("video and sound of everyone in the call");
                assertThat(patient.text("#consent-who")).contains("Who can see it");
                assertThat(activeElement(patient)).as("the focus starts in the dialog").isEqualTo("consent-decline");
                patient.type("#consent-accept", TAB);
                assertThat(activeElement(patient)).as("Tab from the last button stays in the dialog").isEqualTo("consent-decline");
                patient.type("#consent-decline", SHIFT + TAB);
                assertThat(activeElement(patient)).as("Shift+Tab from the first button stays in the dialog").isEqualTo("consent-accept");
                assertThat(patient.execute("return document.getElementById('consent-dialog').getAttribute('aria-describedby');").asText())
                        .isEqualTo("consent-what consent-who consent-choice");
                assertThat(patient.text("#recording-text")).isEqualTo("Waiting for everyone to agree…");
                assertThat(doctor.text("#recording-text")).isEqualTo("Waiting for everyone to agree… Still to answer: Patient.");
                assertThat(doctor.text("#toggle-recording")).isEqualTo("Cancel recording");
                assertThat(doctor.execute(DIALOG_OPEN).asBoolean()).as("the doctor consented by asking").isFalse();

                patient.click("#consent-accept");

                doctor.await("return document.getElementById('recording-text').textContent === arguments[0];",
                        "Everyone agreed. Recording starts in a moment…");
                assertThat(patient.execute(DIALOG_OPEN).asBoolean()).isFalse();
                UUID recordingId = UUID.fromString(doctor.state().path("recording").path("recordingId").asText());
                assertThat(RecordingTopic.eventsUntil(bootstrap, visit.visitId(), "recording.consent-recorded", 2).get(2).data())
                        .isInstanceOfSatisfying(RecordingConsentRecorded.class, consent -> {
                            assertThat(consent.participantId()).isEqualTo(visit.patientId().toString());
                            assertThat(consent.decision()).isEqualTo(ConsentDecision.ACCEPTED);
                        });

                RecordingTopic.publish(bootstrap, new RecordingStarted(recordingId, visit.visitId(), Instant.now()));

                for (VisitPageDriver page : new VisitPageDriver[] {doctor, patient}) {
                    page.await("return document.getElementById('recording-status').dataset.state === 'recording';");
                    assertThat(page.text("#recording-text")).isEqualTo("Recording");
                    assertThat(page.execute("return document.getElementById('recording-status').getAttribute('role');").asText())
                            .isEqualTo("status");
                    assertThat(page.execute("const dot = document.querySelector('#recording-status .recording-dot');"
                            + " const style = getComputedStyle(dot); return style.display !== 'none' && style.backgroundColor;")
                            .asText()).as("a red dot").isEqualTo("rgb(179, 38, 30)");
                }
                assertThat(patient.text("#toggle-recording")).isEqualTo("Stop recording");
                assertThat(doctor.text("#toggle-recording")).isEqualTo("Stop recording");

                doctor.click("#toggle-recording");

                doctor.await("return document.getElementById('recording-text').textContent === 'You stopped the recording.';");
                patient.await("return document.getElementById('recording-text').textContent === 'The doctor stopped the recording.';");
                assertThat(patient.execute("return document.getElementById('recording-status').dataset.state;").asText())
                        .as("the indicator is off").isEqualTo("stopped");
                assertThat(doctor.text("#toggle-recording")).isEqualTo("Record");
            } catch (AssertionError | Exception e) {
                patient.screenshot(test);
                doctor.screenshot(test);
                throw e;
            }
        }
    }

    @Test
    void shouldTellTheDoctorWhenThePatientDeclinesWithTheKeyboard() throws Exception {
        PageVisits.Booked visit = visits.book(DOCTOR_ID);
        try (VisitPageDriver patient = VisitPageDriver.start("patient"); VisitPageDriver doctor = VisitPageDriver.start("doctor")) {
            try {
                inCall(visit, patient, doctor);
                doctor.click("#toggle-recording");
                patient.await(DIALOG_OPEN);

                patient.type("#consent-decline", ESCAPE);

                doctor.await("return document.getElementById('recording-status').dataset.state === 'declined';");
                assertThat(doctor.text("#recording-text")).isEqualTo("The patient declined the recording. Nothing was recorded.");
                assertThat(doctor.text("#toggle-recording")).as("the doctor may ask again").isEqualTo("Record");
                patient.await("return document.getElementById('recording-text').textContent"
                        + " === 'You declined the recording. Nothing was recorded.';");
                assertThat(patient.execute(DIALOG_OPEN).asBoolean()).isFalse();
                assertThat(RecordingTopic.types(RecordingTopic.eventsUntil(bootstrap, visit.visitId(), "recording.stop-requested", 1)))
                        .containsExactly("recording.requested", "recording.consent-recorded", "recording.consent-recorded",
                                "recording.stop-requested");
            } catch (AssertionError | Exception e) {
                patient.screenshot(test);
                doctor.screenshot(test);
                throw e;
            }
        }
    }

    /** The patient joins with their link, the doctor signs in and admits them. */
    private void inCall(PageVisits.Booked visit, VisitPageDriver patient, VisitPageDriver doctor) throws Exception {
        patient.open(visits.patientLink(visit));
        patient.checkDevices();
        patient.click("#join");
        patient.awaitView("waiting");
        doctor.open(visits.hostPage(visit));
        doctor.checkDevices();
        doctor.click("#join");
        doctor.await("return document.querySelectorAll('#waiting-list .waiting-item').length === 1;");
        doctor.click("#waiting-list button[data-action='admit']");
        patient.awaitView("call");
        doctor.await("return [...document.querySelectorAll('#tiles .tile-name')].some(e => e.textContent === 'Patient');");
    }

    private static String activeElement(VisitPageDriver page) throws Exception {
        return page.execute("return document.activeElement.id;").asText();
    }
}
