package org.telehealth.media.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoomTest {

    private final Room room = new Room("visit");

    @Test
    void shouldGiveThePacketPathTheParticipantsAsTheyJoinAndLeave() {
        Participant doctor = new Participant("doctor", room, null);
        Participant patient = new Participant("patient", room, null);
        room.add(doctor);
        room.add(patient);
        room.add(new Participant("doctor", room, null)); // the same id again: the first one stays

        assertThat(room.participantArray()).containsExactlyInAnyOrder(doctor, patient);

        room.remove("doctor");

        assertThat(room.participantArray()).containsExactly(patient);
    }

    @Test
    void shouldNotListAParticipantTheRoomHadNoPlaceFor() {
        for (int i = 0; i < Room.MAX_PARTICIPANTS; i++) {
            room.add(new Participant("p" + i, room, null));
        }
        Participant late = new Participant("late", room, null);

        assertThat(room.add(late)).isFalse();
        assertThat(room.participantArray()).hasSize(Room.MAX_PARTICIPANTS).doesNotContain(late);
    }
}
