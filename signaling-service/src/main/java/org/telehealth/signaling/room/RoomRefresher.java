package org.telehealth.signaling.room;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.telehealth.signaling.config.SignalingConfig;

/**
 * Every {@code signaling.rooms.refresh-interval}, announces each participant of this instance again
 * and drops the other instances' participants not announced for {@code signaling.rooms.member-expiry}:
 * the others keep what this instance holds while it runs, repair what a lost fact left wrong, and
 * forget the participants of an instance that stopped without saying goodbye.
 */
@ApplicationScoped
public class RoomRefresher {

    private final VisitRooms rooms;
    private final Vertx vertx;
    private final Duration interval;
    private final Duration expiry;
    private long timer = -1;

    public RoomRefresher(VisitRooms rooms, Vertx vertx, SignalingConfig config) {
        this.rooms = rooms;
        this.vertx = vertx;
        this.interval = config.rooms().refreshInterval();
        this.expiry = config.rooms().memberExpiry();
    }

    void start(@Observes StartupEvent event) {
        // rooms take their lock and publish: not on an event loop
        timer = vertx.setPeriodic(interval.toMillis(), id -> vertx.executeBlocking(() -> {
            refreshAll(Instant.now());
            return null;
        }, false));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void refreshAll(Instant now) {
        Instant cutoff = now.minus(expiry);
        for (VisitRoom room : rooms.all()) {
            room.refresh();
            room.expire(cutoff);
        }
    }
}
