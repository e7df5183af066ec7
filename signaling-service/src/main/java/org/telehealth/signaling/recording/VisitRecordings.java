package org.telehealth.signaling.recording;

import static org.telehealth.signaling.protocol.ErrorCode.NOT_ALLOWED;
import static org.telehealth.signaling.protocol.ErrorCode.UNKNOWN_RECORDING;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.telehealth.events.recording.ConsentDecision;
import org.telehealth.events.recording.ExpectedParticipant;
import org.telehealth.events.recording.RecordingCompleted;
import org.telehealth.events.recording.RecordingConsentRecorded;
import org.telehealth.events.recording.RecordingEvent;
import org.telehealth.events.recording.RecordingFailed;
import org.telehealth.events.recording.RecordingRequested;
import org.telehealth.events.recording.RecordingStarted;
import org.telehealth.events.recording.RecordingStopRequested;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.events.visit.VisitEnded;
import org.telehealth.events.visit.VisitParticipantJoined;
import org.telehealth.events.visit.VisitParticipantLeft;
import org.telehealth.signaling.media.placement.MediaPlacement;
import org.telehealth.signaling.protocol.ServerMessage;
import org.telehealth.signaling.protocol.SignalingException;
import org.telehealth.signaling.room.Participant;
import org.telehealth.signaling.room.PerVisitState;
import org.telehealth.signaling.room.VisitRoom;
import org.telehealth.signaling.room.VisitRooms;

/**
 * Recording consent in visits (issue #6): the doctor's {@code recording-start} and
 * {@code recording-stop}, everyone's {@code recording-consent}, the call's changes that end a request
 * (someone enters the call, someone asked leaves it before answering, the visit ends), and
 * recording-service's outcomes. It tells the call where the recording stands
 * ({@code recording-state}) and publishes what recording-service needs to decide
 * ({@code recording.requested}, {@code recording.consent-recorded}, {@code recording.stop-requested});
 * recording-service alone decides whether anything is captured.
 *
 * <p>Everything about a visit's recording happens under its room's lock ({@link VisitRoom#locked}),
 * the lock under which the room fires its visit events: a request names exactly the people in the
 * call at that moment, and nobody enters the call between the request and the question.
 *
 * <p>A visit whose participants are on several instances has one request: the doctor's instance
 * names everyone in the call, wherever their socket is; the other instances read the request, the
 * answers and the stops back from the topic ({@link #replicate}) and ask and tell their own sockets.
 * Each instance publishes the answers of its own participants and the stops their comings and goings
 * cause.
 *
 * <p>A request asking or recording keeps its room from being evicted, even with nobody left in the
 * call; once the room is evicted the visit's request is forgotten.
 */
@ApplicationScoped
public class VisitRecordings implements PerVisitState {

    /** The visit's latest recording request, the room it belongs to, and when the doctor made it. */
    private record Current(VisitRoom room, RecordingRequest request, Instant requestedAt) {
    }

    /** Why the call is told a recording stopped when its visit ended (recording-service's own stop reason too). */
    private static final String VISIT_ENDED = "visit-ended";

    private final Map<UUID, Current> visits = new ConcurrentHashMap<>();
    private final RecordingEventPublisher events;
    private final MediaPlacement placement;
    private final VisitRooms rooms;

    public VisitRecordings(RecordingEventPublisher events, MediaPlacement placement, VisitRooms rooms) {
        this.events = events;
        this.placement = placement;
        this.rooms = rooms;
    }

    /** {@code recording-start}: the host asks everyone in the call; asking counts as the host's own consent. */
    public void start(VisitRoom room, Participant host) {
        room.locked(() -> {
            requireHostInCall(room, host, "only the doctor in the call asks to record");
            Current earlier = visits.get(room.visitId());
            if (earlier != null && earlier.request().isActive()) {
                throw new SignalingException(NOT_ALLOWED, "a recording is already being asked for or made");
            }
            RecordingRequest request = new RecordingRequest(UUID.randomUUID(), host.id(), room.callRoles());
            Instant now = Instant.now();
            List<ExpectedParticipant> expected = request.asked().entrySet().stream()
                    .map(entry -> new ExpectedParticipant(entry.getKey(), entry.getValue(),
                            accountOf(entry.getKey(), entry.getValue())))
                    .toList();
            // the media-service instance hosting the visit's room, which recording-service asks to fork it
            // (null before anyone's first offer: recording-service then uses its default instance)
            String mediaControlUrl = placement.placed(room.visitId()).map(i -> i.controlUrl().toString()).orElse(null);
            events.publish(new RecordingRequested(request.id(), room.visitId(), host.id(), expected, now, mediaControlUrl), now);
            events.publish(new RecordingConsentRecorded(request.id(), room.visitId(), host.id(), ParticipantRole.DOCTOR,
                    ConsentDecision.ACCEPTED, now, ConsentWording.VERSION), now);
            visits.put(room.visitId(), new Current(room, request, now));
            request.asked().keySet().stream().filter(id -> !id.equals(host.id()))
                    .forEach(id -> room.sendTo(id, new ServerMessage.RecordingConsentRequested(request.id())));
            room.sendToCall(request.state());
        });
    }

    /**
     * {@code recording-consent}: an answer of someone asked. A decline ends the request (or, while
     * recording, withdraws consent and stops it); an acceptance updates who is still awaited.
     */
    public void consent(VisitRoom room, Participant sender, UUID recordingId, boolean accept) {
        room.locked(() -> {
            if (!room.speaksInCall(sender)) {
                throw new SignalingException(NOT_ALLOWED, "recording consent is for participants in the call");
            }
            Current current = visits.get(room.visitId());
            if (current == null || !current.request().id().equals(recordingId)) {
                throw new SignalingException(UNKNOWN_RECORDING, "no such recording request in this visit");
            }
            RecordingRequest request = current.request();
            boolean wasRecording = request.phase() == RecordingRequest.Phase.RECORDING;
            request.answer(sender.id(), accept);
            Instant now = Instant.now();
            events.publish(new RecordingConsentRecorded(request.id(), room.visitId(), sender.id(), sender.role(),
                    accept ? ConsentDecision.ACCEPTED : ConsentDecision.DECLINED, now, ConsentWording.VERSION), now);
            if (!accept) {
                events.publish(new RecordingStopRequested(request.id(), room.visitId(), sender.id(),
                        RecordingStopRequested.DECLINED, now), now);
                if (wasRecording) {
                    request.stopped(RecordingStopRequested.DECLINED, sender.id());
                } else {
                    request.declined(sender.id());
                }
            }
            room.sendToCall(request.state());
        });
    }

    /** {@code recording-stop}: a host stops the recording, or drops the request still waiting for consent. */
    public void stop(VisitRoom room, Participant host) {
        room.locked(() -> {
            requireHostInCall(room, host, "only the doctor in the call stops a recording");
            Current current = visits.get(room.visitId());
            if (current == null || !current.request().isActive()) {
                throw new SignalingException(NOT_ALLOWED, "no recording is being asked for or made");
            }
            requestStop(current, RecordingStopRequested.DOCTOR_STOPPED, host.id());
        });
    }

    /**
     * A socket of someone in the call joined or resumed: a page that reconnected learns where the
     * recording stands, and is asked again if it has not answered.
     */
    public void caughtUp(VisitRoom room, Participant socket) {
        room.locked(() -> {
            Current current = visits.get(room.visitId());
            if (current == null || !current.request().isActive() || !room.speaksInCall(socket)) {
                return;
            }
            RecordingRequest request = current.request();
            if (request.awaits(socket.id())) {
                socket.send(new ServerMessage.RecordingConsentRequested(request.id()));
            }
            socket.send(request.state());
        });
    }

    /** recording-service's outcome of the visit's request known here; outcomes of other requests change nothing. */
    public void outcome(RecordingEvent event) {
        Current current = visits.get(event.visitId());
        if (current == null || !current.request().id().equals(event.recordingId())) {
            return;
        }
        current.room().locked(() -> {
            RecordingRequest request = current.request();
            if (visits.get(event.visitId()) != current || !request.isActive()) {
                return; // a newer request, or signaling has already ended this one (its stop is on the way)
            }
            if (event instanceof RecordingStarted) {
                if (request.phase() == RecordingRequest.Phase.RECORDING) {
                    return;
                }
                request.started();
            } else if (event instanceof RecordingCompleted completed) {
                request.stopped(completed.stopReason(), null);
            } else if (event instanceof RecordingFailed failed) {
                if (RecordingFailed.DECLINED.equals(failed.reason())) {
                    request.declined(null);
                } else {
                    request.failed(failed.reason());
                }
            } else {
                return; // signaling's own events
            }
            current.room().sendToCall(request.state());
        });
    }

    /**
     * A request, answer or stop that a signaling instance published on {@code telehealth.recordings},
     * read back by every instance in the visit's partition order. A call spread over several instances
     * has one request: the instance of the doctor who asked publishes it, and every other instance
     * holding participants of the visit asks its own, follows their answers and everyone else's, and
     * tells its own sockets where it stands. What an instance published itself is applied already
     * when it reads it back, and changes nothing.
     */
    public void replicate(RecordingEvent event) {
        if (event instanceof RecordingRequested requested) {
            requested(requested);
        } else if (event instanceof RecordingConsentRecorded consent) {
            consentRecorded(consent);
        } else if (event instanceof RecordingStopRequested stop) {
            stopRequested(stop);
        }
    }

    private void requested(RecordingRequested requested) {
        VisitRoom room = rooms.existing(requested.visitId()).orElse(null);
        if (room == null) {
            return; // no participant of this visit has been here: nobody to ask or tell
        }
        room.locked(() -> {
            Current earlier = visits.get(requested.visitId());
            if (room.isEnded() || room.isEvicted() || earlier != null && (earlier.request().id().equals(requested.recordingId())
                    || earlier.request().isActive() || !requested.at().isAfter(earlier.requestedAt()))) {
                return; // read already (or published here), superseded, or two doctors asked at once: recording-service refuses the later
            }
            Map<String, ParticipantRole> asked = new LinkedHashMap<>();
            requested.participants().forEach(expected -> asked.put(expected.participantId(), expected.role()));
            if (!asked.containsKey(requested.requestedBy())) {
                return; // not a request signaling makes; recording-service refuses it as invalid
            }
            RecordingRequest request = new RecordingRequest(requested.recordingId(), requested.requestedBy(), asked);
            visits.put(requested.visitId(), new Current(room, request, requested.at()));
            asked.keySet().stream().filter(id -> !id.equals(requested.requestedBy()))
                    .forEach(id -> room.sendTo(id, new ServerMessage.RecordingConsentRequested(request.id())));
            room.sendToCall(request.state());
        });
    }

    /** An acceptance published elsewhere; a decline ends the request with the stop that follows it. */
    private void consentRecorded(RecordingConsentRecorded consent) {
        if (consent.decision() != ConsentDecision.ACCEPTED) {
            return;
        }
        whileActive(consent.visitId(), current -> {
            RecordingRequest request = current.request();
            if (!request.id().equals(consent.recordingId()) || !request.awaits(consent.participantId())) {
                return; // another request, the doctor's own acceptance, or an answer applied already
            }
            request.answer(consent.participantId(), true);
            current.room().sendToCall(request.state());
        });
    }

    private void stopRequested(RecordingStopRequested stop) {
        whileActive(stop.visitId(), current -> {
            RecordingRequest request = current.request();
            if (!request.id().equals(stop.recordingId())) {
                return;
            }
            if (RecordingStopRequested.DECLINED.equals(stop.reason()) && request.phase() == RecordingRequest.Phase.ASKING) {
                request.declined(stop.by());
            } else {
                request.stopped(stop.reason(), stop.by());
            }
            current.room().sendToCall(request.state());
        });
    }

    /** Someone entered the call (joined as a host or was admitted): they were not asked, so an active request stops. */
    void participantJoined(@Observes VisitParticipantJoined joined) {
        whileActive(joined.visitId(), current -> requestStop(current, RecordingStopRequested.PARTICIPANT_JOINED,
                joined.participantId()));
    }

    /** Someone asked left the call before recording began: they can no longer answer, so the request stops. */
    void participantLeft(@Observes VisitParticipantLeft left) {
        whileActive(left.visitId(), current -> {
            RecordingRequest request = current.request();
            if (request.phase() == RecordingRequest.Phase.ASKING && request.names(left.participantId())) {
                requestStop(current, RecordingStopRequested.PARTICIPANT_LEFT, left.participantId());
            }
        });
    }

    /** The visit ended: recording-service stops its recording on {@code visit.ended}; the call is told it stopped. */
    void visitEnded(@Observes VisitEnded ended) {
        whileActive(ended.visitId(), current -> {
            current.request().stopped(VISIT_ENDED, ended.endedBy());
            current.room().sendToCall(current.request().state());
        });
        visits.remove(ended.visitId());
    }

    /** A recording asked for or in progress in the room holds it; not once its visit ended (the end stops it). */
    @Override
    public boolean holdsRoom(VisitRoom room) {
        Current current = visits.get(room.visitId());
        return current != null && current.room() == room && current.request().isActive() && !room.isEnded();
    }

    @Override
    public void roomEvicted(VisitRoom room) {
        visits.computeIfPresent(room.visitId(), (id, current) -> current.room() == room ? null : current);
    }

    private void whileActive(UUID visitId, Consumer<Current> action) {
        Current current = visits.get(visitId);
        if (current == null) {
            return;
        }
        current.room().locked(() -> {
            if (visits.get(visitId) == current && current.request().isActive()) {
                action.accept(current);
            }
        });
    }

    private void requestStop(Current current, String reason, String by) {
        RecordingRequest request = current.request();
        Instant now = Instant.now();
        events.publish(new RecordingStopRequested(request.id(), current.room().visitId(), by, reason, now), now);
        request.stopped(reason, by);
        current.room().sendToCall(request.state());
    }

    private static void requireHostInCall(VisitRoom room, Participant sender, String why) {
        if (sender.role() != ParticipantRole.DOCTOR || !room.speaksInCall(sender)) {
            throw new SignalingException(NOT_ALLOWED, why);
        }
    }

    /** Hosts are Keycloak users (participant id = user id); patients and guests come with links, no account known. */
    private static String accountOf(String participantId, ParticipantRole role) {
        return role == ParticipantRole.DOCTOR ? participantId : null;
    }
}
