package org.telehealth.signaling.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.infra.testing.VisitPageDriver;
import org.telehealth.signaling.visit.VisitDirectory;
import org.telehealth.signaling.ws.JoinLinkKeysTestResource;

/**
 * A patient with an account opens their visit without the link, in a real Chromium against the
 * real service: the page offers "Sign in with your account", signs in through the PKCE flow of the
 * fake Keycloak (which signs in the patient account the test chose), and the patient waits and is
 * admitted as the visit's patient; a patient signed in with another account is told the visit is
 * not on their account.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
@WithTestResource(FakeKeycloakTestResource.class)
@WithTestResource(PageOriginTestResource.class)
class PatientSignInBrowserTest {

    private static final String DOCTOR_ID = TestTokens.subjectOf(FakeKeycloakTestResource.DOCTOR);

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "signaling.pages.auth-server-url")
    String keycloak;
    @Inject
    VisitDirectory directory;

    private PageVisits visits;
    private String test;
    private String patientUser;

    @BeforeEach
    void setUp(TestInfo info) {
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        visits = new PageVisits(bootstrap, directory, base.toString());
        test = info.getTestMethod().orElseThrow().getName();
        patientUser = "pt-" + UUID.randomUUID();
    }

    @Test
    void shouldLetThePatientSignInInsteadOfOpeningTheLinkAndWaitUntilTheDoctorAdmitsThem() throws Exception {
        PageVisits.Booked visit = visits.book(DOCTOR_ID, TestTokens.subjectOf(patientUser));
        try (VisitPageDriver patient = VisitPageDriver.start("patient"); VisitPageDriver doctor = VisitPageDriver.start("doctor")) {
            try {
                patient.open(signInAs(patientUser, "patient"));
                patient.open(visits.page(visit));

                assertThat(patient.awaitNotice()).isEqualTo("Open your visit link, or sign in");
                assertThat(patient.text("#notice-sign-in")).isEqualTo("Sign in with your account");
                assertThat(patient.currentUrl()).isEqualTo(visits.page(visit));
                patient.click("#notice-sign-in");
                patient.checkDevices();
                assertThat(patient.currentUrl()).as("the patient's address, not the doctor's").isEqualTo(visits.page(visit));
                assertThat(patient.text("#join")).isEqualTo("Join the visit");
                patient.click("#join");
                patient.awaitView("waiting");
                JsonNode state = patient.state();
                assertThat(state.path("role").asText()).isEqualTo("patient");
                assertThat(state.path("participantId").asText()).isEqualTo(visit.patientId().toString());
                assertThat(patient.execute("return sessionStorage.length;").asInt()).as("no token kept beyond memory").isZero();

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
                assertThat(patient.visible("#end-visit")).as("no doctor's controls").isFalse();

                doctor.click("#end-visit");
                doctor.click("#confirm-end");
                assertThat(patient.awaitNotice()).isEqualTo("The visit has ended");

                // Signed in to Keycloak now: opening the visit again goes straight to the device check.
                patient.open(visits.page(visit));
                patient.awaitView("check");
                assertThat(patient.currentUrl()).isEqualTo(visits.page(visit));
            } catch (AssertionError | Exception e) {
                patient.screenshot(test);
                doctor.screenshot(test);
                throw e;
            }
        }
    }

    @Test
    void shouldTellAPatientSignedInWithAnotherAccountThatTheVisitIsNotOnTheirAccount() throws Exception {
        PageVisits.Booked visit = visits.book(DOCTOR_ID, TestTokens.subjectOf(patientUser));
        try (VisitPageDriver someoneElse = VisitPageDriver.start("other-patient")) {
            try {
                someoneElse.open(signInAs("pt-" + UUID.randomUUID(), "patient"));
                someoneElse.open(visits.page(visit));
                someoneElse.awaitNotice();
                someoneElse.click("#notice-sign-in");
                someoneElse.checkDevices();
                someoneElse.click("#join");

                assertThat(someoneElse.awaitNotice()).isEqualTo("This visit is not on your account");
                assertThat(someoneElse.text("#notice-sign-in")).isEqualTo("Sign in with another account");
                assertThat(someoneElse.visible("#notice-sign-in")).isTrue();
                assertThat(someoneElse.execute("return !!document.getElementById('check-preview').srcObject;").asBoolean())
                        .as("the camera is off again").isFalse();
            } catch (AssertionError | Exception e) {
                someoneElse.screenshot(test);
                throw e;
            }
        }
    }

    /** The fake Keycloak's switch: this browser's next sign-ins are this account's. */
    private String signInAs(String user, String roles) {
        return keycloak + FakeKeycloakTestResource.SIGN_IN_AS_PATH + "?user=" + user + "&roles=" + roles;
    }
}
