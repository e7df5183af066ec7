package org.telehealth.events.visit;

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

class VisitEventsTest {

    private static final Instant AT = Instant.parse("2026-11-23T09:01:00Z");

    private final EventCodec codec = new EventCodec(VisitEvents.CATALOG);
    private final UUID visit = UUID.randomUUID();

    @Test
    void shouldRoundTripEveryVisitEventInVersionOne() {
        List<Record> events = List.of(
                new VisitOpened(visit, "doctor-1", AT),
                new VisitParticipantWaiting(visit, "patient-1", ParticipantRole.PATIENT, AT),
                new VisitParticipantAdmitted(visit, "patient-1", ParticipantRole.PATIENT, AT),
                new VisitParticipantJoined(visit, "guest-7", ParticipantRole.GUEST, AT),
                new VisitParticipantLeft(visit, "doctor-1", ParticipantRole.DOCTOR, AT),
                new VisitEnded(visit, VisitEnded.SYSTEM, AT));

        for (Record data : events) {
            EventEnvelope<?> event = EventEnvelope.of(data, AT);
            EventEnvelope<?> decoded = codec.decode(codec.encode(event));
            assertThat(decoded).isEqualTo(event);
            assertThat(decoded.version()).isEqualTo(1);
            assertThat(decoded.type()).startsWith("visit.");
        }
    }

    @Test
    void shouldWriteTheRoleInLowerCase() {
        String json = new String(codec.encode(EventEnvelope.of(
                new VisitParticipantWaiting(visit, "p", ParticipantRole.PATIENT, AT), AT)), StandardCharsets.UTF_8);

        assertThat(json).contains("\"type\":\"visit.participant-waiting\"").contains("\"role\":\"patient\"");
    }

    @Test
    void shouldRejectAnUnknownRoleOrAMissingVisitId() {
        String unknownRole = envelope("visit.participant-joined",
                "{\"visitId\":\"" + visit + "\",\"participantId\":\"x\",\"role\":\"nurse\",\"at\":\"" + AT + "\"}");
        String noVisit = envelope("visit.ended", "{\"endedBy\":\"system\",\"at\":\"" + AT + "\"}");

        assertThatThrownBy(() -> codec.decode(unknownRole.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode(noVisit.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class);
    }

    private static String envelope(String type, String data) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"version\":1,\"occurredAt\":\"" + AT
                + "\",\"data\":" + data + "}";
    }
}
