package org.telehealth.signaling.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.events.visit.VisitEnded;
import org.telehealth.events.visit.VisitParticipantAdmitted;
import org.telehealth.events.visit.VisitParticipantJoined;
import org.telehealth.events.visit.VisitParticipantLeft;
import org.telehealth.events.visit.VisitParticipantWaiting;
import org.telehealth.signaling.cluster.MemberAnnounced;
import org.telehealth.signaling.cluster.VisitFact;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.protocol.SignalingException;
import org.telehealth.signaling.room.VisitRoomTest.FakeParticipant;

/**
 * One visit served by two instances, A and B, each with its own room, their facts going through one
 * simulated partition that both read in the same order: what each instance's participants are told
 * about the other's, who emits which visit event, commands to the instance that holds a participant,
 * seats moving between instances, and facts that come late.
 */
class SharedVisitRoomTest {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final UUID VISIT = UUID.randomUUID();

    private final RecordingBus busA = new RecordingBus("a");
    private final RecordingBus busB = new RecordingBus("b");
    private final List<Runnable> deadlinesA = new ArrayList<>();
    private final List<Runnable> deadlinesB = new ArrayList<>();
    private final List<Runnable> cancelled = new ArrayList<>();
    private final VisitRoom a = new VisitRoom(VISIT, busA, GRACE, scheduler(deadlinesA));
    private final VisitRoom b = new VisitRoom(VISIT, busB, GRACE, scheduler(deadlinesB));
    /** The visit's partition: facts in the order they reached it, not yet read by the rooms. */
    private final List<VisitFact> partition = new ArrayList<>();

    private final FakeParticipant doctor = new FakeParticipant("doc", ParticipantRole.DOCTOR);
    private final FakeParticipant patient = new FakeParticipant("pat", ParticipantRole.PATIENT);

    @Test
    void shouldShowTheHostThePatientWaitingOnTheOtherInstance() {
        a.join(doctor);
        b.join(patient);

        sync();

        assertThat(doctor.received).contains(new ServerMessage.WaitingRoom(List.of(
                new ServerMessage.Member("pat", ParticipantRole.PATIENT))));
        assertThat(busA.events).extracting(e -> e.getClass().getSimpleName()).containsExactly("VisitOpened", "VisitParticipantJoined");
        assertThat(busB.events).extracting(e -> e.getClass().getSimpleName()).containsExactly("VisitParticipantWaiting");
    }

    @Test
    void shouldAdmitThroughTheInstanceThatHoldsThePatientAndTellBothSides() {
        a.join(doctor);
        b.join(patient);
        sync();
        doctor.received.clear();

        a.admit(doctor, "pat");
        assertThat(doctor.received).as("nothing changes before the patient's instance acts").isEmpty();
        sync();

        assertThat(patient.received).containsSubsequence(new ServerMessage.Admitted(),
                new ServerMessage.Participants(List.of(new ServerMessage.InCall("pat", ParticipantRole.PATIENT, false, false),
                        new ServerMessage.InCall("doc", ParticipantRole.DOCTOR, false, false))));
        assertThat(doctor.received).containsExactly(new ServerMessage.ParticipantJoined("pat", ParticipantRole.PATIENT),
                new ServerMessage.WaitingRoom(List.of()));
        assertThat(busB.events).hasExactlyElementsOfTypes(VisitParticipantWaiting.class,
                VisitParticipantAdmitted.class, VisitParticipantJoined.class);
        assertThat(busA.events).as("A emits nothing about B's patient").hasSize(2);
        assertThat(a.inCallIds()).containsExactlyInAnyOrder("doc", "pat");
    }

    @Test
    void shouldDeclineThroughTheInstanceThatHoldsThePatient() {
        a.join(doctor);
        b.join(patient);
        sync();

        a.decline(doctor, "pat");
        sync();

        assertThat(patient.received).contains(new ServerMessage.Declined());
        assertThat(patient.closedNormally).isTrue();
        assertThat(doctor.received).last().isEqualTo(new ServerMessage.WaitingRoom(List.of()));
        assertThatThrownBy(() -> a.admit(doctor, "pat")).isInstanceOfSatisfying(SignalingException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_PARTICIPANT));
    }

    @Test
    void shouldPassChatMediaStateAndTracksBothWaysOnceEach() {
        inCallOnBoth();

        a.chat(doctor, "hello from A");
        b.chat(patient, "hello from B");
        b.mediaState(patient, true, false);
        b.published("pat", b.mediaSeat(patient), new Publication(List.of(
                new Publication.Track(Publication.Kind.AUDIO, "pat-stream", false),
                new Publication.Track(Publication.Kind.VIDEO, "pat-stream", false))));
        sync();

        assertThat(doctor.received).filteredOn(m -> m instanceof ServerMessage.Chat).extracting(m -> ((ServerMessage.Chat) m).text())
                .containsExactly("hello from A", "hello from B");
        assertThat(patient.received).filteredOn(m -> m instanceof ServerMessage.Chat).extracting(m -> ((ServerMessage.Chat) m).text())
                .containsExactly("hello from B", "hello from A");
        assertThat(doctor.received).contains(new ServerMessage.MediaState("pat", true, false));
        assertThat(doctor.received).last().isEqualTo(new ServerMessage.Tracks(1, 1,
                List.of(new ServerMessage.RemoteStream("pat", "pat-stream", false))));
        assertThat(a.inCallWithMedia()).isEmpty();
    }

    @Test
    void shouldLetTheOtherInstancePollTheMediaOfEveryoneInTheCall() {
        inCallOnBoth();

        assertThat(b.mediaAdded("pat", b.mediaSeat(patient), true)).isTrue();
        sync();

        assertThat(a.inCallWithMedia()).containsExactly("pat");
        assertThat(a.anyoneWithMedia()).isTrue();
        assertThat(a.hasMedia("pat")).as("not a participant of A").isFalse();
    }

    @Test
    void shouldResumeOnTheOtherInstanceWithinTheGracePeriodAndLetTheFirstOneGoQuietly() {
        inCallOnBoth();
        b.mediaState(patient, true, true);
        b.mediaAdded("pat", b.mediaSeat(patient), true);
        sync();
        b.disconnected(patient);
        sync();
        assertThat(doctor.received).last().isEqualTo(new ServerMessage.ParticipantState("pat", false));
        int eventsOfB = busB.events.size();

        FakeParticipant again = new FakeParticipant("pat", ParticipantRole.PATIENT);
        a.join(again);
        sync();

        assertThat(again.received).startsWith(new ServerMessage.Welcome("pat", ParticipantRole.PATIENT,
                ServerMessage.Welcome.IN_CALL, 1, true));
        assertThat(doctor.received).last().isEqualTo(new ServerMessage.ParticipantState("pat", true));
        assertThat(cancelled).as("B's grace deadline is called off").containsExactlyElementsOf(deadlinesB);
        assertThat(b.inCallIds()).containsExactlyInAnyOrder("doc", "pat");
        assertThat(a.hasMedia("pat")).as("A removes their media when they leave").isTrue();
        assertThat(busB.events).hasSize(eventsOfB);
        assertThat(busA.events).noneMatch(e -> e instanceof VisitParticipantJoined j && j.participantId().equals("pat"));

        a.leave(again);
        sync();
        assertThat(busA.notices).contains(new CallNotice.MediaLeft(VISIT, "pat"));
        assertThat(b.inCallIds()).containsExactly("doc");
    }

    @Test
    void shouldReplaceTheSocketOnTheOtherInstanceWhenTheSameParticipantConnectsAgain() {
        inCallOnBoth();

        FakeParticipant secondTab = new FakeParticipant("pat", ParticipantRole.PATIENT);
        a.join(secondTab);
        sync();

        assertThat(patient.closedWith).isEqualTo(ErrorCode.REPLACED);
        b.disconnected(patient); // its close callback comes later: it must change nothing
        b.leave(patient);
        sync();
        assertThat(a.inCallIds()).containsExactlyInAnyOrder("doc", "pat");
        assertThat(doctor.received).noneMatch(m -> m instanceof ServerMessage.ParticipantLeft
                || m instanceof ServerMessage.ParticipantState);
        a.chat(secondTab, "still here");
        assertThat(doctor.received).last().isInstanceOf(ServerMessage.Chat.class);
    }

    @Test
    void shouldGiveAParticipantClaimedOnBothInstancesAtOnceToTheLaterClaim() {
        a.join(doctor);
        sync();
        FakeParticipant onA = new FakeParticipant("pat", ParticipantRole.PATIENT);
        FakeParticipant onB = new FakeParticipant("pat", ParticipantRole.PATIENT);
        a.join(onA);
        b.join(onB);

        flush(busA);
        flush(busB); // B's claim lands after A's
        deliver();

        assertThat(onA.closedWith).isEqualTo(ErrorCode.REPLACED);
        assertThat(onB.closedWith).isNull();
        assertThat(doctor.received).last().isEqualTo(new ServerMessage.WaitingRoom(List.of(
                new ServerMessage.Member("pat", ParticipantRole.PATIENT))));
        a.admit(doctor, "pat");
        sync();
        assertThat(onB.received).contains(new ServerMessage.Admitted());
    }

    @Test
    void shouldIgnoreAnUpdateOfASeatThatIsOver() {
        inCallOnBoth();
        b.mediaState(patient, true, true);
        flush(busB);
        List<VisitFact> stale = List.copyOf(partition); // B's update, delayed
        partition.clear();
        deliver();
        FakeParticipant again = new FakeParticipant("pat", ParticipantRole.PATIENT);
        a.join(again);
        sync();
        doctor.received.clear();

        stale.forEach(fact -> a.apply(fact, Instant.now()));

        assertThat(doctor.received).isEmpty();
        assertThat(a.inCallIds()).containsExactlyInAnyOrder("doc", "pat");
    }

    @Test
    void shouldTellTheCallWhenAParticipantOfTheOtherInstanceLeavesAndWhenTheCallEmpties() {
        inCallOnBoth();
        b.published("pat", b.mediaSeat(patient), new Publication(List.of(new Publication.Track(Publication.Kind.AUDIO, "s", false))));
        sync();
        doctor.received.clear();

        b.leave(patient);
        sync();

        assertThat(doctor.received).containsExactly(new ServerMessage.ParticipantLeft("pat", ParticipantRole.PATIENT),
                new ServerMessage.Tracks(0, 0, List.of()));
        a.leave(doctor);
        sync();
        assertThat(busA.notices).containsExactly(new CallNotice.CallEmptied(VISIT));
        assertThat(busB.notices).containsExactly(new CallNotice.CallEmptied(VISIT));
    }

    @Test
    void shouldEndTheVisitOnEveryInstanceWithOneEvent() {
        inCallOnBoth();

        a.end(doctor);
        sync();

        assertThat(patient.received).last().isEqualTo(new ServerMessage.VisitEnded("doc"));
        assertThat(patient.closedNormally).isTrue();
        assertThat(b.isEnded()).isTrue();
        assertThatThrownBy(() -> b.join(new FakeParticipant("guest", ParticipantRole.GUEST)))
                .isInstanceOfSatisfying(SignalingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VISIT_ENDED));
        assertThat(busA.events).filteredOn(e -> e instanceof VisitEnded).hasSize(1);
        assertThat(busB.events).noneMatch(e -> e instanceof VisitEnded);
        assertThat(busB.notices).as("an ended visit is no emptied call").isEmpty();
    }

    @Test
    void shouldForgetTheParticipantsOfAnInstanceThatStoppedAnnouncingThem() {
        inCallOnBoth();
        doctor.received.clear();

        a.expire(Instant.now().plusSeconds(1));

        assertThat(doctor.received).startsWith(new ServerMessage.ParticipantLeft("pat", ParticipantRole.PATIENT));
        assertThat(a.inCallIds()).containsExactly("doc");
        assertThat(busA.events).noneMatch(e -> e instanceof VisitParticipantLeft);
    }

    @Test
    void shouldKeepTheParticipantsOfAnInstanceThatAnnouncesThemAgain() {
        inCallOnBoth();
        Instant before = Instant.now();

        b.refresh();
        List<VisitFact> refreshed = busB.facts.stream().toList();
        sync();
        a.expire(before);

        assertThat(refreshed).singleElement().isInstanceOfSatisfying(MemberAnnounced.class, announced -> {
            assertThat(announced.claim()).isFalse();
            assertThat(announced.inCall()).isTrue();
        });
        assertThat(a.inCallIds()).containsExactlyInAnyOrder("doc", "pat");
    }

    @Test
    void shouldLearnAParticipantFromAnUpdateWhenItsClaimWasNeverRead() {
        a.join(doctor);
        b.join(patient);
        busB.facts.clear(); // the claim was before this instance started reading
        b.refresh();
        sync();

        assertThat(doctor.received).last().isEqualTo(new ServerMessage.WaitingRoom(List.of(
                new ServerMessage.Member("pat", ParticipantRole.PATIENT))));
    }

    private void inCallOnBoth() {
        a.join(doctor);
        b.join(patient);
        sync();
        a.admit(doctor, "pat");
        sync();
        doctor.received.clear();
        patient.received.clear();
    }

    /** Both instances' facts reach the partition (A's first), and both rooms read everything. */
    private void sync() {
        flush(busA);
        flush(busB);
        deliver();
        if (!busA.facts.isEmpty() || !busB.facts.isEmpty()) {
            sync(); // reading caused more facts (a command applied)
        }
    }

    private void flush(RecordingBus bus) {
        partition.addAll(bus.drainFacts());
    }

    private void deliver() {
        List<VisitFact> read = List.copyOf(partition);
        partition.clear();
        Instant now = Instant.now();
        for (VisitFact fact : read) {
            a.apply(fact, now);
            b.apply(fact, now);
        }
    }

    private Scheduler scheduler(List<Runnable> deadlines) {
        return (delay, task) -> {
            deadlines.add(task);
            return () -> cancelled.add(task);
        };
    }
}
