package org.telehealth.signaling.cluster;

import java.util.UUID;

/**
 * A fact one signaling instance tells the others on topic {@code telehealth.signaling-rooms}, keyed
 * by visit id: every fact about a visit lands in one partition, so every instance reads a visit's
 * facts in the same order, its own included. {@code origin} and {@code seq} let an instance know
 * its own facts when they come back and how far it has read them.
 */
public sealed interface RoomFact permits VisitFact, PlacementFact {

    UUID visitId();

    /** The instance that published the fact (its {@code quarkus.uuid}). */
    String origin();

    /** The origin's number for the fact, higher for each later fact it publishes. */
    long seq();

    /** Checks what every fact carries; facts come from a topic only signaling writes, but are checked anyway. */
    static void check(UUID visitId, String origin, long seq) {
        if (visitId == null) {
            throw new IllegalArgumentException("visitId is missing");
        }
        if (origin == null || origin.isBlank() || origin.length() > 64) {
            throw new IllegalArgumentException("origin is missing or too long");
        }
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be positive");
        }
    }

    /** Checks a participant id as the protocol allows it (1 to 64 characters). */
    static String participant(String participantId) {
        if (participantId == null || participantId.isBlank() || participantId.length() > 64) {
            throw new IllegalArgumentException("participantId is missing or too long");
        }
        return participantId;
    }
}
