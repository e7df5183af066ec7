package org.telehealth.media.room;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A visit's media room: the participants whose streams the SFU forwards to each other. Rooms are
 * created and closed by signaling through the control API; a room holds at most
 * {@link #MAX_PARTICIPANTS}.
 */
public final class Room {

    /** Doctor, patient, interpreter, family: a visit is small. The cap bounds one room's cost. */
    public static final int MAX_PARTICIPANTS = 8;

    private final String id;
    private final Map<String, Participant> participants = new ConcurrentHashMap<>();

    Room(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public Optional<Participant> participant(String participantId) {
        return Optional.ofNullable(participants.get(participantId));
    }

    public Collection<Participant> participants() {
        return participants.values();
    }

    /** The participant other than {@code receiver} who publishes the track receivers know by SSRC {@code ssrc}, or null. */
    Participant publisherOf(long ssrc, Participant receiver) {
        for (Participant publisher : participants.values()) {
            if (publisher != receiver && publisher.publishedTrack(ssrc).isPresent()) {
                return publisher;
            }
        }
        return null;
    }

    synchronized boolean add(Participant participant) {
        if (participants.size() >= MAX_PARTICIPANTS && !participants.containsKey(participant.id())) {
            return false;
        }
        participants.putIfAbsent(participant.id(), participant);
        return true;
    }

    /** Removes a participant, and what the others kept to repair the streams it published. */
    Optional<Participant> remove(String participantId) {
        Participant removed = participants.remove(participantId);
        if (removed != null) {
            for (Participant other : participants.values()) {
                other.forgetStreamsOf(removed);
            }
        }
        return Optional.ofNullable(removed);
    }
}
