package org.telehealth.signaling.room;

import java.time.Duration;

/** Runs a task once after a delay, off the caller's thread; rooms use it for reconnection deadlines. */
@FunctionalInterface
public interface Scheduler {

    /** Schedules {@code task}; the returned handle cancels it if it has not run yet. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
