package org.telehealth.signaling.room;

import java.time.Duration;
import java.time.Instant;

/**
 * The time rooms go by: runs a task once after a delay, off the caller's thread (reconnection
 * deadlines, the sweep of idle rooms), and tells the time rooms count idleness in. Tests move both.
 */
@FunctionalInterface
public interface Scheduler {

    /** Schedules {@code task}; the returned handle cancels it if it has not run yet. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Now, as rooms measure how long they have been idle. */
    default Instant now() {
        return Instant.now();
    }

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
