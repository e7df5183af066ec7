package org.telehealth.signaling.media;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.telehealth.signaling.room.VisitRoom;

/**
 * A visit's media as signaling follows it: its room, the queue its media calls go through, who has
 * been added to its media room (and so must be removed when they leave), and what the last quality
 * poll saw of each.
 */
final class VisitMedia {

    private final VisitRoom room;
    private final SerialTasks tasks;
    private final Set<String> withMedia = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> packetsSeen = new ConcurrentHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();

    VisitMedia(VisitRoom room, SerialTasks tasks) {
        this.room = room;
        this.tasks = tasks;
    }

    VisitRoom room() {
        return room;
    }

    String roomId() {
        return room.visitId().toString();
    }

    SerialTasks tasks() {
        return tasks;
    }

    /** Participants added to the media room: written by the visit's tasks only, read by the quality poll. */
    Set<String> withMedia() {
        return withMedia;
    }

    Map<String, Long> packetsSeen() {
        return packetsSeen;
    }

    /** True if no quality poll of this visit is under way, and marks one as started. */
    boolean startPoll() {
        return polling.compareAndSet(false, true);
    }

    void pollDone() {
        polling.set(false);
    }
}
