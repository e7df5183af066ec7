package org.telehealth.signaling.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.signaling.visit.VisitDirectory;

/** Bad messages from a joined participant get an error and change nothing; floods get cut off. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
class MessageValidationTest {

    static final String DOCTOR = "dr-validation";

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    VisitDirectory directory;

    private TestSocket doctor;
    private TestSocket patient;
    private Appointments.VisitIds visit;

    @BeforeEach
    void joinBoth() {
        visit = new Appointments(bootstrap, directory).schedule(TestTokens.subjectOf(DOCTOR), 0);
        doctor = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        doctor.await("welcome");
        patient = TestSocket.open(base, visit.visitId()).hello(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 0));
        patient.await("welcome");
    }

    @AfterEach
    void hangUp() {
        doctor.abort();
        patient.abort();
    }

    @Test
    void shouldAnswerMalformedJsonWithAnErrorAndStayConnected() {
        expectError(patient, "{\"type\":", "malformed-json");
        expectError(patient, "[1,2]", "malformed-json");
    }

    @Test
    void shouldAnswerAnUnknownTypeWithAnError() {
        expectError(patient, "{\"type\":\"teleport\"}", "unknown-type");
    }

    @Test
    void shouldAnswerMissingExtraOrMistypedFieldsWithAnError() {
        expectError(doctor, "{\"type\":\"admit\"}", "invalid-message");
        expectError(patient, "{\"type\":\"ping\",\"extra\":1}", "invalid-message");
        expectError(patient, "{\"type\":\"media-state\",\"audio\":\"yes\",\"video\":false}", "invalid-message");
        expectError(patient, "{\"type\":\"chat\",\"text\":\"" + "x".repeat(2001) + "\"}", "invalid-message");
    }

    @Test
    void shouldAnswerAnOversizedMessageWithAnError() {
        expectError(patient, "{\"type\":\"chat\",\"text\":\"" + "x".repeat(17 * 1024) + "\"}", "message-too-large");
    }

    @Test
    void shouldRefuseAWaitingPatientWhoTriesToAdmitOrEndAndChangeNothing() throws InterruptedException {
        doctor.drain(Duration.ofMillis(300));

        expectError(patient, "{\"type\":\"admit\",\"participantId\":\"" + visit.patientId() + "\"}", "not-allowed");
        expectError(patient, "{\"type\":\"end-visit\"}", "not-allowed");
        expectError(patient, "{\"type\":\"chat\",\"text\":\"let me in\"}", "not-allowed");

        assertThat(doctor.drain(Duration.ofMillis(500))).isEmpty();
        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + visit.patientId() + "\"}");
        patient.await("admitted");
    }

    @Test
    void shouldRefuseAnAdmittedPatientWhoTriesToEndTheVisit() {
        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + visit.patientId() + "\"}");
        patient.await("admitted");

        expectError(patient, "{\"type\":\"end-visit\"}", "not-allowed");

        patient.send("{\"type\":\"chat\",\"text\":\"still here\"}");
        assertThat(doctor.await("chat").path("text").asText()).isEqualTo("still here");
    }

    @Test
    void shouldAnswerAdmittingSomeoneWhoIsNotWaitingWithAnError() {
        expectError(doctor, "{\"type\":\"admit\",\"participantId\":\"nobody\"}", "unknown-participant");
    }

    @Test
    void shouldCutOffAConnectionThatFloods() {
        for (int i = 0; i < 200 && !patient.isClosed(); i++) {
            patient.send("{\"type\":\"ping\"}");
        }

        assertThat(patient.await("error").path("code").asText()).isEqualTo("rate-limited");
        assertThat(patient.awaitClose()).isEqualTo(4429);
        assertThat(doctor.await("waiting-room", list -> list.path("waiting").isEmpty())).isNotNull();
    }

    private static void expectError(TestSocket socket, String frame, String code) {
        socket.send(frame);
        assertThat(socket.await("error").path("code").asText()).isEqualTo(code);
        socket.send("{\"type\":\"ping\"}");
        socket.await("pong");
    }
}
