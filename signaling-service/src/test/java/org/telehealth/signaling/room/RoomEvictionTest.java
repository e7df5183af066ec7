package org.telehealth.signaling.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.signaling.cluster.MemberAnnounced;
import org.telehealth.signaling.cluster.VisitFact;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.protocol.SignalingException;
import org.telehealth.signaling.room.VisitRoomTest.FakeParticipant;
import org.telehealth.signaling.visit.Visit;
import org.telehealth.signaling.visit.VisitDirectory;

/**
 * Eviction of idle rooms on a clock the test moves, the sweep running on its timer: a room goes only
 * once nobody is in it, here or on another instance, and it has been idle long enough, never while
 * another feature holds it; an ended visit's room goes after a shorter retention and the visit still
 * refuses late joins; a room needed again is built anew and works with the other instance (B, a
 * second set of rooms whose facts the test delivers to A and back).
 */
class RoomEvictionTest {

    private static final Duration GRACE = Duration.ofMinutes(15);
    private static final Duration IDLE = Duration.ofMinutes(10);
    private static final Duration ENDED = Duration.ofMinutes(1);
    private static final Duration SWEEP = Duration.ofSeconds(10);
    private static final UUID VISIT = UUID.randomUUID();

    private final ManualScheduler time = new ManualScheduler();
    private final RecordingBus busA = new RecordingBus("a");
    private final RecordingBus busB = new RecordingBus("b");
    private final VisitDirectory directory = new VisitDirectory();
    private final VisitRooms a = new VisitRooms(busA, GRACE, time, directory);
    private final VisitRooms b = new VisitRooms(busB, GRACE, time, new VisitDirectory());
    private final FakeRecording recording = new FakeRecording();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RoomSweeper sweeper = new RoomSweeper(a, List.of(recording), time, SWEEP, IDLE, ENDED, meters);

    private final FakeParticipant doctor = new FakeParticipant("doc", ParticipantRole.DOCTOR);
    private final FakeParticipant patient = new FakeParticipant("pat", ParticipantRole.PATIENT);

    @BeforeEach
    void startSweeping() {
        directory.scheduled(VISIT, "doc", UUID.randomUUID(), Instant.now(), Instant.now().plusSeconds(1800), 0, null);
        sweeper.start();
    }

    @Test
    void shouldEvictARoomNobodyIsInOnceNothingHappenedInItForTheIdleTime() {
        VisitRoom room = a.join(VISIT, doctor);
        time.advance(Duration.ofMinutes(30));
        room.leave(doctor);

        time.advance(IDLE.minus(SWEEP));
        assertThat(a.existing(VISIT)).as("idle for less than the idle time").contains(room);

        time.advance(SWEEP);
        assertThat(a.existing(VISIT)).isEmpty();
        assertThat(room.isEvicted()).isTrue();
        assertThat(recording.evicted).as("the other features forget the visit").containsExactly(room);
        assertThat(meters.get("signaling.rooms.evicted").counter().count()).isEqualTo(1);
        assertThat(meters.get("signaling.rooms").gauge().value()).isZero();
    }

    @Test
    void shouldNeverEvictARoomWithAParticipantConnectedHere() {
        VisitRoom room = a.join(VISIT, patient);

        time.advance(Duration.ofHours(3));

        assertThat(a.existing(VISIT)).contains(room);
        assertThat(recording.evicted).isEmpty();
    }

    @Test
    void shouldKeepARoomWhileItsParticipantMayStillResumeAndEvictItOnceTheyLeftAndItWasIdle() {
        VisitRoom room = a.join(VISIT, doctor);
        room.disconnected(doctor);

        time.advance(GRACE.minus(SWEEP));
        assertThat(a.existing(VISIT)).as("away within the grace period").contains(room);

        time.advance(SWEEP); // the grace period runs out: they leave, which is activity too
        time.advance(IDLE.minus(SWEEP));
        assertThat(a.existing(VISIT)).contains(room);
        time.advance(SWEEP);
        assertThat(a.existing(VISIT)).isEmpty();
    }

    @Test
    void shouldKeepARoomWithAParticipantOfAnotherInstanceUntilTheyLeave() {
        b.join(VISIT, patient);
        deliver();
        VisitRoom room = a.existing(VISIT).orElseThrow();

        time.advance(Duration.ofHours(3));
        assertThat(a.existing(VISIT)).as("a patient waits on B").contains(room);

        b.existing(VISIT).orElseThrow().leave(patient);
        deliver();
        time.advance(IDLE);
        assertThat(a.existing(VISIT)).isEmpty();
    }

    @Test
    void shouldKeepARoomAnotherFeatureHoldsAskingItUnderTheRoomsLock() {
        VisitRoom room = a.join(VISIT, doctor);
        room.leave(doctor);
        recording.holding = true;

        time.advance(Duration.ofHours(3));
        assertThat(a.existing(VISIT)).as("a recording in progress").contains(room);
        assertThat(recording.askedUnderLock).isTrue();

        recording.holding = false;
        time.advance(SWEEP);
        assertThat(a.existing(VISIT)).isEmpty();
    }

    @Test
    void shouldEvictAnEndedVisitsRoomAfterTheRetentionAndStillRefuseLateJoins() {
        VisitRoom room = a.join(VISIT, doctor);
        a.join(VISIT, patient);
        room.admit(doctor, "pat");
        room.end(doctor);

        time.advance(ENDED.minus(SWEEP));
        assertThat(a.existing(VISIT)).contains(room);
        time.advance(SWEEP);
        assertThat(a.existing(VISIT)).isEmpty();
        assertThat(directory.find(VISIT)).map(Visit::ended).contains(true);

        assertThatThrownBy(() -> a.join(VISIT, new FakeParticipant("pat", ParticipantRole.PATIENT)))
                .isInstanceOfSatisfying(SignalingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VISIT_ENDED));
        b.join(VISIT, new FakeParticipant("guest", ParticipantRole.GUEST)); // B never read the end
        deliver();
        assertThat(a.existing(VISIT)).get().satisfies(rebuilt -> {
            assertThat(rebuilt.isEnded()).as("rebuilt from what the directory keeps").isTrue();
            assertThat(rebuilt.inCallIds()).isEmpty();
        });
    }

    @Test
    void shouldRememberThatAVisitEndedEvenWhenItsAppointmentIsNotKnownYet() {
        UUID unknown = UUID.randomUUID();
        VisitRoom room = a.join(unknown, doctor);
        room.end(doctor);

        time.advance(ENDED);

        assertThat(a.existing(unknown)).isEmpty();
        assertThat(directory.find(unknown)).map(Visit::ended).contains(true);
    }

    @Test
    void shouldGiveARoomBuiltAgainSeatsTheOtherInstanceHasNotSeenEnd() {
        VisitRoom first = a.join(VISIT, doctor);
        deliver();
        first.leave(doctor);
        deliver();
        assertThat(b.existing(VISIT).orElseThrow().inCallIds()).isEmpty();
        time.advance(IDLE);
        assertThat(a.existing(VISIT)).isEmpty();

        FakeParticipant again = new FakeParticipant("doc", ParticipantRole.DOCTOR);
        VisitRoom rebuilt = a.join(VISIT, again);
        deliver();

        assertThat(rebuilt).isNotSameAs(first);
        assertThat(again.received).first().isEqualTo(new ServerMessage.Welcome("doc", ParticipantRole.DOCTOR,
                ServerMessage.Welcome.IN_CALL, ServerMessage.PROTOCOL, null));
        assertThat(b.existing(VISIT).orElseThrow().inCallIds()).as("B takes the new seat").containsExactly("doc");
    }

    @Test
    void shouldBuildAnEvictedRoomAgainFromAFactOfAnotherInstanceAndServeThePatientThere() {
        VisitRoom first = a.join(VISIT, patient);
        first.leave(patient);
        time.advance(IDLE);
        assertThat(a.existing(VISIT)).isEmpty();

        b.join(VISIT, doctor);
        deliver();
        FakeParticipant back = new FakeParticipant("pat", ParticipantRole.PATIENT);
        a.join(VISIT, back);
        deliver();

        assertThat(back.received).first().isEqualTo(new ServerMessage.Welcome("pat", ParticipantRole.PATIENT,
                ServerMessage.Welcome.WAITING, ServerMessage.PROTOCOL, null));
        assertThat(doctor.received).last().isEqualTo(new ServerMessage.WaitingRoom(List.of(
                new ServerMessage.Member("pat", ParticipantRole.PATIENT))));
        b.existing(VISIT).orElseThrow().admit(doctor, "pat");
        deliver();
        assertThat(back.received).contains(new ServerMessage.Admitted());
        assertThat(a.existing(VISIT).orElseThrow().inCallIds()).containsExactlyInAnyOrder("doc", "pat");
    }

    @Test
    void shouldHandAJoinOrAFactThatMeetsAnEvictedRoomToTheVisitsNewRoom() {
        VisitRoom old = a.of(VISIT);
        time.advance(IDLE);
        assertThat(old.isEvicted()).isTrue();

        assertThat(old.join(doctor)).isFalse();
        assertThat(old.apply(announced("b", 1, "b/1"), time.now())).isFalse();
        assertThat(doctor.received).as("nothing happened in the evicted room").isEmpty();

        a.apply(announced("b", 1, "b/1"));
        VisitRoom room = a.join(VISIT, doctor);
        assertThat(room).isNotSameAs(old);
        assertThat(room.inCallIds()).containsExactlyInAnyOrder("doc", "guest");
    }

    /** B's facts to A and A's to B, until neither has more to say. */
    private void deliver() {
        List<VisitFact> fromA = busA.drainFacts();
        List<VisitFact> fromB = busB.drainFacts();
        if (fromA.isEmpty() && fromB.isEmpty()) {
            return;
        }
        List<VisitFact> partition = new ArrayList<>(fromA);
        partition.addAll(fromB);
        partition.forEach(fact -> {
            a.apply(fact);
            b.apply(fact);
        });
        deliver();
    }

    private static MemberAnnounced announced(String origin, long seq, String seat) {
        return new MemberAnnounced(VISIT, origin, seq, "guest", ParticipantRole.GUEST, seat, true, MemberAnnounced.IN_CALL,
                true, false, false, false, List.of());
    }

    /** A feature's state of the visit, say a recording: holds the room while told to, notes the evictions. */
    private static final class FakeRecording implements PerVisitState {
        final List<VisitRoom> evicted = new ArrayList<>();
        volatile boolean holding;
        boolean askedUnderLock;

        @Override
        public boolean holdsRoom(VisitRoom room) {
            askedUnderLock = Thread.holdsLock(room);
            return holding;
        }

        @Override
        public void roomEvicted(VisitRoom room) {
            evicted.add(room);
        }
    }
}
