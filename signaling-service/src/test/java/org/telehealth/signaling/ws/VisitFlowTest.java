package org.telehealth.signaling.ws;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.events.visit.VisitEnded;
import org.telehealth.events.visit.VisitOpened;
import org.telehealth.events.visit.VisitParticipantAdmitted;
import org.telehealth.events.visit.VisitParticipantJoined;
import org.telehealth.events.visit.VisitParticipantWaiting;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.signaling.visit.VisitDirectory;

/** A whole visit over real sockets: doctor and patient join, wait, get admitted, chat and end. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
class VisitFlowTest {

    static final String DOCTOR = "dr-flow";

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    VisitDirectory directory;

    private Appointments appointments;

    @BeforeEach
    void setUp() {
        appointments = new Appointments(bootstrap, directory);
    }

    @Test
    void shouldLetTheDoctorAdmitTheWaitingPatientChatAndEndTheVisit() {
        String doctorId = TestTokens.subjectOf(DOCTOR);
        Appointments.VisitIds visit = appointments.schedule(doctorId, 1);
        String patientId = visit.patientId().toString();

        TestSocket doctor = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        JsonNode welcome = doctor.await("welcome");
        assertThat(welcome.path("state").asText()).isEqualTo("in-call");
        assertThat(welcome.path("role").asText()).isEqualTo("doctor");
        assertThat(welcome.path("participantId").asText()).isEqualTo(doctorId);
        assertThat(welcome.path("protocol").asInt()).isEqualTo(1);
        assertThat(welcome.has("iceServers")).as("no TURN configured: no ICE servers").isFalse();

        TestSocket patient = TestSocket.open(base, visit.visitId(), "http://localhost:8082")
                .hello(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 1));
        assertThat(patient.await("welcome").path("state").asText()).isEqualTo("waiting");
        JsonNode waitingRoom = doctor.await("waiting-room", list -> !list.path("waiting").isEmpty());
        assertThat(waitingRoom.path("waiting").get(0).path("participantId").asText()).isEqualTo(patientId);
        assertThat(waitingRoom.path("waiting").get(0).path("role").asText()).isEqualTo("patient");

        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + patientId + "\"}");
        assertThat(patient.await("admitted").has("iceServers")).as("no TURN configured: no ICE servers").isFalse();
        assertThat(patient.await("participants").path("participants")).hasSize(2);
        assertThat(doctor.await("participant-joined").path("participantId").asText()).isEqualTo(patientId);
        assertThat(doctor.await("waiting-room").path("waiting")).isEmpty();

        patient.send("{\"type\":\"media-state\",\"audio\":true,\"video\":false}");
        JsonNode media = doctor.await("media-state");
        assertThat(media.path("participantId").asText()).isEqualTo(patientId);
        assertThat(media.path("audio").asBoolean()).isTrue();

        patient.send("{\"type\":\"chat\",\"text\":\"Hello doctor\"}");
        for (TestSocket inCall : List.of(doctor, patient)) {
            JsonNode chat = inCall.await("chat");
            assertThat(chat.path("text").asText()).isEqualTo("Hello doctor");
            assertThat(chat.path("from").asText()).isEqualTo(patientId);
            assertThat(chat.path("role").asText()).isEqualTo("patient");
            assertThat(chat.path("at").asText()).isNotBlank();
        }

        doctor.send("{\"type\":\"end-visit\"}");
        assertThat(patient.await("visit-ended").path("by").asText()).isEqualTo(doctorId);
        doctor.await("visit-ended");
        assertThat(patient.awaitClose()).isEqualTo(1000);
        assertThat(doctor.awaitClose()).isEqualTo(1000);

        List<EventEnvelope<?>> events = VisitEventsProbe.eventsOf(bootstrap, visit.visitId(), "visit.ended");
        assertThat(events).extracting(EventEnvelope::type).containsExactly("visit.opened",
                "visit.participant-joined", "visit.participant-waiting", "visit.participant-admitted",
                "visit.participant-joined", "visit.ended");
        assertThat(events.get(0).data()).isInstanceOfSatisfying(VisitOpened.class,
                opened -> assertThat(opened.doctorId()).isEqualTo(doctorId));
        assertThat(events.get(2).data()).isInstanceOfSatisfying(VisitParticipantWaiting.class,
                waiting -> assertThat(waiting.role()).isEqualTo(ParticipantRole.PATIENT));
        assertThat(events.get(3).data()).isInstanceOfSatisfying(VisitParticipantAdmitted.class,
                admitted -> assertThat(admitted.participantId()).isEqualTo(patientId));
        assertThat(events.get(4).data()).isInstanceOfSatisfying(VisitParticipantJoined.class,
                joined -> assertThat(joined.participantId()).isEqualTo(patientId));
        assertThat(events.get(5).data()).isInstanceOfSatisfying(VisitEnded.class,
                ended -> assertThat(ended.endedBy()).isEqualTo(doctorId));

        TestSocket late = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        assertThat(late.await("error").path("code").asText()).isEqualTo("visit-ended");
        assertThat(late.awaitClose()).isEqualTo(4410);
    }

    @Test
    void shouldPutAPatientWhoComesFirstInTheWaitingRoomAndShowThemToTheDoctorOnJoining() {
        String doctorId = TestTokens.subjectOf(DOCTOR);
        Appointments.VisitIds visit = appointments.schedule(doctorId, 0);

        TestSocket patient = TestSocket.open(base, visit.visitId())
                .hello(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 0));
        assertThat(patient.await("welcome").path("state").asText()).isEqualTo("waiting");

        TestSocket doctor = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        doctor.await("welcome");
        assertThat(doctor.await("waiting-room", list -> !list.path("waiting").isEmpty())
                .path("waiting").get(0).path("participantId").asText())
                .isEqualTo(visit.patientId().toString());

        doctor.send("{\"type\":\"decline\",\"participantId\":\"" + visit.patientId() + "\"}");
        patient.await("declined");
        assertThat(patient.awaitClose()).isEqualTo(1000);
        assertThat(doctor.await("waiting-room").path("waiting")).isEmpty();
        doctor.abort();
    }

    @Test
    void shouldTellTheOthersWhenAParticipantLeaves() {
        String doctorId = TestTokens.subjectOf(DOCTOR);
        Appointments.VisitIds visit = appointments.schedule(doctorId, 0);
        TestSocket doctor = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        doctor.await("welcome");
        TestSocket patient = TestSocket.open(base, visit.visitId())
                .hello(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 0));
        patient.await("welcome");
        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + visit.patientId() + "\"}");
        patient.await("admitted");

        patient.send("{\"type\":\"leave\"}");

        assertThat(doctor.await("participant-left").path("participantId").asText())
                .isEqualTo(visit.patientId().toString());
        assertThat(patient.awaitClose()).isEqualTo(1000);
        doctor.abort();
    }
}
