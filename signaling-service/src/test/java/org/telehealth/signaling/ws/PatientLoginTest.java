package org.telehealth.signaling.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.events.visit.VisitParticipantAdmitted;
import org.telehealth.events.visit.VisitParticipantWaiting;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.signaling.visit.VisitDirectory;

/**
 * A patient who signs in to Keycloak instead of opening their link: real RSA-signed tokens shaped
 * like Keycloak's, visits booked on the real Kafka with the patient's account id as scheduling
 * writes it. The visit's patient waits and is admitted as the same participant a link would make;
 * everyone else is refused without learning whether the visit exists.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
class PatientLoginTest {

    static final String DOCTOR = "dr-patient-login";

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    VisitDirectory directory;

    private Appointments appointments;
    private String patientUser;
    private Appointments.VisitIds visit;

    @BeforeEach
    void setUp() {
        appointments = new Appointments(bootstrap, directory);
        patientUser = "patient-" + UUID.randomUUID();
        visit = appointments.scheduleWithPatientAccount(TestTokens.subjectOf(DOCTOR), 1, TestTokens.subjectOf(patientUser));
    }

    @Test
    void shouldLetTheSignedInPatientWaitAsTheVisitsPatientUntilTheDoctorAdmitsThem() {
        TestSocket doctor = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        assertThat(doctor.await("welcome").path("state").asText()).isEqualTo("in-call");

        TestSocket patient = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(patientUser, "patient"));

        JsonNode welcome = patient.await("welcome");
        assertThat(welcome.path("role").asText()).isEqualTo("patient");
        assertThat(welcome.path("state").asText()).isEqualTo("waiting");
        assertThat(welcome.path("participantId").asText()).as("the patient record's id, as with the link")
                .isEqualTo(visit.patientId().toString());
        JsonNode waiting = doctor.await("waiting-room", room -> room.path("waiting").size() == 1).path("waiting").get(0);
        assertThat(waiting.path("participantId").asText()).isEqualTo(visit.patientId().toString());
        assertThat(waiting.path("role").asText()).isEqualTo("patient");

        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + visit.patientId() + "\"}");
        patient.await("admitted");
        patient.send("{\"type\":\"chat\",\"text\":\"signed in\"}");
        assertThat(doctor.await("chat").path("from").asText()).isEqualTo(visit.patientId().toString());

        List<EventEnvelope<?>> events = VisitEventsProbe.eventsOf(bootstrap, visit.visitId(), "visit.participant-admitted");
        assertThat(events).extracting(EventEnvelope::data).as("scheduling sees its patient wait and be admitted")
                .anySatisfy(data -> assertThat(data).isInstanceOfSatisfying(VisitParticipantWaiting.class, waits -> {
                    assertThat(waits.participantId()).isEqualTo(visit.patientId().toString());
                    assertThat(waits.role()).isEqualTo(ParticipantRole.PATIENT);
                }))
                .anySatisfy(data -> assertThat(data).isInstanceOfSatisfying(VisitParticipantAdmitted.class,
                        admitted -> assertThat(admitted.participantId()).isEqualTo(visit.patientId().toString())));
        doctor.send("{\"type\":\"end-visit\"}");
        patient.await("visit-ended");
    }

    @Test
    void shouldMakeTheLinkAndTheLoginOneParticipantSoTheSecondTakesOverTheFirst() {
        TestSocket doctor = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        doctor.await("welcome");
        TestSocket byLink = TestSocket.open(base, visit.visitId()).hello(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 1));
        byLink.await("welcome");
        doctor.await("waiting-room", room -> room.path("waiting").size() == 1);

        TestSocket byLogin = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(patientUser, "patient"));

        JsonNode welcome = byLogin.await("welcome");
        assertThat(welcome.path("resumed").asBoolean()).as("the same participant, resumed").isTrue();
        assertThat(welcome.path("state").asText()).isEqualTo("waiting");
        assertThat(byLink.await("error").path("code").asText()).isEqualTo("replaced");
        assertThat(byLink.awaitClose()).isEqualTo(4409);
        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + visit.patientId() + "\"}");
        byLogin.await("admitted");
        doctor.await("waiting-room", room -> room.path("waiting").isEmpty()); // one participant: nobody left waiting
        doctor.send("{\"type\":\"end-visit\"}");
    }

    @Test
    void shouldRefuseAnotherPatientExactlyAsIfTheVisitDidNotExist() {
        String someoneElse = TestTokens.forUser("patient-" + UUID.randomUUID(), "patient");

        JsonNode notTheirs = refusal(visit.visitId(), someoneElse, 4403);
        JsonNode unknown = refusal(UUID.randomUUID(), someoneElse, 4403);

        assertThat(notTheirs.path("code").asText()).isEqualTo("forbidden");
        assertThat(notTheirs).as("the same answer, no hint that the visit exists").isEqualTo(unknown);
        assertThat(refusal(UUID.randomUUID(), TestTokens.forUser(patientUser, "patient"), 4403))
                .as("the patient's own token for a visit that is not theirs").isEqualTo(unknown);
    }

    @Test
    void shouldRefuseEveryPatientLoginToAVisitWhosePatientHasNoAccount() {
        Appointments.VisitIds withoutAccount = appointments.schedule(TestTokens.subjectOf(DOCTOR), 1);

        JsonNode refused = refusal(withoutAccount.visitId(), TestTokens.forUser(patientUser, "patient"), 4403);

        assertThat(refused).isEqualTo(refusal(UUID.randomUUID(), TestTokens.forUser(patientUser, "patient"), 4403));
        TestSocket byLink = TestSocket.open(base, withoutAccount.visitId())
                .hello(JoinLinks.forPatient(withoutAccount.patientId(), withoutAccount.visitId(), 1));
        assertThat(byLink.await("welcome").path("state").asText()).as("the link still works").isEqualTo("waiting");
        byLink.abort();
    }

    @Test
    void shouldRefuseTheAccountWithoutThePatientRole() {
        JsonNode refused = refusal(visit.visitId(), TestTokens.forUser(patientUser), 4403);

        assertThat(refused.path("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void shouldRefuseAnExpiredPatientToken() {
        JsonNode refused = refusal(visit.visitId(), TestTokens.expiredForUser(patientUser, "patient"), 4401);

        assertThat(refused.path("code").asText()).isEqualTo("invalid-token");
    }

    @Test
    void shouldRefuseAPatientTokenForgedToNameTheVisitsPatient() throws IOException {
        String mallory = TestTokens.forUser("mallory-" + UUID.randomUUID(), "patient");
        String forged = withSubject(mallory, TestTokens.subjectOf(patientUser));

        JsonNode refused = refusal(visit.visitId(), forged, 4401);

        assertThat(refused.path("code").asText()).isEqualTo("invalid-token");
    }

    @Test
    void shouldStillKnowThePatientsAccountAfterTheVisitMoves() {
        appointments.reschedule(visit, TestTokens.subjectOf(DOCTOR), 2, TestTokens.subjectOf(patientUser));

        TestSocket patient = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(patientUser, "patient"));

        assertThat(patient.await("welcome").path("participantId").asText()).isEqualTo(visit.patientId().toString());
        patient.send("{\"type\":\"leave\"}");
        assertThat(refusal(visit.visitId(), JoinLinks.forPatient(visit.patientId(), visit.visitId(), 1), 4403)
                .path("code").asText()).as("while the old link died").isEqualTo("link-superseded");
    }

    @Test
    void shouldTellTheSignedInPatientThatTheirVisitWasCancelled() {
        appointments.cancel(visit, TestTokens.subjectOf(DOCTOR), 2);

        JsonNode refused = refusal(visit.visitId(), TestTokens.forUser(patientUser, "patient"), 4410);

        assertThat(refused.path("code").asText()).isEqualTo("visit-cancelled");
    }

    /** The error a hello with {@code token} gets on {@code visitId}'s socket, which then closes with {@code closeCode}. */
    private JsonNode refusal(UUID visitId, String token, int closeCode) {
        TestSocket socket = TestSocket.open(base, visitId).hello(token);
        JsonNode error = socket.await("error");
        assertThat(socket.awaitClose()).isEqualTo(closeCode);
        return error;
    }

    /** The token with another {@code sub}, its signature kept: what someone without the key can make. */
    private static String withSubject(String token, String subject) throws IOException {
        String[] parts = token.split("\\.");
        ObjectMapper json = new ObjectMapper();
        ObjectNode claims = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("sub", subject);
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(claims));
        return parts[0] + "." + payload + "." + parts[2];
    }
}
