package org.telehealth.signaling.room;

import static org.telehealth.signaling.protocol.ErrorCode.NOT_ALLOWED;
import static org.telehealth.signaling.protocol.ErrorCode.UNKNOWN_PARTICIPANT;
import static org.telehealth.signaling.protocol.ErrorCode.VISIT_ENDED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * state, and whether the visit is over. Participants with the doctor role (the appointment's doctor
 * or an admin) host it: they enter the call directly, see the waiting room and admit, decline or end.
 * Everyone else waits until a host admits them. One lock per room: every change and the messages
 * it causes happen in one order for everyone, and each change publishes its visit event.
 */
public final class VisitRoom {

    private final UUID visitId;
    private final Consumer<VisitEvent> events;
    private final Map<String, Participant> waiting = new LinkedHashMap<>();
    private final Map<String, InCall> inCall = new LinkedHashMap<>();
    private boolean opened;
    private boolean ended;

    public VisitRoom(UUID visitId, Consumer<VisitEvent> events) {
        this.visitId = visitId;
        this.events = events;
    }

    /** Puts a newly authenticated participant in the call (hosts) or the waiting room (others). */
    public synchronized void join(Participant participant) {
        if (ended) {
            throw new SignalingException(VISIT_ENDED, "this visit has ended");
        }
        replaceEarlierSocketOf(participant.id());
        if (isHost(participant)) {
            if (!opened) {
                opened = true;
                events.accept(new VisitOpened(visitId, participant.id(), Instant.now()));
            }
            participant.send(new ServerMessage.Welcome(participant.id(), participant.role(),
                    ServerMessage.Welcome.IN_CALL, ServerMessage.PROTOCOL));
            enterCall(participant);
            participant.send(waitingRoom());
        } else {
            waiting.put(participant.id(), participant);
            events.accept(new VisitParticipantWaiting(visitId, participant.id(), participant.role(), Instant.now()));
            participant.send(new ServerMessage.Welcome(participant.id(), participant.role(),
                    ServerMessage.Welcome.WAITING, ServerMessage.PROTOCOL));
            tellHostsAboutWaitingRoom();
        }
    }

    public synchronized void admit(Participant host, String participantId) {
        requireHost(host, "only the doctor admits");
        Participant admitted = waiting.remove(participantId);
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
        Participant declined = waiting.remove(participantId);
        if (declined == null) {
            throw new SignalingException(UNKNOWN_PARTICIPANT, "nobody with this id is waiting");
        }
        events.accept(new VisitParticipantLeft(visitId, declined.id(), declined.role(), Instant.now()));
        declined.send(new ServerMessage.Declined());
        declined.closeNormally();
        tellHostsAboutWaitingRoom();
    }

    public synchronized void chat(Participant sender, String text) {
        requireInCall(sender, "chat is for participants in the call");
        broadcast(new ServerMessage.Chat(sender.id(), sender.role(), text, Instant.now().toString()), null);
    }

    public synchronized void mediaState(Participant sender, boolean audio, boolean video) {
        requireInCall(sender, "media state is for participants in the call");
        inCall.put(sender.id(), new InCall(sender, audio, video));
        broadcast(new ServerMessage.MediaState(sender.id(), audio, video), sender);
    }

    /** The participant hung up or their socket closed; a socket already replaced changes nothing. */
    public synchronized void leave(Participant participant) {
        if (waiting.get(participant.id()) == participant) {
            waiting.remove(participant.id());
            events.accept(new VisitParticipantLeft(visitId, participant.id(), participant.role(), Instant.now()));
            tellHostsAboutWaitingRoom();
        } else {
            InCall member = inCall.get(participant.id());
            if (member != null && member.participant() == participant) {
                inCall.remove(participant.id());
                events.accept(new VisitParticipantLeft(visitId, participant.id(), participant.role(), Instant.now()));
                broadcast(new ServerMessage.ParticipantLeft(participant.id(), participant.role()), null);
            }
        }
    }

    /** A host ends the visit: everyone is told and disconnected, later joins are refused. */
    public synchronized void end(Participant host) {
        requireHost(host, "only the doctor ends the visit");
        ended = true;
        events.accept(new VisitEnded(visitId, host.id(), Instant.now()));
        List<Participant> everyone = new ArrayList<>(waiting.values());
        inCall.values().forEach(member -> everyone.add(member.participant()));
        waiting.clear();
        inCall.clear();
        for (Participant participant : everyone) {
            participant.send(new ServerMessage.VisitEnded(host.id()));
            participant.closeNormally();
        }
    }

    public synchronized boolean isEnded() {
        return ended;
    }

    private void enterCall(Participant participant) {
        inCall.put(participant.id(), new InCall(participant, false, false));
        events.accept(new VisitParticipantJoined(visitId, participant.id(), participant.role(), Instant.now()));
        participant.send(new ServerMessage.Participants(inCall.values().stream()
                .map(m -> new ServerMessage.InCall(m.participant().id(), m.participant().role(), m.audio(), m.video()))
                .toList()));
        broadcast(new ServerMessage.ParticipantJoined(participant.id(), participant.role()), participant);
    }

    private void replaceEarlierSocketOf(String participantId) {
        Participant earlier = waiting.remove(participantId);
        InCall member = inCall.remove(participantId);
        if (member != null) {
            earlier = member.participant();
            broadcast(new ServerMessage.ParticipantLeft(participantId, earlier.role()), null);
        }
        if (earlier != null) {
            events.accept(new VisitParticipantLeft(visitId, participantId, earlier.role(), Instant.now()));
            earlier.close(ErrorCode.REPLACED, "you connected again from another page");
        }
    }

    private void tellHostsAboutWaitingRoom() {
        ServerMessage.WaitingRoom list = waitingRoom();
        inCall.values().stream().map(InCall::participant).filter(VisitRoom::isHost).forEach(host -> host.send(list));
    }

    private ServerMessage.WaitingRoom waitingRoom() {
        return new ServerMessage.WaitingRoom(waiting.values().stream()
                .map(p -> new ServerMessage.Member(p.id(), p.role())).toList());
    }

    private void broadcast(ServerMessage message, Participant except) {
        for (InCall member : inCall.values()) {
            if (member.participant() != except) {
                member.participant().send(message);
            }
        }
    }

    private void requireHost(Participant sender, String why) {
        if (!isHost(sender) || !isCurrentInCall(sender)) {
            throw new SignalingException(NOT_ALLOWED, why);
        }
    }

    private void requireInCall(Participant sender, String why) {
        if (!isCurrentInCall(sender)) {
            throw new SignalingException(NOT_ALLOWED, why);
        }
    }

    private boolean isCurrentInCall(Participant participant) {
        InCall member = inCall.get(participant.id());
        return member != null && member.participant() == participant;
    }

    private static boolean isHost(Participant participant) {
        return participant.role() == ParticipantRole.DOCTOR;
    }

    private record InCall(Participant participant, boolean audio, boolean video) {
    }
}
