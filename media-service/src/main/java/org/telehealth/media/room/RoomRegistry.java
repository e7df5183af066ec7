package org.telehealth.media.room;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.telehealth.events.media.MediaParticipantDisconnected;
import org.telehealth.events.media.MediaParticipantFailed;
import org.telehealth.media.control.ControlException;
import org.telehealth.media.events.MediaEventPublisher;
import org.telehealth.media.session.MediaSession;
import org.telehealth.media.session.MediaTransport;

/**
 * The rooms of this instance. Creating a room or a participant twice is harmless (signaling may
 * retry); removing a participant closes its media session, closing a room removes everyone (and
 * stops its recording). While the instance drains it opens no new room; the open ones carry on.
 */
@ApplicationScoped
public class RoomRegistry {

    /** Rooms one instance accepts; beyond it signaling must place rooms elsewhere. */
    public static final int MAX_ROOMS = 500;

    private final MediaTransport transport;
    private final MediaEventPublisher events;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Map<MediaSession, Participant> bySession = new ConcurrentHashMap<>();
    /** Written under this registry's lock, as {@link #open} reads it: no room opens after the drain began. */
    private volatile boolean refusingNewRooms;

    private final ScheduledExecutorService consentSweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "media-consent-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    public RoomRegistry(MediaTransport transport, MediaEventPublisher events) {
        this.transport = transport;
        this.events = events;
        consentSweeper.scheduleWithFixedDelay(this::removeParticipantsWithoutConsent, 5, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        consentSweeper.shutdownNow();
    }

    /** Removes participants whose browsers stopped consenting to media, or never connected. */
    void removeParticipantsWithoutConsent() {
        long now = System.nanoTime();
        for (Room room : rooms.values()) {
            for (Participant participant : room.participants()) {
                if (participant.session().consentLapsed(now) && room.remove(participant.id()).isPresent()) {
                    end(participant);
                    if (participant.session().hasConsented()) {
                        events.disconnected(room.id(), participant.id(), MediaParticipantDisconnected.Reason.CONSENT_LAPSED);
                    } else {
                        events.failed(room.id(), participant.id(), MediaParticipantFailed.Reason.NEVER_CONNECTED);
                    }
                }
            }
        }
    }

    public synchronized Room open(String roomId) {
        Room existing = rooms.get(roomId);
        if (existing != null) {
            return existing;
        }
        if (refusingNewRooms) {
            throw ControlException.unavailable("this media instance is draining (it is being stopped): it opens no new "
                    + "room, only its open rooms carry on; open room " + roomId + " on another instance");
        }
        if (rooms.size() >= MAX_ROOMS) {
            throw ControlException.unavailable("this media instance is full (" + MAX_ROOMS + " rooms)");
        }
        Room room = new Room(roomId);
        rooms.put(roomId, room);
        return room;
    }

    /**
     * Makes {@link #open} refuse rooms that are not open yet (the instance drains), or take them
     * again. Taken under the lock {@code open} holds: once this returns, no new room is created
     * until the refusal is lifted.
     */
    public synchronized void refuseNewRooms(boolean refuse) {
        refusingNewRooms = refuse;
    }

    public boolean refusesNewRooms() {
        return refusingNewRooms;
    }

    /** The open rooms, as they are while the caller walks them. */
    public Collection<Room> rooms() {
        return rooms.values();
    }

    public Optional<Room> room(String roomId) {
        return Optional.ofNullable(rooms.get(roomId));
    }

    public Participant join(String roomId, String participantId) {
        Room room = room(roomId).orElseThrow(() -> ControlException.notFound("no room " + roomId));
        Optional<Participant> existing = room.participant(participantId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Participant participant = new Participant(participantId, room, transport.newSession(roomId + "/" + participantId));
        if (!room.add(participant)) {
            transport.closeSession(participant.session());
            throw ControlException.conflict("room " + roomId + " is full (" + Room.MAX_PARTICIPANTS + " participants)");
        }
        Participant joined = room.participant(participantId).orElseThrow();
        if (joined == participant) {
            bySession.put(participant.session(), participant);
            participant.session().connected().whenComplete((srtp, failure) -> {
                if (failure == null) {
                    events.connected(roomId, participantId);
                } else if (!participant.session().connected().isCancelled()) {
                    events.failed(roomId, participantId, MediaParticipantFailed.Reason.DTLS_FAILED);
                }
            });
        } else {
            transport.closeSession(participant.session()); // lost a race with an identical join
        }
        return joined;
    }

    public void leave(String roomId, String participantId) {
        room(roomId).flatMap(room -> room.remove(participantId)).ifPresent(participant -> {
            end(participant);
            events.disconnected(roomId, participantId, MediaParticipantDisconnected.Reason.REMOVED);
        });
    }

    public void close(String roomId) {
        Room room = rooms.remove(roomId);
        if (room != null) {
            room.stopRecording();
            for (Participant participant : room.participants()) {
                room.remove(participant.id());
                end(participant);
                events.disconnected(roomId, participant.id(), MediaParticipantDisconnected.Reason.ROOM_CLOSED);
            }
        }
    }

    /** The participant whose media arrives on {@code session}, or null. Runs per packet: no Optional. */
    public Participant participantOf(MediaSession session) {
        return bySession.get(session);
    }

    private void end(Participant participant) {
        bySession.remove(participant.session());
        transport.closeSession(participant.session());
    }

    public int participantCount() {
        return bySession.size();
    }

    public int size() {
        return rooms.size();
    }
}
