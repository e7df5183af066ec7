package org.telehealth.signaling.turn;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.telehealth.signaling.room.VisitRoom;
import org.telehealth.signaling.room.VisitRooms;

/**
 * Every half of {@code signaling.turn.credential-ttl}, gives every participant of this instance in a
 * call a new TURN credential ({@code ice-servers}). A page holds a credential with at least half its
 * life left at any moment, so an ICE restart late in a long visit (a network change) can still
 * allocate a relay, while each credential stays short-lived. Nothing runs when TURN is off.
 */
@ApplicationScoped
public class TurnCredentialRenewer {

    private final VisitRooms rooms;
    private final TurnIceServers iceServers;
    private final Vertx vertx;
    private long timer = -1;

    public TurnCredentialRenewer(VisitRooms rooms, TurnIceServers iceServers, Vertx vertx) {
        this.rooms = rooms;
        this.iceServers = iceServers;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (!iceServers.enabled()) {
            return;
        }
        // rooms take their lock: not on an event loop
        timer = vertx.setPeriodic(iceServers.credentialTtl().toMillis() / 2, id -> vertx.executeBlocking(() -> {
            rooms.all().forEach(VisitRoom::renewIceServers);
            return null;
        }, false));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
