package org.telehealth.signaling.room;

import static org.telehealth.signaling.protocol.ErrorCode.NOT_ALLOWED;
import static org.telehealth.signaling.protocol.ErrorCode.UNKNOWN_PARTICIPANT;
import static org.telehealth.signaling.protocol.ErrorCode.VISIT_ENDED;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.events.visit.VisitEnded;
import org.telehealth.events.visit.VisitEvent;
import org.telehealth.events.visit.VisitOpened;
import org.telehealth.events.visit.VisitParticipantAdmitted;
import org.telehealth.events.visit.VisitParticipantJoined;
import org.telehealth.events.visit.VisitParticipantLeft;
import org.telehealth.events.visit.VisitParticipantWaiting;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.protocol.SignalingException;

/**
 * The waiting room and the call of one visit: who waits, who is in the call with which media
 * state and publication, and whether the visit is over. Participants with the doctor role (the
 * appointment's doctor or an admin) host it: they enter the call directly, see the waiting room and
 * admit, decline or end. Everyone else waits until a host admits them.
 *
 * <p>A participant whose socket drops stays where they were for the reconnection grace period; a
 * new socket of theirs resumes them there (no new admission), and only when the period runs out do
 * they leave. One lock per room: every change and the messages it causes happen in one order for
 * everyone, and each change publishes its visit event.
 */
public final class VisitRoom {

    private final UUID visitId;
    private final Consumer<VisitEvent> events;
    private final Duration reconnectGrace;
    private final Scheduler scheduler;
    private final Map<String, Member> waiting = new LinkedHashMap<>();
    private final Map<String, Member> inCall = new LinkedHashMap<>();
    private long lastSeat;
    private boolean opened;
    private boolean ended;

    public VisitRoom(UUID visitId, Consumer<VisitEvent> events, Duration reconnectGrace, Scheduler scheduler) {
        this.visitId = visitId;
        this.events = events;
        this.reconnectGrace = reconnectGrace;
        this.scheduler = scheduler;
    }

    public UUID visitId() {
        return visitId;
    }

    /**
     * Puts a newly authenticated socket in the call (hosts) or the waiting room (others), or, when
     * its participant is still here, resumes them on it.
     */
    public synchronized void join(Participant socket) {
        if (ended) {
            throw new SignalingException(VISIT_ENDED, "this visit has ended");
        }
        Member known = member(socket.id());
        if (known != null) {
            resume(known, socket);
            return;
        }
        Member member = new Member(socket, ++lastSeat);
        if (member.isHost()) {
            if (!opened) {
                opened = true;
                events.accept(new VisitOpened(visitId, member.id(), Instant.now()));
            }
            member.send(welcome(member, ServerMessage.Welcome.IN_CALL, null));
            enterCall(member);
            member.send(waitingRoom());
        } else {
            waiting.put(member.id(), member);
            events.accept(new VisitParticipantWaiting(visitId, member.id(), member.role(), Instant.now()));
            member.send(welcome(member, ServerMessage.Welcome.WAITING, null));
            tellHostsAboutWaitingRoom();
        }
    }

    public synchronized void admit(Participant host, String participantId) {
        requireHost(host, "only the doctor admits");
        Member admitted = waiting.remove(participantId);
        if (admitted == null) {
            throw new SignalingException(UNKNOWN_PARTICIPANT, "nobody with this id is waiting");
        }
        events.accept(new VisitParticipantAdmitted(visitId, admitted.id(), admitted.role(), Instant.now()));
        admitted.send(new ServerMessage.Admitted());
        enterCall(admitted);
        tellHostsAboutWaitingRoom();
    }

    public synchronized void decline(Participant host, String participantId) {
        requireHost(host, "only the doctor declines");
        Member declined = waiting.remove(participantId);
        if (declined == null) {
            throw new SignalingException(UNKNOWN_PARTICIPANT, "nobody with this id is waiting");
        }
        declined.cancelReturnDeadline();
        events.accept(new VisitParticipantLeft(visitId, declined.id(), declined.role(), Instant.now()));
        declined.send(new ServerMessage.Declined());
        declined.closeNormally();
        tellHostsAboutWaitingRoom();
    }

    public synchronized void chat(Participant sender, String text) {
        Member member = requireInCall(sender, "chat is for participants in the call");
        broadcast(new ServerMessage.Chat(member.id(), member.role(), text, Instant.now().toString()), null);
    }

    public synchronized void mediaState(Participant sender, boolean audio, boolean video) {
        Member member = requireInCall(sender, "media state is for participants in the call");
        member.mediaState(audio, video);
        broadcast(new ServerMessage.MediaState(member.id(), audio, video), member);
    }

    /** The participant hung up ({@code leave}) or was cut off: they leave at once. A replaced socket changes nothing. */
    public synchronized void leave(Participant socket) {
        Member member = current(socket);
        if (member != null) {
            remove(member);
        }
    }

    /**
     * The socket closed without {@code leave}: its participant stays where they are, away, for the
     * reconnection grace period (the others in the call see {@code participant-state}); a new socket
     * resumes them, else they leave when it runs out. A replaced socket changes nothing.
     */
    public synchronized void disconnected(Participant socket) {
        Member member = current(socket);
        if (member == null) {
            return;
        }
        member.awayUntil(scheduler.schedule(reconnectGrace, () -> graceExpired(member)));
        if (inCall.get(member.id()) == member) {
            broadcast(new ServerMessage.ParticipantState(member.id(), false), member);
        }
    }

    /** A host ends the visit: everyone is told and disconnected, later joins are refused. */
    public synchronized void end(Participant host) {
        requireHost(host, "only the doctor ends the visit");
        ended = true;
        events.accept(new VisitEnded(visitId, host.id(), Instant.now()));
        List<Member> everyone = new ArrayList<>(waiting.values());
        everyone.addAll(inCall.values());
        waiting.clear();
        inCall.clear();
        for (Member member : everyone) {
            member.cancelReturnDeadline();
            member.send(new ServerMessage.VisitEnded(host.id()));
            member.closeNormally();
        }
    }

    public synchronized boolean isEnded() {
        return ended;
    }

    /**
     * The seat of the socket's participant in the call: media may be offered from the call only.
     * Answers to their offers count only while they keep this seat.
     */
    public synchronized long mediaSeat(Participant socket) {
        return requireInCall(socket, "media is for participants in the call").seat();
    }

    /** Whether the participant is still in the call on this seat (not left, not rejoined since). */
    public synchronized boolean holdsSeat(String participantId, long seat) {
        Member member = inCall.get(participantId);
        return member != null && member.seat() == seat;
    }

    /**
     * Records what the participant publishes now that media-service accepted their offer, and
     * tells everyone else in the call when it changed. False, and nothing recorded, if they no
     * longer hold the seat.
     */
    public synchronized boolean published(String participantId, long seat, Publication publication) {
        Member member = inCall.get(participantId);
        if (member == null || member.seat() != seat) {
            return false;
        }
        Publication before = member.publication();
        member.publish(publication);
        if (!before.equals(publication)) {
            inCall.values().stream().filter(other -> other != member).forEach(other -> other.send(tracksFor(other)));
        }
        return true;
    }

    /** The ids of the participants in the call now, present or away. */
    public synchronized Set<String> inCallIds() {
        return Set.copyOf(inCall.keySet());
    }

    /** Sends a message to everyone in the call. */
    public synchronized void sendToCall(ServerMessage message) {
        broadcast(message, null);
    }

    /** Sends a message to one participant in the call; nothing if they are not in it (lost while they are away). */
    public synchronized void sendTo(String participantId, ServerMessage message) {
        Member member = inCall.get(participantId);
        if (member != null) {
            member.send(message);
        }
    }

    /** Everyone in the call now, present or away, with their role, in the order they entered it. */
    public synchronized Map<String, ParticipantRole> callRoles() {
        Map<String, ParticipantRole> roles = new LinkedHashMap<>();
        inCall.values().forEach(member -> roles.put(member.id(), member.role()));
        return roles;
    }

    /** Whether the socket speaks for a participant in the call now (not waiting, not replaced). */
    public synchronized boolean speaksInCall(Participant socket) {
        Member member = current(socket);
        return member != null && inCall.get(member.id()) == member;
    }

    /**
     * Runs {@code action} under the room's lock: nobody enters or leaves the call meanwhile, and the
     * visit events fired by this room (whose observers also run under it) come before or after it
     * as a whole. For features that act on the whole call at once, such as recording consent.
     */
    public synchronized void locked(Runnable action) {
        action.run();
    }

    private synchronized void graceExpired(Member member) {
        if (member.isAway() && member(member.id()) == member) {
            remove(member);
        }
    }

    private void resume(Member member, Participant socket) {
        Participant earlier = member.attach(socket);
        if (earlier != null) {
            earlier.close(ErrorCode.REPLACED, "you connected again from another page");
        }
        if (inCall.get(member.id()) != member) {
            member.send(welcome(member, ServerMessage.Welcome.WAITING, true));
            return;
        }
        member.send(welcome(member, ServerMessage.Welcome.IN_CALL, true));
        member.send(participants());
        member.send(tracksFor(member));
        if (member.isHost()) {
            member.send(waitingRoom());
        }
        if (earlier == null) {
            broadcast(new ServerMessage.ParticipantState(member.id(), true), member);
        }
    }

    private void remove(Member member) {
        member.cancelReturnDeadline();
        if (waiting.remove(member.id(), member)) {
            events.accept(new VisitParticipantLeft(visitId, member.id(), member.role(), Instant.now()));
            tellHostsAboutWaitingRoom();
        } else if (inCall.remove(member.id(), member)) {
            events.accept(new VisitParticipantLeft(visitId, member.id(), member.role(), Instant.now()));
            broadcast(new ServerMessage.ParticipantLeft(member.id(), member.role()), null);
            inCall.values().forEach(other -> other.send(tracksFor(other)));
        }
    }

    private void enterCall(Member member) {
        inCall.put(member.id(), member);
        events.accept(new VisitParticipantJoined(visitId, member.id(), member.role(), Instant.now()));
        member.send(participants());
        member.send(tracksFor(member));
        broadcast(new ServerMessage.ParticipantJoined(member.id(), member.role()), member);
    }

    /** What everyone in the call but {@code viewer} publishes. */
    private ServerMessage.Tracks tracksFor(Member viewer) {
        int audio = 0;
        int video = 0;
        List<ServerMessage.RemoteStream> streams = new ArrayList<>();
        Set<ServerMessage.RemoteStream> listed = new HashSet<>();
        for (Member other : inCall.values()) {
            if (other == viewer) {
                continue;
            }
            for (Publication.Track track : other.publication().tracks()) {
                if (track.kind() == Publication.Kind.AUDIO) {
                    audio++;
                } else {
                    video++;
                }
                ServerMessage.RemoteStream stream = new ServerMessage.RemoteStream(other.id(), track.streamId(), track.screen());
                if (track.streamId() != null && listed.add(stream)) {
                    streams.add(stream);
                }
            }
        }
        return new ServerMessage.Tracks(audio, video, streams);
    }

    private ServerMessage.Participants participants() {
        return new ServerMessage.Participants(inCall.values().stream()
                .map(m -> new ServerMessage.InCall(m.id(), m.role(), m.audio(), m.video()))
                .toList());
    }

    private static ServerMessage.Welcome welcome(Member member, String state, Boolean resumed) {
        return new ServerMessage.Welcome(member.id(), member.role(), state, ServerMessage.PROTOCOL, resumed);
    }

    private void tellHostsAboutWaitingRoom() {
        ServerMessage.WaitingRoom list = waitingRoom();
        inCall.values().stream().filter(Member::isHost).forEach(host -> host.send(list));
    }

    private ServerMessage.WaitingRoom waitingRoom() {
        return new ServerMessage.WaitingRoom(waiting.values().stream()
                .map(m -> new ServerMessage.Member(m.id(), m.role())).toList());
    }

    private void broadcast(ServerMessage message, Member except) {
        for (Member member : inCall.values()) {
            if (member != except) {
                member.send(message);
            }
        }
    }

    private Member member(String participantId) {
        Member member = inCall.get(participantId);
        return member != null ? member : waiting.get(participantId);
    }

    /** The member the socket speaks for now, or null for a socket that was replaced or never joined. */
    private Member current(Participant socket) {
        Member member = member(socket.id());
        return member != null && member.speaksThrough(socket) ? member : null;
    }

    private void requireHost(Participant sender, String why) {
        Member member = current(sender);
        if (member == null || !member.isHost() || inCall.get(member.id()) != member) {
            throw new SignalingException(NOT_ALLOWED, why);
        }
    }

    private Member requireInCall(Participant sender, String why) {
        Member member = current(sender);
        if (member == null || inCall.get(member.id()) != member) {
            throw new SignalingException(NOT_ALLOWED, why);
        }
        return member;
    }
}
