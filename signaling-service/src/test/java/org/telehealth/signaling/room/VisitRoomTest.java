package org.telehealth.signaling.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private final List<VisitEvent> events = new ArrayList<>();
    private final VisitRoom room = new VisitRoom(UUID.randomUUID(), events::add);

    @Test
    void shouldReplaceTheEarlierSocketOfAParticipantWhoConnectsAgain() {
        FakeParticipant doctor = new FakeParticipant("doc", ParticipantRole.DOCTOR);
        FakeParticipant firstTab = new FakeParticipant("pat", ParticipantRole.PATIENT);
        FakeParticipant secondTab = new FakeParticipant("pat", ParticipantRole.PATIENT);
        room.join(doctor);
        room.join(firstTab);

        room.join(secondTab);

        assertThat(firstTab.closedWith).isEqualTo(ErrorCode.REPLACED);
        room.leave(firstTab); // its close callback comes later: it must not remove the new socket
        room.admit(doctor, "pat");
        assertThat(secondTab.received).anyMatch(m -> m instanceof ServerMessage.Admitted);
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

    private static final class FakeParticipant implements Participant {
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
