package org.telehealth.signaling.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.signaling.visit.VisitDirectory;

/** Who may open a visit socket, and how everyone else is turned away. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
class JoiningTest {

    static final String DOCTOR = "dr-joining";

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    VisitDirectory directory;

    private Appointments appointments;
    private Appointments.VisitIds visit;

    @BeforeEach
    void setUp() {
        appointments = new Appointments(bootstrap, directory);
        visit = appointments.schedule(TestTokens.subjectOf(DOCTOR), 2);
    }

    @Test
    void shouldCloseASocketThatSaysNoHelloInTime() {
        TestSocket silent = TestSocket.open(base, visit.visitId());

        assertThat(silent.await("error").path("code").asText()).isEqualTo("hello-timeout");
        assertThat(silent.awaitClose()).isEqualTo(4408);
    }

    @Test
    void shouldCloseASocketWhoseFirstMessageIsNotHello() {
        TestSocket rude = TestSocket.open(base, visit.visitId()).send("{\"type\":\"ping\"}");

        assertThat(rude.await("error").path("code").asText()).isEqualTo("hello-required");
        assertThat(rude.awaitClose()).isEqualTo(4400);
    }

    @Test
    void shouldRefuseAnotherDoctor() {
        expectRefusal(TestTokens.forUser("dr-someone-else", "doctor"), "forbidden", 4403);
    }

    @Test
    void shouldRefuseAPatientsKeycloakTokenForAVisitWhosePatientHasNoAccount() {
        expectRefusal(TestTokens.forUser("a-patient", "patient"), "forbidden", 4403);
    }

    @Test
    void shouldLetAnAdminHostAnyVisit() {
        TestSocket admin = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser("an-admin", "admin"));

        assertThat(admin.await("welcome").path("state").asText()).isEqualTo("in-call");
        admin.abort();
    }

    @Test
    void shouldRefuseATokenThatIsNotSigned() {
        expectRefusal("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "invalid-token", 4401);
    }

    @Test
    void shouldRefuseAnExpiredJoinLink() {
        expectRefusal(JoinLinks.expired(visit.patientId(), visit.visitId(), 2), "invalid-token", 4401);
    }

    @Test
    void shouldLetAnInvitedGuestWaitAsAGuestUntilTheDoctorAdmitsThem() {
        UUID guestId = UUID.randomUUID();
        TestSocket doctor = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        doctor.await("welcome");

        TestSocket guest = TestSocket.open(base, visit.visitId()).hello(JoinLinks.forGuest(guestId, visit.visitId(), 2));

        JsonNode welcome = guest.await("welcome");
        assertThat(welcome.path("role").asText()).isEqualTo("guest");
        assertThat(welcome.path("state").asText()).isEqualTo("waiting");
        assertThat(welcome.path("participantId").asText()).isEqualTo(guestId.toString());
        JsonNode waiting = doctor.await("waiting-room", room -> room.path("waiting").size() == 1);
        assertThat(waiting.path("waiting").get(0).path("role").asText()).isEqualTo("guest");
        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + guestId + "\"}");
        guest.await("admitted");
        doctor.send("{\"type\":\"end-visit\"}");
        guest.await("visit-ended");
    }

    @Test
    void shouldRefuseAGuestLinkOfAnEarlierGenerationOrOneNamingThePatient() {
        expectRefusal(JoinLinks.forGuest(UUID.randomUUID(), visit.visitId(), 1), "link-superseded", 4403);
        expectRefusal(JoinLinks.forGuest(visit.patientId(), visit.visitId(), 2), "forbidden", 4403);
    }

    @Test
    void shouldRefuseAJoinLinkOfAnotherVisit() {
        Appointments.VisitIds other = appointments.schedule(TestTokens.subjectOf(DOCTOR), 2);

        expectRefusal(JoinLinks.forPatient(other.patientId(), other.visitId(), 2), "forbidden", 4403);
    }

    @Test
    void shouldRefuseAJoinLinkOfAnEarlierGeneration() {
        expectRefusal(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 1), "link-superseded", 4403);
    }

    @Test
    void shouldRefuseAJoinLinkOfACancelledVisit() {
        appointments.cancel(visit, TestTokens.subjectOf(DOCTOR), 3);

        expectRefusal(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 3), "visit-cancelled", 4410);
    }

    @Test
    void shouldRefuseAVisitItDoesNotKnow() {
        UUID unknown = UUID.randomUUID();
        TestSocket socket = TestSocket.open(base, unknown).hello(TestTokens.forUser(DOCTOR, "doctor"));

        assertThat(socket.await("error").path("code").asText()).isEqualTo("visit-unknown");
        assertThat(socket.awaitClose()).isEqualTo(4404);
    }

    @Test
    void shouldRefuseTheHandshakeOfAPageOfAnotherOrigin() {
        assertThatThrownBy(() -> TestSocket.open(base, visit.visitId(), "https://evil.example"))
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void shouldKeepLearningVisitsAfterAMalformedAppointmentEvent() {
        appointments.publishGarbage(UUID.randomUUID());

        Appointments.VisitIds next = appointments.schedule(TestTokens.subjectOf(DOCTOR), 0);

        assertThat(directory.find(next.visitId())).isPresent();
    }

    private void expectRefusal(String token, String code, int closeCode) {
        TestSocket socket = TestSocket.open(base, visit.visitId()).hello(token);

        assertThat(socket.await("error").path("code").asText()).isEqualTo(code);
        assertThat(socket.awaitClose()).isEqualTo(closeCode);
    }
}
