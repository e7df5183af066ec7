package org.telehealth.signaling.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.events.visit.VisitEvent;
import org.telehealth.events.visit.VisitParticipantLeft;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.protocol.SignalingException;

class VisitRoomTest {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final RecordingBus bus = new RecordingBus("instance-a");
    private final List<VisitEvent> events = bus.events;
    private final List<Runnable> deadlines = new ArrayList<>();
    private final List<Runnable> cancelled = new ArrayList<>();
    private final VisitRoom room = new VisitRoom(UUID.randomUUID(), bus, GRACE, (delay, task) -> {
        assertThat(delay).isEqualTo(GRACE);
        deadlines.add(task);
        return () -> cancelled.add(task);
    });

    @Test
    void shouldReplaceTheEarlierSocketOfAParticipantWhoConnectsAgain() {
        FakeParticipant doctor = new FakeParticipant("doc", ParticipantRole.DOCTOR);
        FakeParticipant firstTab = new FakeParticipant("pat", ParticipantRole.PATIENT);
        FakeParticipant secondTab = new FakeParticipant("pat", ParticipantRole.PATIENT);
        room.join(doctor);
        room.join(firstTab);

        room.join(secondTab);

        assertThat(firstTab.closedWith).isEqualTo(ErrorCode.REPLACED);
        room.disconnected(firstTab); // its close callback comes later: it must not touch the new socket
        room.leave(firstTab);
        assertThat(deadlines).isEmpty();
        room.admit(doctor, "pat");
        assertThat(secondTab.received).anyMatch(m -> m instanceof ServerMessage.Admitted);
    }

    @Test
    void shouldKeepAParticipantWhoseSocketDroppedAndResumeThemOnTheirNextSocket() {
        FakeParticipant doctor = new FakeParticipant("doc", ParticipantRole.DOCTOR);
        FakeParticipant patient = new FakeParticipant("pat", ParticipantRole.PATIENT);
        room.join(doctor);
        room.join(patient);
        room.admit(doctor, "pat");
        room.published("pat", room.mediaSeat(patient), publication("pat-stream"));
        doctor.received.clear();
        int eventsBefore = events.size();

        room.disconnected(patient);
        FakeParticipant again = new FakeParticipant("pat", ParticipantRole.PATIENT);
        room.join(again);

        assertThat(doctor.received).containsExactly(new ServerMessage.ParticipantState("pat", false),
                new ServerMessage.ParticipantState("pat", true));
        assertThat(again.received).containsExactly(
                new ServerMessage.Welcome("pat", ParticipantRole.PATIENT, ServerMessage.Welcome.IN_CALL, 1, true),
                new ServerMessage.Participants(List.of(new ServerMessage.InCall("doc", ParticipantRole.DOCTOR, false, false),
                        new ServerMessage.InCall("pat", ParticipantRole.PATIENT, false, false))),
                new ServerMessage.Tracks(0, 0, List.of()));
        assertThat(cancelled).containsExactlyElementsOf(deadlines);
        assertThat(events).hasSize(eventsBefore);
        assertThat(room.inCallIds()).containsExactlyInAnyOrder("doc", "pat");
    }

    @Test
    void shouldLetAParticipantGoWhenTheirGracePeriodRunsOut() {
        FakeParticipant doctor = new FakeParticipant("doc", ParticipantRole.DOCTOR);
        FakeParticipant patient = new FakeParticipant("pat", ParticipantRole.PATIENT);
        room.join(doctor);
        room.join(patient);
        room.admit(doctor, "pat");
        room.published("pat", room.mediaSeat(patient), publication("pat-stream"));
        room.disconnected(patient);
        doctor.received.clear();

        deadlines.get(0).run();

        assertThat(doctor.received).containsExactly(new ServerMessage.ParticipantLeft("pat", ParticipantRole.PATIENT),
                new ServerMessage.Tracks(0, 0, List.of()));
        assertThat(events.get(events.size() - 1)).isInstanceOf(VisitParticipantLeft.class);
        assertThat(room.inCallIds()).containsExactly("doc");
    }

    @Test
    void shouldTellEveryoneElseInTheCallWhatAParticipantPublishes() {
        FakeParticipant doctor = new FakeParticipant("doc", ParticipantRole.DOCTOR);
        FakeParticipant patient = new FakeParticipant("pat", ParticipantRole.PATIENT);
        room.join(doctor);
        room.join(patient);
        room.admit(doctor, "pat");
        long seat = room.mediaSeat(doctor);
        patient.received.clear();

        assertThat(room.published("doc", seat, new Publication(List.of(
                new Publication.Track(Publication.Kind.AUDIO, "cam", false),
                new Publication.Track(Publication.Kind.VIDEO, "cam", false),
                new Publication.Track(Publication.Kind.VIDEO, "screen", true),
                new Publication.Track(Publication.Kind.VIDEO, null, false))))).isTrue();
        room.published("doc", seat, new Publication(List.of(new Publication.Track(Publication.Kind.AUDIO, "cam", false),
                new Publication.Track(Publication.Kind.VIDEO, "cam", false),
                new Publication.Track(Publication.Kind.VIDEO, "screen", true),
                new Publication.Track(Publication.Kind.VIDEO, null, false))));

        assertThat(patient.received).containsExactly(new ServerMessage.Tracks(1, 3, List.of(
                new ServerMessage.RemoteStream("doc", "cam", false), new ServerMessage.RemoteStream("doc", "screen", true))));
        assertThat(doctor.received).noneMatch(m -> m instanceof ServerMessage.Tracks t && t.video() > 0);
    }

    @Test
    void shouldRefuseMediaFromTheWaitingRoomAndIgnoreAnswersForAnEarlierSeat() {
        FakeParticipant doctor = new FakeParticipant("doc", ParticipantRole.DOCTOR);
        FakeParticipant patient = new FakeParticipant("pat", ParticipantRole.PATIENT);
        room.join(doctor);
        room.join(patient);

        assertThatThrownBy(() -> room.mediaSeat(patient)).isInstanceOfSatisfying(SignalingException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_ALLOWED));
        long seat = room.mediaSeat(doctor);
        room.leave(doctor);
        FakeParticipant doctorAgain = new FakeParticipant("doc", ParticipantRole.DOCTOR);
        room.join(doctorAgain);
        assertThat(room.holdsSeat("doc", seat)).isFalse();
        assertThat(room.published("doc", seat, publication("old"))).isFalse();
    }

    @Test
    void shouldOpenTheVisitOnlyOnTheFirstDoctorJoin() {
        FakeParticipant doctor = new FakeParticipant("doc", ParticipantRole.DOCTOR);
        room.join(doctor);
        room.leave(doctor);
        room.join(new FakeParticipant("doc", ParticipantRole.DOCTOR));

        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("VisitOpened",
                "VisitParticipantJoined", "VisitParticipantLeft", "VisitParticipantJoined");
    }

    @Test
    void shouldPublishALeaveWhenAWaitingPatientGoes() {
        FakeParticipant patient = new FakeParticipant("pat", ParticipantRole.PATIENT);
        room.join(patient);

        room.leave(patient);

        assertThat(events.get(events.size() - 1)).isInstanceOf(VisitParticipantLeft.class);
    }

    @Test
    void shouldRefuseJoinsAfterTheEnd() {
        FakeParticipant doctor = new FakeParticipant("doc", ParticipantRole.DOCTOR);
        room.join(doctor);
        room.end(doctor);

        assertThat(doctor.closedNormally).isTrue();
        assertThatThrownBy(() -> room.join(new FakeParticipant("pat", ParticipantRole.PATIENT)))
                .isInstanceOfSatisfying(SignalingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VISIT_ENDED));
    }

    private static Publication publication(String streamId) {
        return new Publication(List.of(new Publication.Track(Publication.Kind.AUDIO, streamId, false)));
    }

    static final class FakeParticipant implements Participant {
        private final String id;
        private final ParticipantRole role;
        final List<ServerMessage> received = new ArrayList<>();
        ErrorCode closedWith;
        boolean closedNormally;

        FakeParticipant(String id, ParticipantRole role) {
            this.id = id;
            this.role = role;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public ParticipantRole role() {
            return role;
        }

        @Override
        public void send(ServerMessage message) {
            received.add(message);
        }

        @Override
        public void close(ErrorCode reason, String message) {
            closedWith = reason;
        }

        @Override
        public void closeNormally() {
            closedNormally = true;
        }
    }
}
