package org.telehealth.signaling.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.events.recording.RecordingCompleted;
import org.telehealth.events.recording.RecordingStarted;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.signaling.room.RoomSweeper;
import org.telehealth.signaling.room.VisitRoom;
import org.telehealth.signaling.room.VisitRooms;
import org.telehealth.signaling.visit.VisitDirectory;

/**
 * Eviction of rooms over real sockets and the real Kafka, the sweep called with a time far enough
 * ahead: a late join to an ended visit whose room was evicted is still refused with
 * {@code visit-ended}; an idle visit's room is built again for its next joins and works; a call being
 * recorded keeps its room after everyone left, until recording-service says the recording is over.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
class EvictedRoomsTest {

    static final String DOCTOR = "dr-evicted";
    private static final Duration LATER = Duration.ofHours(1);

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    VisitDirectory directory;
    @Inject
    VisitRooms rooms;
    @Inject
    RoomSweeper sweeper;

    private Appointments appointments;
    private final String doctorId = TestTokens.subjectOf(DOCTOR);

    @BeforeEach
    void setUp() {
        appointments = new Appointments(bootstrap, directory);
    }

    @Test
    void shouldStillRefuseALateJoinWithVisitEndedOnceTheEndedVisitsRoomIsEvicted() {
        Appointments.VisitIds visit = appointments.schedule(doctorId, 0);
        TestSocket doctor = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        doctor.await("welcome");
        doctor.send("{\"type\":\"end-visit\"}");
        doctor.await("visit-ended");
        VisitRoom ended = rooms.existing(visit.visitId()).orElseThrow();

        sweeper.sweep(Instant.now().plus(LATER));

        assertThat(ended.isEvicted()).isTrue();
        TestSocket late = TestSocket.open(base, visit.visitId()).hello(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 0));
        assertThat(late.await("error").path("code").asText()).isEqualTo("visit-ended");
        assertThat(late.awaitClose()).isEqualTo(4410);
    }

    @Test
    void shouldBuildTheRoomOfAnIdleVisitAgainForItsNextJoins() {
        Appointments.VisitIds visit = appointments.schedule(doctorId, 0);
        TestSocket first = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        first.await("welcome");
        first.send("{\"type\":\"leave\"}");
        assertThat(first.awaitClose()).isEqualTo(1000);
        VisitRoom idle = rooms.existing(visit.visitId()).orElseThrow();

        sweeper.sweep(Instant.now().plus(LATER));
        assertThat(idle.isEvicted()).isTrue();

        TestSocket doctor = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        assertThat(doctor.await("welcome").path("state").asText()).isEqualTo("in-call");
        TestSocket patient = TestSocket.open(base, visit.visitId()).hello(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 0));
        assertThat(patient.await("welcome").path("state").asText()).isEqualTo("waiting");
        doctor.await("waiting-room", list -> list.path("waiting").size() == 1);
        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + visit.patientId() + "\"}");
        patient.await("admitted");
        assertThat(patient.await("participants").path("participants")).hasSize(2);
        assertThat(rooms.existing(visit.visitId())).get().isNotSameAs(idle);
        doctor.abort();
        patient.abort();
    }

    @Test
    void shouldKeepTheRoomOfACallBeingRecordedAfterEveryoneLeftUntilTheRecordingIsOver() throws Exception {
        Appointments.VisitIds visit = appointments.schedule(doctorId, 0);
        TestSocket doctor = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        doctor.await("welcome");
        TestSocket patient = TestSocket.open(base, visit.visitId()).hello(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 0));
        patient.await("welcome");
        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + visit.patientId() + "\"}");
        patient.await("tracks");
        doctor.send("{\"type\":\"recording-start\"}");
        JsonNode asking = doctor.await("recording-state", m -> m.path("state").asText().equals("asking"));
        UUID recordingId = UUID.fromString(asking.path("recordingId").asText());
        patient.send("{\"type\":\"recording-consent\",\"recordingId\":\"" + recordingId + "\",\"accept\":true}");
        doctor.await("recording-state", m -> m.path("waitingFor").isEmpty());
        RecordingTopic.publish(bootstrap, new RecordingStarted(recordingId, visit.visitId(), Instant.now()));
        doctor.await("recording-state", m -> m.path("state").asText().equals("recording"));
        patient.send("{\"type\":\"leave\"}");
        doctor.send("{\"type\":\"leave\"}");
        patient.awaitClose();
        doctor.awaitClose();
        VisitRoom recorded = rooms.existing(visit.visitId()).orElseThrow();

        sweeper.sweep(Instant.now().plus(LATER));
        assertThat(recorded.isEvicted()).as("the recording is in progress").isFalse();

        RecordingTopic.publish(bootstrap, new RecordingCompleted(recordingId, visit.visitId(), Instant.now().minusSeconds(5),
                Instant.now(), 5000, 1234, "ab".repeat(32), true, "doctor-stopped"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!recorded.isEvicted() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            sweeper.sweep(Instant.now().plus(LATER));
        }
        assertThat(recorded.isEvicted()).as("evicted once recording-service said it is over").isTrue();
    }
}
