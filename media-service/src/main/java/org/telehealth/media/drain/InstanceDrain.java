package org.telehealth.media.drain;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.telehealth.media.control.ControlException;
import org.telehealth.media.events.MediaLoadReporter;
import org.telehealth.media.room.RoomRegistry;

/**
 * Whether this instance drains: it opens no new room while the open ones carry on (participants
 * join, renegotiate, get recorded), so that it can be stopped (scale-down, update, node maintenance)
 * once its calls have ended rather than in the middle of them. A drain starts from the control API
 * or from the pod's stop ({@link DrainRequestFile}); one started by the pod's stop cannot be called
 * off, the instance is going away. Readiness stays UP while draining: the instance still serves
 * its open rooms, and no Service sends it work that readiness could hold back (signaling places
 * rooms from the load reports). Every change is logged, reported on Kafka at once and shown as the
 * gauge {@code media_draining}.
 */
@Startup
@ApplicationScoped
public class InstanceDrain {

    private static final Logger LOG = Logger.getLogger(InstanceDrain.class);

    /** What started a drain. */
    public enum Trigger {
        CONTROL_API("control-api"), POD_STOP("pod-stop");

        private final String label;

        Trigger(String label) {
            this.label = label;
        }
    }

    private final RoomRegistry rooms;
    private final MediaLoadReporter reporter;
    private Trigger startedBy;
    private Instant since;

    public InstanceDrain(RoomRegistry rooms, MediaLoadReporter reporter, MeterRegistry meters) {
        this.rooms = rooms;
        this.reporter = reporter;
        Gauge.builder("media.draining", rooms, registry -> registry.refusesNewRooms() ? 1 : 0)
                .description("1 while the instance drains: it opens no new room").strongReference(true).register(meters);
    }

    /** Starts draining (idempotent: a drain under way keeps its start and trigger). */
    public synchronized DrainState start(Trigger trigger) {
        if (startedBy == null) {
            rooms.refuseNewRooms(true);
            startedBy = trigger;
            since = Instant.now();
            LOG.infof("Draining (started by %s): no new room opens here; %d room(s) still open", trigger.label, rooms.size());
            reporter.reportNow();
        }
        return state();
    }

    /** Takes new rooms again after a drain started from the control API (idempotent). */
    public synchronized DrainState cancel() {
        if (startedBy == Trigger.POD_STOP) {
            throw ControlException.conflict("this instance is being stopped (its pod's stop started the drain): "
                    + "the drain cannot be called off");
        }
        if (startedBy != null) {
            rooms.refuseNewRooms(false);
            startedBy = null;
            since = null;
            LOG.info("Drain called off: new rooms open here again");
            reporter.reportNow();
        }
        return state();
    }

    public synchronized DrainState state() {
        return new DrainState(startedBy != null, since, startedBy == null ? null : startedBy.label, rooms.size(),
                rooms.participantCount());
    }
}
