package org.telehealth.media.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.telehealth.events.media.MediaInstanceLoad;
import org.telehealth.media.room.RoomRegistry;
import org.telehealth.media.session.MediaTransport;

/**
 * Reports this instance's load on Kafka at a fixed interval: rooms, participants, media packets per
 * second, CPU and whether it drains. Signaling keeps the latest report of each instance to place
 * new rooms; a drain that starts or ends is reported at once ({@link #reportNow}), not at the next
 * interval, so that signaling stops placing rooms here as soon as it can.
 */
@ApplicationScoped
public class MediaLoadReporter {

    private final RoomRegistry rooms;
    private final MediaTransport transport;
    private final MediaEventPublisher publisher;
    private final MediaInstanceConfig instance;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "media-load-reporter");
        thread.setDaemon(true);
        return thread;
    });
    private long previousPackets;
    private long previousNanos = System.nanoTime();

    public MediaLoadReporter(RoomRegistry rooms, MediaTransport transport, MediaEventPublisher publisher,
            MediaInstanceConfig instance) {
        this.rooms = rooms;
        this.transport = transport;
        this.publisher = publisher;
        this.instance = instance;
    }

    void start(@Observes StartupEvent event) {
        long interval = instance.loadReportInterval().toMillis();
        timer.scheduleAtFixedRate(this::report, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }

    /** Sends a report now, from the reporter's own thread (the caller never waits for Kafka). */
    public void reportNow() {
        try {
            timer.execute(this::report);
        } catch (RejectedExecutionException e) {
            // shutting down: no more reports
        }
    }

    synchronized void report() {
        long now = System.nanoTime();
        long packets = transport.datagramsReceived();
        double seconds = Math.max(0.001, (now - previousNanos) / 1e9);
        long perSecond = Math.round((packets - previousPackets) / seconds);
        previousPackets = packets;
        previousNanos = now;
        publisher.publish(instance.id(), new MediaInstanceLoad(instance.id(), instance.controlUrl(), rooms.size(),
                rooms.participantCount(), perSecond, cpuLoad(), rooms.refusesNewRooms()));
    }

    private static double cpuLoad() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double load = os.getProcessCpuLoad();
            return load < 0 ? -1 : load;
        }
        return -1;
    }
}
