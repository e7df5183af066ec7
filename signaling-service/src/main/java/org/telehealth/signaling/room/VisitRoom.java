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
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.events.visit.VisitEnded;
import org.telehealth.events.visit.VisitOpened;
import org.telehealth.events.visit.VisitParticipantAdmitted;
import org.telehealth.events.visit.VisitParticipantJoined;
import org.telehealth.events.visit.VisitParticipantLeft;
import org.telehealth.events.visit.VisitParticipantWaiting;
import org.telehealth.signaling.cluster.AdmissionDecided;
import org.telehealth.signaling.cluster.ChatSent;
import org.telehealth.signaling.cluster.MemberAnnounced;
import org.telehealth.signaling.cluster.MemberLeft;
import org.telehealth.signaling.cluster.VisitEndedByHost;
import org.telehealth.signaling.cluster.VisitFact;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.protocol.SignalingException;

/**
 * The waiting room and the call of one visit as this instance serves it: who waits, who is in the
 * call with which media state and publication, and whether the visit is over. Participants with
 * the doctor role (the appointment's doctor or an admin) host it: they enter the call directly, see
 * the waiting room and admit, decline or end. Everyone else waits until a host admits them.
 *
 * <p>Each instance owns the participants whose sockets it holds ({@link Member}) and keeps a copy
 * of those of the other instances ({@link RemoteMember}), learned from their facts on
 * {@code telehealth.signaling-rooms}; what it tells its own sockets is built from both, so a page
 * sees the same visit whatever instance it reached. A change to an own participant is applied at
 * once, published as a fact and, where it is a visit event, emitted here only. A host's admit or
 * decline of someone waiting on another instance goes there as a command; a chat line, the end of
 * the visit, a participant's state go to the others as facts.
 *
 * <p>A participant whose socket drops stays where they were for the reconnection grace period; a
 * new socket of theirs resumes them there (no new admission), on this instance or another one,
 * which then claims their seat: the later claim in the partition wins, and the instance that held
 * them lets them go quietly. Only when the period runs out do they leave. One lock per room: every
 * change and the messages it causes happen in one order for everyone here.
 *
 * <p>Whoever enters the call here, or resumes in it here, gets ICE servers from {@link CallRelays}
 * (TURN with a credential of their own) in the message that puts them there; nobody waiting does.
 *
 * <p>Its instance evicts it once nobody is in it here or elsewhere and it has been idle for a while
 * ({@link #evictIfIdle}); the visit then gets a new room when it is needed again. Seat numbers come
 * from the instance ({@link RoomBus#newSeat}), so the new room's seats are new to the other
 * instances too.
 */
public final class VisitRoom {

    private final UUID visitId;
    private final RoomBus bus;
    private final Duration reconnectGrace;
    private final Scheduler scheduler;
    private final CallRelays relays;
    private final Map<String, Member> waiting = new LinkedHashMap<>();
    private final Map<String, Member> inCall = new LinkedHashMap<>();
    private final RemoteMembers remote = new RemoteMembers();
    /** The highest number of this instance's own facts about the visit read back from the topic. */
    private long ownFactsRead;
    private boolean opened;
    private boolean ended;
    /** When something last happened here (a change, a fact read): idleness counts from it. */
    private Instant lastActive;
    /** Dropped by its instance: it takes nobody and no fact any more; the visit gets a new room. */
    private boolean evicted;

    public VisitRoom(UUID visitId, RoomBus bus, Duration reconnectGrace, Scheduler scheduler) {
        this(visitId, bus, reconnectGrace, scheduler, CallRelays.NONE);
    }

    /** A room whose participants get ICE servers from {@code relays} when they enter the call. */
    public VisitRoom(UUID visitId, RoomBus bus, Duration reconnectGrace, Scheduler scheduler, CallRelays relays) {
        this.visitId = visitId;
        this.bus = bus;
        this.reconnectGrace = reconnectGrace;
        this.scheduler = scheduler;
        this.relays = relays;
        this.lastActive = scheduler.now();
    }

    public UUID visitId() {
        return visitId;
    }

    /**
     * Puts a newly authenticated socket in the call (hosts) or the waiting room (others), or, when
     * its participant is still here or on another instance, resumes them on it. False, and nothing
     * done, if the room was evicted meanwhile: the socket joins the visit's new room instead.
     */
    public synchronized boolean join(Participant socket) {
        if (evicted) {
            return false;
        }
        if (ended) {
            throw new SignalingException(VISIT_ENDED, "this visit has ended");
        }
        touch();
        enter(socket);
        return true;
    }

    private void enter(Participant socket) {
        Member known = member(socket.id());
        if (known != null) {
            resume(known, socket);
            return;
        }
        RemoteMember elsewhere = remote.get(socket.id());
        if (elsewhere != null) {
            takeOver(elsewhere, socket);
            return;
        }
        Member member = new Member(socket, bus.newSeat(), bus.instance());
        if (member.isHost()) {
            if (!opened) {
                opened = true;
                bus.happened(new VisitOpened(visitId, member.id(), Instant.now()));
            }
            member.send(welcome(member, ServerMessage.Welcome.IN_CALL, null));
            enterCall(member);
            announce(member, true);
            member.send(waitingRoom());
        } else {
            waiting.put(member.id(), member);
            bus.happened(new VisitParticipantWaiting(visitId, member.id(), member.role(), Instant.now()));
            announce(member, true);
            member.send(welcome(member, ServerMessage.Welcome.WAITING, null));
            tellHostsAboutWaitingRoom();
        }
    }

    /** A host admits a waiting participant: here at once, or by a command to the instance that holds them. */
    public synchronized void admit(Participant host, String participantId) {
        touch();
        requireHost(host, "only the doctor admits");
        Member admitted = waiting.get(participantId);
        if (admitted != null) {
            admitWaiting(admitted);
        } else if (waitsElsewhere(participantId)) {
            bus.tell(seq -> new AdmissionDecided(visitId, bus.instance(), seq, participantId, true, host.id()));
        } else {
            throw new SignalingException(UNKNOWN_PARTICIPANT, "nobody with this id is waiting");
        }
    }

    public synchronized void decline(Participant host, String participantId) {
        touch();
        requireHost(host, "only the doctor declines");
        Member declined = waiting.get(participantId);
        if (declined != null) {
            declineWaiting(declined);
        } else if (waitsElsewhere(participantId)) {
            bus.tell(seq -> new AdmissionDecided(visitId, bus.instance(), seq, participantId, false, host.id()));
        } else {
            throw new SignalingException(UNKNOWN_PARTICIPANT, "nobody with this id is waiting");
        }
    }

    public synchronized void chat(Participant sender, String text) {
        touch();
        Member member = requireInCall(sender, "chat is for participants in the call");
        String at = Instant.now().toString();
        broadcast(new ServerMessage.Chat(member.id(), member.role(), text, at), null);
        bus.tell(seq -> new ChatSent(visitId, bus.instance(), seq, member.id(), member.role(), text, at));
    }

    public synchronized void mediaState(Participant sender, boolean audio, boolean video) {
        touch();
        Member member = requireInCall(sender, "media state is for participants in the call");
        member.mediaState(audio, video);
        broadcast(new ServerMessage.MediaState(member.id(), audio, video), member);
        announce(member, false);
    }

    /** The participant hung up ({@code leave}) or was cut off: they leave at once. A replaced socket changes nothing. */
    public synchronized void leave(Participant socket) {
        touch();
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
        touch();
        Member member = current(socket);
        if (member == null) {
            return;
        }
        member.awayUntil(scheduler.schedule(reconnectGrace, () -> graceExpired(member)));
        if (inCall.get(member.id()) == member) {
            broadcast(new ServerMessage.ParticipantState(member.id(), false), member);
        }
        announce(member, false);
    }

    /** A host ends the visit: everyone, on every instance, is told and disconnected; later joins are refused. */
    public synchronized void end(Participant host) {
        touch();
        requireHost(host, "only the doctor ends the visit");
        ended = true;
        bus.happened(new VisitEnded(visitId, host.id(), Instant.now()));
        bus.tell(seq -> new VisitEndedByHost(visitId, bus.instance(), seq, host.id()));
        disconnectEveryone(host.id());
    }

    public synchronized boolean isEnded() {
        return ended;
    }

    /** Whether its instance dropped the room: nothing happens in it any more, the visit has a new one. */
    public synchronized boolean isEvicted() {
        return evicted;
    }

    /**
     * Evicts the room if nothing holds it: nobody is in it, on this instance (connected or within
     * their grace period, waiting or in the call) or on another; nothing happened in it for
     * {@code idleTimeout}, or {@code endedRetention} once the visit ended; and {@code held}, asked
     * last and under the room's lock, says no other feature needs it (a recording in progress).
     * From then on it takes no socket and no fact ({@link #join} and {@link #apply} return false).
     * True if this call evicted it.
     */
    synchronized boolean evictIfIdle(Instant now, Duration idleTimeout, Duration endedRetention, Predicate<VisitRoom> held) {
        if (evicted || !waiting.isEmpty() || !inCall.isEmpty() || !remote.isEmpty()) {
            return false;
        }
        if (now.isBefore(lastActive.plus(ended ? endedRetention : idleTimeout))) {
            return false;
        }
        if (held.test(this)) {
            return false;
        }
        evicted = true;
        return true;
    }

    /**
     * The visit is known to be over although this room never saw it end (it was rebuilt after the
     * room that did was evicted): joins are refused, facts ignored, as in that room.
     */
    synchronized void endedBefore() {
        ended = true;
    }

    /**
     * The seat of the socket's participant in the call: media may be offered from the call only.
     * Answers to their offers count only while they keep this seat.
     */
    public synchronized long mediaSeat(Participant socket) {
        return requireInCall(socket, "media is for participants in the call").seat();
    }

    /** Whether the participant is still in the call here on this seat (not left, not rejoined since). */
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
        touch();
        Member member = inCall.get(participantId);
        if (member == null || member.seat() != seat) {
            return false;
        }
        Publication before = member.publication();
        member.publish(publication);
        if (!before.equals(publication)) {
            inCall.values().stream().filter(other -> other != member).forEach(other -> other.send(tracksFor(other)));
            announce(member, false);
        }
        return true;
    }

    /**
     * Records whether the participant on this seat is in the visit's media room (added, or removed
     * after a refusal). False, and nothing recorded, if they no longer hold the seat.
     */
    public synchronized boolean mediaAdded(String participantId, long seat, boolean added) {
        touch();
        Member member = inCall.get(participantId);
        if (member == null || member.seat() != seat) {
            return false;
        }
        if (member.media() != added) {
            member.media(added);
            announce(member, false);
        }
        return true;
    }

    /** Whether this participant of this instance is in the visit's media room. */
    public synchronized boolean hasMedia(String participantId) {
        Member member = member(participantId);
        return member != null && member.media();
    }

    /** Whether anyone in the visit, on any instance, is in its media room. */
    public synchronized boolean anyoneWithMedia() {
        return views().anyMatch(MemberView::media);
    }

    /** The ids of the participants in the call now, on every instance, present or away. */
    public synchronized Set<String> inCallIds() {
        Set<String> ids = new HashSet<>(inCall.keySet());
        remote.in(MemberView.Place.IN_CALL).forEach(view -> ids.add(view.id()));
        return Set.copyOf(ids);
    }

    /** The ids of the participants in the call, on every instance, who are in the media room. */
    public synchronized Set<String> inCallWithMedia() {
        return inCallViews().stream().filter(MemberView::media).map(MemberView::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this instance holds anyone in the call (it then tells them about the call's quality). */
    public synchronized boolean hasOwnInCall() {
        return !inCall.isEmpty();
    }

    /** Sends a message to everyone in the call on this instance. */
    public synchronized void sendToCall(ServerMessage message) {
        broadcast(message, null);
    }

    /**
     * Applies what an instance said about the visit, in partition order. This instance's own facts
     * only mark how far it has read itself; a command is applied by the instance that holds its
     * participant, whoever sent it. False, and nothing applied, if the room was evicted meanwhile:
     * the fact goes to the visit's new room instead.
     */
    public synchronized boolean apply(VisitFact fact, Instant now) {
        if (evicted) {
            return false;
        }
        lastActive = now;
        applyFact(fact, now);
        return true;
    }

    private void applyFact(VisitFact fact, Instant now) {
        boolean own = fact.origin().equals(bus.instance());
        if (own) {
            ownFactsRead = Math.max(ownFactsRead, fact.seq());
        }
        if (ended) {
            return;
        }
        if (fact instanceof AdmissionDecided decided) {
            applyAdmission(decided);
        } else if (own) {
            return;
        } else if (fact instanceof MemberAnnounced announced) {
            applyAnnouncement(announced, now);
        } else if (fact instanceof MemberLeft left) {
            applyLeft(left);
        } else if (fact instanceof ChatSent chat) {
            broadcast(new ServerMessage.Chat(chat.from(), chat.role(), chat.text(), chat.at()), null);
        } else if (fact instanceof VisitEndedByHost end) {
            ended = true;
            disconnectEveryone(end.by());
        }
    }

    /**
     * Gives each participant of this instance in the call whose socket is here new ICE servers (a
     * fresh TURN credential); nothing when TURN is off. Someone away gets theirs on resuming.
     */
    public synchronized void renewIceServers() {
        if (ended) {
            return;
        }
        for (Member member : inCall.values()) {
            if (!member.isAway()) {
                List<ServerMessage.IceServer> iceServers = relays.iceServersFor(member.id());
                if (!iceServers.isEmpty()) {
                    member.send(new ServerMessage.IceServers(iceServers));
                }
            }
        }
    }

    /** Announces each participant of this instance again, so that the others keep them (and new instances learn them). */
    public synchronized void refresh() {
        if (!ended) {
            Stream.concat(waiting.values().stream(), inCall.values().stream()).toList().forEach(member -> announce(member, false));
        }
    }

    /** Drops the participants of other instances not heard of since {@code cutoff}: their instance is gone. */
    public synchronized void expire(Instant cutoff) {
        for (RemoteMember gone : remote.heardBefore(cutoff)) {
            touch();
            remote.remove(gone.id());
            tellOwnParticipants(gone.view(), null);
            if (gone.view().inCall()) {
                noticeIfCallEmpty();
            }
        }
    }

    /** Sends a message to one participant in the call; nothing if they are not in it (lost while they are away). */
    public synchronized void sendTo(String participantId, ServerMessage message) {
        Member member = inCall.get(participantId);
        if (member != null) {
            member.send(message);
        }
    }

    /**
     * Everyone in the call now, present or away, with their role: this instance's participants in the
     * order they entered it, then those whose sockets other instances hold.
     */
    public synchronized Map<String, ParticipantRole> callRoles() {
        Map<String, ParticipantRole> roles = new LinkedHashMap<>();
        inCall.values().forEach(member -> roles.put(member.id(), member.role()));
        remote.in(MemberView.Place.IN_CALL).forEach(view -> roles.putIfAbsent(view.id(), view.role()));
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
        touch();
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
        } else {
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
        if (earlier == null) {
            announce(member, false);
        }
    }

    /**
     * A socket here resumes a participant another instance holds: they take the same place with the
     * same state on a new seat of this instance, whose claim makes that instance let them go.
     */
    private void takeOver(RemoteMember elsewhere, Participant socket) {
        remote.remove(elsewhere.id());
        MemberView was = elsewhere.view();
        Member member = new Member(socket, bus.newSeat(), bus.instance());
        member.mediaState(was.audio(), was.video());
        member.media(was.media());
        member.publish(was.publication());
        if (!was.inCall()) {
            waiting.put(member.id(), member);
            announce(member, true);
            member.send(welcome(member, ServerMessage.Welcome.WAITING, true));
            return;
        }
        inCall.put(member.id(), member);
        announce(member, true);
        member.send(welcome(member, ServerMessage.Welcome.IN_CALL, true));
        member.send(participants());
        member.send(tracksFor(member));
        if (member.isHost()) {
            member.send(waitingRoom());
        }
        if (!was.connected()) {
            broadcast(new ServerMessage.ParticipantState(member.id(), true), member);
        }
    }

    private void admitWaiting(Member admitted) {
        waiting.remove(admitted.id());
        bus.happened(new VisitParticipantAdmitted(visitId, admitted.id(), admitted.role(), Instant.now()));
        admitted.send(new ServerMessage.Admitted(relays.iceServersFor(admitted.id())));
        enterCall(admitted);
        announce(admitted, false);
        tellHostsAboutWaitingRoom();
    }

    private void declineWaiting(Member declined) {
        waiting.remove(declined.id());
        declined.cancelReturnDeadline();
        bus.happened(new VisitParticipantLeft(visitId, declined.id(), declined.role(), Instant.now()));
        declined.send(new ServerMessage.Declined());
        declined.closeNormally();
        announceLeft(declined);
        tellHostsAboutWaitingRoom();
    }

    private void remove(Member member) {
        member.cancelReturnDeadline();
        if (waiting.remove(member.id(), member)) {
            bus.happened(new VisitParticipantLeft(visitId, member.id(), member.role(), Instant.now()));
            announceLeft(member);
            tellHostsAboutWaitingRoom();
        } else if (inCall.remove(member.id(), member)) {
            bus.happened(new VisitParticipantLeft(visitId, member.id(), member.role(), Instant.now()));
            announceLeft(member);
            broadcast(new ServerMessage.ParticipantLeft(member.id(), member.role()), null);
            inCall.values().forEach(other -> other.send(tracksFor(other)));
            if (member.media()) {
                bus.notice(new CallNotice.MediaLeft(visitId, member.id()));
            }
            noticeIfCallEmpty();
        }
    }

    private void touch() {
        lastActive = scheduler.now();
    }

    private void enterCall(Member member) {
        inCall.put(member.id(), member);
        bus.happened(new VisitParticipantJoined(visitId, member.id(), member.role(), Instant.now()));
        member.send(participants());
        member.send(tracksFor(member));
        broadcast(new ServerMessage.ParticipantJoined(member.id(), member.role()), member);
    }

    /** Everyone here is told the visit is over and disconnected; the copy of the other instances' participants goes too. */
    private void disconnectEveryone(String by) {
        List<Member> everyone = new ArrayList<>(waiting.values());
        everyone.addAll(inCall.values());
        waiting.clear();
        inCall.clear();
        remote.clear();
        for (Member member : everyone) {
            member.cancelReturnDeadline();
            member.send(new ServerMessage.VisitEnded(by));
            member.closeNormally();
        }
    }

    private void applyAdmission(AdmissionDecided decided) {
        Member member = waiting.get(decided.participantId());
        if (member == null) {
            return; // not ours, or no longer waiting: the host sees the waiting room as it is
        }
        if (decided.admit()) {
            admitWaiting(member);
        } else {
            declineWaiting(member);
        }
    }

    /**
     * A participant's seat on another instance: a claim makes it theirs (taking them from this
     * instance when this instance's own claim of them came earlier in the partition), an update
     * refreshes the seat they hold. Facts of a seat that is over are late and change nothing.
     */
    private void applyAnnouncement(MemberAnnounced announced, Instant now) {
        if (remote.isOver(announced.seat())) {
            return;
        }
        RemoteMember incoming = new RemoteMember(announced.seat(), MemberFacts.view(announced), now);
        Member local = member(announced.participantId());
        if (local != null) {
            if (!announced.claim() || local.claim() > ownFactsRead) {
                // an earlier claim than ours (ours is still on its way back), or a seat we never saw claimed
                remote.end(announced.seat());
                return;
            }
            letGo(local, incoming);
            return;
        }
        RemoteMember before = remote.get(announced.participantId());
        if (before != null && !before.seat().equals(announced.seat()) && !announced.claim()) {
            return; // an update of a seat they no longer hold
        }
        remote.put(incoming);
        if (incoming.view().isHost()) {
            opened = true;
        }
        tellOwnParticipants(before == null ? null : before.view(), incoming.view());
    }

    /** Another instance took over a participant of this one: they go quietly (no visit event), their socket here is replaced. */
    private void letGo(Member local, RemoteMember taker) {
        MemberView was = local.view(placeOf(local));
        waiting.remove(local.id(), local);
        inCall.remove(local.id(), local);
        local.cancelReturnDeadline();
        local.close(ErrorCode.REPLACED, "you connected again from another page");
        remote.end(local.seatId());
        remote.put(taker);
        tellOwnParticipants(was, taker.view());
    }

    private void applyLeft(MemberLeft left) {
        RemoteMember known = remote.get(left.participantId());
        if (known == null || !known.seat().equals(left.seat())) {
            remote.end(left.seat());
            return;
        }
        remote.remove(left.participantId());
        tellOwnParticipants(known.view(), null);
        if (known.view().inCall()) {
            noticeIfCallEmpty();
        }
    }

    /**
     * Tells this instance's participants how a participant of another instance changed, as they
     * would have been told had that participant been here. {@code before} or {@code after} is null
     * when the participant was not, or is no longer, in the visit.
     */
    private void tellOwnParticipants(MemberView before, MemberView after) {
        MemberView.Place was = before == null ? null : before.place();
        MemberView.Place is = after == null ? null : after.place();
        MemberView who = after != null ? after : before;
        if (was != MemberView.Place.IN_CALL && is == MemberView.Place.IN_CALL) {
            broadcast(new ServerMessage.ParticipantJoined(who.id(), who.role()), null);
            if (!after.publication().tracks().isEmpty()) {
                tellEveryoneWhatOthersPublish();
            }
        } else if (was == MemberView.Place.IN_CALL && is != MemberView.Place.IN_CALL) {
            broadcast(new ServerMessage.ParticipantLeft(who.id(), who.role()), null);
            tellEveryoneWhatOthersPublish();
        } else if (was == MemberView.Place.IN_CALL) {
            if (before.connected() != after.connected()) {
                broadcast(new ServerMessage.ParticipantState(who.id(), after.connected()), null);
            }
            if (before.audio() != after.audio() || before.video() != after.video()) {
                broadcast(new ServerMessage.MediaState(who.id(), after.audio(), after.video()), null);
            }
            if (!before.publication().equals(after.publication())) {
                tellEveryoneWhatOthersPublish();
            }
        }
        if ((was == MemberView.Place.WAITING) != (is == MemberView.Place.WAITING)) {
            tellHostsAboutWaitingRoom();
        }
    }

    private void announce(Member member, boolean claim) {
        MemberView view = member.view(placeOf(member));
        long seq = bus.tell(number -> MemberFacts.announced(visitId, bus.instance(), number, member.seatId(), claim, view));
        if (claim) {
            member.claimed(seq);
        }
    }

    private void announceLeft(Member member) {
        bus.tell(seq -> new MemberLeft(visitId, bus.instance(), seq, member.id(), member.seatId()));
    }

    private void noticeIfCallEmpty() {
        if (inCall.isEmpty() && remote.in(MemberView.Place.IN_CALL).isEmpty()) {
            bus.notice(new CallNotice.CallEmptied(visitId));
        }
    }

    private MemberView.Place placeOf(Member member) {
        return inCall.get(member.id()) == member ? MemberView.Place.IN_CALL : MemberView.Place.WAITING;
    }

    private boolean waitsElsewhere(String participantId) {
        RemoteMember member = remote.get(participantId);
        return member != null && !member.view().inCall();
    }

    /** Everyone in the visit, here and elsewhere. */
    private Stream<MemberView> views() {
        return Stream.of(waiting.values().stream().map(member -> member.view(MemberView.Place.WAITING)),
                inCall.values().stream().map(member -> member.view(MemberView.Place.IN_CALL)),
                remote.all().stream().map(RemoteMember::view)).flatMap(s -> s);
    }

    /** Everyone in the call, this instance's participants first. */
    private List<MemberView> inCallViews() {
        List<MemberView> views = new ArrayList<>();
        inCall.values().forEach(member -> views.add(member.view(MemberView.Place.IN_CALL)));
        views.addAll(remote.in(MemberView.Place.IN_CALL));
        return views;
    }

    private void tellEveryoneWhatOthersPublish() {
        inCall.values().forEach(member -> member.send(tracksFor(member)));
    }

    /** What everyone in the call but {@code viewer} publishes. */
    private ServerMessage.Tracks tracksFor(Member viewer) {
        int audio = 0;
        int video = 0;
        List<ServerMessage.RemoteStream> streams = new ArrayList<>();
        Set<ServerMessage.RemoteStream> listed = new HashSet<>();
        for (MemberView other : inCallViews()) {
            if (other.id().equals(viewer.id())) {
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
        return new ServerMessage.Participants(inCallViews().stream()
                .map(view -> new ServerMessage.InCall(view.id(), view.role(), view.audio(), view.video()))
                .toList());
    }

    /** The welcome of a member; one entering (or back in) the call gets ICE servers issued now. */
    private ServerMessage.Welcome welcome(Member member, String state, Boolean resumed) {
        List<ServerMessage.IceServer> iceServers = ServerMessage.Welcome.IN_CALL.equals(state)
                ? relays.iceServersFor(member.id()) : List.of();
        return new ServerMessage.Welcome(member.id(), member.role(), state, ServerMessage.PROTOCOL, resumed, iceServers);
    }

    private void tellHostsAboutWaitingRoom() {
        ServerMessage.WaitingRoom list = waitingRoom();
        inCall.values().stream().filter(Member::isHost).forEach(host -> host.send(list));
    }

    private ServerMessage.WaitingRoom waitingRoom() {
        List<ServerMessage.Member> list = new ArrayList<>();
        waiting.values().forEach(member -> list.add(new ServerMessage.Member(member.id(), member.role())));
        remote.in(MemberView.Place.WAITING).forEach(view -> list.add(new ServerMessage.Member(view.id(), view.role())));
        return new ServerMessage.WaitingRoom(list);
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
