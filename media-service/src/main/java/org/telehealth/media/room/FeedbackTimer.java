package org.telehealth.media.room;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one clock of what the SFU does on its own, rather than in answer to a packet: every
 * {@link #TICK_MILLIS} it walks the rooms, sends each publisher transport-cc feedback and chooses
 * each receiver's simulcast layers, and every {@link #TICKS_PER_RECEIVER_REPORT}th tick sends
 * receiver reports; a recorded room's {@link RecordingFork} ticks with it. One thread for the whole instance, not a timer per participant; started with
 * the application and stopped at shutdown.
 */
@Startup
@ApplicationScoped
public class FeedbackTimer {

    /** Transport-cc feedback interval: what browsers' estimators expect (libwebrtc sends it as often). */
    static final long TICK_MILLIS = 100;
    /** Receiver reports once a second: RFC 3550's interval for a session this small is about as long. */
    static final int TICKS_PER_RECEIVER_REPORT = 10;

    private static final Logger LOG = Logger.getLogger(FeedbackTimer.class);

    private final Supplier<Collection<Room>> rooms;
    private final Forwarder forwarder;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "media-feedback-timer");
        thread.setDaemon(true);
        return thread;
    });
    private long ticks;

    @Inject
    public FeedbackTimer(RoomRegistry rooms, Forwarder forwarder) {
        this(rooms::rooms, forwarder);
    }

    FeedbackTimer(Supplier<Collection<Room>> rooms, Forwarder forwarder) {
        this.rooms = rooms;
        this.forwarder = forwarder;
    }

    void start(@Observes StartupEvent event) {
        timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /**
     * Sends what is due to every participant. A failure for one participant is logged and does not
     * stop the others, nor the timer (a scheduled task that throws is never run again).
     */
    void tick() {
        boolean receiverReports = ++ticks % TICKS_PER_RECEIVER_REPORT == 0;
        for (Room room : rooms.get()) {
            try {
                forwarder.tickRecording(room);
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not tick the recording fork of room %s", room.id());
            }
            for (Participant participant : room.participants()) {
                try {
                    forwarder.sendTransportFeedback(participant);
                    forwarder.selectLayers(participant);
                    if (receiverReports) {
                        forwarder.sendReceiverReport(participant);
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "could not send RTCP feedback to, or choose the layers of, %s in room %s", participant.id(),
                            room.id());
                }
            }
        }
    }
}
