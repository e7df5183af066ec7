package org.telehealth.signaling.cluster;

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

/** The facts of telehealth.signaling-rooms on the wire: each reads back as it was written, and a malformed one is refused. */
class RoomFactsTest {

    private static final UUID VISIT = UUID.randomUUID();
    private final EventCodec codec = new EventCodec(RoomFacts.CATALOG);

    @Test
    void shouldReadEveryFactBackAsItWasWritten() {
        List<RoomFact> facts = List.of(
                new MemberAnnounced(VISIT, "a", 1, "pat", ParticipantRole.PATIENT, "a/1", true, MemberAnnounced.IN_CALL, true,
                        true, false, true, List.of(new PublishedTrack(PublishedTrack.VIDEO, "cam", false),
                                new PublishedTrack(PublishedTrack.AUDIO, null, false))),
                new MemberLeft(VISIT, "a", 2, "pat", "a/1"),
                new AdmissionDecided(VISIT, "b", 3, "pat", true, "doc"),
                new ChatSent(VISIT, "b", 4, "doc", ParticipantRole.DOCTOR, "Hello", Instant.now().toString()),
                new VisitEndedByHost(VISIT, "b", 5, "doc"),
                new MediaRoomProposed(VISIT, "a", 6, "media-1", "http://media-1:8083"),
                new MediaRoomReleased(VISIT, "a", 7, "a/6"));

        for (RoomFact fact : facts) {
            assertThat(codec.decode(codec.encode(EventEnvelope.of((Record) fact, Instant.now()))).data()).isEqualTo(fact);
        }
    }

    @Test
    void shouldRefuseAFactThatBreaksItsRules() {
        String unknownState = """
                {"id":"%s","type":"signaling.member-announced","version":1,"occurredAt":"2026-11-21T10:00:00Z",
                 "data":{"visitId":"%s","origin":"a","seq":1,"participantId":"pat","role":"patient","seat":"a/1",
                         "claim":true,"state":"asleep","connected":true,"audio":false,"video":false,"media":false,"tracks":[]}}
                """.formatted(UUID.randomUUID(), VISIT);
        String noSeq = """
                {"id":"%s","type":"signaling.member-left","version":1,"occurredAt":"2026-11-21T10:00:00Z",
                 "data":{"visitId":"%s","origin":"a","participantId":"pat","seat":"a/1"}}
                """.formatted(UUID.randomUUID(), VISIT);

        for (String json : List.of(unknownState, noSeq)) {
            assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8))).isInstanceOf(MalformedEventException.class);
        }
    }
}
