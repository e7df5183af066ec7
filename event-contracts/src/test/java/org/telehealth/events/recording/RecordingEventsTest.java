package org.telehealth.events.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;
import org.telehealth.events.MalformedEventException;
import org.telehealth.events.visit.ParticipantRole;

class RecordingEventsTest {

    private static final Instant AT = Instant.parse("2026-11-23T09:05:00Z");

    private final EventCodec codec = new EventCodec(RecordingEvents.CATALOG);
    private final UUID recording = UUID.randomUUID();
    private final UUID visit = UUID.randomUUID();

    @Test
    void shouldRoundTripEveryRecordingEventInVersionOne() {
        List<Record> events = List.of(
                new RecordingRequested(recording, visit, "doctor-1", List.of(
                        new ExpectedParticipant("doctor-1", ParticipantRole.DOCTOR, "doctor-1"),
                        new ExpectedParticipant("patient-1", ParticipantRole.PATIENT, null)), AT, "http://10.0.0.5:8083"),
                new RecordingConsentRecorded(recording, visit, "patient-1", ParticipantRole.PATIENT, ConsentDecision.ACCEPTED,
                        AT, "2026-10"),
                new RecordingStopRequested(recording, visit, "doctor-1", RecordingStopRequested.DOCTOR_STOPPED, AT),
                new RecordingStarted(recording, visit, AT),
                new RecordingCompleted(recording, visit, AT, AT.plusSeconds(60), 60_000, 1234, "ab".repeat(32), false,
                        "visit-ended"),
                new RecordingFailed(recording, visit, RecordingFailed.DECLINED, AT));

        for (Record data : events) {
            EventEnvelope<?> event = EventEnvelope.of(data, AT);
            EventEnvelope<?> decoded = codec.decode(codec.encode(event));
            assertThat(decoded).isEqualTo(event);
            assertThat(decoded.type()).startsWith("recording.");
            assertThat(((RecordingEvent) decoded.data()).visitId()).isEqualTo(visit);
        }
    }

    @Test
    void shouldReadARequestWrittenBeforeTheMediaControlUrlExistedAsOneWithoutIt() {
        String older = envelope("recording.requested", "{\"recordingId\":\"" + recording + "\",\"visitId\":\"" + visit
                + "\",\"requestedBy\":\"doctor-1\",\"participants\":[{\"participantId\":\"doctor-1\",\"role\":\"doctor\","
                + "\"accountId\":\"doctor-1\"}],\"at\":\"" + AT + "\"}");

        RecordingRequested request = (RecordingRequested) codec.decode(older.getBytes(StandardCharsets.UTF_8)).data();

        assertThat(request.mediaControlUrl()).isNull();
        assertThat(request).isEqualTo(new RecordingRequested(recording, visit, "doctor-1",
                List.of(new ExpectedParticipant("doctor-1", ParticipantRole.DOCTOR, "doctor-1")), AT));
    }

    @Test
    void shouldWriteTheMediaControlUrlOfARequest() {
        String json = new String(codec.encode(EventEnvelope.of(new RecordingRequested(recording, visit, "doctor-1",
                List.of(new ExpectedParticipant("doctor-1", ParticipantRole.DOCTOR, "doctor-1")), AT, "http://10.0.0.5:8083"), AT)),
                StandardCharsets.UTF_8);

        assertThat(json).contains("\"mediaControlUrl\":\"http://10.0.0.5:8083\"").contains("\"version\":1");
    }

    @Test
    void shouldWriteDecisionsAndRolesInLowerCase() {
        String json = new String(codec.encode(EventEnvelope.of(new RecordingConsentRecorded(recording, visit, "g-1",
                ParticipantRole.GUEST, ConsentDecision.DECLINED, AT, "v1"), AT)), StandardCharsets.UTF_8);

        assertThat(json).contains("\"type\":\"recording.consent-recorded\"").contains("\"decision\":\"declined\"")
                .contains("\"role\":\"guest\"");
    }

    @Test
    void shouldReadAStopReasonItDoesNotKnowSoThatTheStopIsNotLost() {
        String json = envelope("recording.stop-requested", "{\"recordingId\":\"" + recording + "\",\"visitId\":\"" + visit
                + "\",\"by\":\"system\",\"reason\":\"time-limit\",\"at\":\"" + AT + "\"}");

        RecordingStopRequested stop = (RecordingStopRequested) codec.decode(json.getBytes(StandardCharsets.UTF_8)).data();

        assertThat(stop.reason()).isEqualTo("time-limit");
    }

    @Test
    void shouldRejectAnUnknownDecisionOrARequestWithoutParticipants() {
        String unknownDecision = envelope("recording.consent-recorded", "{\"recordingId\":\"" + recording + "\",\"visitId\":\""
                + visit + "\",\"participantId\":\"p\",\"role\":\"patient\",\"decision\":\"maybe\",\"at\":\"" + AT
                + "\",\"consentTextVersion\":\"v1\"}");
        String noParticipants = envelope("recording.requested", "{\"recordingId\":\"" + recording + "\",\"visitId\":\"" + visit
                + "\",\"requestedBy\":\"d\",\"at\":\"" + AT + "\"}");

        assertThatThrownBy(() -> codec.decode(unknownDecision.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode(noParticipants.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
    }

    private static String envelope(String type, String data) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"version\":1,\"occurredAt\":\"" + AT
                + "\",\"data\":" + data + "}";
    }
}
