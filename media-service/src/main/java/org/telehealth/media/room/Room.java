package org.telehealth.media.room;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A visit's media room: the participants whose streams the SFU forwards to each other. Rooms are
 * created and closed by signaling through the control API; a room holds at most
 * {@link #MAX_PARTICIPANTS}. While it is recorded it holds the {@link RecordingFork} that copies its
 * media to the recorder.
 */
public final class Room {

    /** Doctor, patient, interpreter, family: a visit is small. The cap bounds one room's cost. */
    public static final int MAX_PARTICIPANTS = 8;

    private static final Participant[] NONE = new Participant[0];

    private final String id;
    private final Map<String, Participant> participants = new ConcurrentHashMap<>();
    /** The same participants as an array, replaced on each change: the media path reads it per packet without allocating. */
    private volatile Participant[] snapshot = NONE;
    private volatile RecordingFork recording;

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

    /** The participants as of their last change. Read per packet; callers must not modify it. */
    Participant[] participantArray() {
        return snapshot;
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
        if (participants.putIfAbsent(participant.id(), participant) == null) {
            snapshot = participants.values().toArray(NONE);
        }
        return true;
    }

    /** Removes a participant, and what the others kept to repair the streams it published. */
    Optional<Participant> remove(String participantId) {
        Participant removed;
        synchronized (this) {
            removed = participants.remove(participantId);
            snapshot = participants.values().toArray(NONE);
        }
        if (removed != null) {
            for (Participant other : participants.values()) {
                other.forgetStreamsOf(removed);
            }
        }
        return Optional.ofNullable(removed);
    }

    /** The fork copying the room's media to the recorder, or null when it is not recorded. Read per packet. */
    public RecordingFork recording() {
        return recording;
    }

    /**
     * Starts recording with {@code fork} unless a fork runs already.
     *
     * @return the fork that runs now: {@code fork}, or the one that ran already
     */
    synchronized RecordingFork startRecording(RecordingFork fork) {
        if (recording == null) {
            recording = fork;
        }
        return recording;
    }

    /** Stops the fork, if any: its tracks end (BYE) and its socket closes. */
    synchronized boolean stopRecording() {
        RecordingFork fork = recording;
        recording = null;
        if (fork != null) {
            fork.stop();
        }
        return fork != null;
    }
}
