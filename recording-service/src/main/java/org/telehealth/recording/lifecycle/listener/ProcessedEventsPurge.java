package org.telehealth.recording.lifecycle.listener;

import static org.telehealth.recording.persistence.BlockingTransactions.await;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.telehealth.recording.lifecycle.service.RecordingLifecycle;

/** Forgets the ids of events handled longer ago than {@code recording.events.processed-event-retention}, hourly. */
@ApplicationScoped
public class ProcessedEventsPurge {

    private static final Logger LOG = Logger.getLogger(ProcessedEventsPurge.class);

    private final RecordingLifecycle lifecycle;
    private final EventsConfig config;
    private final Clock clock;

    public ProcessedEventsPurge(RecordingLifecycle lifecycle, EventsConfig config, Clock clock) {
        this.lifecycle = lifecycle;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            int forgotten = await(() -> lifecycle.forgetEventsBefore(clock.instant().minus(config.processedEventRetention())));
            LOG.debugf("forgot %d handled event ids", forgotten);
        } catch (RuntimeException e) {
            LOG.warnf("could not purge handled event ids (%s); retrying in an hour", e.getClass().getSimpleName());
        }
    }
}
