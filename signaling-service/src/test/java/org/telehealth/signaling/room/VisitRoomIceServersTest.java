package org.telehealth.signaling.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.signaling.cluster.VisitFact;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.room.VisitRoomTest.FakeParticipant;

/**
 * Who gets ICE servers (TURN credentials) from the room, and when: whoever enters the call or resumes
 * in it, on this instance or another, each time with a credential issued then and naming them;
 * nobody waiting; everyone present in the call again on renewal; nobody when TURN is off.
 */
class VisitRoomIceServersTest {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final UUID VISIT = UUID.randomUUID();

    /** Issues "credential n" to whoever asks, n counting up, and remembers for whom. */
    private final List<String> issuedTo = new ArrayList<>();
    private final CallRelays relays = participantId -> {
        issuedTo.add(participantId);
        return List.of(new ServerMessage.IceServer(List.of("turn:turn.test:3478"), "9:" + participantId, "credential " + issuedTo.size()));
    };
    private final List<Runnable> deadlines = new ArrayList<>();
    private final RecordingBus busA = new RecordingBus("a");
    private final RecordingBus busB = new RecordingBus("b");
    private final VisitRoom room = new VisitRoom(VISIT, busA, GRACE, scheduler(), relays);
    private final FakeParticipant doctor = new FakeParticipant("doc", ParticipantRole.DOCTOR);
    private final FakeParticipant patient = new FakeParticipant("pat", ParticipantRole.PATIENT);

    @Test
    void shouldGiveTheHostIceServersInTheWelcomeThatPutsThemInTheCall() {
        room.join(doctor);

        ServerMessage.Welcome welcome = (ServerMessage.Welcome) doctor.received.get(0);
        assertThat(welcome.state()).isEqualTo(ServerMessage.Welcome.IN_CALL);
        assertThat(welcome.iceServers()).containsExactly(iceServer("doc", 1));
    }

    @Test
    void shouldGiveAWaitingPatientNoIceServersUntilTheDoctorAdmitsThem() {
        room.join(doctor);
        room.join(patient);

        assertThat(patient.received).hasSize(1);
        assertThat(((ServerMessage.Welcome) patient.received.get(0)).iceServers()).isEmpty();
        assertThat(issuedTo).as("nothing issued for someone waiting").containsExactly("doc");
        room.renewIceServers();
        assertThat(patient.received).as("no renewal for someone waiting").hasSize(1);

        room.admit(doctor, "pat");

        assertThat(patient.received.get(1)).isEqualTo(new ServerMessage.Admitted(List.of(iceServer("pat", 3))));
    }

    @Test
    void shouldGiveNothingToADeclinedPatient() {
        room.join(doctor);
        room.join(patient);

        room.decline(doctor, "pat");

        assertThat(issuedTo).containsExactly("doc");
        assertThat(patient.received).noneMatch(m -> m.toString().contains("credential"));
    }

    @Test
    void shouldGiveAFreshCredentialToAParticipantWhoResumesInTheCallAndNoneToOneWhoResumesWaiting() {
        FakeParticipant guest = new FakeParticipant("guest", ParticipantRole.GUEST);
        room.join(doctor);
        room.join(patient);
        room.join(guest);
        room.admit(doctor, "pat");
        room.disconnected(patient);
        room.disconnected(guest);

        FakeParticipant patientAgain = new FakeParticipant("pat", ParticipantRole.PATIENT);
        FakeParticipant guestAgain = new FakeParticipant("guest", ParticipantRole.GUEST);
        room.join(patientAgain);
        room.join(guestAgain);

        ServerMessage.Welcome resumed = (ServerMessage.Welcome) patientAgain.received.get(0);
        assertThat(resumed.resumed()).isTrue();
        assertThat(resumed.iceServers()).containsExactly(iceServer("pat", 3));
        assertThat(((ServerMessage.Welcome) guestAgain.received.get(0)).iceServers()).isEmpty();
        assertThat(issuedTo).containsExactly("doc", "pat", "pat");
    }

    @Test
    void shouldRenewTheCredentialsOfEveryonePresentInTheCall() {
        room.join(doctor);
        room.join(patient);
        room.admit(doctor, "pat");
        FakeParticipant away = new FakeParticipant("away", ParticipantRole.GUEST);
        room.join(away);
        room.admit(doctor, "away");
        room.disconnected(away);
        doctor.received.clear();
        patient.received.clear();

        room.renewIceServers();

        assertThat(doctor.received).containsExactly(new ServerMessage.IceServers(List.of(iceServer("doc", 4))));
        assertThat(patient.received).containsExactly(new ServerMessage.IceServers(List.of(iceServer("pat", 5))));
        assertThat(issuedTo).as("nothing for someone away: they get one on resuming").hasSize(5);
    }

    @Test
    void shouldRenewNothingOnceTheVisitEnded() {
        room.join(doctor);
        room.end(doctor);
        int issued = issuedTo.size();

        room.renewIceServers();

        assertThat(issuedTo).hasSize(issued);
    }

    @Test
    void shouldGiveAParticipantWhoResumesInTheCallOnAnotherInstanceACredentialOfThatInstance() {
        VisitRoom b = new VisitRoom(VISIT, busB, GRACE, scheduler(), relays);
        room.join(doctor);
        room.join(patient);
        sync(room, b);
        room.admit(doctor, "pat");
        sync(room, b);
        room.disconnected(patient);
        sync(room, b);

        FakeParticipant onB = new FakeParticipant("pat", ParticipantRole.PATIENT);
        b.join(onB);

        ServerMessage.Welcome welcome = (ServerMessage.Welcome) onB.received.get(0);
        assertThat(welcome.resumed()).isTrue();
        assertThat(welcome.iceServers()).containsExactly(iceServer("pat", 3));
    }

    @Test
    void shouldSendNoIceServersAndNoRenewalWhenTurnIsOff() {
        VisitRoom withoutTurn = new VisitRoom(VISIT, new RecordingBus("c"), GRACE, scheduler());
        withoutTurn.join(doctor);
        withoutTurn.join(patient);
        withoutTurn.admit(doctor, "pat");

        withoutTurn.renewIceServers();

        assertThat(((ServerMessage.Welcome) doctor.received.get(0)).iceServers()).isEmpty();
        assertThat(patient.received).contains(new ServerMessage.Admitted());
        assertThat(doctor.received).noneMatch(m -> m instanceof ServerMessage.IceServers);
        assertThat(patient.received).noneMatch(m -> m instanceof ServerMessage.IceServers);
    }

    private static ServerMessage.IceServer iceServer(String participantId, int issued) {
        return new ServerMessage.IceServer(List.of("turn:turn.test:3478"), "9:" + participantId, "credential " + issued);
    }

    /** Both rooms read every fact both instances told, in one partition order, until nothing more comes. */
    private void sync(VisitRoom a, VisitRoom b) {
        List<VisitFact> partition = new ArrayList<>(busA.drainFacts());
        partition.addAll(busB.drainFacts());
        if (partition.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        for (VisitFact fact : partition) {
            a.apply(fact, now);
            b.apply(fact, now);
        }
        sync(a, b);
    }

    private Scheduler scheduler() {
        return (delay, task) -> {
            deadlines.add(task);
            return () -> { };
        };
    }
}
