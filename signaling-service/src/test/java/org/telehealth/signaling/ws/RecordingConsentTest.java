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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.recording.ConsentDecision;
import org.telehealth.events.recording.ExpectedParticipant;
import org.telehealth.events.recording.RecordingCompleted;
import org.telehealth.events.recording.RecordingConsentRecorded;
import org.telehealth.events.recording.RecordingFailed;
import org.telehealth.events.recording.RecordingRequested;
import org.telehealth.events.recording.RecordingStarted;
import org.telehealth.events.recording.RecordingStopRequested;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.signaling.visit.VisitDirectory;

/**
 * Recording consent over real sockets and the real Kafka: what every page is told, and exactly which
 * events recording-service gets on {@code telehealth.recordings}, for accepting, declining,
 * withdrawing, stopping, people entering or leaving the call, recording-service's outcomes, and
 * every message that must be refused without an event.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(JoinLinkKeysTestResource.class)
class RecordingConsentTest {

    static final String DOCTOR = "dr-recording";
    private static final Duration QUIET = Duration.ofMillis(800);

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    VisitDirectory directory;

    private Appointments appointments;
    private final String doctorId = TestTokens.subjectOf(DOCTOR);

    @BeforeEach
    void setUp() {
        appointments = new Appointments(bootstrap, directory);
    }

    @Test
    void shouldAskEveryoneElseAndPublishTheRequestWithEachAcceptanceUntilRecordingStartsAndEnds() throws Exception {
        Call call = callWithGuest();

        call.doctor.send("{\"type\":\"recording-start\"}");

        JsonNode asking = call.doctor.await("recording-state");
        UUID recordingId = UUID.fromString(asking.path("recordingId").asText());
        assertThat(asking.path("state").asText()).isEqualTo("asking");
        assertThat(texts(asking.path("waitingFor"))).containsExactly(call.patientId, call.guestId);
        for (TestSocket asked : List.of(call.patient, call.guest)) {
            assertThat(asked.await("recording-consent-requested").path("recordingId").asText()).isEqualTo(recordingId.toString());
            assertThat(asked.await("recording-state").path("state").asText()).isEqualTo("asking");
        }
        assertThat(call.doctor.drain(QUIET)).as("the doctor consented by asking").noneMatch(m -> type(m).equals("recording-consent-requested"));

        call.patient.send(consent(recordingId, true));
        for (TestSocket inCall : call.all()) {
            JsonNode state = inCall.await("recording-state", m -> m.path("waitingFor").size() == 1);
            assertThat(texts(state.path("waitingFor"))).containsExactly(call.guestId);
        }
        call.guest.send(consent(recordingId, true));
        for (TestSocket inCall : call.all()) {
            JsonNode state = inCall.await("recording-state", m -> m.path("waitingFor").isEmpty());
            assertThat(state.path("state").asText()).as("asking until recording-service starts capturing").isEqualTo("asking");
        }

        List<EventEnvelope<?>> events = RecordingTopic.eventsUntil(bootstrap, call.visitId, "recording.consent-recorded", 3);
        assertThat(RecordingTopic.types(events)).containsExactly("recording.requested", "recording.consent-recorded",
                "recording.consent-recorded", "recording.consent-recorded");
        assertThat(events.get(0).data()).isInstanceOfSatisfying(RecordingRequested.class, requested -> {
            assertThat(requested.recordingId()).isEqualTo(recordingId);
            assertThat(requested.visitId()).isEqualTo(call.visitId);
            assertThat(requested.requestedBy()).isEqualTo(doctorId);
            assertThat(requested.participants()).containsExactly(
                    new ExpectedParticipant(doctorId, ParticipantRole.DOCTOR, doctorId),
                    new ExpectedParticipant(call.patientId, ParticipantRole.PATIENT, null),
                    new ExpectedParticipant(call.guestId, ParticipantRole.GUEST, null));
        });
        assertConsent(events.get(1), recordingId, doctorId, ParticipantRole.DOCTOR, ConsentDecision.ACCEPTED);
        assertConsent(events.get(2), recordingId, call.patientId, ParticipantRole.PATIENT, ConsentDecision.ACCEPTED);
        assertConsent(events.get(3), recordingId, call.guestId, ParticipantRole.GUEST, ConsentDecision.ACCEPTED);

        RecordingTopic.publish(bootstrap, new RecordingStarted(recordingId, call.visitId, Instant.now()));
        for (TestSocket inCall : call.all()) {
            JsonNode recording = inCall.await("recording-state", m -> m.path("state").asText().equals("recording"));
            assertThat(recording.path("recordingId").asText()).isEqualTo(recordingId.toString());
            assertThat(recording.has("waitingFor")).isFalse();
        }

        RecordingTopic.publish(bootstrap, new RecordingCompleted(recordingId, call.visitId, Instant.now().minusSeconds(5),
                Instant.now(), 5000, 1234, "ab".repeat(32), false, "capture-failed"));
        for (TestSocket inCall : call.all()) {
            JsonNode stopped = inCall.await("recording-state", m -> m.path("state").asText().equals("stopped"));
            assertThat(stopped.path("reason").asText()).isEqualTo("capture-failed");
        }

        call.doctor.send("{\"type\":\"recording-start\"}");
        assertThat(call.doctor.await("recording-state").path("recordingId").asText())
                .as("the doctor may ask again with a new request").isNotEqualTo(recordingId.toString());
        call.abort();
    }

    @Test
    void shouldEndTheRequestWhenSomeoneDeclinesAndTellTheDoctorWho() throws Exception {
        Call call = call();
        UUID recordingId = start(call);

        call.patient.send(consent(recordingId, false));

        for (TestSocket inCall : call.all()) {
            JsonNode declined = inCall.await("recording-state", m -> m.path("state").asText().equals("declined"));
            assertThat(declined.path("reason").asText()).isEqualTo("declined");
            assertThat(declined.path("by").asText()).isEqualTo(call.patientId);
        }
        List<EventEnvelope<?>> events = RecordingTopic.eventsUntil(bootstrap, call.visitId, "recording.stop-requested", 1);
        assertThat(RecordingTopic.types(events)).containsExactly("recording.requested", "recording.consent-recorded",
                "recording.consent-recorded", "recording.stop-requested");
        assertConsent(events.get(2), recordingId, call.patientId, ParticipantRole.PATIENT, ConsentDecision.DECLINED);
        assertStop(events.get(3), recordingId, call.patientId, RecordingStopRequested.DECLINED);

        RecordingTopic.publish(bootstrap, new RecordingFailed(recordingId, call.visitId, RecordingFailed.DECLINED, Instant.now()));
        assertThat(call.doctor.drain(Duration.ofSeconds(2))).as("the outcome of a request already over changes nothing")
                .noneMatch(m -> type(m).equals("recording-state"));
        call.patient.send(consent(recordingId, true));
        assertThat(call.patient.await("error").path("code").asText()).isEqualTo("not-allowed");
        call.abort();
    }

    @Test
    void shouldStopWhenTheDoctorStopsAndRefuseASecondStop() throws Exception {
        Call call = call();
        UUID recordingId = start(call);
        consentAndStart(call, recordingId);
        call.patient.await("recording-state", m -> m.path("state").asText().equals("recording"));

        call.doctor.send("{\"type\":\"recording-stop\"}");

        for (TestSocket inCall : call.all()) {
            JsonNode stopped = inCall.await("recording-state", m -> m.path("state").asText().equals("stopped"));
            assertThat(stopped.path("reason").asText()).isEqualTo("doctor-stopped");
            assertThat(stopped.path("by").asText()).isEqualTo(doctorId);
        }
        call.doctor.send("{\"type\":\"recording-stop\"}");
        assertThat(call.doctor.await("error").path("code").asText()).isEqualTo("not-allowed");
        RecordingTopic.publish(bootstrap, new RecordingCompleted(recordingId, call.visitId, Instant.now().minusSeconds(5),
                Instant.now(), 5000, 1234, "ab".repeat(32), false, RecordingStopRequested.DOCTOR_STOPPED));
        assertThat(call.patient.drain(Duration.ofSeconds(2))).noneMatch(m -> type(m).equals("recording-state"));

        List<EventEnvelope<?>> events = RecordingTopic.eventsUntil(bootstrap, call.visitId, "recording.completed", 1);
        assertThat(RecordingTopic.types(events)).containsExactly("recording.requested", "recording.consent-recorded",
                "recording.consent-recorded", "recording.started", "recording.stop-requested", "recording.completed");
        assertStop(events.get(4), recordingId, doctorId, RecordingStopRequested.DOCTOR_STOPPED);
        call.abort();
    }

    @Test
    void shouldStopTheRecordingWhenSomeoneNewEntersTheCall() throws Exception {
        Call call = call();
        UUID recordingId = start(call);
        consentAndStart(call, recordingId);
        call.doctor.await("recording-state", m -> m.path("state").asText().equals("recording"));
        UUID guestId = UUID.randomUUID();
        TestSocket guest = TestSocket.open(base, call.visitId).hello(JoinLinks.forGuest(guestId, call.visitId, 0));
        guest.await("welcome");
        assertThat(call.doctor.drain(QUIET)).as("waiting is not being in the call").noneMatch(m -> type(m).equals("recording-state"));

        call.doctor.send("{\"type\":\"admit\",\"participantId\":\"" + guestId + "\"}");

        for (TestSocket inCall : List.of(call.doctor, call.patient, guest)) {
            JsonNode stopped = inCall.await("recording-state", m -> m.path("state").asText().equals("stopped"));
            assertThat(stopped.path("reason").asText()).isEqualTo("participant-joined");
            assertThat(stopped.path("by").asText()).isEqualTo(guestId.toString());
        }
        List<EventEnvelope<?>> events = RecordingTopic.eventsUntil(bootstrap, call.visitId, "recording.stop-requested", 1);
        assertStop(events.get(events.size() - 1), recordingId, guestId.toString(), RecordingStopRequested.PARTICIPANT_JOINED);

        call.doctor.send("{\"type\":\"recording-start\"}");
        JsonNode again = call.doctor.await("recording-state", m -> m.path("state").asText().equals("asking"));
        assertThat(texts(again.path("waitingFor"))).as("the doctor asks again, the newcomer included")
                .containsExactly(call.patientId, guestId.toString());
        guest.abort();
        call.abort();
    }

    @Test
    void shouldStopTheRequestWhenSomeoneAskedLeavesBeforeAnswering() throws Exception {
        Call call = call();
        UUID recordingId = start(call);

        call.patient.send("{\"type\":\"leave\"}");

        JsonNode stopped = call.doctor.await("recording-state", m -> m.path("state").asText().equals("stopped"));
        assertThat(stopped.path("reason").asText()).isEqualTo("participant-left");
        assertThat(stopped.path("by").asText()).isEqualTo(call.patientId);
        List<EventEnvelope<?>> events = RecordingTopic.eventsUntil(bootstrap, call.visitId, "recording.stop-requested", 1);
        assertStop(events.get(events.size() - 1), recordingId, call.patientId, RecordingStopRequested.PARTICIPANT_LEFT);
        call.doctor.abort();
    }

    @Test
    void shouldLetAParticipantWithdrawTheirConsentWhileRecording() throws Exception {
        Call call = call();
        UUID recordingId = start(call);
        consentAndStart(call, recordingId);
        call.patient.await("recording-state", m -> m.path("state").asText().equals("recording"));

        call.patient.send(consent(recordingId, false));

        JsonNode stopped = call.doctor.await("recording-state", m -> m.path("state").asText().equals("stopped"));
        assertThat(stopped.path("reason").asText()).isEqualTo("declined");
        assertThat(stopped.path("by").asText()).isEqualTo(call.patientId);
        List<EventEnvelope<?>> events = RecordingTopic.eventsUntil(bootstrap, call.visitId, "recording.stop-requested", 1);
        assertThat(RecordingTopic.types(events)).containsExactly("recording.requested", "recording.consent-recorded",
                "recording.consent-recorded", "recording.started", "recording.consent-recorded", "recording.stop-requested");
        assertConsent(events.get(4), recordingId, call.patientId, ParticipantRole.PATIENT, ConsentDecision.DECLINED);
        call.abort();
    }

    @Test
    void shouldTurnRecordingServicesFailuresIntoFailedOrDeclined() throws Exception {
        Call call = call();
        UUID first = start(call);
        UUID unknown = UUID.randomUUID();
        RecordingTopic.publish(bootstrap, new RecordingStarted(unknown, call.visitId, Instant.now()));
        assertThat(call.doctor.drain(Duration.ofSeconds(2))).as("another request's outcome").noneMatch(m -> type(m).equals("recording-state"));

        RecordingTopic.publish(bootstrap, new RecordingFailed(first, call.visitId, RecordingFailed.ALREADY_RECORDING, Instant.now()));
        for (TestSocket inCall : call.all()) {
            JsonNode failed = inCall.await("recording-state", m -> m.path("state").asText().equals("failed"));
            assertThat(failed.path("reason").asText()).isEqualTo("already-recording");
        }

        UUID second = start(call);
        call.patient.send(consent(second, true));
        RecordingTopic.publish(bootstrap, new RecordingFailed(second, call.visitId, RecordingFailed.DECLINED, Instant.now()));
        assertThat(call.doctor.await("recording-state", m -> m.path("state").asText().equals("declined"))
                .path("recordingId").asText()).isEqualTo(second.toString());
        call.abort();
    }

    @Test
    void shouldAskAgainAPageThatReconnectsBeforeAnsweringAndTellEveryoneWhenTheVisitEnds() throws Exception {
        Call call = call();
        UUID recordingId = start(call);

        call.patient.abort();
        TestSocket again = TestSocket.open(base, call.visitId).hello(JoinLinks.forPatient(UUID.fromString(call.patientId), call.visitId, 0));
        assertThat(again.await("welcome").path("resumed").asBoolean()).isTrue();
        assertThat(again.await("recording-consent-requested").path("recordingId").asText()).isEqualTo(recordingId.toString());
        assertThat(again.await("recording-state").path("state").asText()).isEqualTo("asking");
        again.send(consent(recordingId, true));
        call.doctor.await("recording-state", m -> m.path("waitingFor").isEmpty());

        call.doctor.send("{\"type\":\"end-visit\"}");

        JsonNode stopped = again.await("recording-state", m -> m.path("state").asText().equals("stopped"));
        assertThat(stopped.path("reason").asText()).isEqualTo("visit-ended");
        again.await("visit-ended");
        // recording-service's answer to visit.ended comes after whatever signaling published on ending the visit
        RecordingTopic.publish(bootstrap, new RecordingFailed(recordingId, call.visitId, RecordingFailed.VISIT_ENDED, Instant.now()));
        List<EventEnvelope<?>> events = RecordingTopic.eventsUntil(bootstrap, call.visitId, "recording.failed", 1);
        assertThat(RecordingTopic.types(events)).as("recording-service stops on visit.ended: no stop request")
                .containsExactly("recording.requested", "recording.consent-recorded", "recording.consent-recorded",
                        "recording.failed");
    }

    @Test
    void shouldRefuseEveryBadRecordingMessageWithAnErrorAndNoEvent() throws Exception {
        Call call = call();
        List<String> codes = new ArrayList<>();
        call.patient.send("{\"type\":\"recording-start\"}");
        codes.add(call.patient.await("error").path("code").asText());
        call.doctor.send("{\"type\":\"recording-stop\"}");
        codes.add(call.doctor.await("error").path("code").asText());
        call.patient.send(consent(UUID.randomUUID(), true));
        codes.add(call.patient.await("error").path("code").asText());
        assertThat(codes).containsExactly("not-allowed", "not-allowed", "unknown-recording");

        UUID recordingId = start(call);
        UUID guestId = UUID.randomUUID();
        TestSocket waiting = TestSocket.open(base, call.visitId).hello(JoinLinks.forGuest(guestId, call.visitId, 0));
        waiting.await("welcome");
        List<String> refusals = new ArrayList<>();
        for (var attempt : List.of(
                new Attempt(call.doctor, "{\"type\":\"recording-start\"}"),
                new Attempt(call.patient, "{\"type\":\"recording-stop\"}"),
                new Attempt(call.doctor, consent(recordingId, true)),
                new Attempt(call.doctor, consent(recordingId, false)),
                new Attempt(waiting, consent(recordingId, true)),
                new Attempt(call.patient, consent(UUID.randomUUID(), false)),
                new Attempt(call.patient, "{\"type\":\"recording-consent\",\"recordingId\":\"not-a-uuid\",\"accept\":true}"),
                new Attempt(call.patient, "{\"type\":\"recording-consent\",\"recordingId\":\"1-2-3-4-5\",\"accept\":true}"),
                new Attempt(call.patient, "{\"type\":\"recording-consent\",\"recordingId\":\"" + recordingId + "\",\"accept\":\"yes\"}"),
                new Attempt(call.patient, "{\"type\":\"recording-consent\",\"recordingId\":\"" + recordingId + "\"}"),
                new Attempt(call.patient, "{\"type\":\"recording-consent\",\"recordingId\":\"" + recordingId + "\",\"accept\":true,\"x\":1}"),
                new Attempt(call.patient, "{\"type\":\"recording-start\",\"now\":true}"))) {
            attempt.socket().send(attempt.frame());
            refusals.add(attempt.socket().await("error").path("code").asText());
        }
        assertThat(refusals).containsExactly("not-allowed", "not-allowed", "not-allowed", "not-allowed", "not-allowed",
                "unknown-recording", "invalid-message", "invalid-message", "invalid-message", "invalid-message",
                "invalid-message", "invalid-message");

        call.patient.send(consent(recordingId, true));
        call.doctor.await("recording-state", m -> m.path("waitingFor").isEmpty());
        call.patient.send(consent(recordingId, true));
        assertThat(call.patient.await("error").path("code").asText()).as("a second answer").isEqualTo("not-allowed");
        call.doctor.send("{\"type\":\"recording-stop\"}");
        call.doctor.await("recording-state", m -> m.path("state").asText().equals("stopped"));

        List<EventEnvelope<?>> events = RecordingTopic.eventsUntil(bootstrap, call.visitId, "recording.stop-requested", 1);
        assertThat(RecordingTopic.types(events)).as("only the doctor's request, the two acceptances and the stop")
                .containsExactly("recording.requested", "recording.consent-recorded", "recording.consent-recorded",
                        "recording.stop-requested");
        assertStop(events.get(3), recordingId, doctorId, RecordingStopRequested.DOCTOR_STOPPED);
        waiting.abort();
        call.abort();
    }

    private UUID start(Call call) {
        call.doctor.send("{\"type\":\"recording-start\"}");
        JsonNode asking = call.doctor.await("recording-state", m -> m.path("state").asText().equals("asking"));
        UUID recordingId = UUID.fromString(asking.path("recordingId").asText());
        assertThat(call.patient.await("recording-consent-requested").path("recordingId").asText()).isEqualTo(recordingId.toString());
        return recordingId;
    }

    private Call call() {
        Appointments.VisitIds visit = appointments.schedule(doctorId, 0);
        TestSocket doctor = TestSocket.open(base, visit.visitId()).hello(TestTokens.forUser(DOCTOR, "doctor"));
        doctor.await("welcome");
        TestSocket patient = TestSocket.open(base, visit.visitId()).hello(JoinLinks.forPatient(visit.patientId(), visit.visitId(), 0));
        patient.await("welcome");
        doctor.send("{\"type\":\"admit\",\"participantId\":\"" + visit.patientId() + "\"}");
        patient.await("tracks");
        doctor.await("participant-joined");
        return new Call(visit.visitId(), doctor, patient, visit.patientId().toString(), null, null);
    }

    private Call callWithGuest() {
        Call call = call();
        UUID guestId = UUID.randomUUID();
        TestSocket guest = TestSocket.open(base, call.visitId).hello(JoinLinks.forGuest(guestId, call.visitId, 0));
        guest.await("welcome");
        call.doctor.send("{\"type\":\"admit\",\"participantId\":\"" + guestId + "\"}");
        guest.await("tracks");
        call.patient.await("participant-joined");
        return new Call(call.visitId, call.doctor, call.patient, call.patientId, guest, guestId.toString());
    }

    private static String consent(UUID recordingId, boolean accept) {
        return "{\"type\":\"recording-consent\",\"recordingId\":\"" + recordingId + "\",\"accept\":" + accept + "}";
    }

    private static void assertConsent(EventEnvelope<?> event, UUID recordingId, String participantId, ParticipantRole role,
            ConsentDecision decision) {
        assertThat(event.data()).isInstanceOfSatisfying(RecordingConsentRecorded.class, consent -> {
            assertThat(consent.recordingId()).isEqualTo(recordingId);
            assertThat(consent.participantId()).isEqualTo(participantId);
            assertThat(consent.role()).isEqualTo(role);
            assertThat(consent.decision()).isEqualTo(decision);
            assertThat(consent.consentTextVersion()).isEqualTo("v1");
            assertThat(consent.at()).isBefore(Instant.now().plusSeconds(1));
        });
    }

    private static void assertStop(EventEnvelope<?> event, UUID recordingId, String by, String reason) {
        assertThat(event.data()).isInstanceOfSatisfying(RecordingStopRequested.class, stop -> {
            assertThat(stop.recordingId()).isEqualTo(recordingId);
            assertThat(stop.by()).isEqualTo(by);
            assertThat(stop.reason()).isEqualTo(reason);
        });
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String type(JsonNode message) {
        return message.path("type").asText();
    }

    private record Attempt(TestSocket socket, String frame) {
    }

    /** A visit's call: the doctor, the admitted patient and, in some tests, an admitted guest. */
    private record Call(UUID visitId, TestSocket doctor, TestSocket patient, String patientId, TestSocket guest, String guestId) {

        List<TestSocket> all() {
            return guest == null ? List.of(doctor, patient) : List.of(doctor, patient, guest);
        }

        void abort() {
            all().forEach(TestSocket::abort);
        }
    }

    /**
     * The patient accepts, and once both consents are on the topic the recording starts, as
     * recording-service starts it only after reading every consent (publishing the start at once
     * could put it before the patient's consent on the topic).
     */
    private void consentAndStart(Call call, UUID recordingId) {
        call.patient.send(consent(recordingId, true));
        RecordingTopic.eventsUntil(bootstrap, call.visitId, "recording.consent-recorded", 2);
        RecordingTopic.publish(bootstrap, new RecordingStarted(recordingId, call.visitId, Instant.now()));
    }
}
