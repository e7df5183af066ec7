package org.telehealth.signaling.room;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link Scheduler} for unit tests whose clock moves only when told: moving it runs the tasks that
 * fall due, in the order of their times, on the caller's thread, each at its own time.
 */
final class ManualScheduler implements Scheduler {

    private record Task(Instant due, long order, Runnable run) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private Instant now = Instant.parse("2026-03-02T09:00:00Z");
    private long scheduled;

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable run) {
        Task task = new Task(now.plus(delay), ++scheduled, run);
        tasks.add(task);
        return () -> {
            synchronized (this) {
                tasks.remove(task);
            }
        };
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    /** Moves the clock by {@code by}, running every task due by then. */
    void advance(Duration by) {
        Instant until = now().plus(by);
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(task -> !task.due().isAfter(until))
                        .min(Comparator.comparing(Task::due).thenComparingLong(Task::order)).orElse(null);
                if (next == null) {
                    now = until;
                    return;
                }
                tasks.remove(next);
                now = next.due();
            }
            next.run().run();
        }
    }
}
