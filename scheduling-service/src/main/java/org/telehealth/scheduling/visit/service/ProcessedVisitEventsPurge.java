package org.telehealth.scheduling.visit.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.telehealth.scheduling.visit.VisitConfig;

/**
 * Keeps the table of handled visit event ids small: ids older than the retention are deleted every
 * hour. Redeliveries come within minutes (a crash, a rebalance); the retention is days.
 */
@ApplicationScoped
public class ProcessedVisitEventsPurge {

    private static final Logger LOG = Logger.getLogger(ProcessedVisitEventsPurge.class);

    private final VisitEventService visits;
    private final VisitConfig config;
    private final Clock clock;

    public ProcessedVisitEventsPurge(VisitEventService visits, VisitConfig config, Clock clock) {
        this.visits = visits;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "visit-events-purge")
    Uni<Void> scheduled() {
        return purge()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("purge of handled visit event ids failed (%s); retried in an hour", e.getClass().getSimpleName());
                    return 0;
                })
                .replaceWithVoid();
    }

    /** Deletes the ids of events handled longer ago than the retention; returns how many. */
    public Uni<Integer> purge() {
        return visits.forgetHandledBefore(clock.instant().minus(config.processedEventRetention()));
    }
}
