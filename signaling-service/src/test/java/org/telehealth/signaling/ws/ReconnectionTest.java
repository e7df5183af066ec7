package org.telehealth.signaling.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.visit.VisitParticipantLeft;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.signaling.visit.VisitDirectory;

/**
 * A dropped socket within the reconnection grace period (3 s in tests): the participant keeps their
 * place and a new socket resumes them; past it they leave as if they had hung up.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
class ReconnectionTest {

    static final String DOCTOR = "dr-reconnect";

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    VisitDirectory directory;

    private Appointments.VisitIds visit;
    private String patientId;
    private TestSocket doctor;

    @BeforeEach
    void joinDoctor() {
        visit = new Appointments(bootstrap, directory).schedule(TestTokens.subjectOf(DOCTOR), 0);
        patientId = visit.patientId().toString();
        doctor = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        doctor.await("welcome");
    }

    @Test
    void shouldResumeAnAdmittedPatientWithoutAdmittingThemAgainOrTellingTheOthersTheyLeft() throws InterruptedException {
        TestSocket patient = admittedPatient();
        patient.send("{\"type\":\"media-state\",\"audio\":true,\"video\":true}");
        doctor.await("media-state");

        patient.abort();
        JsonNode away = doctor.await("participant-state");
        assertThat(away.path("participantId").asText()).isEqualTo(patientId);
        assertThat(away.path("connected").asBoolean()).isFalse();
        TestSocket again = patientSocket();

        JsonNode welcome = again.await("welcome");
        assertThat(welcome.path("state").asText()).isEqualTo("in-call");
        assertThat(welcome.path("resumed").asBoolean()).isTrue();
        JsonNode participants = again.await("participants").path("participants");
        assertThat(participants).hasSize(2);
        assertThat(participants).anySatisfy(p -> {
            assertThat(p.path("participantId").asText()).isEqualTo(patientId);
            assertThat(p.path("audio").asBoolean()).isTrue();
        });
        JsonNode tracks = again.await("tracks");
        assertThat(tracks.path("audio").asInt()).isZero();
        assertThat(tracks.path("streams")).isEmpty();
        assertThat(doctor.await("participant-state").path("connected").asBoolean()).isTrue();

        Thread.sleep(3500); // longer than the grace period of the dropped socket
        List<JsonNode> doctorSaw = doctor.drain(Duration.ofMillis(200));
        assertThat(doctorSaw).noneMatch(m -> List.of("participant-left", "participant-joined", "waiting-room")
                .contains(m.path("type").asText()));
        again.send("{\"type\":\"chat\",\"text\":\"back again\"}");
        assertThat(doctor.await("chat").path("from").asText()).isEqualTo(patientId);
        again.abort();
    }

    @Test
    void shouldResumeAWaitingPatientInTheWaitingRoom() throws InterruptedException {
        TestSocket patient = patientSocket();
        patient.await("welcome");
        doctor.await("waiting-room", list -> !list.path("waiting").isEmpty());

        patient.abort();
        Thread.sleep(300);
        TestSocket again = patientSocket();

        JsonNode welcome = again.await("welcome");
        assertThat(welcome.path("state").asText()).isEqualTo("waiting");
        assertThat(welcome.path("resumed").asBoolean()).isTrue();
        assertThat(doctor.drain(Duration.ofMillis(300))).noneMatch(m -> m.path("type").asText().equals("waiting-room"));
        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + patientId + "\"}");
        again.await("admitted");
        again.abort();
    }

    @Test
    void shouldNotMarkAFirstWelcomeAsResumed() {
        TestSocket patient = patientSocket();

        assertThat(patient.await("welcome").has("resumed")).isFalse();
        patient.abort();
    }

    @Test
    void shouldReplaceAStillOpenSocketOfTheSameParticipantAndKeepTheirPlace() {
        TestSocket patient = admittedPatient();

        TestSocket secondTab = patientSocket();

        assertThat(patient.await("error").path("code").asText()).isEqualTo("replaced");
        assertThat(patient.awaitClose()).isEqualTo(4409);
        assertThat(secondTab.await("welcome").path("state").asText()).isEqualTo("in-call");
        secondTab.send("{\"type\":\"chat\",\"text\":\"second tab\"}");
        assertThat(doctor.await("chat").path("text").asText()).isEqualTo("second tab");
        secondTab.abort();
    }

    @Test
    void shouldLetAParticipantGoWhenTheGracePeriodRunsOut() {
        TestSocket patient = admittedPatient();

        patient.abort();

        assertThat(doctor.await("participant-state").path("connected").asBoolean()).isFalse();
        long droppedAt = System.nanoTime();
        JsonNode left = doctor.await("participant-left");
        assertThat(left.path("participantId").asText()).isEqualTo(patientId);
        assertThat(Duration.ofNanos(System.nanoTime() - droppedAt)).isGreaterThan(Duration.ofSeconds(2));
        List<EventEnvelope<?>> events = VisitEventsProbe.eventsOf(bootstrap, visit.visitId(), "visit.participant-left");
        assertThat(events.get(events.size() - 1).data()).isInstanceOfSatisfying(VisitParticipantLeft.class,
                event -> assertThat(event.participantId()).isEqualTo(patientId));

        TestSocket late = patientSocket();
        assertThat(late.await("welcome").path("state").asText()).as("after the grace period they wait again").isEqualTo("waiting");
        late.abort();
    }

    @Test
    void shouldRemoveAtOnceAParticipantWhoLeaves() {
        TestSocket patient = admittedPatient();

        patient.send("{\"type\":\"leave\"}");

        assertThat(doctor.await("participant-left").path("participantId").asText()).isEqualTo(patientId);
    }

    @Test
    void shouldRefuseMediaOffersInTheWaitingRoom() {
        TestSocket patient = patientSocket();
        patient.await("welcome");

        patient.send(Offers.frame(Offers.chrome("patient-stream")));

        assertThat(patient.await("error").path("code").asText()).isEqualTo("not-allowed");
        patient.abort();
    }

    private TestSocket admittedPatient() {
        TestSocket patient = patientSocket();
        patient.await("welcome");
        doctor.await("waiting-room", list -> !list.path("waiting").isEmpty());
        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + patientId + "\"}");
        patient.await("admitted");
        doctor.await("participant-joined");
        return patient;
    }

    private TestSocket patientSocket() {
        return TestSocket.open(base, visit.visitId()).hello(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 0));
    }
}
