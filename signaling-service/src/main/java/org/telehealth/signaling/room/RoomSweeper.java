package org.telehealth.signaling.room;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.telehealth.signaling.config.SignalingConfig;

/**
 * Every {@code signaling.rooms.sweep-interval}, evicts the rooms nothing holds any more: nobody in
 * them on this instance or another (connected, within the reconnection grace period, waiting or in
 * the call), nothing happened in them for {@code signaling.rooms.idle-timeout}
 * ({@code ended-retention} once the visit ended), and no other feature's state of the visit needs
 * them ({@link PerVisitState}: a recording in progress, media calls under way). Those features then
 * forget the visit too. Without it an instance's memory would grow with every visit it has seen, its
 * own and the other instances' alike, since every instance reads every visit's facts. Counts the
 * rooms held ({@code signaling.rooms}) and those evicted ({@code signaling.rooms.evicted}).
 */
@ApplicationScoped
public class RoomSweeper {

    private static final Logger LOG = Logger.getLogger(RoomSweeper.class);

    private final VisitRooms rooms;
    private final List<PerVisitState> states;
    private final Scheduler scheduler;
    private final Duration interval;
    private final Duration idleTimeout;
    private final Duration endedRetention;
    private final Counter evicted;
    private Scheduler.Cancellable next;
    private boolean stopped;

    @Inject
    public RoomSweeper(VisitRooms rooms, @All List<PerVisitState> states, WorkerScheduler scheduler, SignalingConfig config,
            MeterRegistry meters) {
        this(rooms, states, scheduler, config.rooms().sweepInterval(), config.rooms().idleTimeout(),
                config.rooms().endedRetention(), meters);
    }

    RoomSweeper(VisitRooms rooms, List<PerVisitState> states, Scheduler scheduler, Duration interval, Duration idleTimeout,
            Duration endedRetention, MeterRegistry meters) {
        this.rooms = rooms;
        this.states = List.copyOf(states);
        this.scheduler = scheduler;
        this.interval = interval;
        this.idleTimeout = idleTimeout;
        this.endedRetention = endedRetention;
        this.evicted = Counter.builder("signaling.rooms.evicted").description("visit rooms evicted from memory")
                .register(meters);
        Gauge.builder("signaling.rooms", rooms, VisitRooms::size).description("visit rooms held in memory")
                .register(meters);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    synchronized void start() {
        stopped = false;
        next = scheduler.schedule(interval, this::sweepAndGoOn);
    }

    synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
        }
    }

    /** Evicts every room nothing holds at {@code now}; returns how many went. The timer calls it with the time. */
    public int sweep(Instant now) {
        int count = 0;
        for (VisitRoom room : rooms.all()) {
            if (rooms.evict(room, now, idleTimeout, endedRetention, this::held)) {
                states.forEach(state -> state.roomEvicted(room));
                count++;
            }
        }
        evicted.increment(count);
        return count;
    }

    private boolean held(VisitRoom room) {
        return states.stream().anyMatch(state -> state.holdsRoom(room));
    }

    private void sweepAndGoOn() {
        try {
            sweep(scheduler.now());
        } catch (RuntimeException e) {
            LOG.warnf("Sweeping the visit rooms failed: %s", e.getClass().getName());
        }
        synchronized (this) {
            if (!stopped) {
                next = scheduler.schedule(interval, this::sweepAndGoOn);
            }
        }
    }
}
