package org.telehealth.signaling.media;

import java.util.UUID;

/**
 * A visit's media calls on this instance: the queue they go through, one at a time in the order
 * asked for. Who is in the media room is part of the room's state ({@code Member.media}), which every
 * instance shares.
 */
final class VisitMedia {

    private final UUID visitId;
    private final SerialTasks tasks;

    VisitMedia(UUID visitId, SerialTasks tasks) {
        this.visitId = visitId;
        this.tasks = tasks;
    }

    UUID visitId() {
        return visitId;
    }

    /** The media room's id at media-service: the visit's id. */
    String roomId() {
        return visitId.toString();
    }

    SerialTasks tasks() {
        return tasks;
    }
}
