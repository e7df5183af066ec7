package org.telehealth.signaling.room;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * {@link Scheduler} on Vert.x timers: the task runs on a worker thread, since room methods take the
 * room's lock and publish events, which must not hold up an event loop.
 */
@ApplicationScoped
public class WorkerScheduler implements Scheduler {

    private final Vertx vertx;

    public WorkerScheduler(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long timer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> vertx.executeBlocking(() -> {
            task.run();
            return null;
        }, false));
        return () -> vertx.cancelTimer(timer);
    }
}
